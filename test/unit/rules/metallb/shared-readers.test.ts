import { describe, expect, it } from '@jest/globals';
import type { Service } from '../../../../shared/kube/schemas/core.js';
import type { IPAddressPool } from '../../../../shared/kube/schemas/metallb.js';
import {
  confusesBuggyFirmware,
  parsePoolAddresses,
  poolOffers,
  poolRanges,
} from '../../../../shared/metallb/pool-addresses.js';
import {
  allocatedPool,
  heldLoadBalancerIps,
  loadBalancerIpsAnnotation,
  portKeys,
  requestedLoadBalancerIps,
  requestedPool,
  sharingKey,
} from '../../../../shared/metallb/service-addresses.js';
import { parseAddress } from '../../../../shared/net/address.js';

function pool(addresses: string[], avoidBuggyIPs?: boolean): IPAddressPool {
  return {
    apiVersion: 'metallb.io/v1beta1',
    kind: 'IPAddressPool',
    metadata: { name: 'p', namespace: 'metallb-system' },
    spec: { addresses, ...(avoidBuggyIPs === undefined ? {} : { avoidBuggyIPs }) },
  };
}

function service(annotations: Record<string, string>, extra: Partial<Service> = {}): Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 's', namespace: 'demo', annotations },
    spec: { type: 'LoadBalancer', ports: [{ port: 80 }, { port: 53, protocol: 'UDP', name: 'dns' }] },
    ...extra,
  };
}

describe('pool addresses', () => {
  it('parses CIDRs and ranges, reporting the entries that do not parse by index', () => {
    const { entries, errors } = parsePoolAddresses(pool(['10.0.0.0/30', ' 10.0.1.1-10.0.1.2 ', 'nope']));
    expect(entries.map((e) => [e.index, e.range.first, e.range.last])).toEqual([
      [0, 0x0a000000n, 0x0a000003n],
      [1, 0x0a000101n, 0x0a000102n],
    ]);
    expect(errors.map((e) => [e.index, e.text])).toEqual([[2, 'nope']]);
    expect(poolRanges(pool(['nope']))).toEqual([]);
  });

  it.each([
    ['10.0.0.0', true],
    ['10.0.0.255', true],
    ['10.0.0.1', false],
    ['fd00::', false],
    ['fd00::ff', false],
  ])('%s confuses buggy firmware: %s', (text, buggy) => {
    expect(confusesBuggyFirmware(parseAddress(text))).toBe(buggy);
  });

  it('offers addresses of its ranges, without the .0 and .255 ones when it avoids buggy IPs', () => {
    const plain = pool(['10.0.0.0/24']);
    const avoiding = pool(['10.0.0.0/24'], true);
    expect(poolOffers(plain, parseAddress('10.0.0.0'))).toBe(true);
    expect(poolOffers(avoiding, parseAddress('10.0.0.0'))).toBe(false);
    expect(poolOffers(avoiding, parseAddress('10.0.0.255'))).toBe(false);
    expect(poolOffers(avoiding, parseAddress('10.0.0.7'))).toBe(true);
    expect(poolOffers(avoiding, parseAddress('10.0.1.7'))).toBe(false);
  });
});

describe('Service addresses', () => {
  it('reads the stable annotation before the deprecated one', () => {
    const both = service({
      'metallb.universe.tf/address-pool': 'old',
      'metallb.io/address-pool': 'new',
      'metallb.universe.tf/allow-shared-ip': 'k',
      'metallb.universe.tf/ip-allocated-from-pool': 'from',
    });
    expect(requestedPool(both)).toEqual({ annotation: 'metallb.io/address-pool', pool: 'new' });
    expect(sharingKey(both)).toBe('k');
    expect(allocatedPool(both)).toBe('from');
    expect(requestedPool(service({}))).toBeUndefined();
  });

  it('requests the annotated addresses, else spec.loadBalancerIP, in canonical form', () => {
    const annotated = service(
      { 'metallb.io/loadBalancerIPs': '192.0.2.10, 2001:DB8::0:10, bad' },
      { spec: { type: 'LoadBalancer', loadBalancerIP: '192.0.2.99', ports: [{ port: 80 }] } },
    );
    expect(loadBalancerIpsAnnotation(annotated)?.annotation).toBe('metallb.io/loadBalancerIPs');
    expect(requestedLoadBalancerIps(annotated)).toEqual([
      { address: '192.0.2.10', field: 'metadata.annotations[metallb.io/loadBalancerIPs]' },
      { address: '2001:db8::10', field: 'metadata.annotations[metallb.io/loadBalancerIPs]' },
    ]);
    const fixed = service(
      {},
      { spec: { type: 'LoadBalancer', loadBalancerIP: '192.0.2.99', ports: [{ port: 80 }] } },
    );
    expect(requestedLoadBalancerIps(fixed)).toEqual([
      { address: '192.0.2.99', field: 'spec.loadBalancerIP' },
    ]);
  });

  it('holds the addresses of status.loadBalancer.ingress and serves its ports', () => {
    const held = service(
      {},
      { status: { loadBalancer: { ingress: [{ ip: '192.0.2.1' }, { hostname: 'lb' }] } } },
    );
    expect(heldLoadBalancerIps(held)).toEqual(['192.0.2.1']);
    expect(portKeys(held)).toEqual(['80/TCP', '53/UDP']);
  });
});
