import { describe, expect, it } from '@jest/globals';
import {
  type AddressAllocator,
  type AllocationResult,
  type AllocatorConfig,
  atomically,
  createAllocator,
  kubeOvnRangeString,
  newAllocator,
  Transaction,
  usableRange,
} from '../../../shared/ipam/index.js';
import { formatAddress, parseAddress } from '../../../shared/net/address.js';
import { parseCidr } from '../../../shared/net/cidr.js';
import type { IPRange } from '../../../shared/net/range.js';
import { parseIpOrKubeOvnRange } from '../../../shared/net/syntax.js';

const ip = (text: string) => parseAddress(text).value;
const range = (text: string): IPRange => parseIpOrKubeOvnRange(text);
const usable = (cidr: string) => usableRange(parseCidr(cidr));
const text = (result: AllocationResult) =>
  result.ok ? formatAddress(result.address < 1n << 32n ? 4 : 6, result.address) : result.reason;

/** A Kube-OVN-like IPv4 Subnet: the usable range of `cidr`, excludeIps, the gateway reserved. */
function subnet(cidr: string, excludeIps: string[] = [], gateway?: string): AddressAllocator {
  const first = usable(cidr).first;
  const gw = gateway ? ip(gateway) : first;
  return newAllocator({
    family: parseCidr(cidr).family,
    ranges: [usable(cidr)],
    excluded: excludeIps.map(range),
    reserved: [{ family: parseCidr(cidr).family, first: gw, last: gw }],
  });
}

function allocateMany(allocator: AddressAllocator, count: number, prefix = 'pod'): string[] {
  return Array.from({ length: count }, (_, i) => text(allocator.allocate(`${prefix}-${i}`)));
}

describe('usableRange (kube-ovn util.FirstIP/LastIP)', () => {
  it.each([
    ['10.16.0.0/16', '10.16.0.1', '10.16.255.254'],
    ['192.168.1.0/24', '192.168.1.1', '192.168.1.254'],
    ['10.0.0.0/30', '10.0.0.1', '10.0.0.2'],
    ['10.0.0.0/31', '10.0.0.0', '10.0.0.1'],
    ['10.0.0.7/32', '10.0.0.7', '10.0.0.7'],
    ['fd00:10:16::/64', 'fd00:10:16::1', 'fd00:10:16:0:ffff:ffff:ffff:fffe'],
    ['fd00::/127', 'fd00::', 'fd00::1'],
    ['fd00::5/128', 'fd00::5', 'fd00::5'],
  ])('%s -> %s .. %s', (cidr, first, last) => {
    const r = usable(cidr);
    expect(formatAddress(r.family, r.first)).toBe(first);
    expect(formatAddress(r.family, r.last)).toBe(last);
  });
});

describe('AddressAllocator: order', () => {
  it('hands out the lowest free address first, skipping excludeIps and the gateway', () => {
    const allocator = subnet('10.16.0.0/24', ['10.16.0.3..10.16.0.5', '10.16.0.8']);
    expect(allocateMany(allocator, 5)).toEqual([
      '10.16.0.2',
      '10.16.0.6',
      '10.16.0.7',
      '10.16.0.9',
      '10.16.0.10',
    ]);
  });

  it("writes Kube-OVN's status range strings", () => {
    const allocator = subnet('10.16.0.0/16', ['10.16.0.10']);
    expect(kubeOvnRangeString(allocator.availableRanges())).toBe(
      '10.16.0.2-10.16.0.9,10.16.0.11-10.16.255.254',
    );
    allocateMany(allocator, 9);
    expect(kubeOvnRangeString(allocator.usingRanges())).toBe('10.16.0.2-10.16.0.9,10.16.0.11');
    expect(kubeOvnRangeString(allocator.availableRanges())).toBe('10.16.0.12-10.16.255.254');
  });

  it('returns the address an owner already holds instead of a second one', () => {
    const allocator = subnet('10.16.0.0/24');
    const first = allocator.allocate('pod-a');
    const again = allocator.allocate('pod-a');
    expect(again).toEqual({ ok: true, family: 4, address: ip('10.16.0.2'), owner: 'pod-a', existing: true });
    expect(first).toMatchObject({ existing: false });
    expect(allocator.counters()!.used).toBe(1n);
  });

  it('reports exhaustion', () => {
    const allocator = subnet('10.0.0.0/30');
    expect(allocateMany(allocator, 3)).toEqual(['10.0.0.2', 'exhausted', 'exhausted']);
  });

  it('uses all of a /31 and the one address of a /32 (nothing reserved)', () => {
    const p2p = newAllocator({ family: 4, ranges: [usable('10.0.0.0/31')] });
    expect(allocateMany(p2p, 3)).toEqual(['10.0.0.0', '10.0.0.1', 'exhausted']);
    const host = newAllocator({ family: 4, ranges: [usable('10.0.0.9/32')] });
    expect(allocateMany(host, 2)).toEqual(['10.0.0.9', 'exhausted']);
  });

  it('allocates IPv6 from network+1, never the last address of the prefix', () => {
    const allocator = subnet('fd00::/126');
    expect(allocateMany(allocator, 3)).toEqual(['fd00::2', 'exhausted', 'exhausted']);
    const wide = subnet('fd00:10:16::/64', ['fd00:10:16::2..fd00:10:16::ff']);
    expect(allocateMany(wide, 2)).toEqual(['fd00:10:16::100', 'fd00:10:16::101']);
    expect(wide.counters()!.total).toBe(2n ** 64n - 2n);
  });
});

