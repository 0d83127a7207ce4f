import type { Family } from './address.js';
import type { IPRange } from './range.js';

export interface IntervalEntry<T> {
  /** Handle returned by insert; pass it to remove. */
  id: number;
  range: IPRange;
  value: T;
}

/**
 * Tree keys: IPv4 addresses as numbers (exact below 2^53, stored unboxed, so a visited node costs one
 * memory access instead of four), IPv6 addresses as bigints. A tree only ever holds one of the two.
 */
type Key = number | bigint;

function keyOf(family: Family, value: bigint): Key {
  return family === 4 ? Number(value) : value;
}

interface Node<T> {
  entry: IntervalEntry<T>;
  first: Key;
  last: Key;
  id: number;
  priority: number;
  /** Largest `last` in this subtree: lets queries skip subtrees that end before the query starts. */
  maxLast: Key;
  left: Node<T> | undefined;
  right: Node<T> | undefined;
}

/** Tree order: by first address, then by insertion (ids grow with insertions). */
function before<T>(a: Node<T>, b: Node<T>): boolean {
  return a.first < b.first || (a.first === b.first && a.id < b.id);
}

function refresh<T>(node: Node<T>): Node<T> {
  let max = node.last;
  if (node.left && node.left.maxLast > max) max = node.left.maxLast;
  if (node.right && node.right.maxLast > max) max = node.right.maxLast;
  node.maxLast = max;
  return node;
}

function merge<T>(a: Node<T> | undefined, b: Node<T> | undefined): Node<T> | undefined {
  if (!a) return b;
  if (!b) return a;
  if (a.priority > b.priority) {
    a.right = merge(a.right, b);
    return refresh(a);
  }
  b.left = merge(a, b.left);
  return refresh(b);
}

function insertNode<T>(root: Node<T> | undefined, node: Node<T>): Node<T> {
  if (!root) return node;
  if (node.priority > root.priority) {
    const [left, right] = split(root, node);
    node.left = left;
    node.right = right;
    return refresh(node);
  }
  if (before(node, root)) root.left = insertNode(root.left, node);
  else root.right = insertNode(root.right, node);
  return refresh(root);
}

/** Splits into entries ordered before `key` and the rest. */
function split<T>(root: Node<T> | undefined, key: Node<T>): [Node<T> | undefined, Node<T> | undefined] {
  if (!root) return [undefined, undefined];
  if (before(root, key)) {
    const [left, right] = split(root.right, key);
    root.right = left;
    return [refresh(root), right];
  }
  const [left, right] = split(root.left, key);
  root.left = right;
  return [left, refresh(root)];
}

function removeNode<T>(root: Node<T> | undefined, key: Node<T>): Node<T> | undefined {
  if (!root) return undefined;
  if (root === key) return merge(root.left, root.right);
  if (before(key, root)) root.left = removeNode(root.left, key);
  else root.right = removeNode(root.right, key);
  return refresh(root);
}

function collect<T>(node: Node<T> | undefined, first: Key, last: Key, out: IntervalEntry<T>[]): void {
  if (!node || node.maxLast < first) return;
  collect(node.left, first, last, out);
  // Everything to the right starts at or after this node, so nothing there can reach back.
  if (node.first > last) return;
  if (node.last >= first) out.push(node.entry);
  collect(node.right, first, last, out);
}

function* walk<T>(node: Node<T> | undefined): Generator<IntervalEntry<T>> {
  if (!node) return;
  yield* walk(node.left);
  yield node.entry;
  yield* walk(node.right);
}

/**
 * A dynamic interval index over address ranges (a treap keyed by first address with subtree
 * max-last, one tree per family). `overlapping` answers in O(log n + k) expected time. Priorities
 * come from a fixed-seed generator, so the same inserts build the same tree on every run.
 */
export class IntervalIndex<T> {
  private readonly roots: Record<Family, Node<T> | undefined> = { 4: undefined, 6: undefined };
  private readonly byId = new Map<number, Node<T>>();
  private nextId = 1;
  private seed = 0x9e3779b9;

  get size(): number {
    return this.byId.size;
  }

  private nextPriority(): number {
    // xorshift32
    let x = this.seed;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.seed = x >>> 0;
    return this.seed;
  }

  insert(range: IPRange, value: T): number {
    if (range.first > range.last) throw new RangeError('interval start is greater than its end');
    const entry: IntervalEntry<T> = { id: this.nextId++, range: { ...range }, value };
    const node: Node<T> = {
      entry,
      first: keyOf(range.family, range.first),
      last: keyOf(range.family, range.last),
      id: entry.id,
      priority: this.nextPriority(),
      maxLast: keyOf(range.family, range.last),
      left: undefined,
      right: undefined,
    };
    this.roots[range.family] = insertNode(this.roots[range.family], node);
    this.byId.set(entry.id, node);
    return entry.id;
  }

  /** Removes the entry `id` returned by insert; false when it is not (or no longer) stored. */
  remove(id: number): boolean {
    const node = this.byId.get(id);
    if (!node) return false;
    const family = node.entry.range.family;
    this.roots[family] = removeNode(this.roots[family], node);
    this.byId.delete(id);
    return true;
  }

  get(id: number): IntervalEntry<T> | undefined {
    return this.byId.get(id)?.entry;
  }

  /** Every stored entry sharing at least one address with `range`, by first address then insertion. */
  overlapping(range: IPRange): IntervalEntry<T>[] {
    const out: IntervalEntry<T>[] = [];
    collect(this.roots[range.family], keyOf(range.family, range.first), keyOf(range.family, range.last), out);
    return out;
  }

  /** All entries, IPv4 then IPv6, each by first address then insertion. */
  *entries(): IterableIterator<IntervalEntry<T>> {
    yield* walk(this.roots[4]);
    yield* walk(this.roots[6]);
  }

  clear(): void {
    this.roots[4] = undefined;
    this.roots[6] = undefined;
    this.byId.clear();
  }
}
