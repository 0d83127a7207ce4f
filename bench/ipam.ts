/**
 * In-memory IP allocation on a Kube-OVN-like IPv4 /16 Subnet (and an IPv6 /64 laid out alike) with
 * 1,000 excludeIps ranges and 10 IPPools: the allocator (sorted free runs in treaps) beside a naive
 * allocator (a set of used addresses scanned from the start of each pool) in the same run, at several
 * levels of fragmentation (a share of the addresses held in random holes before timing). Also times
 * loading 10,000 held addresses, and pod-ipam's ledger rebuilt from a store of 10,000 allocated Pods.
 * Figures per second of CPU time are printed beside wall-clock ones: on a shared machine the process
 * waits for a CPU much of the time. Last, end to end on a real kube-apiserver (BENCH_E2E_PODS Pods,
 * default 500; 0 skips it): Pods allocated per second by two pod-ipam replicas beside raw Pod
 * creation in the same run.
 */
import os from 'node:os';
import {
  type AddressAllocator,
  type AllocatorConfig,
  type AllocatorSnapshot,
  createAllocator,
} from '../shared/ipam/allocator.js';
import type { HeldAddress } from '../shared/ipam/results.js';
import { usableRange } from '../shared/ipam/usable.js';
import { parseCidr } from '../shared/net/cidr.js';
import type { IPRange } from '../shared/net/range.js';
import { RangeSet } from '../shared/net/range-set.js';
import { reportFigure } from './support/figures.js';
import { benchEndToEnd } from './support/pod-ipam-end-to-end.js';
import { benchRebuild } from './support/pod-ipam-rebuild.js';

const fragmentation = [0, 0.5, 0.9, 0.99];
const rounds = 5;
const minMillis = 200;
const kubeOvnMicrosPerAllocation = 18.8;

/** A fixed-seed generator, so every run benchmarks the same layout and holes. */
function prng(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 0x1_0000_0000;
  };
}

/** Addresses beyond this offset from the network are left alone (an IPv6 /64 is not walked whole). */
const span = 65_536;

/**
 * The Subnet: 1,000 excludeIps ranges of 1 to 8 addresses scattered over the first 65,536 addresses
 * (all of an IPv4 /16), the gateway, and 10 IPPools of 1,024 addresses at offsets 16,384 to 26,623.
 */
function layout(cidrText: string): AllocatorConfig {
  const cidr = parseCidr(cidrText);
  const family = cidr.family;
  const usable = usableRange(cidr);
  const gateway: IPRange = { family, first: usable.first, last: usable.first };
  const random = prng(0x1badb002);
  const excluded: IPRange[] = [gateway];
  for (let i = 0; i < 1000; i++) {
    const first = usable.first + BigInt(Math.floor(random() * (span - 536)));
    excluded.push({ family, first, last: first + BigInt(Math.floor(random() * 8)) });
  }
  const pools = Array.from({ length: 10 }, (_, i) => {
    const first = cidr.network + BigInt((64 + i * 4) * 256);
    return { name: `pool-${i}`, ranges: [{ family, first, last: first + 1023n }] };
  });
  return { family, ranges: [usable], excluded, reserved: [gateway], reuse: 'delayed', pools };
}

/**
 * The baseline: per pool, a set of used (and excluded) addresses, scanned from the pool's start on
 * every allocation. Addresses are number offsets from the pool's first address (exact up to 2^53).
 */
class NaiveAllocator {
  private readonly pools = new Map<
    string,
    { base: bigint; ranges: [number, number][]; blocked: Set<number> }
  >();
  private readonly owners = new Map<string, number>();

  constructor(allocator: AddressAllocator, excluded: readonly IPRange[], held: readonly HeldAddress[]) {
    const excludedSet = RangeSet.of(excluded);
    const offset = (base: bigint, value: bigint) =>
      Number(value - base > 2n ** 53n ? 2n ** 53n : value - base);
    for (const name of allocator.poolNames()) {
      const ranges = allocator.usableRanges(name);
      const base = ranges[0]!.first;
      const blocked = new Set<number>();
      for (const r of RangeSet.of(ranges).intersect(excludedSet).ranges()) {
        for (let v = offset(base, r.first); v <= offset(base, r.last); v++) blocked.add(v);
      }
      const own = ranges.map((r): [number, number] => [offset(base, r.first), offset(base, r.last)]);
      this.pools.set(name, { base, ranges: own, blocked });
    }
    for (const { address, owner } of held) {
      const pool = this.pools.get(allocator.poolAt(address)!)!;
      pool.blocked.add(offset(pool.base, address));
      this.owners.set(owner, offset(pool.base, address));
    }
  }