describe('AddressAllocator: delayed reuse (kube-ovn pool.V4Released)', () => {
  it('hands a released address out again only after the never-used ones run out', () => {
    const allocator = subnet('10.0.0.0/29');
    expect(allocateMany(allocator, 3)).toEqual(['10.0.0.2', '10.0.0.3', '10.0.0.4']);
    expect(allocator.release(ip('10.0.0.3'))).toEqual({
      released: true,
      address: ip('10.0.0.3'),
      owner: 'pod-1',
    });
    expect(allocator.counters()!.awaitingReuse).toBe(1n);
    expect(allocateMany(allocator, 3, 'next')).toEqual(['10.0.0.5', '10.0.0.6', '10.0.0.3']);
    expect(text(allocator.allocate('last'))).toBe('exhausted');
  });

  it('starts a new round with the released addresses, lowest first; later releases wait for the next', () => {
    const allocator = subnet('10.0.0.0/29');
    allocateMany(allocator, 5);
    allocator.release(ip('10.0.0.5'));
    allocator.release(ip('10.0.0.2'));
    expect(text(allocator.allocate('a'))).toBe('10.0.0.2');
    allocator.release(ip('10.0.0.4'));
    expect(text(allocator.allocate('b'))).toBe('10.0.0.5');
    expect(text(allocator.allocate('c'))).toBe('10.0.0.4');
  });

  it('reuses at once with immediate reuse (MetalLB)', () => {
    const allocator = newAllocator({ family: 4, ranges: [range('10.0.0.1..10.0.0.9')], reuse: 'immediate' });
    allocateMany(allocator, 3);
    allocator.releaseOwner('pod-1');
    expect(text(allocator.allocate('again'))).toBe('10.0.0.2');
  });
});

