import { type Family, maxValue } from '../net/address.js';
import type { IPRange } from '../net/range.js';
import { RangeSet } from '../net/range-set.js';
import { DenseHolders, type HolderTable, MapHolders } from './holders.js';
import { type Key, type KeyMath, v4Math, v6Math } from './key-math.js';
import type {
  AllocationFailure,
  AllocationResult,
  AllocatorCounters,
  HeldAddress,
  RejectedAllocation,
  ReleaseResult,
} from './results.js';
import { type Run, RunSet } from './run-set.js';
import {
  intersectRuns,
  keysToRuns,
  runsContain,
  runsFromRanges,
  runsSize,
  runsToRanges,
  subtractRuns,
  unionRuns,
} from './runs.js';

/**
 * `delayed`: a released address is handed out again only once the never-used ones have run out
 * (kube-ovn-controller). `immediate`: the lowest free address, released or not (MetalLB).
 */
export type ReusePolicy = 'delayed' | 'immediate';

/** The sub-range that belongs to no named pool (Kube-OVN's IPPool ""). */
export const DEFAULT_POOL = '';

/** A named sub-range (a Kube-OVN IPPool): its addresses go only to those who name it. */
export interface SubRange {
  name: string;
  ranges: readonly IPRange[];
}

/** A pool refused because it shares addresses with an earlier one (kube-ovn AddOrUpdateIPPool). */
export interface PoolConflict {
  pool: string;
  with: string;
  overlap: IPRange[];
}

export interface AllocatorConfig {
  family: Family;
  /** The usable addresses: what the allocator hands out. */
  ranges: readonly IPRange[];
  /** Not handed out by `allocate`, but may be taken by `allocateSpecific` (Kube-OVN excludeIps). */
  excluded?: readonly IPRange[];
  /** Never handed out, not even by `allocateSpecific` (a Subnet's gateway); counted as excluded. */
  reserved?: readonly IPRange[];
  reuse?: ReusePolicy;
  /**
   * Sub-ranges taken out of the default pool, in this order; one sharing addresses with an earlier
   * one is refused and listed in `conflicts`. Their parts outside `ranges` are ignored.
   */
  pools?: readonly SubRange[];
}

/** Everything needed to rebuild an allocator's state: who holds what, and what awaits reuse. */
export interface AllocatorSnapshot {
  /** Ascending by address. */
  allocations: HeldAddress[];
  /** Released addresses not yet handed out again (delayed reuse), ascending. */
  released: IPRange[];
}

export interface RestoreReport {
  loaded: number;
  rejected: RejectedAllocation[];
}

/**
 * One family's address allocator over a usable range split into pools (the default pool and named
 * sub-ranges). An owner holds at most one address in it. See docs/design.md, "IP address allocation".
 */
export interface AddressAllocator {
  readonly family: Family;
  readonly reuse: ReusePolicy;
  /** Pools of the configuration refused for overlapping an earlier one. */
  readonly conflicts: readonly PoolConflict[];
  /** The owner's address, wherever it is held; else the lowest free address of `pool`. */
  allocate(owner: string, pool?: string): AllocationResult;
  /**
   * A fixed address, from whichever pool holds it (kube-ovn GetStaticAddress); an owner holding
   * another address moves to this one.
   */
  allocateSpecific(address: bigint, owner: string): AllocationResult;
  /** Why `allocateSpecific(address, owner)` would fail, without changing anything; undefined if it would not. */
  probeSpecific(address: bigint, owner: string): AllocationFailure | undefined;
  release(address: bigint): ReleaseResult;
  releaseOwner(owner: string): ReleaseResult;
  holderOf(address: bigint): string | undefined;
  addressOf(owner: string): bigint | undefined;
  /** Whether the address is in the usable range. */
  contains(address: bigint): boolean;
  isExcluded(address: bigint): boolean;
  /** The pool whose sub-range holds the address; undefined outside the usable range. */
  poolAt(address: bigint): string | undefined;
  /** The default pool first, then the named pools in configuration order. */
  poolNames(): string[];
  /** One pool's counters (undefined for an unknown pool), or the whole allocator's. */
  counters(pool?: string): AllocatorCounters | undefined;
  /** What `allocate` can still hand out (never-used and released), as ranges. */
  availableRanges(pool?: string): IPRange[];
  /** Held addresses outside the excluded ranges (Kube-OVN's usingIPrange), as ranges. */
  usingRanges(pool?: string): IPRange[];
  /** The usable range (of one pool), merged. */
  usableRanges(pool?: string): IPRange[];
  /** Held addresses, ascending. */
  entries(): HeldAddress[];
  snapshot(): AllocatorSnapshot;
  /**
   * Starts recording undo steps (used by Transaction); inside an open journal, starts a nested
   * scope. Returns the scope's depth, 1 for the outermost.
   */
  openJournal(): number;
  /**
   * Closes the innermost scope, which must be `depth`: with `commit` false, undoes every step since
   * it opened; with `commit` true, keeps them (an enclosing scope may still undo them).
   */
  closeJournal(depth: number, commit: boolean): void;
  /** Open journal scopes: 0 outside any transaction. */
  readonly journalDepth: number;
  readonly inTransaction: boolean;
}

