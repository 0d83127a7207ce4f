/**
 * In-memory IP allocation on a Kube-OVN-like /16 Subnet with 1,000 excludeIps ranges and 10 IPPools:
 * the allocator (sorted free runs in treaps) beside a naive allocator (a set of used addresses scanned
 * from the start of each pool) in the same run, at several levels of fragmentation (a share of each
 * pool held in random holes before timing). Also times loading 10,000 held addresses.
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

const cidr = parseCidr('10.16.0.0/16');
const usable = usableRange(cidr);
const gateway = usable.first;

function layout(): AllocatorConfig {
  const random = prng(0x1badb002);
  const excluded: IPRange[] = [{ family: 4, first: gateway, last: gateway }];
  // 1,000 excludeIps ranges of 1 to 8 addresses, scattered over the /16.
  for (let i = 0; i < 1000; i++) {
    const first = usable.first + BigInt(Math.floor(random() * 65_000));
    excluded.push({ family: 4, first, last: first + BigInt(Math.floor(random() * 8)) });
  }
  // 10 IPPools of a /22 each, in 10.16.64.0 - 10.16.103.255.
  const pools = Array.from({ length: 10 }, (_, i) => {
    const first = cidr.network + BigInt((64 + i * 4) * 256);
    return { name: `pool-${i}`, ranges: [{ family: 4 as const, first, last: first + 1023n }] };
  });
  return {
    family: 4,
    ranges: [usable],
    excluded,
    reserved: [{ family: 4, first: gateway, last: gateway }],
    reuse: 'delayed',
    pools,
  };
}

/** The baseline: per pool, a set of used (and excluded) addresses, scanned from the pool's start. */
class NaiveAllocator {
  private readonly pools = new Map<string, { ranges: [number, number][]; blocked: Set<number> }>();
  private readonly owners = new Map<string, number>();

  constructor(partition: AddressAllocator, excluded: readonly IPRange[], held: readonly HeldAddress[]) {
    const excludedSet = RangeSet.of(excluded);
    for (const name of partition.poolNames()) {
      const ranges = partition.usableRanges(name);
      const blocked = new Set<number>();
      for (const r of RangeSet.of(ranges).intersect(excludedSet).ranges()) {
        for (let v = Number(r.first); v <= Number(r.last); v++) blocked.add(v);
      }
      this.pools.set(name, { ranges: ranges.map((r) => [Number(r.first), Number(r.last)]), blocked });
    }
    for (const { address, owner } of held) {
      const pool = this.pools.get(partition.poolAt(address)!)!;
      pool.blocked.add(Number(address));
      this.owners.set(owner, Number(address));
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

/** Holds `share` of every pool's allocatable addresses, chosen at random. */
function holes(partition: AddressAllocator, share: number): HeldAddress[] {
  const random = prng(0xdeadbeef);
  const held: HeldAddress[] = [];
  for (const name of partition.poolNames()) {
    for (const r of partition.availableRanges(name)) {
      for (let v = r.first; v <= r.last; v++) {
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
function requests(partition: AddressAllocator, round: number): Request[] {
  const out: Request[] = [];
  const names = partition.poolNames();
  const quota = new Map(
    names.map((n) => [n, Math.min(500, Math.floor(Number(partition.counters(n)!.available) / 2))]),
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

function main(): void {
  const config = layout();
  const allocator = createAllocator(config).allocator;
  const c = allocator.counters()!;
  console.log(
    `IPv4 /16 Subnet: ${c.total} usable, ${c.excluded} excluded (1,000 excludeIps ranges and the gateway), ` +
      `${allocator.poolNames().length - 1} IPPools of a /22 beside the default pool; allocations round-robin ` +
      'over the 11 pools, each round asking a pool for half its free addresses (at most 500)',
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
  const slowest = Math.min(...results.map((r) => r.real.cpu));
  const kubeOvn = 1e6 / kubeOvnMicrosPerAllocation;
  console.log(
    `slowest allocator figure ${perSecond(slowest)} (${(1e6 / slowest).toFixed(2)} µs per allocation, CPU time); ` +
      `kube-ovn publishes ~${kubeOvnMicrosPerAllocation} µs per IPv4 allocation (~${(kubeOvn / 1e3).toFixed(0)}k/s): ` +
      `${(slowest / kubeOvn).toFixed(0)}x that rate (other hardware)`,
  );
  const restore = benchRestore(config);
  console.log(
    `restore: ${restore.loaded} held addresses loaded in ${restore.cpuMillis.toFixed(1)} ms of CPU time, ` +
      `${restore.millis.toFixed(1)} ms wall-clock (medians of 7)`,
  );
  const cal = calibration();
  const load = os.loadavg().map((l) => l.toFixed(1));
  console.log(
    `machine: load average ${load.join(' ')} on ${os.availableParallelism()} CPUs; a bare Map set+delete loop ` +
      `runs ${perSecond(cal.cpu)} per CPU second, ${perSecond(cal.wall)} per wall-clock second`,
  );
}

main();
