import { SUBNET, type Subnet } from '../../../shared/kube/schemas/kubeovn.js';
import { parseCidrBlock } from '../../../shared/kubeovn/subnet.js';
import type { AdmissionContext, JsonPatchOperation, Mutator } from '../types.js';

const protocolOfFamilies: Record<string, string> = { '4': 'IPv4', '6': 'IPv6', '4,6': 'Dual' };

/**
 * Sets `protocol` from the families of `cidrBlock` when they disagree, as Kube-OVN's controller
 * does: the platform's own examples (and its console) write `protocol: Dual` over one IPv4 CIDR.
 */
function protocolFromCidrBlock(ctx: AdmissionContext<Subnet>): JsonPatchOperation[] {
  const protocol = ctx.object.spec?.protocol;
  const cidrBlock = ctx.object.spec?.cidrBlock;
  if (!protocol || !cidrBlock || !['IPv4', 'IPv6', 'Dual'].includes(protocol)) return [];
  const parsed = parseCidrBlock(cidrBlock);
  if (!parsed.ok) return [];
  const derived =
    protocolOfFamilies[
      parsed.cidrs
        .map((c) => c.family)
        .sort()
        .join(',')
    ];
  if (!derived || derived === protocol) return [];
  return [{ op: 'replace', path: '/spec/protocol', value: derived }];
}

export const subnetProtocolMutator: Mutator<Subnet> = {
  id: 'kubeovn/subnet-protocol',
  kinds: [SUBNET],
  guide: '配置子网',
  mutate: protocolFromCidrBlock,
};
