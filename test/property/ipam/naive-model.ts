import type {
  AllocationResult,
  AllocatorConfig,
  AllocatorCounters,
  AllocatorSnapshot,
  ReleaseResult,
} from '../../../shared/ipam/index.js';
import type { Family } from '../../../shared/net/address.js';
import type { IPRange } from '../../../shared/net/range.js';

function addressesOf(ranges: readonly IPRange[], family: Family): bigint[] {
  const out: bigint[] = [];
  for (const r of ranges) if (r.family === family) for (let v = r.first; v <= r.last; v++) out.push(v);
  return out;
}

/** Ascending addresses as merged ranges. */
export function toRanges(family: Family, sorted: readonly bigint[]): IPRange[] {
  const out: IPRange[] = [];
  for (const v of sorted) {
    const tail = out[out.length - 1];
    if (tail && tail.last + 1n === v) tail.last = v;
    else out.push({ family, first: v, last: v });
  }
  return out;
}

/**
 * The reference: plain sets of addresses, scanned from the start of the range on every allocation.
 * Delayed reuse as stated in the design: an allocation takes the lowest address of its pool that is
 * free and not released since the pool's last round; when there is none, the released ones start a
 * new round.
 */
export class NaiveAllocator {
  /** Usable address -> its pool; ascending. */
  private readonly poolOf = new Map<bigint, string>();
  private readonly ascending: bigint[];
  readonly pools: string[] = [''];
  private readonly excluded = new Set<bigint>();
  private readonly reserved = new Set<bigint>();
  holders = new Map<bigint, string>();
  owners = new Map<string, bigint>();
  waiting = new Set<bigint>();

  constructor(readonly config: AllocatorConfig) {
    const family = config.family;
    const usable = new Set(addressesOf(config.ranges, family));
    for (const v of usable) this.poolOf.set(v, '');
    const taken = new Set<bigint>();
    for (const pool of config.pools ?? []) {
      const own = addressesOf(pool.ranges, family).filter((v) => usable.has(v));
      if (own.some((v) => taken.has(v))) continue;
      this.pools.push(pool.name);
      for (const v of own) {
        taken.add(v);
        this.poolOf.set(v, pool.name);
      }
    }
    this.ascending = [...usable].sort((a, b) => (a < b ? -1 : 1));
    for (const v of addressesOf(config.reserved ?? [], family)) {
      if (usable.has(v)) {
        this.reserved.add(v);
        this.excluded.add(v);
      }
    }
    for (const v of addressesOf(config.excluded ?? [], family)) if (usable.has(v)) this.excluded.add(v);
  }

  clone(): { holders: Map<bigint, string>; owners: Map<string, bigint>; waiting: Set<bigint> } {
    return { holders: new Map(this.holders), owners: new Map(this.owners), waiting: new Set(this.waiting) };
  }

  restore(state: ReturnType<NaiveAllocator['clone']>): void {
    this.holders = state.holders;
    this.owners = state.owners;
    this.waiting = state.waiting;
  }

  private scan(pool: string): bigint | undefined {
    for (const v of this.ascending) {
      if (this.poolOf.get(v) !== pool || this.excluded.has(v) || this.holders.has(v) || this.waiting.has(v)) {
        continue;
      }
      return v;
    }
    return undefined;
  }

  private take(address: bigint, owner: string): void {
    this.holders.set(address, owner);
    this.owners.set(owner, address);
    this.waiting.delete(address);
  }

  allocate(owner: string, pool = ''): AllocationResult {
    const current = this.owners.get(owner);
    if (current !== undefined)
      return { ok: true, family: this.config.family, address: current, owner, existing: true };
    if (!this.pools.includes(pool)) return { ok: false, reason: 'noSuchPool', pool };
    let address = this.scan(pool);
    if (address === undefined) {
      for (const v of [...this.waiting]) if (this.poolOf.get(v) === pool) this.waiting.delete(v);
      address = this.scan(pool);
    }
    if (address === undefined) return { ok: false, reason: 'exhausted' };
    this.take(address, owner);
    return { ok: true, family: this.config.family, address, owner, existing: false };
  }

  allocateSpecific(address: bigint, owner: string): AllocationResult {
    if (!this.poolOf.has(address)) return { ok: false, reason: 'outOfRange', address };
    const holder = this.holders.get(address);
    if (holder === owner) return { ok: true, family: this.config.family, address, owner, existing: true };
    if (holder !== undefined) return { ok: false, reason: 'held', address, holder };
    if (this.reserved.has(address)) return { ok: false, reason: 'reserved', address };
    const current = this.owners.get(owner);
    if (current !== undefined) this.release(current);
    this.take(address, owner);
    return { ok: true, family: this.config.family, address, owner, existing: false };
  }

  release(address: bigint): ReleaseResult {
    const owner = this.holders.get(address);
    if (owner === undefined) return { released: false };
    this.holders.delete(address);
    this.owners.delete(owner);
    if (!this.excluded.has(address) && (this.config.reuse ?? 'delayed') === 'delayed')
      this.waiting.add(address);
    return { released: true, address, owner };
  }

  releaseOwner(owner: string): ReleaseResult {
    const address = this.owners.get(owner);
    return address === undefined ? { released: false } : this.release(address);
  }

  private inPool(v: bigint, pool: string | undefined): boolean {
    return pool === undefined || this.poolOf.get(v) === pool;
  }

  /** Recounted from scratch, address by address. */
  counters(pool?: string): AllocatorCounters | undefined {
    if (pool !== undefined && !this.pools.includes(pool)) return undefined;
    const c: AllocatorCounters = {
      total: 0n,
      excluded: 0n,
      used: 0n,
      usedInExcluded: 0n,
      available: 0n,
      awaitingReuse: 0n,
    };
    for (const v of this.ascending) {
      if (!this.inPool(v, pool)) continue;
      c.total++;
      const excluded = this.excluded.has(v);
      const held = this.holders.has(v);
      if (excluded) c.excluded++;
      if (held) c.used++;
      if (held && excluded) c.usedInExcluded++;
      if (!held && !excluded) c.available++;
      if (this.waiting.has(v)) c.awaitingReuse++;
    }
    return c;
  }

  availableRanges(pool?: string): IPRange[] {
    const free = this.ascending.filter(
      (v) => this.inPool(v, pool) && !this.excluded.has(v) && !this.holders.has(v),
    );
    return toRanges(this.config.family, free);
  }

  usingRanges(pool?: string): IPRange[] {
    const using = this.ascending.filter(
      (v) => this.inPool(v, pool) && !this.excluded.has(v) && this.holders.has(v),
    );
    return toRanges(this.config.family, using);
  }

  snapshot(): AllocatorSnapshot {
    const held = [...this.holders.keys()].sort((a, b) => (a < b ? -1 : 1));
    const waiting = [...this.waiting].sort((a, b) => (a < b ? -1 : 1));
    return {
      allocations: held.map((address) => ({ address, owner: this.holders.get(address)! })),
      released: toRanges(this.config.family, waiting),
    };
  }

  isExcluded(address: bigint): boolean {
    return this.excluded.has(address);
  }

  contains(address: bigint): boolean {
    return this.poolOf.has(address);
  }
}