/** Where a held address came from and where a freed one goes. */
const FRESH = 0;
const RELEASED = 1;
const EXCLUDED = 2;
type Place = typeof FRESH | typeof RELEASED | typeof EXCLUDED;

/**
 * One pool's free addresses. `fresh` holds those of the current round, lowest first; `released` those
 * released since, which wait until `fresh` is empty and then become the next round (kube-ovn
 * getV4RandomAddress: pool.V4Free = pool.V4Released, pool.V4Released = empty).
 */
interface Pool<K extends Key> {
  name: string;
  usable: Run<K>[];
  /** Usable and not excluded: what fresh, released and held-outside-excluded add up to. */
  allocatable: Run<K>[];
  totalCount: K;
  excludedCount: K;
  fresh: RunSet<K>;
  released: RunSet<K>;
}

type JournalStep<K extends Key> =
  | { op: 'take'; pool: Pool<K>; key: K; owner: string; from: Place }
  | { op: 'free'; pool: Pool<K>; key: K; owner: string; to: Place }
  | { op: 'swap'; pool: Pool<K> };

interface Span<K extends Key> {
  first: K;
  last: K;
  pool: Pool<K>;
}

function compareKeys<K extends Key>(a: K, b: K): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Splits the usable range into the default pool and the named ones, refusing overlapping pools. */
function layOut(config: AllocatorConfig): { layout: SubRange[]; conflicts: PoolConflict[] } {
  const usable = RangeSet.of(config.ranges);
  const layout: SubRange[] = [];
  const conflicts: PoolConflict[] = [];
  const names = new Set<string>([DEFAULT_POOL]);
  let taken = RangeSet.empty;
  for (const pool of config.pools ?? []) {
    if (names.has(pool.name)) throw new RangeError(`duplicate pool name ${JSON.stringify(pool.name)}`);
    names.add(pool.name);
    const own = RangeSet.of(pool.ranges.filter((r) => r.family === config.family)).intersect(usable);
    const overlap = own.intersect(taken);
    if (!overlap.isEmpty()) {
      const first = overlap.toArray()[0]!;
      const other = layout.find((p) => RangeSet.of(p.ranges).overlaps(first))!;
      conflicts.push({ pool: pool.name, with: other.name, overlap: overlap.toArray() });
      continue;
    }
    taken = taken.union(own);
    layout.push({ name: pool.name, ranges: own.toArray() });
  }
  layout.unshift({ name: DEFAULT_POOL, ranges: usable.subtract(taken).toArray() });
  return { layout, conflicts };
}

/**
 * The allocator, generic over its key type (number for IPv4, bigint for IPv6); its public methods
 * speak bigint like the rest of shared/net. Every usable, non-excluded address is in exactly one of
 * its pool's fresh or released sets, or held; an excluded address is held (fixed) or in none.
 */
class KeyedAllocator<K extends Key> implements AddressAllocator {
  readonly family: Family;
  readonly reuse: ReusePolicy;
  readonly conflicts: PoolConflict[];
  private readonly excludedRuns: Run<K>[];
  private readonly reservedRuns: Run<K>[];
  private readonly pools = new Map<string, Pool<K>>();
  /** Every pool's usable runs, ascending: the pool of an address by binary search. */
  private readonly spans: Span<K>[] = [];
  private readonly owners = new Map<string, K>();
  private readonly excludedHeld = new Set<K>();
  private journal: JournalStep<K>[] | undefined;
  /** Journal lengths where the nested scopes began. */
  private readonly scopes: number[] = [];

