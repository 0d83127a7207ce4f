import type { Node } from '../../../../shared/kube/schemas/workloads.js';
import { tryParseAddress } from '../../../../shared/net/address.js';
import type { IPRange } from '../../../../shared/net/range.js';
import { singleAddressRange } from '../../../../shared/net/ranges.js';

/** A node's InternalIP addresses that parse, each as a one-address range. */
export function nodeInternalIps(node: Node): IPRange[] {
  const out: IPRange[] = [];
  for (const address of node.status?.addresses ?? []) {
    if (address.type !== 'InternalIP') continue;
    const parsed = tryParseAddress(address.address);
    if (parsed) out.push(singleAddressRange(parsed));
  }
  return out;
}
