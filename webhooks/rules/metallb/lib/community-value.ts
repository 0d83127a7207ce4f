/**
 * A BGP community as MetalLB reads it: legacy `<uint16>:<uint16>` or large
 * `large:<uint32>:<uint32>:<uint32>`. Anything with another number of `:` parts is not a value and
 * may name a Community alias instead.
 */
export type CommunityParse = { kind: 'value' } | { kind: 'invalid'; reason: string } | { kind: 'alias' };

const decimal = /^[0-9]+$/;

function sectionProblem(section: string, max: number, text: string): string | undefined {
  if (!decimal.test(section) || Number(section) > max)
    return `invalid section ${JSON.stringify(section)} of community ${JSON.stringify(text)}: must be an integer 0-${max}`;
  return undefined;
}

export function parseCommunity(text: string): CommunityParse {
  const parts = text.split(':');
  if (parts.length === 2) {
    for (const part of parts) {
      const problem = sectionProblem(part, 65535, text);
      if (problem) return { kind: 'invalid', reason: problem };
    }
    return { kind: 'value' };
  }
  if (parts.length === 4) {
    if (parts[0] !== 'large')
      return {
        kind: 'invalid',
        reason: `invalid marker for large community ${JSON.stringify(text)}: expected large:<uint32>:<uint32>:<uint32>`,
      };
    for (const part of parts.slice(1)) {
      const problem = sectionProblem(part, 4294967295, text);
      if (problem) return { kind: 'invalid', reason: problem };
    }
    return { kind: 'value' };
  }
  return { kind: 'alias' };
}
