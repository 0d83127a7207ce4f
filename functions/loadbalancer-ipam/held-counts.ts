import type { Address, Family } from '../../shared/net/address.js';
import type { IPRange } from '../../shared/net/range.js';

/** An address that became held by some stored object (`held`), or that no stored object holds any more. */
export interface Transition {
  address: Address;
  held: boolean;
}

const keyOf = (family: Family, value: bigint) => `${family}|${value}`;

function addressOf(key: string): Address {
  const bar = key.indexOf('|');
  return { family: Number(key.slice(0, bar)) as Family, value: BigInt(key.slice(bar + 1)) };
}

function keysOf(ranges: readonly IPRange[]): string[] {
  const out: string[] = [];
  for (const range of ranges) {
    for (let value = range.first; value <= range.last; value++) out.push(keyOf(range.family, value));
  }
  return out;
}

/**
 * How many stored objects hold each address, and which addresses each object holds: what the
 * function's range indexes say of every Service status, IPAddress and Kube-OVN IP, kept per object
 * so a changed or deleted object takes back exactly what it added.
 */
export class HeldCounts {
  private readonly counts = new Map<string, number>();
  private readonly byObject = new Map<string, readonly string[]>();

  /** Records that the object `id` now holds `ranges` (none once deleted); returns what changed. */
  set(id: string, ranges: readonly IPRange[]): Transition[] {
    const before = this.byObject.get(id) ?? [];
    const after = keysOf(ranges);
    const heldBefore = new Map<string, boolean>();
    for (const key of [...before, ...after])
      if (!heldBefore.has(key)) heldBefore.set(key, this.counts.has(key));
    for (const key of before) this.add(key, -1);
    for (const key of after) this.add(key, 1);
    if (after.length > 0) this.byObject.set(id, after);
    else this.byObject.delete(id);
    const out: Transition[] = [];
    for (const [key, was] of heldBefore) {
      if (was !== this.counts.has(key)) out.push({ address: addressOf(key), held: !was });
    }
    return out;
  }

  private add(key: string, delta: number): void {
    const count = (this.counts.get(key) ?? 0) + delta;
    if (count > 0) this.counts.set(key, count);
    else this.counts.delete(key);
  }

  /** Every address some stored object holds. */
  *held(): Iterable<Address> {
    for (const key of this.counts.keys()) yield addressOf(key);
  }
}
