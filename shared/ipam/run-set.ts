import type { Key, KeyMath } from './key-math.js';

/** An inclusive run of consecutive keys. */
export interface Run<K extends Key> {
  first: K;
  last: K;
}

interface RunNode<K extends Key> {
  first: K;
  last: K;
  priority: number;
  left: RunNode<K> | undefined;
  right: RunNode<K> | undefined;
}

function merge<K extends Key>(a: RunNode<K> | undefined, b: RunNode<K> | undefined): RunNode<K> | undefined {
  if (!a) return b;
  if (!b) return a;
  if (a.priority > b.priority) {
    a.right = merge(a.right, b);
    return a;
  }
  b.left = merge(a, b.left);
  return b;
}

/** Splits into runs starting before `key` and the rest. */
function split<K extends Key>(
  root: RunNode<K> | undefined,
  key: K,
): [RunNode<K> | undefined, RunNode<K> | undefined] {
  if (!root) return [undefined, undefined];
  if (root.first < key) {
    const [left, right] = split(root.right, key);
    root.right = left;
    return [root, right];
  }
  const [left, right] = split(root.left, key);
  root.left = right;
  return [left, root];
}

function insertNode<K extends Key>(root: RunNode<K> | undefined, node: RunNode<K>): RunNode<K> {
  if (!root) return node;
  if (node.priority > root.priority) {
    [node.left, node.right] = split(root, node.first);
    return node;
  }
  if (node.first < root.first) root.left = insertNode(root.left, node);
  else root.right = insertNode(root.right, node);
  return root;
}

function leftmostOf<K extends Key>(node: RunNode<K>): RunNode<K> {
  let at = node;
  while (at.left) at = at.left;
  return at;
}

/**
 * A set of keys held as disjoint, non-adjacent runs in a treap ordered by first key. Membership,
 * insertion and removal of one key cost O(log r) expected time, r being the number of runs, whatever
 * the number of keys; the lowest key is kept at hand, so taking it is O(1) unless its run empties.
 * Priorities come from a fixed-seed generator: the same operations build the same tree on every run.
 */
export class RunSet<K extends Key> {
  private root: RunNode<K> | undefined;
  /** The leftmost node, or undefined when the set is empty. */
  private lowest: RunNode<K> | undefined;
  /**
   * The path from the root to `lowest`, kept while the tree's shape does not change elsewhere: taking
   * the lowest key again and again (allocation) then never walks down from the root.
   */
  private spine: RunNode<K>[] | undefined;
  private keyCount: K;
  private nodeCount = 0;
  private seed = 0x2545f491;

  constructor(readonly math: KeyMath<K>) {
    this.keyCount = math.zero;
  }

  /** Builds the set from runs sorted by first key and disjoint (adjacent runs are joined), in O(r). */
  static fromSortedRuns<K extends Key>(math: KeyMath<K>, runs: Iterable<Run<K>>): RunSet<K> {
    const set = new RunSet(math);
    const stack: RunNode<K>[] = [];
    let previous: RunNode<K> | undefined;
    for (const run of runs) {
      if (run.first > run.last) continue;
      if (previous && run.first <= previous.last) throw new RangeError('runs overlap or are out of order');
      set.keyCount = math.add(set.keyCount, math.succ(math.sub(run.last, run.first)));
      if (previous && math.succ(previous.last) === run.first) {
        previous.last = run.last;
        continue;
      }
      const node = set.newNode(run.first, run.last);
      set.nodeCount++;
      // Cartesian-tree construction: the right spine of the treap lives on the stack.
      let child: RunNode<K> | undefined;
      while (stack.length > 0 && stack[stack.length - 1]!.priority < node.priority) child = stack.pop();
      node.left = child;
      if (stack.length > 0) stack[stack.length - 1]!.right = node;
      stack.push(node);
      previous = node;
    }
    set.root = stack[0];
    set.lowest = set.root && leftmostOf(set.root);
    return set;
  }

  private newNode(first: K, last: K): RunNode<K> {
    // xorshift32
    let x = this.seed;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.seed = x >>> 0;
    return { first, last, priority: this.seed, left: undefined, right: undefined };
  }

  /** Number of keys. */
  get size(): K {
    return this.keyCount;
  }

  /** Number of runs. */
  get runCount(): number {
    return this.nodeCount;
  }

  isEmpty(): boolean {
    return this.root === undefined;
  }

  private find(key: K): RunNode<K> | undefined {
    let node = this.root;
    while (node) {
      if (key < node.first) node = node.left;
      else if (key > node.last) node = node.right;
      else return node;
    }
    return undefined;
  }

  has(key: K): boolean {
    return this.find(key) !== undefined;
  }

  min(): K | undefined {
    return this.lowest?.first;
  }

