import type { KubeObject } from '../../../shared/kube/object.js';
import { describeObject } from '../../../shared/kube/object.js';
import { BGP_ADVERTISEMENT, BGP_PEER, COMMUNITY } from '../../../shared/kube/schemas/metallb.js';
import {
  nameOf,
  numberField,
  objectList,
  specOf,
  stringField,
  stringList,
} from '../../../shared/kube/spec-fields.js';
import { familyName } from '../../../shared/net/address.js';
import { deny, warn } from '../findings.js';
import type { AdmissionContext, Finding, ValidationRule } from '../types.js';
import { commonAdvertisementFindings, duplicateEntries } from './advertisement-common.js';
import { selectedPools } from './advertisement-pools.js';
import { advertisementCoverageFindings } from './bgp-node-coverage.js';
import { parseCommunity } from './community-value.js';
import { describeEntry } from './describe.js';
import { parsePoolAddresses, shortestCoveringPrefix } from './pool-model.js';

const RULE = 'metallb/bgpadvertisement';

interface Aggregation {
  4: number;
  6: number;
}

function aggregationOf(spec: Record<string, unknown>): Aggregation {
  return {
    4: numberField(spec, 'aggregationLength') ?? 32,
    6: numberField(spec, 'aggregationLengthV6') ?? 128,
  };
}

const aggregationField = { 4: 'spec.aggregationLength', 6: 'spec.aggregationLengthV6' } as const;

/** MetalLB: the aggregation length may not be shorter than the prefix of any block of a selected pool. */
function aggregationFindings(aggregation: Aggregation, pools: readonly KubeObject[]): Finding[] {
  const out: Finding[] = [];
  if (aggregation[4] > 32)
    out.push(
      deny(
        RULE,
        aggregationField[4],
        `aggregation length ${aggregation[4]} exceeds 32 for IPv4`,
        'InvalidAggregation',
      ),
    );
  if (aggregation[6] > 128)
    out.push(
      deny(
        RULE,
        aggregationField[6],
        `aggregation length ${aggregation[6]} exceeds 128 for IPv6`,
        'InvalidAggregation',
      ),
    );
  if (out.length > 0) return out;
  for (const pool of pools) {
    for (const entry of parsePoolAddresses(pool).entries) {
      const family = entry.range.family;
      const prefix = shortestCoveringPrefix(entry.range);
      if (aggregation[family] >= prefix) continue;
      out.push(
        deny(
          RULE,
          aggregationField[family],
          `${familyName(family)} aggregation length ${aggregation[family]} is less specific than prefix /${prefix} of ${describeEntry(entry)} in IPAddressPool ${nameOf(pool)}; it would announce addresses outside the pool`,
          'AggregationTooShort',
          describeObject(pool),
        ),
      );
    }
  }
  return out;
}

function peerFindings(ctx: AdmissionContext, spec: Record<string, unknown>): Finding[] {
  const namespace = ctx.object.metadata.namespace ?? '';
  const out = duplicateEntries(RULE, spec, 'peers', 'spec.peers');
  stringList(spec, 'peers').forEach((peer, i) => {
    if (ctx.view.get(BGP_PEER, namespace, peer)) return;
    out.push(
      warn(
        RULE,
        `spec.peers[${i}]`,
        `BGPPeer ${namespace}/${peer} does not exist (yet); nothing is announced to it`,
        'PeerNotFound',
        `BGPPeer ${namespace}/${peer}`,
      ),
    );
  });
  return out;
}

function communityAliases(ctx: AdmissionContext): Set<string> {
  const aliases = new Set<string>();
  for (const community of ctx.view.list(COMMUNITY, ctx.object.metadata.namespace ?? ''))
    for (const entry of objectList(specOf(community), 'communities')) {
      const name = stringField(entry, 'name');
      if (name) aliases.add(name);
    }
  return aliases;
}

function communityFindings(ctx: AdmissionContext, spec: Record<string, unknown>): Finding[] {
  const out = duplicateEntries(RULE, spec, 'communities', 'spec.communities');
  const values = stringList(spec, 'communities');
  const aliases = values.some((v) => parseCommunity(v).kind === 'alias')
    ? communityAliases(ctx)
    : new Set<string>();
  values.forEach((value, i) => {
    const parsed = parseCommunity(value);
    if (parsed.kind === 'invalid')
      out.push(deny(RULE, `spec.communities[${i}]`, parsed.reason, 'InvalidCommunity'));
    if (parsed.kind === 'alias' && !aliases.has(value))
      out.push(
        warn(
          RULE,
          `spec.communities[${i}]`,
          `${JSON.stringify(value)} is neither a community value nor an alias defined by a Community in ${ctx.object.metadata.namespace ?? ''}`,
          'CommunityNotFound',
          `Community alias ${value}`,
        ),
      );
  });
  return out;
}

function check(ctx: AdmissionContext): Finding[] {
  const spec = specOf(ctx.object);
  const pools = selectedPools(ctx.view, ctx.object);
  return [
    ...commonAdvertisementFindings(RULE, ctx),
    ...aggregationFindings(aggregationOf(spec), pools),
    ...peerFindings(ctx, spec),
    ...communityFindings(ctx, spec),
    ...advertisementCoverageFindings(RULE, ctx, pools),
  ];
}

export const bgpAdvertisementRule: ValidationRule = { id: RULE, kinds: [BGP_ADVERTISEMENT], check };
