import { SUBNET } from '../../../shared/kube/schemas/kubeovn.js';
import { numberField, specOf, stringField } from '../../../shared/kube/spec-fields.js';
import {
  calicoBlockSize,
  isCalicoSubnet,
  parseCidrBlock,
  subnetCidrs,
} from '../../../shared/kubeovn/subnet.js';
import { tryParseAddress } from '../../../shared/net/address.js';
import type { AdmissionContext, JsonPatchOperation, Mutator } from '../types.js';

/** Writes a dual-stack `cidrBlock` (and a matching two-address `gateway`) IPv4 first. */
function orderV4First(ctx: AdmissionContext): JsonPatchOperation[] {
  const spec = specOf(ctx.object);
  const cidrBlock = stringField(spec, 'cidrBlock');
  if (!cidrBlock) return [];
  const parsed = parseCidrBlock(cidrBlock);
  if (!parsed.ok || parsed.cidrs.length !== 2 || parsed.cidrs[0]?.family !== 6) return [];
  const [v6, v4] = cidrBlock.split(',');
  const out: JsonPatchOperation[] = [{ op: 'replace', path: '/spec/cidrBlock', value: `${v4},${v6}` }];
  const gateway = stringField(spec, 'gateway');
  const parts = gateway?.split(',') ?? [];
  if (
    parts.length === 2 &&
    tryParseAddress(parts[0] ?? '')?.family === 6 &&
    tryParseAddress(parts[1] ?? '')?.family === 4
  ) {
    out.push({ op: 'replace', path: '/spec/gateway', value: `${parts[1]},${parts[0]}` });
  }
  return out;
}

const protocolOfFamilies: Record<string, string> = { '4': 'IPv4', '6': 'IPv6', '4,6': 'Dual' };

/**
 * Sets `protocol` from the families of `cidrBlock` when they disagree, as Kube-OVN's controller
 * does: the platform's own examples (and its console) write `protocol: Dual` over one IPv4 CIDR.
 */
function protocolFromCidrBlock(ctx: AdmissionContext): JsonPatchOperation[] {
  const spec = specOf(ctx.object);
  const protocol = stringField(spec, 'protocol');
  const cidrBlock = stringField(spec, 'cidrBlock');
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

/** Fills `v4blockSize` of a Calico subnet from the guide's prefix table when it is absent. */
function defaultBlockSize(ctx: AdmissionContext): JsonPatchOperation[] {
  const spec = specOf(ctx.object);
  if (!isCalicoSubnet(ctx.object) || numberField(spec, 'v4blockSize') !== undefined) return [];
  const v4 = subnetCidrs(ctx.object).find((c) => c.family === 4);
  if (!v4 || v4.prefix > 31) return [];
  return [{ op: 'add', path: '/spec/v4blockSize', value: calicoBlockSize(v4.prefix) }];
}

export const subnetCidrOrderMutator: Mutator = {
  id: 'kubeovn/subnet-cidr-order',
  kinds: [SUBNET],
  mutate: orderV4First,
};
export const calicoBlockSizeMutator: Mutator = {
  id: 'kubeovn/calico-block-size',
  kinds: [SUBNET],
  mutate: defaultBlockSize,
};
export const subnetProtocolMutator: Mutator = {
  id: 'kubeovn/subnet-protocol',
  kinds: [SUBNET],
  mutate: protocolFromCidrBlock,
};
