/**
 * loadbalancer-ipam under random histories of Services (created, changed, deleted) and pools
 * (changed), IPv4, IPv6 and dual stack: after every event no address is held twice except shared
 * under one key without a port clash, every address lies in a pool that hands it out, claims and
 * statuses agree, families follow ipFamilyPolicy, a plain Service gets the lowest free address of
 * the first pool, a change or delete of one Service moves no other one's address (a PreferDualStack
 * one holding one family may only gain the other from its pool), every Service planned again
 * changes nothing, and the same history gives the same result twice.
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { loadBalancerIpam } from '../../../functions/loadbalancer-ipam/index.js';
import type { KubeObject } from '../../../shared/kube/object.js';
import { formatAddress, parseAddress } from '../../../shared/net/address.js';
import { type EventSpec, feed, newRuntime } from '../../unit/functions/harness.js';
import { type Observed, observe, replanEverything } from '../../unit/functions/loadbalancer-ipam-observe.js';

const PORTS = ['80/TCP', '443/TCP', '53/UDP'] as const;
type Stack = 'v4' | 'v6' | 'prefer' | 'require';

interface ServiceShape {
  index: number;
  loadBalancer: boolean;
  sharing?: 'k1' | 'k2';
  ports: (typeof PORTS)[number][];
  pool?: 'p0' | 'p1';
  stack: Stack;
}

interface PoolShape {
  name: 'p0' | 'p1';
  addresses: string[];
  avoidBuggyIPs: boolean;
}

type Step =
  | { op: 'upsert'; service: ServiceShape }
  | { op: 'delete'; index: number }
  | { op: 'pool'; pool: PoolShape };

/** Pool entries in small windows, so every address of a pool can be listed. */
const entryArb = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 28, max: 32 })).map(([block, prefix]) => {
    return `192.0.2.${block * 16}/${prefix}`;
  }),
  fc.tuple(fc.integer({ min: 250, max: 255 }), fc.integer({ min: 0, max: 4 })).map(([from, width]) => {
    const to = from + width;
    return `198.51.100.${from}-${to > 255 ? `198.51.101.${to - 256}` : `198.51.100.${to}`}`;
  }),
  fc.integer({ min: 0, max: 3 }).map((block) => `2001:db8::${(block * 4).toString(16)}/126`),
);

const poolArb = (name: 'p0' | 'p1'): fc.Arbitrary<PoolShape> =>
  fc.record({
    name: fc.constant(name),
    addresses: fc.array(entryArb, { minLength: 1, maxLength: 3 }),
    avoidBuggyIPs: fc.boolean(),
  });

const serviceArb: fc.Arbitrary<ServiceShape> = fc.record(
  {
    index: fc.integer({ min: 0, max: 5 }),
    loadBalancer: fc.constantFrom(true, true, true, false),
    sharing: fc.constantFrom('k1' as const, 'k2' as const),
    ports: fc.subarray([...PORTS], { minLength: 1 }),
    pool: fc.constantFrom('p0' as const, 'p1' as const),
    stack: fc.constantFrom<Stack>('v4', 'v4', 'v6', 'prefer', 'require'),
  },
  { requiredKeys: ['index', 'loadBalancer', 'ports', 'stack'] },
);

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: serviceArb.map((service) => ({ op: 'upsert' as const, service })), weight: 6 },
  { arbitrary: fc.integer({ min: 0, max: 5 }).map((index) => ({ op: 'delete' as const, index })), weight: 2 },
  {
    arbitrary: fc
      .constantFrom('p0' as const, 'p1' as const)
      .chain(poolArb)
      .map((pool) => ({ op: 'pool' as const, pool })),
    weight: 1,
  },
);

function poolObject(pool: PoolShape): KubeObject {
  return {
    apiVersion: 'metallb.io/v1beta1',
    kind: 'IPAddressPool',
    metadata: { name: pool.name, namespace: 'metallb-system' },
    spec: { addresses: pool.addresses, avoidBuggyIPs: pool.avoidBuggyIPs },
  };
}