  allocate(owner: string, poolName: string): number | undefined {
    const pool = this.pools.get(poolName)!;
    for (const [first, last] of pool.ranges) {
      for (let v = first; v <= last; v++) {
        if (!pool.blocked.has(v)) {
          pool.blocked.add(v);
          this.owners.set(owner, v);
          return v;
        }
      }
    }
    return undefined;
  }

  release(owner: string, poolName: string): void {
    const address = this.owners.get(owner);
    if (address === undefined) return;
    this.owners.delete(owner);
    this.pools.get(poolName)!.blocked.delete(address);
  }
}

/** Holds `share` of the allocatable addresses among the first `span`, chosen at random. */
function holes(allocator: AddressAllocator, share: number): HeldAddress[] {
  const random = prng(0xdeadbeef);
  const held: HeldAddress[] = [];
  const end = allocator.usableRanges()[0]!.first + BigInt(span);
  for (const name of allocator.poolNames()) {
    for (const r of allocator.availableRanges(name)) {
      for (let v = r.first; v <= r.last && v < end; v++) {
        if (random() < share) held.push({ address: v, owner: `held-${held.length}` });
      }
    }
  }
  return held;
}

interface Request {
  owner: string;
  pool: string;
}

/** Round-robin over the 11 pools, each asked for half of what it has free (at most 500). */
function requests(allocator: AddressAllocator, round: number): Request[] {
  const out: Request[] = [];
  const names = allocator.poolNames();
  const quota = new Map(
    names.map((n) => [n, Math.min(500, Math.floor(Number(allocator.counters(n)!.available) / 2))]),
  );
  let left = true;
  for (let i = 0; left; i++) {
    left = false;
    for (const name of names) {
      if (i >= quota.get(name)!) continue;
      left = true;
      out.push({ owner: `pod-${round}-${name}-${i}`, pool: name });
    }
  }
  return out;
}

interface Side {
  allocate(request: Request): void;
  release(request: Request): void;
}

interface Rate {
  /** Allocations per second of wall-clock time. */
  wall: number;
  /** Allocations per second of the process's CPU time: what the code costs when it has a CPU. */
  cpu: number;
}

/** Timed allocate rounds, each followed by an untimed release, until enough time has passed. */
function measure(side: Side, batches: Request[][]): Rate {
  let allocations = 0;
  let nanos = 0n;
  let cpuMicros = 0;
  let b = 0;
  while (b < rounds || Number(nanos) / 1e6 < minMillis) {
    const batch = batches[b % batches.length]!;
    const cpuStart = process.cpuUsage();
    const start = process.hrtime.bigint();
    for (const request of batch) side.allocate(request);
    nanos += process.hrtime.bigint() - start;
    const cpu = process.cpuUsage(cpuStart);
    cpuMicros += cpu.user + cpu.system;
    allocations += batch.length;
    for (const request of batch) side.release(request);
    b++;
    if (b >= 10_000) break;
  }
  return { wall: allocations / (Number(nanos) / 1e9), cpu: allocations / (cpuMicros / 1e6) };
}