describe('AddressAllocator: fixed addresses (kube-ovn GetStaticAddress)', () => {
  it('takes a fixed address inside excludeIps, which allocate never hands out', () => {
    const allocator = subnet('10.16.0.0/24', ['10.16.0.2..10.16.0.20']);
    expect(text(allocator.allocateSpecific(ip('10.16.0.5'), 'fixed'))).toBe('10.16.0.5');
    expect(text(allocator.allocate('dynamic'))).toBe('10.16.0.21');
    const counters = allocator.counters()!;
    expect(counters).toMatchObject({ used: 2n, usedInExcluded: 1n, excluded: 20n });
    expect(kubeOvnRangeString(allocator.usingRanges())).toBe('10.16.0.21');
    // Released, it is excluded again: not awaiting reuse, not available.
    allocator.releaseOwner('fixed');
    expect(allocator.counters()).toMatchObject({ used: 1n, usedInExcluded: 0n, awaitingReuse: 0n });
    expect(allocator.isExcluded(ip('10.16.0.5'))).toBe(true);
  });

  it('refuses the gateway, naming nobody', () => {
    const allocator = subnet('10.16.0.0/24');
    expect(allocator.allocateSpecific(ip('10.16.0.1'), 'pod')).toEqual({
      ok: false,
      reason: 'reserved',
      address: ip('10.16.0.1'),
    });
  });

  it('refuses an address another owner holds, naming the holder', () => {
    const allocator = subnet('10.16.0.0/24');
    allocator.allocate('ns/pod-a');
    expect(allocator.allocateSpecific(ip('10.16.0.2'), 'ns/pod-b')).toEqual({
      ok: false,
      reason: 'held',
      address: ip('10.16.0.2'),
      holder: 'ns/pod-a',
    });
    expect(allocator.allocateSpecific(ip('10.16.0.2'), 'ns/pod-a')).toMatchObject({
      ok: true,
      existing: true,
    });
  });

  it('refuses the network and broadcast addresses and addresses outside the range', () => {
    const allocator = subnet('10.16.0.0/24');
    for (const address of ['10.16.0.0', '10.16.0.255', '10.17.0.1']) {
      expect(text(allocator.allocateSpecific(ip(address), 'pod'))).toBe('outOfRange');
    }
    expect(text(allocator.allocateSpecific(1n << 40n, 'pod'))).toBe('outOfRange');
    expect(text(allocator.allocateSpecific(-1n, 'pod'))).toBe('outOfRange');
  });

  it('moves an owner to its new fixed address, releasing the old one', () => {
    const allocator = subnet('10.16.0.0/24');
    allocator.allocate('pod');
    expect(text(allocator.allocateSpecific(ip('10.16.0.9'), 'pod'))).toBe('10.16.0.9');
    expect(allocator.holderOf(ip('10.16.0.2'))).toBeUndefined();
    expect(allocator.addressOf('pod')).toBe(ip('10.16.0.9'));
    expect(allocator.counters()!.awaitingReuse).toBe(1n);
  });

  it('takes a fixed address from those awaiting reuse', () => {
    const allocator = subnet('10.16.0.0/24');
    allocateMany(allocator, 2);
    allocator.releaseOwner('pod-0');
    expect(text(allocator.allocateSpecific(ip('10.16.0.2'), 'fixed'))).toBe('10.16.0.2');
    expect(allocator.counters()!.awaitingReuse).toBe(0n);
  });
});

describe('AddressAllocator: pools (Kube-OVN IPPools as sub-ranges)', () => {
  const config: AllocatorConfig = {
    family: 4,
    ranges: [usable('10.16.0.0/24')],
    excluded: [range('10.16.0.1'), range('10.16.0.20')],
    reserved: [range('10.16.0.1')],
    pools: [
      { name: 'pool-a', ranges: [range('10.16.0.10..10.16.0.29')] },
      { name: 'pool-b', ranges: [parseCidrRange('10.16.0.32/30')] },
      { name: 'clash', ranges: [range('10.16.0.28..10.16.0.40')] },
    ],
  };

  function parseCidrRange(cidr: string): IPRange {
    const c = parseCidr(cidr);
    return { family: c.family, first: c.network, last: c.last };
  }

  it('gives each pool its own range and the default pool the rest', () => {
    const allocator = newAllocator(config);
    expect(allocator.poolNames()).toEqual(['', 'pool-a', 'pool-b']);
    expect(text(allocator.allocate('x', 'pool-a'))).toBe('10.16.0.10');
    expect(text(allocator.allocate('y', 'pool-b'))).toBe('10.16.0.32');
    expect(allocateMany(allocator, 9).slice(7)).toEqual(['10.16.0.9', '10.16.0.30']);
    expect(kubeOvnRangeString(allocator.usableRanges('pool-b'))).toBe('10.16.0.32-10.16.0.35');
    expect(allocator.poolAt(ip('10.16.0.33'))).toBe('pool-b');
    expect(allocator.counters('pool-a')).toMatchObject({
      total: 20n,
      excluded: 1n,
      used: 1n,
      available: 18n,
    });
  });

  it('refuses a pool overlapping an earlier one, and allocations naming it', () => {
    const allocator = newAllocator(config);
    expect(allocator.conflicts).toEqual([
      {
        pool: 'clash',
        with: 'pool-a',
        overlap: [range('10.16.0.28..10.16.0.29'), range('10.16.0.32..10.16.0.35')],
      },
    ]);
    expect(allocator.allocate('z', 'clash')).toEqual({ ok: false, reason: 'noSuchPool', pool: 'clash' });
  });

  it('takes a fixed address from the pool that holds it, and an owner holds one address in all', () => {
    const allocator = newAllocator(config);
    expect(text(allocator.allocateSpecific(ip('10.16.0.33'), 'fixed'))).toBe('10.16.0.33');
    expect(text(allocator.allocate('fixed', 'pool-a'))).toBe('10.16.0.33');
    expect(allocator.counters('pool-b')!.used).toBe(1n);
    expect(allocator.counters()!.used).toBe(1n);
  });

  it('exhausts a pool without touching the others', () => {
    const allocator = newAllocator(config);
    expect(allocateMany(allocator, 5, 'b')).toEqual([
      '10.16.0.2',
      '10.16.0.3',
      '10.16.0.4',
      '10.16.0.5',
      '10.16.0.6',
    ]);
    for (let i = 0; i < 4; i++) allocator.allocate(`pb-${i}`, 'pool-b');
    expect(text(allocator.allocate('pb-4', 'pool-b'))).toBe('exhausted');
  });
});

