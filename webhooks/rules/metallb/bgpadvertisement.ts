import { describeObject } from '../../../shared/kube/object.js';
import {
  BGP_ADVERTISEMENT,
  BGP_PEER,
  type BGPAdvertisement,
  COMMUNITY,
  type IPAddressPool,
} from '../../../shared/kube/schemas/metallb.js';
import { selectedPools } from '../../../shared/metallb/advertisement-pools.js';
import { parsePoolAddresses } from '../../../shared/metallb/pool-addresses.js';
import { familyName } from '../../../shared/net/address.js';
import { deny, warn } from '../findings.js';
import type { AdmissionContext, Finding, ValidationRule } from '../types.js';
import { commonAdvertisementFindings, duplicateEntries } from './lib/advertisement-common.js';
import { advertisementCoverageFindings } from './lib/bgp-node-coverage.js';
import { parseCommunity } from './lib/community-value.js';
import { shortestCoveringPrefix } from './lib/covering-prefix.js';
import { describeEntry } from './lib/describe.js';
import { nameOf } from './lib/identity.js';

const RULE = 'metallb/bgpadvertisement';

type Context = AdmissionContext<BGPAdvertisement>;

interface Aggregation {
  4: number;
  6: number;
}

function aggregationOf(advertisement: BGPAdvertisement): Aggregation {
  return {
    4: advertisement.spec?.aggregationLength ?? 32,
    6: advertisement.spec?.aggregationLengthV6 ?? 128,
  };
}

const aggregationField = { 4: 'spec.aggregationLength', 6: 'spec.aggregationLengthV6' } as const;

/** MetalLB: the aggregation length may not be shorter than the prefix of any block of a selected pool. */
function aggregationFindings(aggregation: Aggregation, pools: readonly IPAddressPool[]): Finding[] {
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

function peerFindings(ctx: Context): Finding[] {
  const namespace = ctx.object.metadata.namespace ?? '';
  const peers = ctx.object.spec?.peers ?? [];
  const out = duplicateEntries(RULE, peers, 'spec.peers');
  peers.forEach((peer, i) => {
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

function communityAliases(ctx: Context): Set<string> {
  const aliases = new Set<string>();
  for (const community of ctx.view.list(COMMUNITY, ctx.object.metadata.namespace ?? ''))
    for (const entry of community.spec?.communities ?? []) if (entry.name) aliases.add(entry.name);
  return aliases;
}

function communityFindings(ctx: Context): Finding[] {
  const values = ctx.object.spec?.communities ?? [];
  const out = duplicateEntries(RULE, values, 'spec.communities');
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

function check(ctx: Context): Finding[] {
  const pools = selectedPools(ctx.view, ctx.object);
  return [
    ...commonAdvertisementFindings(RULE, ctx.view, ctx.object),
    ...aggregationFindings(aggregationOf(ctx.object), pools),
    ...peerFindings(ctx),
    ...communityFindings(ctx),
    ...advertisementCoverageFindings(RULE, ctx.view, ctx.object, pools),
  ];
}

export const bgpAdvertisementRule: ValidationRule<BGPAdvertisement> = {
  id: RULE,
  kinds: [BGP_ADVERTISEMENT],
  reasons: [
    'Duplicate',
    'PoolNotFound',
    'InvalidSelector',
    'InvalidAggregation',
    'AggregationTooShort',
    'PeerNotFound',
    'InvalidCommunity',
    'CommunityNotFound',
    'NodesWithoutPeer',
  ],
  guide: '通过 CLI 使用 L2Advertisement 或 BGPAdvertisement 配置外部 IP 地址池',
  check,
};
