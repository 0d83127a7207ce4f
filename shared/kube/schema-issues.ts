import type { core } from 'zod';

/** One schema violation, with a kubectl-style field path (`spec.listeners[0].hostname`). */
export interface SchemaIssue {
  path: string;
  message: string;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (typeof part === 'string' && /^[A-Za-z_$][\w$]*$/.test(part)) out += out ? `.${part}` : part;
    else out += `[${JSON.stringify(String(part))}]`;
  }
  return out;
}

export function formatZodIssues(issues: readonly core.$ZodIssue[]): SchemaIssue[] {
  const out: SchemaIssue[] = [];
  for (const issue of issues) {
    const path = formatPath(issue.path);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const full = path ? `${path}.${key}` : key;
        out.push({ path: full, message: `unknown field "${full}"` });
      }
      continue;
    }
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      // Report the branch that got furthest: the one with the fewest issues.
      const best = [...issue.errors].sort((a, b) => a.length - b.length)[0] ?? [];
      out.push(
        ...formatZodIssues(best.map((nested) => ({ ...nested, path: [...issue.path, ...nested.path] }))),
      );
      continue;
    }
    out.push({ path: path || '<root>', message: issue.message });
  }
  return out;
}