describe('AddressAllocator: counters from the allocations', () => {
  it('adds up: available = total − excluded − (used − usedInExcluded)', () => {
    const allocator = subnet('10.16.0.0/24', ['10.16.0.2..10.16.0.11']);
    allocateMany(allocator, 5);
    allocator.allocateSpecific(ip('10.16.0.4'), 'fixed');
    allocator.releaseOwner('pod-2');
    expect(allocator.counters()).toEqual({
      total: 254n,
      excluded: 11n,
      used: 5n,
      usedInExcluded: 1n,
      available: 254n - 11n - 4n,
      awaitingReuse: 1n,
    });
    expect(allocator.counters('no-such-pool')).toBeUndefined();
  });
});

describe('AddressAllocator: snapshot and restore', () => {
  it('restores to an allocator that behaves the same', () => {
    const allocator = subnet('10.16.0.0/28', ['10.16.0.5']);
    allocateMany(allocator, 6);
    allocator.allocateSpecific(ip('10.16.0.5'), 'fixed');
    allocator.releaseOwner('pod-1');
    allocator.releaseOwner('pod-4');
    const snapshot = allocator.snapshot();
    expect(snapshot.released).toEqual([range('10.16.0.3'), range('10.16.0.7')]);
    const { allocator: copy, report } = createAllocator(
      {
        family: 4,
        ranges: [usable('10.16.0.0/28')],
        excluded: [range('10.16.0.5')],
        reserved: [range('10.16.0.1')],
      },
      snapshot,
    );
    expect(report).toEqual({ loaded: 5, rejected: [] });
    expect(copy.counters()).toEqual(allocator.counters());
    expect(allocateMany(copy, 12, 'next')).toEqual(allocateMany(allocator, 12, 'next'));
  });

  it('reports allocations it cannot load, keeping the first claim of each address and owner', () => {
    const { allocator, report } = createAllocator(
      { family: 4, ranges: [usable('10.16.0.0/24')], reserved: [range('10.16.0.1')] },
      {
        allocations: [
          { address: ip('10.16.0.2'), owner: 'a' },
          { address: ip('10.16.0.2'), owner: 'b' },
          { address: ip('10.16.0.2'), owner: 'a' },
          { address: ip('10.16.0.3'), owner: 'a' },
          { address: ip('10.16.0.1'), owner: 'c' },
          { address: ip('10.17.0.1'), owner: 'd' },
        ],
      },
    );
    expect(report.loaded).toBe(1);
    expect(report.rejected).toEqual([
      { address: ip('10.16.0.2'), owner: 'b', reason: 'held', holder: 'a' },
      { address: ip('10.16.0.3'), owner: 'a', reason: 'ownerHoldsAnother', kept: ip('10.16.0.2') },
      { address: ip('10.16.0.1'), owner: 'c', reason: 'reserved' },
      { address: ip('10.17.0.1'), owner: 'd', reason: 'outOfRange' },
    ]);
    expect(text(allocator.allocate('e'))).toBe('10.16.0.3');
  });

  it('restored after a restart, never hands out an address still held', () => {
    const held = Array.from({ length: 10_000 }, (_, i) => ({
      address: ip('10.16.0.2') + BigInt(i * 3),
      owner: `p${i}`,
    }));
    const { allocator, report } = createAllocator(
      { family: 4, ranges: [usable('10.16.0.0/16')] },
      { allocations: held },
    );
    expect(report.loaded).toBe(10_000);
    const given = allocateMany(allocator, 100).map(ip);
    for (const address of given) expect(held.some((h) => h.address === address)).toBe(false);
    expect(given.slice(0, 3)).toEqual([ip('10.16.0.1'), ip('10.16.0.3'), ip('10.16.0.4')]);
  });
});

