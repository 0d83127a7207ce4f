import { describeObject } from '../../../shared/kube/object.js';
import { BGP_ADVERTISEMENT, BGP_PEER } from '../../../shared/kube/schemas/metallb.js';
import {
  boolField,
  nameOf,
  numberField,
  objectField,
  specOf,
  stringField,
} from '../../../shared/kube/spec-fields.js';
import { tryParseAddress } from '../../../shared/net/address.js';
import { deny, warn } from '../findings.js';
import type { AdmissionContext, Finding, ValidationRule } from '../types.js';
import { selectorListFindings } from './advertisement-common.js';
import { peerCoverageFindings } from './bgp-node-coverage.js';
import { timerFindings } from './bgppeer-timers.js';
import { ADVERTISEMENT_PEER_INDEX } from './indexes.js';

const RULE = 'metallb/bgppeer';

function asnFindings(spec: Record<string, unknown>): Finding[] {
  const out: Finding[] = [];
  const myAsn = numberField(spec, 'myASN') ?? 0;
  const peerAsn = numberField(spec, 'peerASN') ?? 0;
  const dynamicAsn = stringField(spec, 'dynamicASN') ?? '';
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
  if (ibgp && boolField(spec, 'ebgpMultiHop') === true)
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

function addressFindings(spec: Record<string, unknown>): Finding[] {
  const out: Finding[] = [];
  const peerAddress = stringField(spec, 'peerAddress') ?? '';
  const iface = stringField(spec, 'interface') ?? '';
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
  const routerId = stringField(spec, 'routerID');
  if (routerId !== undefined && routerId !== '' && tryParseAddress(routerId)?.family !== 4)
    out.push(
      deny(
        RULE,
        'spec.routerID',
        `${JSON.stringify(routerId)} is not a router ID in IPv4 dotted form`,
        'InvalidRouterID',
      ),
    );
  const source = stringField(spec, 'sourceAddress');
  if (source !== undefined && source !== '' && !tryParseAddress(source))
    out.push(
      deny(RULE, 'spec.sourceAddress', `${JSON.stringify(source)} is not an IP address`, 'InvalidAddress'),
    );
  return out;
}

function checkDelete(ctx: AdmissionContext): Finding[] {
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

function check(ctx: AdmissionContext): Finding[] {
  if (ctx.operation === 'DELETE') return checkDelete(ctx);
  const spec = specOf(ctx.object);
  const out = [...asnFindings(spec), ...addressFindings(spec), ...timerFindings(RULE, spec)];
  out.push(...selectorListFindings(RULE, spec, 'nodeSelectors', 'spec.nodeSelectors'));
  out.push(...peerCoverageFindings(RULE, ctx));
  if (stringField(spec, 'password') && objectField(spec, 'passwordSecret'))
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

export const bgpPeerRule: ValidationRule = {
  id: RULE,
  kinds: [BGP_PEER],
  operations: ['CREATE', 'UPDATE', 'DELETE'],
  check,
};