  constructor(
    private readonly math: KeyMath<K>,
    config: AllocatorConfig,
    private readonly holders: HolderTable<K>,
  ) {
    this.family = config.family;
    this.reuse = config.reuse ?? 'delayed';
    const usableAll = runsFromRanges(math, config.ranges);
    this.reservedRuns = intersectRuns(runsFromRanges(math, config.reserved ?? []), usableAll);
    this.excludedRuns = intersectRuns(
      unionRuns(math, runsFromRanges(math, config.excluded ?? []), this.reservedRuns),
      usableAll,
    );
    const { layout, conflicts } = layOut(config);
    this.conflicts = conflicts;
    for (const { name, ranges } of layout) {
      const usable = runsFromRanges(math, ranges);
      const allocatable = subtractRuns(math, usable, this.excludedRuns);
      const pool: Pool<K> = {
        name,
        usable,
        allocatable,
        totalCount: runsSize(math, usable),
        excludedCount: math.sub(runsSize(math, usable), runsSize(math, allocatable)),
        fresh: RunSet.fromSortedRuns(math, allocatable),
        released: new RunSet(math),
      };
      this.pools.set(name, pool);
      for (const run of usable) this.spans.push({ first: run.first, last: run.last, pool });
    }
    this.spans.sort((a, b) => compareKeys(a.first, b.first));
  }

  get inTransaction(): boolean {
    return this.journal !== undefined;
  }

  get journalDepth(): number {
    return this.journal ? this.scopes.length + 1 : 0;
  }

  /** The key of an address of this family, or undefined when it is outside the family's space. */
  private keyOf(address: bigint): K | undefined {
    if (address < 0n || address > maxValue[this.family]) return undefined;
    return this.math.fromBig(address);
  }

