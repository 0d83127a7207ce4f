import { SUBNET, type Subnet } from '../../../shared/kube/schemas/kubeovn.js';
import { parseCidrBlock } from '../../../shared/kubeovn/subnet.js';
import { tryParseAddress } from '../../../shared/net/address.js';
import type { AdmissionContext, JsonPatchOperation, Mutator } from '../types.js';

/** Writes a dual-stack `cidrBlock` (and a matching two-address `gateway`) IPv4 first. */
function orderV4First(ctx: AdmissionContext<Subnet>): JsonPatchOperation[] {
  const cidrBlock = ctx.object.spec?.cidrBlock;
  if (!cidrBlock) return [];
  const parsed = parseCidrBlock(cidrBlock);
  if (!parsed.ok || parsed.cidrs.length !== 2 || parsed.cidrs[0]?.family !== 6) return [];
  const [v6, v4] = cidrBlock.split(',');
  const out: JsonPatchOperation[] = [{ op: 'replace', path: '/spec/cidrBlock', value: `${v4},${v6}` }];
  const parts = ctx.object.spec?.gateway?.split(',') ?? [];
  if (
    parts.length === 2 &&
    tryParseAddress(parts[0] ?? '')?.family === 6 &&
    tryParseAddress(parts[1] ?? '')?.family === 4
  ) {
    out.push({ op: 'replace', path: '/spec/gateway', value: `${parts[1]},${parts[0]}` });
  }
  return out;
}

export const subnetCidrOrderMutator: Mutator<Subnet> = {
  id: 'kubeovn/subnet-cidr-order',
  kinds: [SUBNET],
  guide: '配置子网',
  mutate: orderV4First,
};