function perSecond(rate: number): string {
  return rate >= 1e6 ? `${(rate / 1e6).toFixed(2)} M/s` : `${(rate / 1e3).toFixed(1)} k/s`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

interface Comparison {
  share: number;
  real: Rate;
  naive: Rate;
}

function benchFragmentation(config: AllocatorConfig, share: number): Comparison {
  const empty = createAllocator(config).allocator;
  const held = holes(empty, share);
  const real = createAllocator(config, { allocations: held }).allocator;
  const naive = new NaiveAllocator(real, config.excluded ?? [], held);
  const batches = Array.from({ length: 4 }, (_, i) => requests(real, i));
  const realSide: Side = {
    allocate: (r) => {
      if (!real.allocate(r.owner, r.pool).ok) throw new Error(`no address for ${r.owner}`);
    },
    release: (r) => {
      real.releaseOwner(r.owner);
    },
  };
  const naiveSide: Side = {
    allocate: (r) => {
      if (naive.allocate(r.owner, r.pool) === undefined) throw new Error(`no address for ${r.owner}`);
    },
    release: (r) => naive.release(r.owner, r.pool),
  };
  // Interleaved rounds, so load from other processes on the machine hits both alike.
  const a: Rate[] = [];
  const b: Rate[] = [];
  for (let r = 0; r < 5; r++) {
    a.push(measure(realSide, batches));
    b.push(measure(naiveSide, batches));
  }
  const med = (rates: Rate[]): Rate => ({
    wall: median(rates.map((x) => x.wall)),
    cpu: median(rates.map((x) => x.cpu)),
  });
  return { share, real: med(a), naive: med(b) };
}

function benchRestore(config: AllocatorConfig): { millis: number; cpuMillis: number; loaded: number } {
  const empty = createAllocator(config).allocator;
  const all = holes(empty, 1);
  const random = prng(0x5eed);
  const held = all.filter(() => random() < 10_000 / all.length).slice(0, 10_000);
  const snapshot: AllocatorSnapshot = { allocations: held, released: [] };
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let loaded = 0;
  for (let r = 0; r < 7; r++) {
    const cpuStart = process.cpuUsage();
    const start = process.hrtime.bigint();
    loaded = createAllocator(config, snapshot).report.loaded;
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    const cpu = process.cpuUsage(cpuStart);
    cpuTimes.push((cpu.user + cpu.system) / 1000);
  }
  return { millis: median(times), cpuMillis: median(cpuTimes), loaded };
}

/** A bare Map set/delete loop of number keys: how fast this machine runs the simplest bookkeeping. */
function calibration(): Rate {
  const map = new Map<number, string>();
  const owner = 'calibration';
  const n = 2_000_000;
  const cpuStart = process.cpuUsage();
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) {
    map.set(i & 0xffff, owner);
    map.delete((i + 0x8000) & 0xffff);
  }
  const nanos = Number(process.hrtime.bigint() - start);
  const cpu = process.cpuUsage(cpuStart);
  return { wall: n / (nanos / 1e9), cpu: n / ((cpu.user + cpu.system) / 1e6) };
}