  private poolOfKey(key: K): Pool<K> | undefined {
    const spans = this.spans;
    let lo = 0;
    let hi = spans.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const span = spans[mid]!;
      if (key < span.first) hi = mid - 1;
      else if (key > span.last) lo = mid + 1;
      else return span.pool;
    }
    return undefined;
  }

  poolAt(address: bigint): string | undefined {
    const key = this.keyOf(address);
    return key === undefined ? undefined : this.poolOfKey(key)?.name;
  }

  poolNames(): string[] {
    return [...this.pools.keys()];
  }

  contains(address: bigint): boolean {
    return this.poolAt(address) !== undefined;
  }

  isExcluded(address: bigint): boolean {
    const key = this.keyOf(address);
    return key !== undefined && runsContain(this.excludedRuns, key);
  }

  holderOf(address: bigint): string | undefined {
    const key = this.keyOf(address);
    return key === undefined ? undefined : this.holders.get(key);
  }

  addressOf(owner: string): bigint | undefined {
    const key = this.owners.get(owner);
    return key === undefined ? undefined : this.math.toBig(key);
  }

  allocate(owner: string, poolName: string = DEFAULT_POOL): AllocationResult {
    const current = this.owners.get(owner);
    if (current !== undefined)
      return { ok: true, family: this.family, address: this.math.toBig(current), owner, existing: true };
    const pool = this.pools.get(poolName);
    if (!pool) return { ok: false, reason: 'noSuchPool', pool: poolName };
    if (pool.fresh.isEmpty()) {
      if (pool.released.isEmpty()) return { ok: false, reason: 'exhausted' };
      pool.fresh.swapWith(pool.released);
      this.journal?.push({ op: 'swap', pool });
    }
    const key = pool.fresh.takeMin()!;
    this.holders.set(key, owner);
    this.owners.set(owner, key);
    this.journal?.push({ op: 'take', pool, key, owner, from: FRESH });
    return { ok: true, family: this.family, address: this.math.toBig(key), owner, existing: false };
  }

  probeSpecific(address: bigint, owner: string): AllocationFailure | undefined {
    const key = this.keyOf(address);
    if (key === undefined || !this.poolOfKey(key)) return { ok: false, reason: 'outOfRange', address };
    const holder = this.holders.get(key);
    if (holder !== undefined) {
      return holder === owner ? undefined : { ok: false, reason: 'held', address, holder };
    }
    // kube-ovn staticAddressFamilyForIP: "ip %s conflicts with subnet gateway".
    if (runsContain(this.reservedRuns, key)) return { ok: false, reason: 'reserved', address };
    return undefined;
  }

  allocateSpecific(address: bigint, owner: string): AllocationResult {
    const failure = this.probeSpecific(address, owner);
    if (failure) return failure;
    const key = this.math.fromBig(address);
    if (this.holders.get(key) === owner)
      return { ok: true, family: this.family, address, owner, existing: true };
    const current = this.owners.get(owner);
    if (current !== undefined) this.free(current, owner);
    const pool = this.poolOfKey(key)!;
    let from: Place;
    if (runsContain(this.excludedRuns, key)) {
      // kube-ovn allocateStaticAddress: an address of excludeIps may be fixed, and is then in use.
      this.excludedHeld.add(key);
      from = EXCLUDED;
    } else if (pool.fresh.delete(key)) {
      from = FRESH;
    } else if (pool.released.delete(key)) {
      from = RELEASED;
    } else {
      throw new Error(`allocator state lost address ${address}`);
    }
    this.holders.set(key, owner);
    this.owners.set(owner, key);
    this.journal?.push({ op: 'take', pool, key, owner, from });
    return { ok: true, family: this.family, address, owner, existing: false };
  }

  release(address: bigint): ReleaseResult {
    const key = this.keyOf(address);
    const owner = key === undefined ? undefined : this.holders.get(key);
    if (owner === undefined) return { released: false };
    this.free(key!, owner);
    return { released: true, address, owner };
  }

  releaseOwner(owner: string): ReleaseResult {
    const key = this.owners.get(owner);
    if (key === undefined) return { released: false };
    this.free(key, owner);
    return { released: true, address: this.math.toBig(key), owner };
  }

  private free(key: K, owner: string): void {
    this.holders.delete(key);
    this.owners.delete(owner);
    const pool = this.poolOfKey(key)!;
    let to: Place;
    if (this.excludedHeld.delete(key)) {
      // kube-ovn releaseV4Addr: an address of excludeIps goes back to being excluded, not released.
      to = EXCLUDED;
    } else if (this.reuse === 'delayed') {
      pool.released.add(key);
      to = RELEASED;
    } else {
      pool.fresh.add(key);
      to = FRESH;
    }
    this.journal?.push({ op: 'free', pool, key, owner, to });
  }

  openJournal(): number {
    if (this.journal) this.scopes.push(this.journal.length);
    else this.journal = [];
    return this.scopes.length + 1;
  }

  closeJournal(depth: number, commit: boolean): void {
    const journal = this.journal;
    if (!journal || depth !== this.journalDepth) {
      throw new Error('transactions on one allocator must close innermost first');
    }
    const start = depth > 1 ? this.scopes.pop()! : 0;
    if (!commit) {
      for (let i = journal.length - 1; i >= start; i--) this.undo(journal[i]!);
      journal.length = start;
    }
    if (depth === 1) this.journal = undefined;
  }

  private undo(step: JournalStep<K>): void {
    if (step.op === 'swap') {
      step.pool.fresh.swapWith(step.pool.released);
    } else if (step.op === 'take') {
      this.holders.delete(step.key);
      this.owners.delete(step.owner);
      if (step.from === FRESH) step.pool.fresh.add(step.key);
      else if (step.from === RELEASED) step.pool.released.add(step.key);
      else this.excludedHeld.delete(step.key);
    } else {
      if (step.to === FRESH) step.pool.fresh.delete(step.key);
      else if (step.to === RELEASED) step.pool.released.delete(step.key);
      else this.excludedHeld.add(step.key);
      this.holders.set(step.key, step.owner);
      this.owners.set(step.owner, step.key);
    }
  }

  /**
   * From the allocations: a pool's held addresses outside excluded ranges are its allocatable ones
   * that are in neither free set; those inside are the fixed ones counted in `excludedHeld`.
   */
  counters(poolName?: string): AllocatorCounters | undefined {
    const math = this.math;
    const pools = poolName === undefined ? [...this.pools.values()] : [this.pools.get(poolName)];
    const counters: AllocatorCounters = {
      total: 0n,
      excluded: 0n,
      used: 0n,
      usedInExcluded: 0n,
      available: 0n,
      awaitingReuse: 0n,
    };
    for (const pool of pools) {
      if (!pool) return undefined;
      const free = math.toBig(math.add(pool.fresh.size, pool.released.size));
      counters.total += math.toBig(pool.totalCount);
      counters.excluded += math.toBig(pool.excludedCount);
      counters.available += free;
      counters.awaitingReuse += math.toBig(pool.released.size);
      counters.used += math.toBig(pool.totalCount) - math.toBig(pool.excludedCount) - free;
    }
    for (const key of this.excludedHeld) {
      if (poolName === undefined || this.poolOfKey(key)?.name === poolName) counters.usedInExcluded++;
    }
    counters.used += counters.usedInExcluded;
    return counters;
  }

  private selectPools(poolName: string | undefined): Pool<K>[] {
    if (poolName === undefined) return [...this.pools.values()];
    const pool = this.pools.get(poolName);
    return pool ? [pool] : [];
  }

  private availableRuns(pools: readonly Pool<K>[]): Run<K>[] {
    let runs: Run<K>[] = [];
    for (const pool of pools) {
      runs = unionRuns(this.math, runs, unionRuns(this.math, pool.fresh.toRuns(), pool.released.toRuns()));
    }
    return runs;
  }

  availableRanges(poolName?: string): IPRange[] {
    return runsToRanges(this.math, this.availableRuns(this.selectPools(poolName)));
  }

  usingRanges(poolName?: string): IPRange[] {
    const pools = this.selectPools(poolName);
    let allocatable: Run<K>[] = [];
    for (const pool of pools) allocatable = unionRuns(this.math, allocatable, pool.allocatable);
    return runsToRanges(this.math, subtractRuns(this.math, allocatable, this.availableRuns(pools)));
  }

  usableRanges(poolName?: string): IPRange[] {
    let usable: Run<K>[] = [];
    for (const pool of this.selectPools(poolName)) usable = unionRuns(this.math, usable, pool.usable);
    return runsToRanges(this.math, usable);
  }

  entries(): HeldAddress[] {
    const keys = this.holders.keys();
    return keys.map((key) => ({ address: this.math.toBig(key), owner: this.holders.get(key)! }));
  }

  snapshot(): AllocatorSnapshot {
    let released: Run<K>[] = [];
    for (const pool of this.pools.values()) released = unionRuns(this.math, released, pool.released.toRuns());
    return { allocations: this.entries(), released: runsToRanges(this.math, released) };
  }

  /**
   * Loads allocations into this new allocator in one pass and a sort: each pool's free runs are its
   * allocatable runs minus its sorted held addresses, and the trees are built from sorted runs in
   * linear time. Allocations are checked in input order; the first claim of an address or an owner
   * wins, and the rest are reported.
   */
  load(snapshot: Partial<AllocatorSnapshot>): RestoreReport {
    if (this.holders.size > 0 || this.journal) throw new Error('load needs a new allocator');
    const math = this.math;
    const rejected: RejectedAllocation[] = [];
    const heldKeys = new Map<Pool<K>, K[]>();
    for (const pool of this.pools.values()) heldKeys.set(pool, []);
    for (const { address, owner } of snapshot.allocations ?? []) {
      const key = this.keyOf(address);
      const pool = key === undefined ? undefined : this.poolOfKey(key);
      if (key === undefined || !pool) {
        rejected.push({ address, owner, reason: 'outOfRange' });
        continue;
      }
      if (runsContain(this.reservedRuns, key)) {
        rejected.push({ address, owner, reason: 'reserved' });
        continue;
      }
      const holder = this.holders.get(key);
      if (holder !== undefined) {
        if (holder !== owner) rejected.push({ address, owner, reason: 'held', holder });
        continue;
      }
      const kept = this.owners.get(owner);
      if (kept !== undefined) {
        rejected.push({ address, owner, reason: 'ownerHoldsAnother', kept: math.toBig(kept) });
        continue;
      }
      this.holders.set(key, owner);
      this.owners.set(owner, key);
      if (runsContain(this.excludedRuns, key)) this.excludedHeld.add(key);
      else heldKeys.get(pool)!.push(key);
    }
    const releasedAll = runsFromRanges(math, snapshot.released ?? []);
    for (const pool of this.pools.values()) {
      const keys = heldKeys.get(pool)!.sort(compareKeys);
      const free = subtractRuns(math, pool.allocatable, keysToRuns(math, keys));
      const released = intersectRuns(releasedAll, free);
      pool.fresh = RunSet.fromSortedRuns(math, subtractRuns(math, free, released));
      pool.released = RunSet.fromSortedRuns(math, released);
    }
    return { loaded: this.holders.size, rejected };
  }
}

function v4Holders(ranges: readonly IPRange[]): HolderTable<number> {
  if (ranges.length === 0) return new MapHolders<number>();
  let first = ranges[0]!.first;
  let last = ranges[0]!.last;
  for (const range of ranges) {
    if (range.first < first) first = range.first;
    if (range.last > last) last = range.last;
  }
  const span = Number(last - first + 1n);
  return span <= DenseHolders.maxSpan ? new DenseHolders(Number(first), span) : new MapHolders<number>();
}

/** A new allocator, with `snapshot` (existing allocations, released addresses) loaded when given. */
export function createAllocator(
  config: AllocatorConfig,
  snapshot?: Partial<AllocatorSnapshot>,
): { allocator: AddressAllocator; report: RestoreReport } {
  const allocator =
    config.family === 4
      ? new KeyedAllocator(v4Math, config, v4Holders(config.ranges))
      : new KeyedAllocator(v6Math, config, new MapHolders<bigint>());
  const report = snapshot ? allocator.load(snapshot) : { loaded: 0, rejected: [] };
  return { allocator, report };
}

/** A new, empty allocator. */
export function newAllocator(config: AllocatorConfig): AddressAllocator {
  return createAllocator(config).allocator;
}