describe('Transaction', () => {
  function dualStack() {
    const v4 = subnet('10.16.0.0/29');
    const v6 = subnet('fd00::/126');
    return { v4, v6 };
  }

  it('keeps nothing of a dual-stack allocation when one family fails', () => {
    const { v4, v6 } = dualStack();
    v6.allocate('first');
    const before = [v4.snapshot(), v6.snapshot()];
    const result = atomically([v4, v6], () => {
      const a = v4.allocate('second');
      if (!a.ok) return a;
      return v6.allocate('second');
    });
    expect(result).toEqual({ ok: false, reason: 'exhausted' });
    expect([v4.snapshot(), v6.snapshot()]).toEqual(before);
    expect(text(v4.allocate('third'))).toBe('10.16.0.2');
  });

  it('commits when every part succeeds', () => {
    const { v4, v6 } = dualStack();
    const result = atomically([v4, v6], () => {
      const a = v4.allocate('pod');
      return a.ok ? v6.allocate('pod') : a;
    });
    expect(result.ok).toBe(true);
    expect(v4.addressOf('pod')).toBe(ip('10.16.0.2'));
    expect(v4.inTransaction).toBe(false);
  });

  it('undoes releases, moves and the start of a new reuse round exactly', () => {
    const allocator = subnet('10.16.0.0/29');
    allocateMany(allocator, 5);
    allocator.releaseOwner('pod-0');
    const before = allocator.snapshot();
    const counters = allocator.counters();
    const tx = Transaction.begin(allocator);
    allocator.releaseOwner('pod-3');
    expect(text(allocator.allocate('a'))).toBe('10.16.0.2');
    allocator.allocateSpecific(ip('10.16.0.5'), 'pod-1');
    allocator.allocateSpecific(ip('10.16.0.1'), 'gw');
    tx.rollback();
    expect(allocator.snapshot()).toEqual(before);
    expect(allocator.counters()).toEqual(counters);
    expect(text(allocator.allocate('after'))).toBe('10.16.0.2');
  });

  it('rolls back when the body throws', () => {
    const allocator = subnet('10.16.0.0/29');
    expect(() =>
      atomically([allocator], () => {
        allocator.allocate('pod');
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(allocator.counters()!.used).toBe(0n);
    const tx = Transaction.begin(allocator);
    tx.commit();
    expect(() => tx.commit()).toThrow('already closed');
  });

  it('nests: an inner commit is still undone by the outer rollback, an inner rollback alone', () => {
    const a = subnet('10.16.0.0/29');
    const b = subnet('10.17.0.0/29');
    const outer = Transaction.begin(a, b);
    expect(atomically([a], () => a.allocate('nic-1')).ok).toBe(true);
    expect(
      atomically([a, b], () => {
        b.allocate('nic-2');
        return { ok: false };
      }),
    ).toEqual({ ok: false });
    expect(b.counters()!.used).toBe(0n);
    expect(a.addressOf('nic-1')).toBe(ip('10.16.0.2'));
    outer.rollback();
    expect(a.counters()!.used).toBe(0n);
    expect(a.inTransaction).toBe(false);
  });

  it('refuses to close an outer transaction before an inner one', () => {
    const allocator = subnet('10.16.0.0/29');
    const outer = Transaction.begin(allocator);
    const inner = Transaction.begin(allocator);
    allocator.allocate('kept');
    expect(() => outer.commit()).toThrow('innermost first');
    inner.rollback();
    expect(allocator.counters()!.used).toBe(0n);
    outer.commit();
    expect(allocator.journalDepth).toBe(0);
  });
});