const families: Record<Stack, Record<string, unknown>> = {
  v4: { ipFamilies: ['IPv4'], clusterIPs: ['10.96.0.10'] },
  v6: { ipFamilies: ['IPv6'], clusterIPs: ['fd00:10:96::10'] },
  prefer: {
    ipFamilyPolicy: 'PreferDualStack',
    ipFamilies: ['IPv4', 'IPv6'],
    clusterIPs: ['10.96.0.10', 'fd00:10:96::10'],
  },
  require: {
    ipFamilyPolicy: 'RequireDualStack',
    ipFamilies: ['IPv6', 'IPv4'],
    clusterIPs: ['fd00:10:96::10', '10.96.0.10'],
  },
};

function serviceObject(shape: ServiceShape, uid: string): KubeObject {
  const annotations: Record<string, string> = {};
  if (shape.sharing) annotations['metallb.io/allow-shared-ip'] = shape.sharing;
  if (shape.pool) annotations['metallb.io/address-pool'] = shape.pool;
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: `s${shape.index}`, namespace: 'demo', uid, annotations },
    spec: {
      type: shape.loadBalancer ? 'LoadBalancer' : 'ClusterIP',
      ports: shape.ports.map((key) => {
        const [port, protocol] = key.split('/');
        return { name: `p${port}-${protocol!.toLowerCase()}`, port: Number(port), protocol };
      }),
      ...families[shape.stack],
    },
  };
}

/**
 * Every address a pool hands out: its entries, without (avoidBuggyIPs) IPv4 addresses ending in .0 or
 * .255 and the network and broadcast address of any IPv4 CIDR entry of /30 or shorter.
 */
function poolAddresses(pool: PoolShape): string[] {
  const bounds = pool.addresses.map(entryBounds);
  const buggy = new Set<bigint>();
  for (const [first, last, prefix] of bounds) {
    if (first.family === 4 && prefix !== undefined && prefix <= 30) buggy.add(first.value).add(last.value);
  }
  const out = new Set<string>();
  for (const [first, last] of bounds) {
    for (let v = first.value; v <= last.value; v++) {
      const octet = v & 0xffn;
      const avoided = first.family === 4 && (octet === 0n || octet === 255n || buggy.has(v));
      if (!(pool.avoidBuggyIPs && avoided)) out.add(formatAddress(first.family, v));
    }
  }
  return [...out];
}

function entryBounds(entry: string) {
  if (entry.includes('/')) {
    const [base, bits] = entry.split('/');
    const address = parseAddress(base!);
    const width = (address.family === 4 ? 32 : 128) - Number(bits);
    const first = { family: address.family, value: (address.value >> BigInt(width)) << BigInt(width) };
    return [
      first,
      { family: address.family, value: first.value + (1n << BigInt(width)) - 1n },
      Number(bits),
    ] as const;
  }
  const [from, to] = entry.split('-');
  return [parseAddress(from!), parseAddress(to!), undefined] as const;
}

function sharesWith(a: ServiceShape, b: ServiceShape): boolean {
  return a.sharing !== undefined && a.sharing === b.sharing && !a.ports.some((p) => b.ports.includes(p));
}

interface World {
  pools: Map<string, PoolShape>;
  services: Map<number, { shape: ServiceShape; uid: string }>;
}

