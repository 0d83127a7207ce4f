import type { Family } from '../net/address.js';

/**
 * Arithmetic on the keys an allocator stores: IPv4 addresses as numbers (exact, unboxed, and several
 * times faster than bigints as Map keys), IPv6 addresses as bigints. An allocator uses one of the two.
 */
export type Key = number | bigint;

export interface KeyMath<K extends Key> {
  readonly family: Family;
  readonly zero: K;
  readonly one: K;
  succ(key: K): K;
  pred(key: K): K;
  add(a: K, b: K): K;
  sub(a: K, b: K): K;
  toBig(key: K): bigint;
  fromBig(value: bigint): K;
}

export const v4Math: KeyMath<number> = {
  family: 4,
  zero: 0,
  one: 1,
  succ: (key) => key + 1,
  pred: (key) => key - 1,
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  toBig: (key) => BigInt(key),
  fromBig: (value) => Number(value),
};

export const v6Math: KeyMath<bigint> = {
  family: 6,
  zero: 0n,
  one: 1n,
  succ: (key) => key + 1n,
  pred: (key) => key - 1n,
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  toBig: (key) => key,
  fromBig: (value) => value,
};
