import { describe, expect, it } from '@jest/globals';
import { kubeOvnRangeString, kubeOvnSubnetLayout, SubnetAllocator } from '../../../shared/ipam/index.js';
import type { IPPool, Subnet } from '../../../shared/kube/schemas/kubeovn.js';
import { formatAddress, parseAddress } from '../../../shared/net/address.js';

function subnet(name: string, spec: NonNullable<Subnet['spec']>): Subnet {
  return { apiVersion: 'kubeovn.io/v1', kind: 'Subnet', metadata: { name }, spec };
}

function ippool(name: string, subnetName: string, ips: string[]): IPPool {
  return {
    apiVersion: 'kubeovn.io/v1',
    kind: 'IPPool',
    metadata: { name },
    spec: { subnet: subnetName, ips },
  };
}

const ip = (text: string) => parseAddress(text);

describe('kubeOvnSubnetLayout', () => {
  it('reserves the first usable address as the gateway when spec.gateway is empty', () => {
    const [v4] = kubeOvnSubnetLayout(subnet('s', { cidrBlock: '10.16.0.0/24' }), []);
    expect(v4).toMatchObject({
      family: 4,
      ranges: [{ family: 4, first: ip('10.16.0.1').value, last: ip('10.16.0.254').value }],
      reserved: [{ family: 4, first: ip('10.16.0.1').value, last: ip('10.16.0.1').value }],
    });
  });

  it('splits excludeIps, gateways and IPPool entries by family, pools by name', () => {
    const layout = kubeOvnSubnetLayout(
      subnet('dual', {
        cidrBlock: '10.16.0.0/24,fd00:10:16::/120',
        gateway: '10.16.0.254,fd00:10:16::1',
        excludeIps: ['10.16.0.2..10.16.0.9', 'fd00:10:16::2'],
      }),
      [
        ippool('b', 'dual', ['10.16.0.100..10.16.0.109', 'fd00:10:16::80/124']),
        ippool('a', 'dual', ['10.16.0.50']),
        ippool('other', 'elsewhere', ['10.16.0.60']),
      ],
    );
    expect(layout.map((f) => f.family)).toEqual([4, 6]);
    expect(layout[0]!.pools!.map((p) => [p.name, p.ranges.length])).toEqual([
      ['a', 1],
      ['b', 1],
    ]);
    expect(layout[1]!.pools!.map((p) => [p.name, p.ranges.length])).toEqual([
      ['a', 0],
      ['b', 1],
    ]);
    expect(layout[0]!.reserved).toEqual([
      { family: 4, first: ip('10.16.0.254').value, last: ip('10.16.0.254').value },
    ]);
    expect(layout[1]!.excluded).toEqual([
      { family: 6, first: ip('fd00:10:16::2').value, last: ip('fd00:10:16::2').value },
    ]);
  });
});

describe('SubnetAllocator', () => {
  const dual = subnet('dual', { cidrBlock: '10.16.0.0/29,fd00:10:16::/126', excludeIps: ['10.16.0.2'] });

  it('gives one address per family, lowest first', () => {
    const { subnet: allocator } = SubnetAllocator.fromSubnet(dual, []);
    const result = allocator.allocate('ns/pod-a');
    expect(
      result.ok && result.allocations.map((a) => formatAddress(a.address > 2n ** 32n ? 6 : 4, a.address)),
    ).toEqual(['10.16.0.3', 'fd00:10:16::2']);
  });

  it('keeps nothing when one family has no address left, and says which', () => {
    const { subnet: allocator } = SubnetAllocator.fromSubnet(dual, []);
    expect(allocator.allocate('ns/pod-a').ok).toBe(true);
    const result = allocator.allocate('ns/pod-b');
    expect(result).toEqual({ ok: false, family: 6, failure: { ok: false, reason: 'exhausted' } });
    expect(allocator.family(4)!.counters()!.used).toBe(1n);
    expect(kubeOvnRangeString(allocator.family(4)!.availableRanges())).toBe('10.16.0.4-10.16.0.6');
  });

  it('takes fixed addresses of both families, or neither', () => {
    const { subnet: allocator } = SubnetAllocator.fromSubnet(dual, []);
    allocator.allocate('ns/holder');
    const clash = allocator.allocateSpecific([ip('10.16.0.5'), ip('fd00:10:16::2')], 'ns/fixed');
    expect(clash).toEqual({
      ok: false,
      family: 6,
      failure: { ok: false, reason: 'held', address: ip('fd00:10:16::2').value, holder: 'ns/holder' },
    });
    expect(allocator.family(4)!.holderOf(ip('10.16.0.5').value)).toBeUndefined();
    const outside = allocator.allocateSpecific([ip('192.168.0.5')], 'ns/fixed');
    expect(outside).toMatchObject({ ok: false, family: 4, failure: { reason: 'outOfRange' } });
    // A fixed address in excludeIps is allowed, as kube-ovn allows it.
    expect(allocator.allocateSpecific([ip('10.16.0.2')], 'ns/fixed').ok).toBe(true);
    expect(allocator.releaseOwner('ns/fixed')).toEqual([
      { released: true, address: ip('10.16.0.2').value, owner: 'ns/fixed' },
    ]);
  });

  it('allocates from an IPPool and reports IPPools that overlap', () => {
    const v4 = subnet('v4', { cidrBlock: '10.16.0.0/24' });
    const { subnet: allocator } = SubnetAllocator.fromSubnet(v4, [
      ippool('p1', 'v4', ['10.16.0.10..10.16.0.19']),
      ippool('p2', 'v4', ['10.16.0.15']),
    ]);
    expect(allocator.conflicts.map((c) => [c.pool, c.with])).toEqual([['p2', 'p1']]);
    const result = allocator.allocate('ns/pod', 'p1');
    expect(result.ok && result.allocations[0]!.address).toBe(ip('10.16.0.10').value);
    expect(allocator.allocate('ns/other', 'p2')).toEqual({
      ok: false,
      family: 4,
      failure: { ok: false, reason: 'noSuchPool', pool: 'p2' },
    });
  });

  it('restores each family from its snapshot', () => {
    const { subnet: first } = SubnetAllocator.fromSubnet(dual, []);
    first.allocate('a');
    first.family(4)!.allocate('v4-only');
    const snapshots = { 4: first.family(4)!.snapshot(), 6: first.family(6)!.snapshot() };
    const { subnet: again, report } = SubnetAllocator.fromSubnet(dual, [], snapshots);
    expect(report).toEqual({ loaded: 3, rejected: [] });
    expect(again.family(4)!.addressOf('v4-only')).toBe(ip('10.16.0.4').value);
    expect(again.family(6)!.addressOf('a')).toBe(ip('fd00:10:16::2').value);
  });
});
