import type { Key } from './key-math.js';

/** Who holds which address: the allocator's ledger. */
export interface HolderTable<K extends Key> {
  get(key: K): string | undefined;
  set(key: K, owner: string): void;
  delete(key: K): void;
  readonly size: number;
  /** Held keys, ascending. */
  keys(): K[];
}

export class MapHolders<K extends Key> implements HolderTable<K> {
  private readonly map = new Map<K, string>();

  get(key: K): string | undefined {
    return this.map.get(key);
  }

  set(key: K, owner: string): void {
    this.map.set(key, owner);
  }

  delete(key: K): void {
    this.map.delete(key);
  }

  get size(): number {
    return this.map.size;
  }

  keys(): K[] {
    return [...this.map.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }
}

/**
 * An array slot per address from `base`: for IPv4 ranges of up to `DenseHolders.maxSpan` addresses
 * (a /15), several times cheaper than a Map once tens of thousands of addresses are held. The array
 * (8 bytes a slot) is allocated on the first allocation, so an idle Subnet costs nothing.
 */
export class DenseHolders implements HolderTable<number> {
  static readonly maxSpan = 1 << 17;
  private slots: (string | undefined)[] | undefined;
  private count = 0;

  constructor(
    private readonly base: number,
    private readonly span: number,
  ) {}

  get(key: number): string | undefined {
    return this.slots?.[key - this.base];
  }

  set(key: number, owner: string): void {
    this.slots ??= new Array<string | undefined>(this.span).fill(undefined);
    const slots = this.slots;
    const slot = key - this.base;
    if (slots[slot] === undefined) this.count++;
    slots[slot] = owner;
  }

  delete(key: number): void {
    const slots = this.slots;
    const slot = key - this.base;
    if (!slots || slots[slot] === undefined) return;
    this.count--;
    slots[slot] = undefined;
  }

  get size(): number {
    return this.count;
  }

  keys(): number[] {
    const out: number[] = [];
    const slots = this.slots ?? [];
    for (let i = 0; i < slots.length; i++) if (slots[i] !== undefined) out.push(this.base + i);
    return out;
  }
}