function checkInvariants(world: World, before: Observed, after: Observed, step: Step): void {
  const alive = new Map([...world.services.values()].map((s) => [`demo/s${s.shape.index}`, s.shape]));
  const holders = new Map<string, string[]>();
  for (const [key, { ingress }] of Object.entries(after.services)) {
    const shape = alive.get(key)!;
    expect(shape).toBeDefined();
    const fams = ingress.map((ip) => parseAddress(ip).family);
    expect(new Set(fams).size).toBe(fams.length);
    if (shape.stack === 'v4') expect(fams.every((f) => f === 4)).toBe(true);
    if (shape.stack === 'v6') expect(fams.every((f) => f === 6)).toBe(true);
    if (shape.stack === 'require') expect([0, 2]).toContain(fams.length);
    if (!shape.loadBalancer) expect(ingress).toEqual([]);
    const offered = [...world.pools.values()]
      .filter((p) => !shape.pool || p.name === shape.pool)
      .flatMap(poolAddresses);
    for (const ip of ingress) {
      expect(offered).toContain(ip);
      holders.set(ip, [...(holders.get(ip) ?? []), key]);
      expect(after.claims[ip]?.split(',')).toContain(key);
    }
  }
  for (const [ip, keys] of holders) {
    for (const a of keys)
      for (const b of keys) if (a < b) expect(sharesWith(alive.get(a)!, alive.get(b)!)).toBe(true);
    expect(after.claims[ip]).toBe([...keys].sort().join(','));
  }
  for (const [ip, list] of Object.entries(after.claims)) expect(holders.get(ip)?.sort().join(',')).toBe(list);
  if (step.op === 'pool') return;
  const changed = step.op === 'delete' ? step.index : step.service.index;
  for (const [key, was] of Object.entries(before.services)) {
    if (key === `demo/s${changed}` || was.ingress.length === 0) continue;
    const now = after.services[key];
    // A PreferDualStack Service holding one family may gain the other from the same pool when an
    // address is given up (MetalLB reprocesses every Service then); it keeps the one it holds.
    const gained =
      alive.get(key)?.stack === 'prefer' && was.ingress.length === 1 && now?.ingress.length === 2;
    if (gained) {
      expect(now.ingress[0]).toBe(was.ingress[0]);
      expect(now.pool).toBe(was.pool);
    } else {
      expect(now?.ingress).toEqual(was.ingress);
    }
  }
  if (
    step.op === 'upsert' &&
    !step.service.sharing &&
    step.service.stack === 'v4' &&
    step.service.loadBalancer
  ) {
    const key = `demo/s${changed}`;
    const got = after.services[key]?.ingress ?? [];
    if ((before.services[key]?.ingress.length ?? 0) > 0 || got.length === 0) return;
    const taken = new Set(
      Object.entries(before.services)
        .filter(([k]) => k !== key)
        .flatMap(([, s]) => s.ingress),
    );
    const pools = [...world.pools.values()].filter((p) => !step.service.pool || p.name === step.service.pool);
    pools.sort((a, b) => (a.name < b.name ? -1 : 1));
    const lowest = pools
      .map((p) => poolAddresses(p).filter((ip) => parseAddress(ip).family === 4 && !taken.has(ip)))
      .find((free) => free.length > 0)
      ?.sort((a, b) => (parseAddress(a).value < parseAddress(b).value ? -1 : 1))[0];
    expect(got).toEqual([lowest]);
  }
}

async function runHistory(initial: PoolShape[], steps: readonly Step[], check: boolean): Promise<Observed> {
  const world: World = { pools: new Map(initial.map((p) => [p.name, p])), services: new Map() };
  const { store, processor } = await newRuntime(initial.map(poolObject), [loadBalancerIpam]);
  let generation = 0;
  for (const step of steps) {
    const before = observe(store);
    let event: EventSpec | undefined;
    if (step.op === 'pool') {
      world.pools.set(step.pool.name, step.pool);
      event = { type: 'update', object: poolObject(step.pool) };
    } else if (step.op === 'delete') {
      const existing = world.services.get(step.index);
      if (!existing) continue;
      world.services.delete(step.index);
      event = { type: 'delete', object: serviceObject(existing.shape, existing.uid) };
    } else {
      const existing = world.services.get(step.service.index);
      const uid = existing?.uid ?? `uid-${step.service.index}-${generation++}`;
      world.services.set(step.service.index, { shape: step.service, uid });
      event = { type: existing ? 'update' : 'add', object: serviceObject(step.service, uid) };
    }
    const [result] = await feed(processor, [{ ...event, id: `e${generation++}` }]);
    expect(result?.outcome).toBe('processed');
    if (check) checkInvariants(world, before, observe(store), step);
  }
  if (check) expect(await replanEverything(store)).toEqual([]);
  return observe(store);
}

describe('loadbalancer-ipam properties', () => {
  it('holds its invariants after every event, and a history replays to the same result', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(poolArb('p0'), { minLength: 1, maxLength: 1 }),
        fc.option(poolArb('p1'), { nil: undefined }),
        fc.array(stepArb, { maxLength: 24 }),
        async ([p0], p1, steps) => {
          const pools = p1 ? [p0!, p1] : [p0!];
          const first = await runHistory(pools, steps, true);
          const second = await runHistory(pools, steps, false);
          expect(second).toEqual(first);
        },
      ),
      { numRuns: 60 },
    );
  }, 300_000);
});
