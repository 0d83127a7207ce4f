import { describe, expect, it } from '@jest/globals';
import {
  AddressPool,
  buggyAddresses,
  kubeOvnRangeString,
  poolAddressEntries,
  poolAllocatableRanges,
} from '../../../shared/ipam/index.js';
import type { IPAddressPool } from '../../../shared/kube/schemas/metallb.js';
import { type Address, formatAddress, parseAddress } from '../../../shared/net/address.js';

function pool(addresses: string[], avoidBuggyIPs?: boolean): IPAddressPool {
  return {
    apiVersion: 'metallb.io/v1beta1',
    kind: 'IPAddressPool',
    metadata: { name: 'p', namespace: 'metallb-system' },
    spec: { addresses, ...(avoidBuggyIPs === undefined ? {} : { avoidBuggyIPs }) },
  };
}

const ip = (text: string): Address => parseAddress(text);
const ranges = (p: IPAddressPool) =>
  kubeOvnRangeString(poolAllocatableRanges(poolAddressEntries(p), p.spec.avoidBuggyIPs === true));

describe('avoidBuggyIPs', () => {
  it('skips the network and broadcast address of a CIDR smaller than a /24 (MetalLB #674)', () => {
    expect(ranges(pool(['203.0.113.32/27'], true))).toBe('203.0.113.33-203.0.113.62');
    expect(ranges(pool(['203.0.113.32/27']))).toBe('203.0.113.32-203.0.113.63');
  });

  it('skips every .0 and .255, as MetalLB does, and the edges of every CIDR of the pool', () => {
    expect(ranges(pool(['10.0.0.0/23', '10.0.9.8/30', '10.0.5.250-10.0.6.3'], true))).toBe(
      '10.0.0.1-10.0.0.254,10.0.1.1-10.0.1.254,10.0.5.250-10.0.5.254,10.0.6.1-10.0.6.3,10.0.9.9-10.0.9.10',
    );
  });

  it('keeps both addresses of a /31 and the one of a /32, and leaves IPv6 alone', () => {
    expect(ranges(pool(['10.0.0.6/31', '10.0.0.9/32', 'fd00::/126'], true))).toBe(
      '10.0.0.6-10.0.0.7,10.0.0.9,fd00::-fd00::3',
    );
    expect(buggyAddresses([{ range: { family: 6, first: 0n, last: 255n }, prefix: 120 }])).toEqual([]);
  });
});

describe('AddressPool', () => {
  it('hands out the lowest free address and reuses a released one at once', () => {
    const { pool: p } = AddressPool.fromIPAddressPool(pool(['192.168.10.0/24'], true));
    const next = (owner: string) => {
      const result = p.allocate(4, owner);
      return result.ok ? formatAddress(4, result.address) : result.reason;
    };
    expect([next('svc-a'), next('svc-b'), next('svc-c')]).toEqual([
      '192.168.10.1',
      '192.168.10.2',
      '192.168.10.3',
    ]);
    p.releaseOwner('svc-b');
    expect(next('svc-d')).toBe('192.168.10.2');
    expect(p.counters(4)).toMatchObject({ total: 254n, used: 3n, available: 251n, awaitingReuse: 0n });
  });

  it('refuses a requested buggy address as outside the pool, and one held by another Service', () => {
    const { pool: p } = AddressPool.fromIPAddressPool(pool(['192.168.10.0/24'], true));
    expect(p.allocateSpecific(ip('192.168.10.0'), 'svc')).toMatchObject({ ok: false, reason: 'outOfRange' });
    expect(p.allocateSpecific(ip('192.168.10.7'), 'svc-a').ok).toBe(true);
    expect(p.allocateSpecific(ip('192.168.10.7'), 'svc-b')).toMatchObject({
      ok: false,
      reason: 'held',
      holder: 'svc-a',
    });
    expect(p.holderOf(ip('192.168.10.7'))).toBe('svc-a');
    expect(p.contains(ip('192.168.10.255'))).toBe(false);
  });

  it('has an allocator per family it offers', () => {
    const { pool: v4only } = AddressPool.fromIPAddressPool(pool(['192.168.10.0/30']));
    expect(v4only.families).toEqual([4]);
    expect(v4only.allocate(6, 'svc')).toEqual({ ok: false, reason: 'exhausted' });
    expect(v4only.allocateSpecific(ip('fd00::1'), 'svc')).toMatchObject({ reason: 'outOfRange' });
    const { pool: dual } = AddressPool.fromIPAddressPool(pool(['192.168.10.0/30', 'fd00::10-fd00::12']));
    expect(dual.families).toEqual([4, 6]);
    const v6 = dual.allocate(6, 'svc');
    expect(v6.ok && formatAddress(6, v6.address)).toBe('fd00::10');
    expect(dual.release(ip('fd00::10'))).toEqual({
      released: true,
      address: ip('fd00::10').value,
      owner: 'svc',
    });
  });

  it('restores Services that hold addresses, reporting those outside the pool', () => {
    const { pool: p, report } = AddressPool.fromIPAddressPool(pool(['192.168.10.0/29'], true), {
      4: {
        allocations: [
          { address: ip('192.168.10.1').value, owner: 'svc-a' },
          { address: ip('192.168.10.0').value, owner: 'svc-b' },
        ],
      },
    });
    expect(report.loaded).toBe(1);
    expect(report.rejected).toEqual([
      { address: ip('192.168.10.0').value, owner: 'svc-b', reason: 'outOfRange' },
    ]);
    const next = p.allocate(4, 'svc-c');
    expect(next.ok && formatAddress(4, next.address)).toBe('192.168.10.2');
  });
});