  /** Removes and returns the lowest key. */
  takeMin(): K | undefined {
    const node = this.lowest;
    if (!node) return undefined;
    const key = node.first;
    this.keyCount = this.math.pred(this.keyCount);
    if (node.first === node.last) this.removeLowestNode();
    else node.first = this.math.succ(key);
    return key;
  }

  /** The leftmost node has no left child: it is replaced by its right subtree. */
  private removeLowestNode(): void {
    let spine = this.spine;
    if (!spine) {
      spine = [];
      for (let node = this.root; node; node = node.left) spine.push(node);
      this.spine = spine;
    }
    const node = spine.pop()!;
    const parent = spine[spine.length - 1];
    if (parent) parent.left = node.right;
    else this.root = node.right;
    for (let child = node.right; child; child = child.left) spine.push(child);
    this.nodeCount--;
    this.lowest = spine[spine.length - 1];
  }

  /** Adds one key, joining the runs it touches; false when it was present. */
  add(key: K): boolean {
    const math = this.math;
    let floor: RunNode<K> | undefined;
    let ceiling: RunNode<K> | undefined;
    let node = this.root;
    while (node) {
      if (key < node.first) {
        ceiling = node;
        node = node.left;
      } else {
        floor = node;
        node = node.right;
      }
    }
    if (floor && key <= floor.last) return false;
    this.keyCount = math.succ(this.keyCount);
    const joinsFloor = floor !== undefined && math.succ(floor.last) === key;
    const joinsCeiling = ceiling !== undefined && math.pred(ceiling.first) === key;
    if (joinsFloor && joinsCeiling) {
      floor!.last = ceiling!.last;
      this.removeNode(ceiling!);
    } else if (joinsFloor) {
      floor!.last = key;
    } else if (joinsCeiling) {
      ceiling!.first = key;
    } else {
      this.insert(key, key);
    }
    return true;
  }

  /** Removes one key, splitting its run when it lies inside; false when it was absent. */
  delete(key: K): boolean {
    const node = this.find(key);
    if (!node) return false;
    const math = this.math;
    this.keyCount = math.pred(this.keyCount);
    if (node.first === node.last) this.removeNode(node);
    else if (key === node.first) node.first = math.succ(key);
    else if (key === node.last) node.last = math.pred(key);
    else {
      const tail = node.last;
      node.last = math.pred(key);
      this.insert(math.succ(key), tail);
    }
    return true;
  }

  private insert(first: K, last: K): void {
    this.spine = undefined;
    const node = this.newNode(first, last);
    this.root = insertNode(this.root, node);
    this.nodeCount++;
    if (!this.lowest || first < this.lowest.first) this.lowest = node;
  }

  private removeNode(target: RunNode<K>): void {
    if (target === this.lowest) {
      this.removeLowestNode();
      return;
    }
    let parent: RunNode<K> | undefined;
    let node = this.root;
    while (node && node !== target) {
      parent = node;
      node = target.first < node.first ? node.left : node.right;
    }
    if (!node) throw new Error('run not found');
    this.spine = undefined;
    const replacement = merge(node.left, node.right);
    if (!parent) this.root = replacement;
    else if (parent.left === node) parent.left = replacement;
    else parent.right = replacement;
    this.nodeCount--;
  }

  /** Calls `visit` for every run in ascending order. */
  forEachRun(visit: (first: K, last: K) => void): void {
    const stack: RunNode<K>[] = [];
    let node = this.root;
    while (node || stack.length > 0) {
      while (node) {
        stack.push(node);
        node = node.left;
      }
      const top = stack.pop()!;
      visit(top.first, top.last);
      node = top.right;
    }
  }

  toRuns(): Run<K>[] {
    const out: Run<K>[] = [];
    this.forEachRun((first, last) => out.push({ first, last }));
    return out;
  }

  clear(): void {
    this.root = undefined;
    this.lowest = undefined;
    this.spine = undefined;
    this.keyCount = this.math.zero;
    this.nodeCount = 0;
  }

  /** Exchanges the contents of two sets of the same family in O(1). */
  swapWith(other: RunSet<K>): void {
    [this.root, other.root] = [other.root, this.root];
    [this.lowest, other.lowest] = [other.lowest, this.lowest];
    [this.spine, other.spine] = [other.spine, this.spine];
    [this.keyCount, other.keyCount] = [other.keyCount, this.keyCount];
    [this.nodeCount, other.nodeCount] = [other.nodeCount, this.nodeCount];
  }

  /** The tree's height: for tests of balance. */
  height(): number {
    const depth = (node: RunNode<K> | undefined): number =>
      node ? 1 + Math.max(depth(node.left), depth(node.right)) : 0;
    return depth(this.root);
  }
}
