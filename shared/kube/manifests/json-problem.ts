/** Why a value cannot be JSON: a cycle through an alias, or a number JSON has no form for. */
export function jsonProblem(value: unknown, path = '', ancestors = new Set<unknown>()): string | undefined {
  if (typeof value === 'number' && !Number.isFinite(value))
    return `${path || 'value'}: ${value} is not a JSON number`;
  if (typeof value !== 'object' || value === null) return undefined;
  if (ancestors.has(value)) return `${path || 'value'}: an alias refers to the value that contains it`;
  ancestors.add(value);
  const entries: [string, unknown][] = Array.isArray(value)
    ? value.map((item, i) => [`${path}[${i}]`, item])
    : Object.entries(value).map(([key, member]) => [path ? `${path}.${key}` : key, member]);
  for (const [childPath, child] of entries) {
    const problem = jsonProblem(child, childPath, ancestors);
    if (problem) return problem;
  }
  ancestors.delete(value);
  return undefined;
}
