import type { IPPool } from '../kube/schemas/kubeovn.js';
import { NetParseError } from '../net/errors.js';
import type { IPRange } from '../net/range.js';
import { parseIpCidrOrKubeOvnRange } from '../net/syntax.js';

/** One entry of an IPPool's `ips` (an IP, a CIDR or an `a..b` range), parsed or refused. */
export type IpPoolEntry =
  | { index: number; text: string; range: IPRange }
  | { index: number; text: string; error: NetParseError };

export function ipPoolEntries(pool: IPPool): IpPoolEntry[] {
  return (pool.spec?.ips ?? []).map((text, index): IpPoolEntry => {
    try {
      return { index, text, range: parseIpCidrOrKubeOvnRange(text) };
    } catch (error) {
      if (error instanceof NetParseError) return { index, text, error };
      throw error;
    }
  });
}

/** The ranges of an IPPool's `ips` that parse. */
export function ipPoolRanges(pool: IPPool): IPRange[] {
  return ipPoolEntries(pool).flatMap((entry) => ('range' in entry ? [entry.range] : []));
}