function table(cidrText: string): Comparison[] {
  const config = layout(cidrText);
  const allocator = createAllocator(config).allocator;
  const c = allocator.counters()!;
  console.log(
    `\n${cidrText}: ${c.total} usable, ${c.excluded} excluded (1,000 excludeIps ranges and the gateway), ` +
      `${allocator.poolNames().length - 1} IPPools of 1,024 beside the default pool`,
  );
  // Warm both paths up before timing.
  benchFragmentation(config, 0.5);
  const head = (label: string) => label.padStart(11);
  console.log(
    `${'held'.padStart(6)}  ${head('allocator')}  ${head('naive scan')}  ${'ratio'.padStart(7)}  ` +
      `${head('allocator')}  ${head('naive scan')}  ${'ratio'.padStart(7)}`,
  );
  console.log(`${''.padStart(6)}  ${'per second of CPU time'.padEnd(38)}  per second of wall-clock time`);
  const results: Comparison[] = [];
  for (const share of fragmentation) {
    const r = benchFragmentation(config, share);
    results.push(r);
    const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}x`.padStart(7);
    console.log(
      `${`${(share * 100).toFixed(0)}%`.padStart(6)}  ${perSecond(r.real.cpu).padStart(11)}  ${perSecond(r.naive.cpu).padStart(11)}  ${ratio(r.real.cpu, r.naive.cpu)}  ` +
        `${perSecond(r.real.wall).padStart(11)}  ${perSecond(r.naive.wall).padStart(11)}  ${ratio(r.real.wall, r.naive.wall)}`,
    );
  }
  const first = results[0]!;
  const last = results[results.length - 1]!;
  console.log(
    `ratio allocator/naive (CPU time) grows from ${(first.real.cpu / first.naive.cpu).toFixed(1)}x at 0% held to ` +
      `${(last.real.cpu / last.naive.cpu).toFixed(0)}x at ${(last.share * 100).toFixed(0)}% held`,
  );
  return results;
}

async function main(): Promise<void> {
  console.log(
    'In-memory allocation: allocations round-robin over the 11 pools, each round asking a pool for half its ' +
      'free addresses (at most 500); "held" is the share of the first 65,536 addresses held in random holes',
  );
  const v4 = table('10.16.0.0/16');
  table('fd00:10:16::/64');
  const slowest = Math.min(...v4.map((r) => r.real.cpu));
  const kubeOvn = 1e6 / kubeOvnMicrosPerAllocation;
  console.log(
    `\nIPv4: slowest allocator figure ${perSecond(slowest)} (${(1e6 / slowest).toFixed(2)} µs per allocation of ` +
      `CPU time); kube-ovn publishes ~${kubeOvnMicrosPerAllocation} µs per IPv4 allocation ` +
      `(~${(kubeOvn / 1e3).toFixed(0)}k/s): ${(slowest / kubeOvn).toFixed(0)}x that rate (other hardware)`,
  );
  reportFigure({
    name: 'IPv4 allocations, slowest fragmentation',
    value: slowest,
    unit: '/s CPU',
    goal: '≥ 1000000',
  });
  const worst = v4[v4.length - 1]!;
  reportFigure({
    name: `IPv4 allocator/naive at ${(worst.share * 100).toFixed(0)}% held`,
    value: worst.real.cpu / worst.naive.cpu,
    unit: 'x',
  });
  const restore = benchRestore(layout('10.16.0.0/16'));
  console.log(
    `restore: ${restore.loaded} held addresses loaded in ${restore.cpuMillis.toFixed(1)} ms of CPU time, ` +
      `${restore.millis.toFixed(1)} ms wall-clock (medians of 7)`,
  );
  const rebuild = await benchRebuild(10_000);
  console.log(
    `pod-ipam: ledger rebuilt from a synced store of ${rebuild.pods} allocated Pods (annotations, IP objects, ` +
      `IPClaims; ${rebuild.held} held) in ${rebuild.cpuMillis.toFixed(0)} ms of CPU time, ` +
      `${rebuild.millis.toFixed(0)} ms wall-clock (medians of 5)`,
  );
  reportFigure({
    name: 'pod-ipam rebuild of 10,000 Pods',
    value: rebuild.cpuMillis,
    unit: 'ms CPU',
    goal: '< 1000',
  });
  const e2ePods = Number(process.env.BENCH_E2E_PODS ?? 500);
  for (const delivery of e2ePods > 0 ? (['kafka', 'http'] as const) : []) {
    const e2e = await benchEndToEnd(e2ePods, delivery);
    const ratio = e2e.allocatedPerSecond / e2e.createPerSecond;
    console.log(
      `pod-ipam end to end (real kube-apiserver, 2 replicas, ${delivery === 'kafka' ? 'bridge + Kafka' : 'HTTP as Knative delivers'}; ` +
        `${e2e.pods} Pods): ${e2e.allocatedPerSecond.toFixed(1)} Pods allocated/s beside ` +
        `${e2e.createPerSecond.toFixed(1)} raw Pod creates/s (${ratio.toFixed(2)}x)`,
    );
    const ceiling = e2e.rawCost.cpuSeconds / e2e.allocatedCost.cpuSeconds;
    console.log(
      `  API server + etcd per Pod: ${(e2e.rawCost.cpuSeconds * 1000).toFixed(2)} ms CPU and ` +
        `${e2e.rawCost.requests.toFixed(1)} requests per raw create; ${(e2e.allocatedCost.cpuSeconds * 1000).toFixed(2)} ms CPU and ` +
        `${e2e.allocatedCost.requests.toFixed(1)} requests per allocated Pod (create included): where the server's CPU ` +
        `is what runs out, allocation can reach at most ${ceiling.toFixed(2)}x raw creates`,
    );
    reportFigure({
      name: `pod-ipam API server CPU per raw create over per allocated Pod (${delivery})`,
      value: ceiling,
      unit: 'x',
    });
    reportFigure({
      name: `pod-ipam Pods allocated/s over raw Pod creates/s (${delivery})`,
      value: ratio,
      unit: 'x',
      goal: '≥ 0.5',
    });
  }
  const cal = calibration();
  const load = os.loadavg().map((l) => l.toFixed(1));
  console.log(
    `machine: load average ${load.join(' ')} on ${os.availableParallelism()} CPUs; a bare Map set+delete loop ` +
      `runs ${perSecond(cal.cpu)} per CPU second, ${perSecond(cal.wall)} per wall-clock second`,
  );
}

await main();
