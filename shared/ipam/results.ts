import type { Family } from '../net/address.js';

/** An address held by an owner (a Pod's NIC, a Service, a gateway replica...). */
export interface HeldAddress {
  address: bigint;
  owner: string;
}

export interface Allocated {
  ok: true;
  family: Family;
  address: bigint;
  owner: string;
  /** The owner already held this address: nothing changed. */
  existing: boolean;
}

export type AllocationFailure =
  /** No free address is left (never-used and released ones alike). */
  | { ok: false; reason: 'exhausted' }
  /** The fixed address is held by another owner, named here. */
  | { ok: false; reason: 'held'; address: bigint; holder: string }
  /** The fixed address is outside the usable range (network or broadcast address included). */
  | { ok: false; reason: 'outOfRange'; address: bigint }
  /** The fixed address can never be handed out, not even as fixed (a Subnet's gateway). */
  | { ok: false; reason: 'reserved'; address: bigint }
  /** The named sub-range (IPPool) does not exist. */
  | { ok: false; reason: 'noSuchPool'; pool: string };

export type AllocationResult = Allocated | AllocationFailure;

export type ReleaseResult = { released: true; address: bigint; owner: string } | { released: false };

/**
 * An allocation that `restore` did not load, and why. None of them weakens the guarantee against
 * duplicates: an address refused because another owner holds it stays held by that owner.
 */
export interface RejectedAllocation extends HeldAddress {
  reason: 'outOfRange' | 'reserved' | 'held' | 'ownerHoldsAnother';
  /** For `held`: the owner that keeps the address. For `ownerHoldsAnother`: the address kept. */
  holder?: string;
  kept?: bigint;
}

/**
 * Counters computed from the allocations themselves (never incremented or decremented apart from
 * them), so they cannot drift (kube-ovn #5269, #6164).
 */
export interface AllocatorCounters {
  /** Addresses of the usable range. */
  total: bigint;
  /** Usable addresses excluded from automatic allocation (excludeIps, the gateway, ...). */
  excluded: bigint;
  /** Addresses held, fixed ones inside excluded ranges included. */
  used: bigint;
  /** Of `used`, those inside excluded ranges (fixed addresses): Kube-OVN leaves them out of usingIPs. */
  usedInExcluded: bigint;
  /** Addresses `allocate` can still hand out: total − excluded − (used − usedInExcluded). */
  available: bigint;
  /** Of `available`, released addresses waiting until the never-used ones run out. */
  awaitingReuse: bigint;
}
