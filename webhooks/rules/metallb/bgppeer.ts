import type { LabelSelector } from '../../../shared/kube/label-selector.js';
import { describeObject } from '../../../shared/kube/object.js';
import { BGP_ADVERTISEMENT, BGP_PEER, type BGPPeer } from '../../../shared/kube/schemas/metallb.js';
import { tryParseAddress } from '../../../shared/net/address.js';
import { deny, warn } from '../findings.js';
import type { AdmissionContext, Finding, ValidationRule } from '../types.js';
import { ADVERTISEMENT_PEER_INDEX } from './indexes.js';
import { selectorListFindings } from './lib/advertisement-common.js';
import { peerCoverageFindings } from './lib/bgp-node-coverage.js';
import { type PeerTimers, timerFindings } from './lib/bgppeer-timers.js';
import { nameOf } from './lib/identity.js';

const RULE = 'metallb/bgppeer';

type Context = AdmissionContext<BGPPeer>;

/** The fields of a BGPPeer spec of either version this rule reads; v1beta1 lacks some of them. */
interface PeerFields extends PeerTimers {
  myASN?: number;
  peerASN?: number;
  dynamicASN?: string;
  ebgpMultiHop?: boolean;
  peerAddress?: string;
  interface?: string;
  routerID?: string;
  sourceAddress?: string;
  password?: string;
  passwordSecret?: object;
  nodeSelectors?: LabelSelector[];
}

function asnFindings(spec: PeerFields): Finding[] {
  const out: Finding[] = [];
  const myAsn = spec.myASN ?? 0;
  const peerAsn = spec.peerASN ?? 0;
  const dynamicAsn = spec.dynamicASN ?? '';
  if (myAsn === 0)
    out.push(deny(RULE, 'spec.myASN', 'missing local ASN: myASN must be set and non-zero', 'MissingASN'));
  if (peerAsn === 0 && !dynamicAsn)
    out.push(deny(RULE, 'spec.peerASN', 'missing peer ASN: set peerASN or dynamicASN', 'MissingASN'));
  if (peerAsn !== 0 && dynamicAsn)
    out.push(
      deny(
        RULE,
        'spec.dynamicASN',
        `both peerASN ${peerAsn} and dynamicASN ${dynamicAsn} are set; set one`,
        'ConflictingASN',
      ),
    );
  const ibgp = (peerAsn !== 0 && peerAsn === myAsn) || dynamicAsn === 'internal';
  if (ibgp && spec.ebgpMultiHop === true)
    out.push(
      deny(
        RULE,
        'spec.ebgpMultiHop',
        `eBGP multi-hop on an iBGP session (${dynamicAsn === 'internal' ? 'dynamicASN internal' : `peerASN ${peerAsn} equals myASN ${myAsn}`})`,
        'MultiHopOnIBGP',
      ),
    );
  return out;
}

function addressFindings(spec: PeerFields): Finding[] {
  const out: Finding[] = [];
  const peerAddress = spec.peerAddress ?? '';
  const iface = spec.interface ?? '';
  if (!peerAddress && !iface)
    out.push(deny(RULE, 'spec.peerAddress', 'the peer has no peerAddress or interface', 'MissingAddress'));
  if (peerAddress && iface)
    out.push(
      deny(
        RULE,
        'spec.interface',
        'the peer has both peerAddress and interface; set one',
        'ConflictingAddress',
      ),
    );
  if (peerAddress && !tryParseAddress(peerAddress))
    out.push(
      deny(RULE, 'spec.peerAddress', `${JSON.stringify(peerAddress)} is not an IP address`, 'InvalidAddress'),
    );
  const routerId = spec.routerID;
  if (routerId !== undefined && routerId !== '' && tryParseAddress(routerId)?.family !== 4)
    out.push(
      deny(
        RULE,
        'spec.routerID',
        `${JSON.stringify(routerId)} is not a router ID in IPv4 dotted form`,
        'InvalidRouterID',
      ),
    );
  const source = spec.sourceAddress;
  if (source !== undefined && source !== '' && !tryParseAddress(source))
    out.push(
      deny(RULE, 'spec.sourceAddress', `${JSON.stringify(source)} is not an IP address`, 'InvalidAddress'),
    );
  return out;
}

function checkDelete(ctx: Context): Finding[] {
  const namespace = ctx.object.metadata.namespace ?? '';
  return ctx.view
    .byIndex(BGP_ADVERTISEMENT, ADVERTISEMENT_PEER_INDEX, nameOf(ctx.object))
    .filter((adv) => (adv.metadata.namespace ?? '') === namespace)
    .map((adv) =>
      warn(
        RULE,
        'metadata.name',
        `${describeObject(adv)} announces to this peer by name; it announces to no peer once ${nameOf(ctx.object)} is gone`,
        'PeerInUse',
        describeObject(adv),
      ),
    );
}

function check(ctx: Context): Finding[] {
  if (ctx.operation === 'DELETE') return checkDelete(ctx);
  const spec: PeerFields = ctx.object.spec ?? {};
  const out = [...asnFindings(spec), ...addressFindings(spec), ...timerFindings(RULE, spec)];
  out.push(...selectorListFindings(RULE, spec.nodeSelectors ?? [], 'spec.nodeSelectors'));
  out.push(...peerCoverageFindings(RULE, ctx.view, ctx.object));
  if (spec.password && spec.passwordSecret)
    out.push(
      deny(
        RULE,
        'spec.passwordSecret',
        'password and passwordSecret are both set; set one',
        'ConflictingPassword',
      ),
    );
  return out;
}

export const bgpPeerRule: ValidationRule<BGPPeer> = {
  id: RULE,
  kinds: [BGP_PEER],
  operations: ['CREATE', 'UPDATE', 'DELETE'],
  reasons: [
    'MissingASN',
    'ConflictingASN',
    'MultiHopOnIBGP',
    'MissingAddress',
    'ConflictingAddress',
    'InvalidAddress',
    'InvalidRouterID',
    'InvalidTimer',
    'InvalidSelector',
    'Duplicate',
    'NodesWithoutPeer',
    'ConflictingPassword',
    'PeerInUse',
  ],
  guide: '通过 Web 控制台配置 BGP Peers',
  check,
};
