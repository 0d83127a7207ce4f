// bench/support/webhook-process.ts
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path3 from "node:path";
import { performance } from "node:perf_hooks";
import { pino } from "pino";

// shared/kube/json-value.ts
function isPlainObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function deepEqual(a, b) {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== "object") return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => deepEqual(item, b[i]));
  }
  if (Array.isArray(b)) return false;
  const aObj = a;
  const bObj = b;
  const aKeys = Object.keys(aObj);
  if (aKeys.length !== Object.keys(bObj).length) return false;
  return aKeys.every((key) => Object.hasOwn(bObj, key) && deepEqual(aObj[key], bObj[key]));
}
function deepClone(value) {
  if (Array.isArray(value)) return value.map((item) => deepClone(item));
  if (isPlainObject(value)) {
    const out = {};
    for (const [key, member] of Object.entries(value)) {
      if (member !== void 0) out[key] = deepClone(member);
    }
    return out;
  }
  return value;
}
function deepFreeze(value) {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const member of Object.values(value)) deepFreeze(member);
  }
  return value;
}
function compareStrings(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// shared/kube/cache-index/equality-index.ts
function byNamespaceAndName(a, b) {
  return compareStrings(a.metadata.namespace ?? "", b.metadata.namespace ?? "") || compareStrings(a.metadata.name ?? "", b.metadata.name ?? "");
}
var EqualityIndex = class {
  constructor(spec, onError) {
    this.spec = spec;
    this.onError = onError;
  }
  spec;
  onError;
  members = /* @__PURE__ */ new Map();
  keysOf = /* @__PURE__ */ new Map();
  /** Indexes `obj` (identified by `id` within its kind), replacing what `id` was indexed under. */
  update(id, obj) {
    this.remove(id);
    let keys;
    try {
      keys = [...new Set(this.spec.keys(obj))];
    } catch (error) {
      this.onError(error, obj);
      return;
    }
    for (const key of keys) {
      let entry = this.members.get(key);
      if (!entry) {
        entry = { byId: /* @__PURE__ */ new Map(), sorted: void 0 };
        this.members.set(key, entry);
      }
      entry.byId.set(id, obj);
      entry.sorted = void 0;
    }
    if (keys.length > 0) this.keysOf.set(id, keys);
  }
  remove(id) {
    const keys = this.keysOf.get(id);
    if (!keys) return;
    this.keysOf.delete(id);
    for (const key of keys) {
      const entry = this.members.get(key);
      if (!entry) continue;
      entry.byId.delete(id);
      entry.sorted = void 0;
      if (entry.byId.size === 0) this.members.delete(key);
    }
  }
  /** Objects indexed under `value`, ordered by namespace then name. */
  lookup(value) {
    const entry = this.members.get(value);
    if (!entry) return [];
    entry.sorted ??= Object.freeze([...entry.byId.values()].sort(byNamespaceAndName));
    return entry.sorted;
  }
};

// shared/kube/cache-index/kind-table.ts
function lowerBound(sorted, value) {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = lo + hi >>> 1;
    if (compareStrings(sorted[mid], value) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
function insertSorted(sorted, value) {
  sorted.splice(lowerBound(sorted, value), 0, value);
}
function removeSorted(sorted, value) {
  const at2 = lowerBound(sorted, value);
  if (sorted[at2] === value) sorted.splice(at2, 1);
}
function mergeSorted(a, b) {
  const out = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = compareStrings(a[i], b[j]) <= 0 ? a[i++] : b[j++];
  while (i < a.length) out[k++] = a[i++];
  while (j < b.length) out[k++] = b[j++];
  return out;
}
var NamespaceBucket = class {
  byName = /* @__PURE__ */ new Map();
  /** Names in order, except those added since the last listing (kept in `added`). */
  names = [];
  /** Names added since the last listing: sorted in on the next listing instead of on each insert. */
  added = /* @__PURE__ */ new Set();
  listed;
  orderedNames() {
    if (this.added.size > 0) {
      this.names = mergeSorted(this.names, [...this.added].sort(compareStrings));
      this.added.clear();
    }
    return this.names;
  }
};
var KindTable = class {
  buckets = /* @__PURE__ */ new Map();
  namespaces = [];
  listed;
  count = 0;
  get size() {
    return this.count;
  }
  get(namespace2, name) {
    return this.buckets.get(namespace2)?.byName.get(name);
  }
  /** Stores `obj` under (namespace, name); returns the object it replaced. */
  put(namespace2, name, obj) {
    let bucket = this.buckets.get(namespace2);
    if (!bucket) {
      bucket = new NamespaceBucket();
      this.buckets.set(namespace2, bucket);
      insertSorted(this.namespaces, namespace2);
    }
    const previous = bucket.byName.get(name);
    bucket.byName.set(name, obj);
    if (!previous) {
      bucket.added.add(name);
      this.count++;
    }
    bucket.listed = void 0;
    this.listed = void 0;
    return previous;
  }
  remove(namespace2, name) {
    const bucket = this.buckets.get(namespace2);
    const previous = bucket?.byName.get(name);
    if (!bucket || !previous) return void 0;
    bucket.byName.delete(name);
    if (!bucket.added.delete(name)) removeSorted(bucket.names, name);
    this.count--;
    if (bucket.byName.size === 0) {
      this.buckets.delete(namespace2);
      removeSorted(this.namespaces, namespace2);
    }
    bucket.listed = void 0;
    this.listed = void 0;
    return previous;
  }
  /** Objects of one namespace, or of all namespaces ('' = cluster-scoped first), ordered. */
  list(namespace2) {
    if (namespace2 !== void 0) {
      const bucket = this.buckets.get(namespace2);
      if (!bucket) return [];
      bucket.listed ??= Object.freeze(bucket.orderedNames().map((name) => bucket.byName.get(name)));
      return bucket.listed;
    }
    if (!this.listed) {
      const all = [];
      for (const ns of this.namespaces) {
        for (const obj of this.list(ns)) all.push(obj);
      }
      this.listed = Object.freeze(all);
    }
    return this.listed;
  }
};

// shared/net/interval-index.ts
function keyOf(family, value) {
  return family === 4 ? Number(value) : value;
}
function before(a, b) {
  return a.first < b.first || a.first === b.first && a.id < b.id;
}
function refresh(node) {
  let max = node.last;
  if (node.left && node.left.maxLast > max) max = node.left.maxLast;
  if (node.right && node.right.maxLast > max) max = node.right.maxLast;
  node.maxLast = max;
  return node;
}
function merge(a, b) {
  if (!a) return b;
  if (!b) return a;
  if (a.priority > b.priority) {
    a.right = merge(a.right, b);
    return refresh(a);
  }
  b.left = merge(a, b.left);
  return refresh(b);
}
function insertNode(root, node) {
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
function split(root, key) {
  if (!root) return [void 0, void 0];
  if (before(root, key)) {
    const [left2, right2] = split(root.right, key);
    root.right = left2;
    return [refresh(root), right2];
  }
  const [left, right] = split(root.left, key);
  root.left = right;
  return [left, refresh(root)];
}
function removeNode(root, key) {
  if (!root) return void 0;
  if (root === key) return merge(root.left, root.right);
  if (before(key, root)) root.left = removeNode(root.left, key);
  else root.right = removeNode(root.right, key);
  return refresh(root);
}
function collect(node, first, last, out) {
  if (!node || node.maxLast < first) return;
  collect(node.left, first, last, out);
  if (node.first > last) return;
  if (node.last >= first) out.push(node.entry);
  collect(node.right, first, last, out);
}
function* walk(node) {
  if (!node) return;
  yield* walk(node.left);
  yield node.entry;
  yield* walk(node.right);
}
var IntervalIndex = class {
  roots = { 4: void 0, 6: void 0 };
  byId = /* @__PURE__ */ new Map();
  nextId = 1;
  seed = 2654435769;
  get size() {
    return this.byId.size;
  }
  nextPriority() {
    let x = this.seed;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.seed = x >>> 0;
    return this.seed;
  }
  insert(range, value) {
    if (range.first > range.last) throw new RangeError("interval start is greater than its end");
    const entry = { id: this.nextId++, range: { ...range }, value };
    const node = {
      entry,
      first: keyOf(range.family, range.first),
      last: keyOf(range.family, range.last),
      id: entry.id,
      priority: this.nextPriority(),
      maxLast: keyOf(range.family, range.last),
      left: void 0,
      right: void 0
    };
    this.roots[range.family] = insertNode(this.roots[range.family], node);
    this.byId.set(entry.id, node);
    return entry.id;
  }
  /** Removes the entry `id` returned by insert; false when it is not (or no longer) stored. */
  remove(id) {
    const node = this.byId.get(id);
    if (!node) return false;
    const family = node.entry.range.family;
    this.roots[family] = removeNode(this.roots[family], node);
    this.byId.delete(id);
    return true;
  }
  get(id) {
    return this.byId.get(id)?.entry;
  }
  /** Every stored entry sharing at least one address with `range`, by first address then insertion. */
  overlapping(range) {
    const out = [];
    collect(this.roots[range.family], keyOf(range.family, range.first), keyOf(range.family, range.last), out);
    return out;
  }
  /** All entries, IPv4 then IPv6, each by first address then insertion. */
  *entries() {
    yield* walk(this.roots[4]);
    yield* walk(this.roots[6]);
  }
  clear() {
    this.roots[4] = void 0;
    this.roots[6] = void 0;
    this.byId.clear();
  }
};

// shared/kube/cache-index/range-index.ts
function compareHits(a, b) {
  if (a.range.first !== b.range.first) return a.range.first < b.range.first ? -1 : 1;
  if (a.range.last !== b.range.last) return a.range.last < b.range.last ? -1 : 1;
  return compareStrings(a.object.metadata.namespace ?? "", b.object.metadata.namespace ?? "") || compareStrings(a.object.metadata.name ?? "", b.object.metadata.name ?? "");
}
var RangeIndex = class {
  constructor(spec, onError) {
    this.spec = spec;
    this.onError = onError;
  }
  spec;
  onError;
  intervals = new IntervalIndex();
  entriesOf = /* @__PURE__ */ new Map();
  update(id, obj) {
    this.remove(id);
    let ranges;
    try {
      ranges = this.spec.ranges(obj);
    } catch (error) {
      this.onError(error, obj);
      return;
    }
    const entries = [];
    for (const range of ranges) {
      if (range.first > range.last) {
        this.onError(new RangeError(`range index ${this.spec.name}: first address after last`), obj);
        continue;
      }
      entries.push(this.intervals.insert(range, { id, object: obj }));
    }
    if (entries.length > 0) this.entriesOf.set(id, entries);
  }
  remove(id) {
    const entries = this.entriesOf.get(id);
    if (!entries) return;
    this.entriesOf.delete(id);
    for (const entry of entries) this.intervals.remove(entry);
  }
  /** Stored ranges overlapping `range`, by first address, last address, namespace, name. */
  overlapping(range) {
    return this.intervals.overlapping(range).map((entry) => ({ object: entry.value.object, range: entry.range })).sort(compareHits);
  }
};

// shared/kube/object.ts
function groupOf(apiVersion2) {
  const slash = apiVersion2.indexOf("/");
  return slash < 0 ? "" : apiVersion2.slice(0, slash);
}
function versionOf(apiVersion2) {
  const slash = apiVersion2.indexOf("/");
  return slash < 0 ? apiVersion2 : apiVersion2.slice(slash + 1);
}
function groupKindOf(obj) {
  return `${groupOf(obj.apiVersion)}/${obj.kind}`;
}
function keyOf2(obj) {
  return {
    groupKind: groupKindOf(obj),
    namespace: obj.metadata.namespace ?? "",
    name: obj.metadata.name ?? ""
  };
}
function keyString(key) {
  return `${key.groupKind}|${key.namespace}|${key.name}`;
}
function describeObject(obj) {
  const ns = obj.metadata.namespace;
  return `${obj.kind} ${ns ? `${ns}/` : ""}${obj.metadata.name ?? "<unnamed>"}`;
}

// shared/kube/cache-index.ts
function idOf(namespace2, name) {
  return `${namespace2}/${name}`;
}
var IndexedCache = class {
  constructor(reportError) {
    this.reportError = reportError;
  }
  reportError;
  kinds = /* @__PURE__ */ new Map();
  state(kind2) {
    let state = this.kinds.get(kind2);
    if (!state) {
      state = { table: new KindTable(), equality: /* @__PURE__ */ new Map(), ranges: /* @__PURE__ */ new Map(), handlers: /* @__PURE__ */ new Set() };
      this.kinds.set(kind2, state);
    }
    return state;
  }
  indexError(indexName) {
    return (error, obj) => this.reportError(
      error,
      `index ${indexName} of ${obj.kind} ${obj.metadata.namespace ?? ""}/${obj.metadata.name}`
    );
  }
  addEqualityIndex(spec) {
    const state = this.state(spec.kind);
    if (state.equality.has(spec.name))
      throw new Error(`index ${spec.name} of ${spec.kind} is already registered`);
    const index2 = new EqualityIndex(spec, this.indexError(spec.name));
    for (const obj of state.table.list())
      index2.update(idOf(obj.metadata.namespace ?? "", obj.metadata.name ?? ""), obj);
    state.equality.set(spec.name, index2);
  }
  addRangeIndex(spec) {
    const state = this.state(spec.kind);
    if (state.ranges.has(spec.name))
      throw new Error(`range index ${spec.name} of ${spec.kind} is already registered`);
    const index2 = new RangeIndex(spec, this.indexError(spec.name));
    for (const obj of state.table.list())
      index2.update(idOf(obj.metadata.namespace ?? "", obj.metadata.name ?? ""), obj);
    state.ranges.set(spec.name, index2);
  }
  /** Kinds that hold at least one object, ordered. */
  kindsWithObjects() {
    return [...this.kinds.entries()].filter(([, state]) => state.table.size > 0).map(([kind2]) => kind2).sort(compareStrings);
  }
  size(kind2) {
    if (kind2) return this.kinds.get(kind2)?.table.size ?? 0;
    let total = 0;
    for (const state of this.kinds.values()) total += state.table.size;
    return total;
  }
  get(kind2, namespace2, name) {
    return this.kinds.get(kind2)?.table.get(namespace2, name);
  }
  list(kind2, namespace2) {
    return this.kinds.get(kind2)?.table.list(namespace2) ?? [];
  }
  byIndex(kind2, index2, value) {
    const found = this.kinds.get(kind2)?.equality.get(index2);
    if (!found) throw new Error(`no index ${index2} registered for ${kind2}`);
    return found.lookup(value);
  }
  overlapping(kind2, index2, range) {
    const found = this.kinds.get(kind2)?.ranges.get(index2);
    if (!found) throw new Error(`no range index ${index2} registered for ${kind2}`);
    return found.overlapping(range);
  }
  watch(kind2, handler) {
    const handlers = this.state(kind2).handlers;
    handlers.add(handler);
    return () => {
      handlers.delete(handler);
    };
  }
  /** Stores `obj` (ADDED or MODIFIED), re-indexes it and tells the watchers of its kind. */
  put(obj) {
    const kind2 = groupKindOf(obj);
    const namespace2 = obj.metadata.namespace ?? "";
    const name = obj.metadata.name ?? "";
    const state = this.state(kind2);
    const previous = state.table.put(namespace2, name, obj);
    const id = idOf(namespace2, name);
    for (const index2 of state.equality.values()) index2.update(id, obj);
    for (const index2 of state.ranges.values()) index2.update(id, obj);
    const type = previous ? "MODIFIED" : "ADDED";
    this.notify(state, { type, object: obj });
    return type;
  }
  /** Removes an object and tells the watchers; returns what was stored, if anything. */
  remove(kind2, namespace2, name) {
    const state = this.kinds.get(kind2);
    const previous = state?.table.remove(namespace2, name);
    if (!state || !previous) return void 0;
    const id = idOf(namespace2, name);
    for (const index2 of state.equality.values()) index2.remove(id);
    for (const index2 of state.ranges.values()) index2.remove(id);
    this.notify(state, { type: "DELETED", object: previous });
    return previous;
  }
  notify(state, event) {
    for (const handler of [...state.handlers]) {
      try {
        handler(event);
      } catch (error) {
        this.reportError(error, `watch handler for ${event.object.kind} ${event.object.metadata.name}`);
      }
    }
  }
};

// shared/kube/cached-store.ts
var CachedStore = class {
  constructor(cache) {
    this.cache = cache;
  }
  cache;
  /** Kinds holding at least one cached object, ordered. */
  kinds() {
    return this.cache.kindsWithObjects();
  }
  addEqualityIndex(spec) {
    this.cache.addEqualityIndex(spec);
  }
  addRangeIndex(spec) {
    this.cache.addRangeIndex(spec);
  }
  watch(kind2, handler) {
    return this.cache.watch(kind2, handler);
  }
  get(kind2, namespace2, name) {
    return this.cache.get(kind2, namespace2, name);
  }
  list(kind2, namespace2) {
    return this.cache.list(kind2, namespace2);
  }
  byIndex(kind2, index2, value) {
    return this.cache.byIndex(kind2, index2, value);
  }
  overlapping(kind2, index2, range) {
    return this.cache.overlapping(kind2, index2, range);
  }
};

// shared/kube/memory-store/field-paths.ts
function pathKey(path4) {
  let key = "";
  for (const part2 of path4) {
    if (part2.includes("\0")) return JSON.stringify(path4);
    key += `${part2}\0`;
  }
  return key;
}
function fieldSet(paths) {
  const set = /* @__PURE__ */ new Map();
  for (const path4 of paths) set.set(pathKey(path4), path4);
  return set;
}
function leafPaths(value, prefix3 = []) {
  const out = [];
  collectLeaves(value, prefix3, out);
  return out;
}
function collectLeaves(value, prefix3, out) {
  if (!isPlainObject(value)) {
    out.push(prefix3);
    return;
  }
  const keys = Object.keys(value);
  if (keys.length === 0) out.push(prefix3);
  for (const key of keys) collectLeaves(value[key], [...prefix3, key], out);
}
function getAt(value, path4) {
  let current = value;
  for (const key of path4) {
    if (!isPlainObject(current)) return void 0;
    current = current[key];
  }
  return current;
}
function writable(parent, key, child) {
  if (!Object.isFrozen(child)) return child;
  const copy = { ...child };
  parent[key] = copy;
  return copy;
}
function deleteAt(root, path4, keep) {
  if (path4.length === 0) return;
  const parents = [root];
  for (const key of path4.slice(0, -1)) {
    const parent = parents[parents.length - 1];
    const next = parent[key];
    if (!isPlainObject(next)) return;
    parents.push(writable(parent, key, next));
  }
  delete parents[parents.length - 1][path4[path4.length - 1]];
  for (let depth = parents.length - 1; depth > 0; depth--) {
    const parentPath = path4.slice(0, depth);
    if (Object.keys(parents[depth]).length > 0 || keep(parentPath)) break;
    delete parents[depth - 1][parentPath[parentPath.length - 1]];
  }
}
function compareJsonKeys(a, b) {
  return compareStrings(JSON.stringify(a), JSON.stringify(b));
}
function toFieldsV1(node) {
  const out = {};
  const keys = [...node.children.keys()];
  if (keys.length > 1) keys.sort(compareJsonKeys);
  for (const key of keys) out[`f:${key}`] = toFieldsV1(node.children.get(key));
  return out;
}
var canonicalEncodings = /* @__PURE__ */ new WeakSet();
function isCanonicalEncoding(fieldsV1) {
  return typeof fieldsV1 === "object" && fieldsV1 !== null && canonicalEncodings.has(fieldsV1);
}
function encodeFieldsV1(paths) {
  const root = { children: /* @__PURE__ */ new Map() };
  for (const path4 of paths) {
    let node = root;
    for (const key of path4) {
      let child = node.children.get(key);
      if (!child) {
        child = { children: /* @__PURE__ */ new Map() };
        node.children.set(key, child);
      }
      node = child;
    }
  }
  const encoded = toFieldsV1(root);
  canonicalEncodings.add(encoded);
  return encoded;
}
function decodeFieldsV1(fields, prefix3 = []) {
  if (!isPlainObject(fields)) return prefix3.length > 0 ? [prefix3] : [];
  const members = Object.keys(fields).filter((key) => key !== ".");
  if (members.length === 0) return prefix3.length > 0 ? [prefix3] : [];
  if (members.some((key) => !key.startsWith("f:"))) return prefix3.length > 0 ? [prefix3] : [];
  const out = [];
  for (const member of members) out.push(...decodeFieldsV1(fields[member], [...prefix3, member.slice(2)]));
  return out;
}

// shared/kube/memory-store/merge-patch.ts
function mergePatch(target, patch) {
  if (!isPlainObject(patch)) return deepClone(patch);
  const result2 = isPlainObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result2[key];
    else if (value !== void 0) result2[key] = mergePatch(result2[key], value);
  }
  return result2;
}

// shared/kube/memory-store/managed-fields.ts
function isEntry(value) {
  return isPlainObject(value) && typeof value.manager === "string" && (value.operation === "Apply" || value.operation === "Update");
}
var decodedFields = /* @__PURE__ */ new WeakMap();
function fieldsOf(fieldsV1) {
  const cacheable = isPlainObject(fieldsV1) && Object.isFrozen(fieldsV1);
  const cached = cacheable ? decodedFields.get(fieldsV1) : void 0;
  if (cached) return new Map(cached);
  const fields = fieldSet(decodeFieldsV1(fieldsV1));
  if (cacheable) decodedFields.set(fieldsV1, new Map(fields));
  return fields;
}
function readOwnership(managedFields) {
  if (!Array.isArray(managedFields)) return [];
  return managedFields.filter(isEntry).map((entry) => ({
    entry,
    fields: fieldsOf(entry.fieldsV1),
    changed: false
  }));
}
function sameFields(a, b) {
  if (a.size !== b.size) return false;
  for (const key of a.keys()) if (!b.has(key)) return false;
  return true;
}
function sameOwner(a, b) {
  return a.manager === b.manager && a.operation === b.operation && (a.subresource ?? "") === (b.subresource ?? "");
}
function writeOwnership(owners) {
  return owners.filter((owner) => owner.fields.size > 0).map(
    (owner) => owner.changed ? { ...owner.entry, fieldsV1: encodeFieldsV1(owner.fields.values()) } : owner.entry
  ).sort(
    (a, b) => compareStrings(a.manager, b.manager) || compareStrings(a.operation, b.operation) || compareStrings(a.subresource ?? "", b.subresource ?? "")
  );
}

// shared/kube/memory-store/server-side-apply.ts
var SERVER_METADATA = /* @__PURE__ */ new Set([
  "name",
  "namespace",
  "generateName",
  "uid",
  "resourceVersion",
  "generation",
  "creationTimestamp",
  "deletionTimestamp",
  "deletionGracePeriodSeconds",
  "managedFields",
  "selfLink"
]);
var FieldConflictError = class extends Error {
  constructor(conflicts) {
    super(
      `fields owned by other managers would change: ${conflicts.map((c) => `${c.field} (${c.manager})`).join(", ")}`
    );
    this.conflicts = conflicts;
    this.name = "FieldConflictError";
  }
  conflicts;
};
function configuredBody(obj, copy = true) {
  const take = copy ? deepClone : (value) => value;
  const body5 = {};
  for (const [key, value] of Object.entries(obj)) {
    if (key === "apiVersion" || key === "kind" || key === "status" || value === void 0) continue;
    body5[key] = take(value);
  }
  const metadata = {};
  for (const [key, value] of Object.entries(obj.metadata ?? {})) {
    if (!SERVER_METADATA.has(key) && value !== void 0) metadata[key] = take(value);
  }
  if (Object.keys(metadata).length > 0) body5.metadata = metadata;
  else delete body5.metadata;
  return body5;
}
function mergeInto(target, source) {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (isPlainObject(value) && isPlainObject(existing)) mergeInto(writable(target, key, existing), value);
    else target[key] = value;
  }
}
function mutableCopy(stored) {
  const copy = {};
  for (const [key, value] of Object.entries(stored)) {
    if (value !== void 0) copy[key] = value;
  }
  copy.metadata = { ...stored.metadata };
  return copy;
}
function ownedPaths(body5) {
  return fieldSet(leafPaths(body5).filter((path4) => path4.length > 0));
}
function findConflicts(stored, body5, mine, others) {
  const found = [];
  for (const owner of others) {
    for (const theirs of owner.fields.values()) {
      for (const sent of mine.values()) {
        const shorter = sent.length <= theirs.length ? sent : theirs;
        if (!theirs.every((key, i) => i >= sent.length || sent[i] === key)) continue;
        if (!deepEqual(getAt(stored, shorter), getAt(body5, shorter)))
          found.push({ owner, path: theirs, sent });
      }
    }
  }
  return found;
}
function serverSideApply(stored, applied, manager, force) {
  const base = stored ? mutableCopy(stored) : { apiVersion: applied.apiVersion, kind: applied.kind, metadata: {} };
  const body5 = configuredBody(applied, false);
  const sent = ownedPaths(body5);
  const owners = readOwnership(stored?.metadata.managedFields);
  const key = { manager, operation: "Apply", subresource: "" };
  let mine = owners.find((owner) => sameOwner(owner.entry, key));
  const others = owners.filter((owner) => owner.entry.manager !== manager);
  const conflicts = findConflicts(base, body5, sent, others);
  if (conflicts.length > 0 && !force) {
    throw new FieldConflictError(
      conflicts.map((c) => ({ field: c.sent.join("."), manager: c.owner.entry.manager }))
    );
  }
  for (const conflict of conflicts) {
    conflict.owner.fields.delete(pathKey(conflict.path));
    conflict.owner.changed = true;
  }
  const ownedByOthers = (path4) => {
    const key2 = pathKey(path4);
    return others.some((owner) => owner.fields.has(key2));
  };
  if (mine) {
    for (const [k, previous] of mine.fields) {
      if (sent.has(k)) continue;
      const sharedWithOthers = others.some(
        (owner) => [...owner.fields.values()].some((theirs) => theirs.every((part2, i) => previous[i] === part2))
      );
      if (!sharedWithOthers)
        deleteAt(base, previous, (path4) => sent.has(pathKey(path4)) || ownedByOthers(path4));
    }
  }
  mergeInto(base, body5);
  base.apiVersion = applied.apiVersion;
  base.kind = applied.kind;
  if (!mine) {
    mine = {
      entry: {
        manager,
        operation: "Apply",
        apiVersion: applied.apiVersion,
        fieldsType: "FieldsV1",
        fieldsV1: {}
      },
      fields: /* @__PURE__ */ new Map(),
      changed: true
    };
    owners.push(mine);
  }
  const unchanged = !mine.changed && mine.entry.apiVersion === applied.apiVersion && isCanonicalEncoding(mine.entry.fieldsV1) && sameFields(mine.fields, sent);
  if (!unchanged) {
    mine.entry = { ...mine.entry, apiVersion: applied.apiVersion };
    mine.changed = true;
  }
  mine.fields = sent;
  base.metadata.managedFields = writeOwnership(owners);
  return { object: base };
}
function recordUpdate(obj, manager, paths, subresource) {
  const owners = readOwnership(obj.metadata.managedFields);
  const key = { manager, operation: "Update", subresource: subresource ?? "" };
  let mine = owners.find((owner) => sameOwner(owner.entry, key));
  if (!mine) {
    mine = {
      entry: {
        manager,
        operation: "Update",
        apiVersion: obj.apiVersion,
        fieldsType: "FieldsV1",
        fieldsV1: {},
        ...subresource ? { subresource } : {}
      },
      fields: /* @__PURE__ */ new Map(),
      changed: true
    };
    owners.push(mine);
  }
  const before2 = mine.fields.size;
  for (const path4 of paths) mine.fields.set(pathKey(path4), path4);
  if (mine.fields.size !== before2 || !isCanonicalEncoding(mine.entry.fieldsV1)) mine.changed = true;
  obj.metadata.managedFields = writeOwnership(owners);
}

// shared/kube/memory-store/uid.ts
import { createHash } from "node:crypto";
function deterministicUid(key) {
  const hex = createHash("sha256").update(keyString(key)).digest("hex");
  const variant = (Number.parseInt(hex[16], 16) & 3 | 8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

// shared/kube/schemas/alauda-domain.ts
import { z as z4 } from "zod";

// shared/kube/model/kind-model.ts
import { z } from "zod";

// shared/kube/model/schema-fields.ts
import { core } from "zod";
function alternatives(schema, out = [], seen = /* @__PURE__ */ new Set()) {
  if (seen.has(schema)) return out;
  seen.add(schema);
  if (schema instanceof core.$ZodOptional || schema instanceof core.$ZodNullable || schema instanceof core.$ZodDefault || schema instanceof core.$ZodPrefault || schema instanceof core.$ZodNonOptional || schema instanceof core.$ZodReadonly || schema instanceof core.$ZodCatch)
    alternatives(schema._zod.def.innerType, out, seen);
  else if (schema instanceof core.$ZodPipe) alternatives(schema._zod.def.in, out, seen);
  else if (schema instanceof core.$ZodLazy) alternatives(schema._zod.def.getter(), out, seen);
  else if (schema instanceof core.$ZodUnion)
    for (const option of schema._zod.def.options) alternatives(option, out, seen);
  else if (schema instanceof core.$ZodIntersection) {
    alternatives(schema._zod.def.left, out, seen);
    alternatives(schema._zod.def.right, out, seen);
  } else out.push(schema);
  return out;
}
function objectsOf(schemas) {
  return schemas.flatMap((s) => alternatives(s)).filter((s) => s instanceof core.$ZodObject);
}
function elementsOf(schemas) {
  return schemas.flatMap((s) => alternatives(s)).flatMap((s) => s instanceof core.$ZodArray ? [s._zod.def.element] : []);
}
function schemasAt(schema, path4) {
  let current = [schema];
  for (const key of path4) {
    if (typeof key === "number") {
      current = elementsOf(current);
      continue;
    }
    const name = String(key);
    const next = [];
    for (const s of current.flatMap((c) => alternatives(c))) {
      if (s instanceof core.$ZodObject) {
        const field = s._zod.def.shape[name];
        if (field) next.push(field);
      } else if (s instanceof core.$ZodRecord) next.push(s._zod.def.valueType);
    }
    current = next;
  }
  return current;
}
function objectsInField(name, field) {
  return [
    ...objectsOf([field]).map((object) => ({ steps: [name], object })),
    ...objectsOf(elementsOf([field])).map((object) => ({ steps: [name, 0], object }))
  ];
}
function fieldsBelow(containers, key) {
  const found = [];
  for (const container2 of containers)
    for (const [name, field] of Object.entries(container2._zod.def.shape))
      for (const { steps, object } of objectsInField(name, field))
        if (Object.hasOwn(object._zod.def.shape, key)) found.push([...steps, key]);
  return found;
}
function fieldsTwoBelow(containers, key) {
  const found = [];
  for (const container2 of containers)
    for (const [name, field] of Object.entries(container2._zod.def.shape))
      for (const { steps, object } of objectsInField(name, field))
        for (const below of fieldsBelow([object], key)) found.push([...steps, ...below]);
  return found;
}
function render(base, steps) {
  let out = base;
  for (const step of steps) out += step === 0 ? "[*]" : out ? `.${step}` : step;
  return out;
}
var MAX_GUESSES = 3;
function meantFields(schema, containerPath, key, base) {
  const containers = objectsOf(schemasAt(schema, containerPath));
  const lower = key.toLowerCase();
  const sameButCase = containers.flatMap(
    (c) => Object.keys(c._zod.def.shape).filter((name) => name !== key && name.toLowerCase() === lower)
  );
  if (sameButCase.length > 0) return [...new Set(sameButCase.map((name) => render(base, [name])))];
  let found = fieldsBelow(containers, key);
  if (found.length === 0) found = fieldsTwoBelow(containers, key);
  const paths = [...new Set(found.map((steps) => render(base, steps)))];
  return paths.length <= MAX_GUESSES ? paths : [];
}

// shared/kube/schema-issues.ts
function formatPath(path4) {
  let out = "";
  for (const part2 of path4) {
    if (typeof part2 === "number") out += `[${part2}]`;
    else if (typeof part2 === "string" && /^[A-Za-z_$][\w$]*$/.test(part2)) out += out ? `.${part2}` : part2;
    else out += `[${JSON.stringify(String(part2))}]`;
  }
  return out;
}
function valueAt(root, path4) {
  let current = root;
  for (const key of path4) {
    if (current === null || typeof current !== "object") return void 0;
    current = Reflect.get(current, key);
  }
  return current;
}
var MAX_SHOWN = 64;
function literal(value) {
  if (typeof value === "string") {
    const cut = value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}\u2026` : value;
    return JSON.stringify(cut);
  }
  return String(value);
}
function isScalar(value) {
  return value === null || ["string", "number", "boolean", "bigint"].includes(typeof value);
}
function describeValue(value) {
  if (value === void 0) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return value.length === 0 ? "an empty list" : "a list";
  switch (typeof value) {
    case "string":
      return `a string (${literal(value)})`;
    case "number":
    case "bigint":
      return `a number (${literal(value)})`;
    case "boolean":
      return `a boolean (${value})`;
    default:
      return "an object";
  }
}
var TYPE_WORDS = {
  string: "a string",
  number: "a number",
  int: "an integer",
  bigint: "an integer",
  boolean: "a boolean",
  object: "an object",
  record: "an object",
  map: "an object",
  array: "a list",
  tuple: "a list",
  set: "a list",
  null: "null",
  date: "a date",
  nan: "NaN"
};
function typeWords(expected) {
  return TYPE_WORDS[expected] ?? `a ${expected}`;
}
var MAX_LISTED = 20;
function oneOf(values) {
  if (values.length === 1) return literal(values[0]);
  const listed = values.slice(0, MAX_LISTED).map(literal).join(", ");
  const more = values.length > MAX_LISTED ? `, \u2026 (${values.length - MAX_LISTED} more)` : "";
  return `one of ${listed}${more}`;
}
function gotValue(value, allowed) {
  const shown = isScalar(value) ? literal(value) : describeValue(value);
  const meant = typeof value === "string" ? allowed.find((a) => typeof a === "string" && a.toLowerCase() === value.toLowerCase()) : void 0;
  return meant === void 0 ? `(got ${shown})` : `(got ${shown}; did you mean ${literal(meant)}?)`;
}
var FORMAT_WORDS = {
  email: "an email address",
  url: "a URL",
  uuid: "a UUID",
  uuidv4: "a UUIDv4",
  uuidv6: "a UUIDv6",
  guid: "a GUID",
  datetime: "an ISO 8601 date and time",
  date: "an ISO 8601 date",
  time: "an ISO 8601 time",
  duration: "an ISO 8601 duration",
  ipv4: "an IPv4 address",
  ipv6: "an IPv6 address",
  cidrv4: "an IPv4 CIDR",
  cidrv6: "an IPv6 CIDR",
  mac: "a MAC address",
  hostname: "a host name",
  base64: "base64 text",
  base64url: "base64url text",
  json_string: "a JSON string",
  e164: "an E.164 phone number"
};
var ZOD_DEFAULT = /^(Invalid |Too (big|small): )/;
function ownMessage(issue) {
  return ZOD_DEFAULT.test(issue.message) ? void 0 : issue.message;
}
function withValue(message, value) {
  if (!isScalar(value) || typeof value === "string" && message.includes(literal(value))) return message;
  return `${message} (got ${literal(value)})`;
}
function sizeUnit(origin, n) {
  const plural = n !== 1 && n !== 1n;
  switch (origin) {
    case "string":
      return plural ? "characters" : "character";
    case "map":
      return plural ? "entries" : "entry";
    case "file":
      return plural ? "bytes" : "byte";
    default:
      return plural ? "items" : "item";
  }
}
function sizeOf(value) {
  if (typeof value === "string" || Array.isArray(value)) return value.length;
  if (value instanceof Set || value instanceof Map) return value.size;
  return void 0;
}
function bound(issue, value) {
  const small = issue.code === "too_small";
  const limit = small ? issue.minimum : issue.maximum;
  const size2 = sizeOf(value);
  if (issue.origin === "number" || issue.origin === "int" || issue.origin === "bigint" || size2 === void 0) {
    const relation2 = issue.exact ? "exactly" : small ? issue.inclusive === false ? "greater than" : "at least" : issue.inclusive === false ? "less than" : "at most";
    return withValue(`must be ${relation2} ${limit}`, value);
  }
  if (small && !issue.exact && Number(limit) === 1)
    return issue.origin === "string" ? "must not be empty" : `must have at least 1 ${sizeUnit(issue.origin, 1)}`;
  const relation = issue.exact ? "exactly" : small ? "at least" : "at most";
  const unit = sizeUnit(issue.origin, limit);
  const phrase = issue.origin === "string" ? `must be ${relation} ${limit} ${unit} long` : `must have ${relation} ${limit} ${unit}`;
  return size2 === 0 ? phrase : `${phrase} (got ${size2})`;
}
function formatMismatch(issue, value) {
  const own = ownMessage(issue);
  if (own) return withValue(own, value);
  const shown = literal(value);
  if (issue.format === "regex" && issue.pattern) return `${shown} does not match ${issue.pattern}`;
  if ("prefix" in issue && issue.format === "starts_with")
    return `must start with ${literal(issue.prefix)} (got ${shown})`;
  if ("suffix" in issue && issue.format === "ends_with")
    return `must end with ${literal(issue.suffix)} (got ${shown})`;
  if ("includes" in issue && issue.format === "includes")
    return `must contain ${literal(issue.includes)} (got ${shown})`;
  return `${shown} is not ${FORMAT_WORDS[issue.format] ?? `a valid ${issue.format}`}`;
}
var MISSING = "required field is missing";
function describeIssue(issue, value) {
  const own = ownMessage(issue);
  switch (issue.code) {
    case "invalid_type": {
      if (value === void 0) return `${MISSING} (${own ?? typeWords(issue.expected)})`;
      if (own) return withValue(own, value);
      if (issue.expected === "never" || issue.expected === "undefined") return "must not be set";
      return `expected ${typeWords(issue.expected)}, got ${describeValue(value)}`;
    }
    case "invalid_value":
      if (value === void 0) return `${MISSING} (${own ?? oneOf(issue.values)})`;
      if (own) return withValue(own, value);
      return `must be ${oneOf(issue.values)} ${gotValue(value, issue.values)}`;
    case "too_small":
    case "too_big":
      return own ?? bound(issue, value);
    case "invalid_format":
      return formatMismatch(issue, value);
    case "not_multiple_of":
      return own ? withValue(own, value) : withValue(`must be a multiple of ${issue.divisor}`, value);
    case "invalid_key": {
      const key = issue.path[issue.path.length - 1];
      return `invalid key: ${issue.issues.map((nested) => describeIssue(nested, key)).join("; ")}`;
    }
    case "invalid_element":
      return `invalid ${issue.origin} element: ${issue.issues.map((nested) => describeIssue(nested, value)).join("; ")}`;
    case "custom":
      return own ?? "not a valid value";
    default:
      return issue.message;
  }
}
function rootExpectation(branch) {
  const [only] = branch;
  if (branch.length !== 1 || !only || only.path.length > 0) return void 0;
  if (only.code === "invalid_type") return { words: typeWords(only.expected), format: false };
  if (only.code === "invalid_value") return { words: oneOf(only.values), format: false };
  const format = only.code === "invalid_format" && !ownMessage(only) ? FORMAT_WORDS[only.format] : void 0;
  return format ? { words: format, format: true } : void 0;
}
function describeUnion(issue, value) {
  if (issue.inclusive === false) return "matches more than one of its alternatives";
  if (issue.options && issue.options.length > 0) {
    if (value === void 0) return `${MISSING} (${oneOf(issue.options)})`;
    return `must be ${oneOf(issue.options)} ${gotValue(value, issue.options)}`;
  }
  if (issue.errors.length === 0) return "not a valid value";
  const expectations = issue.errors.map(rootExpectation);
  if (!expectations.every((e) => e !== void 0)) return void 0;
  const expected = [...new Set(expectations.map((e) => e.words))].join(" or ");
  if (value === void 0) return `${MISSING} (${expected})`;
  if (expectations.every((e) => e.format)) return `${literal(value)} is not ${expected}`;
  return `expected ${expected}, got ${describeValue(value)}`;
}
function unknownFields(issue, schema, kept) {
  const path4 = formatPath(issue.path);
  return issue.keys.map((key) => {
    const full = path4 ? `${path4}.${key}` : key;
    const meant = schema ? meantFields(schema, issue.path, key, path4) : [];
    let message = kept ? `unknown field "${full}" is stored but not read` : `unknown field "${full}"`;
    if (meant.length > 0) message += `; did you mean ${meant.map((m) => `"${m}"`).join(" or ")}?`;
    return { path: full, message };
  });
}
function formatZodIssues(issues, input, schema) {
  const out = [];
  const wrongType = new Set(issues.filter((i) => i.code === "invalid_type").map((i) => formatPath(i.path)));
  for (const issue of issues) {
    if (issue.code !== "invalid_type" && wrongType.has(formatPath(issue.path))) continue;
    if (issue.code === "unrecognized_keys") {
      out.push(...unknownFields(issue, schema, false));
      continue;
    }
    const value = valueAt(input, issue.path);
    const path4 = formatPath(issue.path) || "<root>";
    if (issue.code === "invalid_union") {
      const message = describeUnion(issue, value);
      if (message) {
        out.push({ path: path4, message });
        continue;
      }
      const best = [...issue.errors].sort((a, b) => a.length - b.length)[0] ?? [];
      const nested = best.map((n) => ({ ...n, path: [...issue.path, ...n.path] }));
      out.push(...formatZodIssues(nested, input, schema));
      continue;
    }
    out.push({ path: path4, message: describeIssue(issue, value) });
  }
  return out;
}
function formatKeptUnknownFields(issue, schema) {
  return unknownFields(issue, schema, true);
}

// shared/kube/model/tolerant-read.ts
var REMOVED = /* @__PURE__ */ Symbol("removed");
var MAX_ROUNDS = 32;
function containerAt(root, path4) {
  let current = root;
  for (const key of path4) {
    if (current === null || typeof current !== "object") return void 0;
    current = current[key];
  }
  return current !== null && typeof current === "object" ? current : void 0;
}
function removeAt(root, path4) {
  if (path4.length === 0) return false;
  const parent = containerAt(root, path4.slice(0, -1));
  const key = path4[path4.length - 1];
  if (!parent) return false;
  if (Array.isArray(parent)) {
    if (typeof key !== "number" || key >= parent.length) return false;
    parent[key] = REMOVED;
    return true;
  }
  if (!(String(key) in parent)) return false;
  delete parent[String(key)];
  return true;
}
function valueAt2(root, path4) {
  if (path4.length === 0) return root;
  const parent = containerAt(root, path4.slice(0, -1));
  return parent ? parent[path4[path4.length - 1]] : void 0;
}
function prune(root, issue) {
  if (issue.code === "unrecognized_keys") {
    const container2 = containerAt(root, issue.path);
    if (!container2 || Array.isArray(container2)) return false;
    for (const key of issue.keys) delete container2[key];
    return true;
  }
  const missing = valueAt2(root, issue.path) === void 0;
  return removeAt(root, missing ? issue.path.slice(0, -1) : issue.path);
}
function compact(value) {
  if (Array.isArray(value)) {
    const kept = value.filter((v) => v !== REMOVED);
    for (let i = 0; i < kept.length; i++) kept[i] = compact(kept[i]);
    return kept;
  }
  if (value !== null && typeof value === "object") {
    const record2 = value;
    for (const key of Object.keys(record2)) record2[key] = compact(record2[key]);
  }
  return value;
}
function droppedNull(schema, root, issue) {
  if (issue.code !== "invalid_type" || typeof issue.path[issue.path.length - 1] !== "string") return false;
  if (valueAt2(root, issue.path) !== null) return false;
  return schemasAt(schema, issue.path).some((field) => field._zod.optin === "optional");
}
function tolerantRead(schema, conforms, value, keepsUnknownFields = () => false) {
  if (conforms(value)) return { object: value, issues: [], warnings: [] };
  const first = schema.safeParse(value);
  if (first.success) return { object: void 0, issues: [], warnings: [] };
  const kept = (issue) => issue.code === "unrecognized_keys" && keepsUnknownFields(issue.path);
  const issues = formatZodIssues(
    first.error.issues.filter((issue) => !kept(issue) && !droppedNull(schema, value, issue)),
    value,
    schema
  );
  const warnings = first.error.issues.filter(kept).flatMap((issue) => formatKeptUnknownFields(issue, schema));
  let copy = structuredClone(value);
  let raw = first.error.issues;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    let pruned = false;
    for (const issue of raw) pruned = prune(copy, issue) || pruned;
    if (!pruned) break;
    copy = compact(copy);
    if (conforms(copy)) return { object: copy, issues, warnings };
    const next = schema.safeParse(copy);
    if (next.success) break;
    raw = next.error.issues;
  }
  return { object: void 0, issues, warnings };
}

// shared/kube/model/kind-model.ts
function fieldPattern(path4) {
  let out = "";
  for (const part2 of path4) out += typeof part2 === "number" ? "[*]" : out ? `.${String(part2)}` : String(part2);
  return out;
}
function keepsUnknownFieldsAt(patterns) {
  const exact = new Set(patterns.filter((p) => !p.endsWith(".**")));
  const whole2 = patterns.filter((p) => p.endsWith(".**")).map((p) => p.slice(0, -".**".length));
  return (path4) => {
    const at2 = fieldPattern(path4);
    return exact.has(at2) || whole2.some((w) => at2 === w || at2.startsWith(`${w}.`) || at2.startsWith(`${w}[`));
  };
}
function conformanceCheck(schema) {
  let fast;
  return (value) => {
    fast ??= z.compile(schema);
    return fast.safeParse(value).success;
  };
}
function defineKind(spec) {
  const checks = new Map(
    Object.entries(spec.versions).map(([version, schema]) => [
      version,
      { schema, conforms: conformanceCheck(schema) }
    ])
  );
  const readings = /* @__PURE__ */ new WeakMap();
  const preservesUnknownFields = spec.preservesUnknownFields ?? [];
  const keepsUnknownFields = keepsUnknownFieldsAt(preservesUnknownFields);
  const groupKind = `${spec.group}/${spec.kind}`;
  function readOnce(object) {
    if (typeof object.apiVersion !== "string" || groupOf(object.apiVersion) !== spec.group) {
      return {
        object: void 0,
        issues: [
          {
            path: "apiVersion",
            message: `must be of group ${spec.group || "core (no group)"} (got ${JSON.stringify(object.apiVersion ?? null)})`
          }
        ],
        warnings: []
      };
    }
    const version = versionOf(object.apiVersion);
    const check36 = checks.get(version);
    if (!check36) {
      const served = [...checks.keys()].join(", ");
      return {
        object: void 0,
        issues: [
          {
            path: "apiVersion",
            message: `version ${version} of ${spec.kind} is not served (served: ${served})`
          }
        ],
        warnings: []
      };
    }
    return tolerantRead(check36.schema, check36.conforms, object, keepsUnknownFields);
  }
  return {
    ...spec,
    groupKind,
    preservesUnknownFields,
    read(object) {
      let reading = readings.get(object);
      if (!reading) {
        reading = readOnce(object);
        readings.set(object, reading);
      }
      return reading;
    }
  };
}

// shared/kube/schemas/alb.ts
import { z as z3 } from "zod";

// shared/kube/schemas/meta.ts
import { z as z2 } from "zod";
var dnsSubdomain = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
var qualifiedNamePart = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
var labelValue = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
function isQualifiedName(key) {
  const slash = key.lastIndexOf("/");
  const prefix3 = slash < 0 ? void 0 : key.slice(0, slash);
  const name = slash < 0 ? key : key.slice(slash + 1);
  if (prefix3 !== void 0 && (prefix3.length === 0 || prefix3.length > 253 || !dnsSubdomain.test(prefix3))) {
    return false;
  }
  return name.length > 0 && name.length <= 63 && qualifiedNamePart.test(name);
}
var objectName = z2.string().min(1).max(253).regex(dnsSubdomain, "must be a lowercase RFC 1123 subdomain");
var labels = z2.record(z2.string(), z2.string()).superRefine((value, ctx) => {
  for (const [key, v] of Object.entries(value)) {
    if (!isQualifiedName(key)) {
      ctx.addIssue({ code: "custom", path: [key], message: `invalid label key ${JSON.stringify(key)}` });
    }
    if (v.length > 63 || !labelValue.test(v)) {
      ctx.addIssue({ code: "custom", path: [key], message: `invalid label value ${JSON.stringify(v)}` });
    }
  }
});
var annotations = z2.record(z2.string(), z2.string()).superRefine((value, ctx) => {
  for (const key of Object.keys(value)) {
    if (!isQualifiedName(key)) {
      ctx.addIssue({ code: "custom", path: [key], message: `invalid annotation key ${JSON.stringify(key)}` });
    }
  }
});
var objectMeta = z2.strictObject({
  name: objectName.optional(),
  generateName: z2.string().optional(),
  namespace: z2.string().max(63).optional(),
  uid: z2.string().optional(),
  resourceVersion: z2.string().optional(),
  generation: z2.number().int().optional(),
  creationTimestamp: z2.string().nullable().optional(),
  deletionTimestamp: z2.string().nullable().optional(),
  deletionGracePeriodSeconds: z2.number().int().nullable().optional(),
  labels: labels.optional(),
  annotations: annotations.optional(),
  ownerReferences: z2.array(
    z2.looseObject({
      apiVersion: z2.string(),
      kind: z2.string(),
      name: z2.string(),
      uid: z2.string(),
      controller: z2.boolean().optional(),
      blockOwnerDeletion: z2.boolean().optional()
    })
  ).optional(),
  finalizers: z2.array(z2.string()).optional(),
  managedFields: z2.array(z2.looseObject({})).optional(),
  selfLink: z2.string().optional()
});
function kubeObject(apiVersion2, kind2, body5) {
  return z2.strictObject({
    apiVersion: z2.literal(apiVersion2),
    kind: z2.literal(kind2),
    metadata: objectMeta,
    ...body5
  });
}

// shared/kube/schemas/alb.ts
var ALB_GROUP = "crd.alauda.io";
var ALB_API_VERSION = `${ALB_GROUP}/v1`;
var quantityMap = z3.record(z3.string(), z3.union([z3.string(), z3.number()]));
var containerResources = z3.strictObject({
  limits: quantityMap.optional(),
  requests: quantityMap.optional()
});
var certificateName = z3.string().regex(
  /^$|^[a-z0-9]([-a-z0-9]*[a-z0-9])?\/[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/,
  'must be "<namespace>/<secret>"'
);
var sslStrategies = ["Never", "Always", "Both", "Request"];
var albConfig = z3.strictObject({
  loadbalancerName: z3.string().optional(),
  loadbalancerType: z3.string().optional(),
  nodeSelector: z3.record(z3.string(), z3.string()).optional(),
  replicas: z3.number().int().min(0).optional(),
  resources: z3.strictObject({
    alb: containerResources.optional(),
    limits: quantityMap.optional(),
    requests: quantityMap.optional()
  }).optional(),
  antiAffinityKey: z3.string().optional(),
  networkMode: z3.enum(["host", "container"]).optional(),
  address: z3.string().optional(),
  vip: z3.strictObject({
    enableLbSvc: z3.boolean().optional(),
    lbSvcAnnotations: z3.record(z3.string(), z3.string()).optional(),
    lbSvcIpFamilyPolicy: z3.string().optional()
  }).optional(),
  projects: z3.array(z3.string()).optional(),
  portProjects: z3.string().optional(),
  enablePortProject: z3.boolean().optional(),
  defaultSSLStrategy: z3.enum(sslStrategies).optional(),
  defaultSSLCert: certificateName.optional(),
  bindNIC: z3.string().optional(),
  ingressHTTPPort: z3.number().int().min(1).max(65535).optional(),
  ingressHTTPSPort: z3.number().int().min(1).max(65535).optional(),
  enableIngress: z3.union([z3.boolean(), z3.string()]).optional(),
  enableALb: z3.boolean().optional(),
  enableGC: z3.union([z3.boolean(), z3.string()]).optional(),
  enableGzip: z3.union([z3.boolean(), z3.string()]).optional(),
  enableHTTP2: z3.union([z3.boolean(), z3.string()]).optional(),
  enableIPV6: z3.union([z3.boolean(), z3.string()]).optional(),
  maxTermSeconds: z3.number().int().optional(),
  workerLimit: z3.number().int().optional(),
  cpuPreset: z3.number().int().optional()
});
var albSpec = z3.strictObject({
  address: z3.string().optional(),
  type: z3.enum(["nginx"]).optional(),
  config: albConfig.optional(),
  // The guide's first example places these at the top level of spec; the operator reads config.*.
  networkMode: z3.enum(["host", "container"]).optional(),
  nodeSelector: z3.record(z3.string(), z3.string()).optional(),
  replicas: z3.number().int().min(0).optional(),
  resources: albConfig.shape.resources,
  projects: z3.array(z3.string()).optional(),
  vip: albConfig.shape.vip
});
var albStatus = z3.looseObject({
  state: z3.string().optional(),
  reason: z3.string().optional(),
  probeTime: z3.number().optional(),
  probeTimeStr: z3.string().optional()
});
var alb2Body = { spec: albSpec, status: albStatus.optional() };
var alb2V2beta1 = kubeObject(`${ALB_GROUP}/v2beta1`, "ALB2", alb2Body);
var alb2V2 = kubeObject(`${ALB_GROUP}/v2`, "ALB2", alb2Body);
var backendService = z3.strictObject({
  name: z3.string().min(1),
  namespace: z3.string().min(1),
  port: z3.number().int().min(1).max(65535),
  weight: z3.number().int().min(0).max(100).optional()
});
var serviceGroup = z3.strictObject({
  session_affinity_policy: z3.string().optional(),
  session_affinity_attribute: z3.string().optional(),
  services: z3.array(backendService).optional()
});
var ruleSource = z3.strictObject({
  type: z3.literal("ingress"),
  name: z3.string().min(1),
  namespace: z3.string().min(1)
});
var l7Protocols = ["http", "https", "grpc", "grpcs"];
var frontendProtocols = [...l7Protocols, "tcp", "udp"];
var frontendSpec = z3.strictObject({
  port: z3.number().int().min(1).max(65535),
  protocol: z3.enum(frontendProtocols),
  certificate_name: certificateName.optional(),
  backendProtocol: z3.string().optional(),
  serviceGroup: serviceGroup.optional(),
  source: ruleSource.optional(),
  config: z3.looseObject({}).optional()
});
var frontendV1 = kubeObject(ALB_API_VERSION, "Frontend", {
  spec: frontendSpec,
  status: z3.looseObject({}).optional()
});
var dslxMatchers = ["EQ", "STARTS_WITH", "ENDS_WITH", "REGEX", "IN", "RANGE", "EXIST"];
var dslxTerm = z3.strictObject({
  type: z3.enum(["HOST", "URL", "METHOD", "PARAM", "HEADER", "COOKIE", "SRC_IP"]),
  key: z3.string().optional(),
  values: z3.union([z3.array(z3.array(z3.string()).min(1)), z3.array(z3.string()).min(1)])
});
var ruleSpec = z3.strictObject({
  priority: z3.number().int().min(0).max(10).optional(),
  dslx: z3.array(dslxTerm).optional(),
  domain: z3.string().optional(),
  url: z3.string().optional(),
  description: z3.string().optional(),
  type: z3.string().optional(),
  vhost: z3.string().optional(),
  rewrite_target: z3.string().optional(),
  rewrite_base: z3.string().optional(),
  redirectURL: z3.string().optional(),
  redirectCode: z3.number().int().optional(),
  enableCORS: z3.boolean().optional(),
  corsAllowHeaders: z3.string().optional(),
  corsAllowOrigin: z3.string().optional(),
  backendProtocol: z3.string().optional(),
  certificate_name: certificateName.optional(),
  serviceGroup: serviceGroup.optional(),
  source: ruleSource.optional(),
  config: z3.looseObject({}).optional()
});
var ruleV1 = kubeObject(ALB_API_VERSION, "Rule", {
  spec: ruleSpec,
  status: z3.looseObject({}).optional()
});
var ALB2 = defineKind({
  group: ALB_GROUP,
  kind: "ALB2",
  plural: "alaudaloadbalancer2",
  namespaced: true,
  versions: { v2beta1: alb2V2beta1, v2: alb2V2 },
  // spec.vip, spec.resources and spec.config.resources are not in the CRD, so it keeps them whole.
  preservesUnknownFields: [
    "spec",
    "spec.config",
    "spec.config.vip",
    "spec.config.resources.**",
    "spec.resources.**",
    "spec.vip.**"
  ]
});
var FRONTEND = defineKind({
  group: ALB_GROUP,
  kind: "Frontend",
  plural: "frontends",
  namespaced: true,
  versions: { v1: frontendV1 },
  preservesUnknownFields: ["spec", "spec.serviceGroup"]
});
var ALB_RULE = defineKind({
  group: ALB_GROUP,
  kind: "Rule",
  plural: "rules",
  namespaced: true,
  versions: { v1: ruleV1 },
  preservesUnknownFields: ["spec", "spec.serviceGroup"]
});
var albDefinitions = [ALB2, FRONTEND, ALB_RULE];

// shared/kube/schemas/alauda-domain.ts
var DOMAIN_GROUP = ALB_GROUP;
var DOMAIN_SECRET_REF_ANNOTATION = "cpaas.io/secret-ref";
var DOMAIN_CLUSTER_LABEL = "cluster.cpaas.io/name";
var domainKinds = ["full", "wildcard"];
var domainV2 = kubeObject(`${DOMAIN_GROUP}/v2`, "Domain", {
  spec: z4.strictObject({
    name: z4.string().min(1).max(253),
    kind: z4.enum(domainKinds)
  }),
  status: z4.looseObject({}).optional()
});
var DOMAIN = defineKind({
  group: DOMAIN_GROUP,
  kind: "Domain",
  plural: "domains",
  namespaced: false,
  versions: { v2: domainV2 }
});
var domainDefinitions = [DOMAIN];

// shared/kube/schemas/core.ts
import { z as z5 } from "zod";
var looseStatus = z5.looseObject({}).optional();
var dataKey = z5.string().regex(/^[-._a-zA-Z0-9]+$/, 'must consist of alphanumerics, "-", "_" or "."');
var base64 = z5.string().refine((v) => /^[A-Za-z0-9+/]*={0,2}$/.test(v.replace(/[\r\n]/g, "")), "must be base64-encoded");
function keyedData(value) {
  return z5.record(z5.string(), value).superRefine((data, ctx) => {
    for (const key of Object.keys(data)) {
      if (key.length > 253 || !dataKey.safeParse(key).success) {
        ctx.addIssue({
          code: "custom",
          path: [key],
          message: 'a valid config key must consist of alphanumerics, "-", "_" or "."'
        });
      }
    }
  });
}
var namespaceV1 = kubeObject("v1", "Namespace", {
  spec: z5.strictObject({ finalizers: z5.array(z5.string()).optional() }).optional(),
  status: looseStatus
});
var secretV1 = kubeObject("v1", "Secret", {
  type: z5.string().optional(),
  data: keyedData(base64).optional(),
  stringData: keyedData(z5.string()).optional(),
  immutable: z5.boolean().optional()
});
var configMapV1 = kubeObject("v1", "ConfigMap", {
  data: keyedData(z5.string()).optional(),
  binaryData: keyedData(base64).optional(),
  immutable: z5.boolean().optional()
});
var ianaSvcName = z5.string().max(15).regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, "must be a lowercase RFC 1123 label of at most 15 characters");
var port = z5.int().min(1).max(65535);
var servicePort = z5.strictObject({
  name: z5.string().max(63).regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, "must be a lowercase RFC 1123 label").optional(),
  protocol: z5.enum(["TCP", "UDP", "SCTP"]).optional(),
  appProtocol: z5.string().optional(),
  port,
  targetPort: z5.union([z5.int().min(1).max(65535), ianaSvcName]).optional(),
  nodePort: z5.int().min(0).max(65535).optional()
});
var ipAddress = z5.union([z5.ipv4(), z5.ipv6()]);
var cidr = z5.union([z5.cidrv4(), z5.cidrv6()]);
var serviceSpec = z5.strictObject({
  type: z5.enum(["ClusterIP", "NodePort", "LoadBalancer", "ExternalName"]).optional(),
  ports: z5.array(servicePort).optional(),
  selector: z5.record(z5.string(), z5.string()).optional(),
  clusterIP: z5.union([ipAddress, z5.literal("None"), z5.literal("")]).optional(),
  clusterIPs: z5.array(z5.union([ipAddress, z5.literal("None")])).max(2).optional(),
  externalIPs: z5.array(ipAddress).optional(),
  externalName: z5.string().optional(),
  loadBalancerIP: z5.union([ipAddress, z5.literal("")]).optional(),
  loadBalancerClass: z5.string().optional(),
  loadBalancerSourceRanges: z5.array(cidr).optional(),
  allocateLoadBalancerNodePorts: z5.boolean().optional(),
  externalTrafficPolicy: z5.enum(["Cluster", "Local"]).optional(),
  internalTrafficPolicy: z5.enum(["Cluster", "Local"]).optional(),
  healthCheckNodePort: z5.int().optional(),
  ipFamilies: z5.array(z5.enum(["IPv4", "IPv6"])).max(2).optional(),
  ipFamilyPolicy: z5.enum(["SingleStack", "PreferDualStack", "RequireDualStack"]).optional(),
  sessionAffinity: z5.enum(["None", "ClientIP"]).optional(),
  sessionAffinityConfig: z5.strictObject({
    clientIP: z5.strictObject({ timeoutSeconds: z5.int().min(1).max(86400).optional() }).optional()
  }).optional(),
  publishNotReadyAddresses: z5.boolean().optional(),
  trafficDistribution: z5.string().optional()
}).superRefine((spec, ctx) => {
  const ports = spec.ports ?? [];
  if (ports.length > 1) {
    ports.forEach((p, i) => {
      if (p.name === void 0 || p.name === "") {
        ctx.addIssue({
          code: "custom",
          path: ["ports", i, "name"],
          message: "name is required when a Service has several ports"
        });
      }
    });
  }
  const seenNames = /* @__PURE__ */ new Set();
  const seenPorts = /* @__PURE__ */ new Set();
  ports.forEach((p, i) => {
    if (p.name) {
      if (seenNames.has(p.name))
        ctx.addIssue({
          code: "custom",
          path: ["ports", i, "name"],
          message: `duplicate port name ${p.name}`
        });
      seenNames.add(p.name);
    }
    const key = `${p.port}/${p.protocol ?? "TCP"}`;
    if (seenPorts.has(key))
      ctx.addIssue({ code: "custom", path: ["ports", i, "port"], message: `duplicate port ${key}` });
    seenPorts.add(key);
    if (p.nodePort !== void 0 && p.nodePort !== 0 && (spec.type ?? "ClusterIP") === "ClusterIP") {
      ctx.addIssue({
        code: "custom",
        path: ["ports", i, "nodePort"],
        message: "may not be used when type is ClusterIP"
      });
    }
  });
  if (spec.type === "ExternalName" && !spec.externalName) {
    ctx.addIssue({ code: "custom", path: ["externalName"], message: "required when type is ExternalName" });
  }
  if (spec.type !== "ExternalName" && ports.length === 0 && spec.clusterIP !== "None") {
    ctx.addIssue({ code: "custom", path: ["ports"], message: "at least one port is required" });
  }
});
var serviceStatus = z5.looseObject({
  loadBalancer: z5.looseObject({
    ingress: z5.array(z5.looseObject({ ip: z5.string().optional(), hostname: z5.string().optional() })).optional()
  }).optional()
});
var serviceV1 = kubeObject("v1", "Service", {
  spec: serviceSpec.optional(),
  status: serviceStatus.optional()
});
var NAMESPACE = defineKind({
  group: "",
  kind: "Namespace",
  plural: "namespaces",
  namespaced: false,
  versions: { v1: namespaceV1 }
});
var SECRET = defineKind({
  group: "",
  kind: "Secret",
  plural: "secrets",
  namespaced: true,
  versions: { v1: secretV1 }
});
var CONFIG_MAP = defineKind({
  group: "",
  kind: "ConfigMap",
  plural: "configmaps",
  namespaced: true,
  versions: { v1: configMapV1 }
});
var SERVICE = defineKind({
  group: "",
  kind: "Service",
  plural: "services",
  namespaced: true,
  versions: { v1: serviceV1 }
});
var coreDefinitions = [NAMESPACE, SECRET, CONFIG_MAP, SERVICE];

// shared/kube/schemas/envoy-gateway/backend-traffic-policy.ts
import { z as z12 } from "zod";

// shared/kube/schemas/gateway-api/common.ts
import { z as z6 } from "zod";
var dnsSubdomainBody = "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";
var dnsSubdomainPattern = new RegExp(`^${dnsSubdomainBody}$`);
var wildcardHostnamePattern = new RegExp(`^(\\*\\.)?${dnsSubdomainBody}$`);
var durationPattern = /^([0-9]{1,5}(h|m|s|ms)){1,4}$/;
var headerNamePattern = /^[A-Za-z0-9!#$%&'*+\-.^_`|~]+$/;
var headerValuePattern = /^[!-~]+([\t ][!-~]+)*$/;
var httpPathCharsPattern = /^(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|[%][0-9a-fA-F]{2})+$/;
var controllerNamePattern = new RegExp(`^${dnsSubdomainBody}\\/[A-Za-z0-9\\/\\-._~%!$&'()*+,;=:]+$`);
var hostname = z6.string().min(1).max(253).regex(wildcardHostnamePattern, 'must be a lowercase RFC 1123 hostname, optionally prefixed by "*."');
var preciseHostname = z6.string().min(1).max(253).regex(dnsSubdomainPattern, "must be a lowercase RFC 1123 hostname without wildcard");
var group = z6.string().max(253).regex(new RegExp(`^$|^${dnsSubdomainBody}$`), "must be empty or a lowercase RFC 1123 subdomain");
var kind = z6.string().min(1).max(63).regex(/^[a-zA-Z]([-a-zA-Z0-9]*[a-zA-Z0-9])?$/, 'must be a kind name: letters, digits and "-"');
var objectName2 = z6.string().min(1).max(253);
var namespace = z6.string().min(1).max(63).regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, "must be a lowercase RFC 1123 label");
var sectionName = z6.string().min(1).max(253).regex(dnsSubdomainPattern, "must be a lowercase RFC 1123 subdomain");
var portNumber = z6.int().min(1).max(65535);
var duration = z6.string().regex(durationPattern, "must be a duration such as 1h, 10s or 500ms (^([0-9]{1,5}(h|m|s|ms)){1,4}$)");
var headerName = z6.string().min(1).max(256).regex(headerNamePattern, "must be a valid HTTP header name (RFC 7230 token)");
var headerValue = z6.string().min(1).max(4096).regex(headerValuePattern, "must be printable ASCII without leading, trailing or repeated whitespace");
var looseStatus2 = z6.looseObject({}).optional();
var labelSelector = z6.strictObject({
  matchLabels: z6.record(z6.string(), z6.string()).optional(),
  matchExpressions: z6.array(
    z6.strictObject({
      key: z6.string(),
      operator: z6.string(),
      values: z6.array(z6.string()).optional()
    })
  ).optional()
});
var routeHostnames = z6.array(hostname).max(16);
function durationMillis(value) {
  const units = { h: 36e5, m: 6e4, s: 1e3, ms: 1 };
  let total = 0;
  for (const match of value.matchAll(/([0-9]+)(ms|h|m|s)/g)) {
    total += Number(match[1]) * (units[match[2] ?? ""] ?? 0);
  }
  return total;
}

// shared/kube/schemas/envoy-gateway/backend-resilience.ts
import { z as z7 } from "zod";
var uint32 = z7.int().min(0).max(4294967295);
var circuitBreaker = z7.strictObject({
  maxConnections: uint32.optional(),
  maxPendingRequests: uint32.optional(),
  maxParallelRequests: uint32.optional(),
  maxParallelRetries: uint32.optional(),
  maxRequestsPerConnection: uint32.optional()
});
var payload = z7.strictObject({
  type: z7.enum(["Text", "Binary"]),
  text: z7.string().optional(),
  binary: z7.base64().optional()
}).superRefine((p, ctx) => {
  for (const [type, field] of [
    ["Text", "text"],
    ["Binary", "binary"]
  ]) {
    if (p.type === type !== (p[field] !== void 0)) {
      ctx.addIssue({
        code: "custom",
        path: [field],
        message: `If payload type is ${type}, ${field} field needs to be set (and only then)`
      });
    }
  }
});
var activeHealthCheck = z7.strictObject({
  type: z7.enum(["HTTP", "TCP", "GRPC"]),
  timeout: duration.optional(),
  interval: duration.optional(),
  initialJitter: duration.optional(),
  unhealthyThreshold: z7.int().min(1).optional(),
  healthyThreshold: z7.int().min(1).optional(),
  http: z7.strictObject({
    path: z7.string().min(1).max(1024),
    method: z7.string().max(16).optional(),
    hostname: z7.string().min(1).max(253).optional(),
    expectedStatuses: z7.array(z7.int().min(100).max(599)).optional(),
    expectedResponse: payload.optional()
  }).optional(),
  tcp: z7.strictObject({ send: payload.optional(), receive: payload.optional() }).optional(),
  grpc: z7.strictObject({ service: z7.string().optional() }).optional()
}).superRefine((hc, ctx) => {
  for (const [type, field] of [
    ["HTTP", "http"],
    ["TCP", "tcp"],
    ["GRPC", "grpc"]
  ]) {
    if (hc[field] !== void 0 && hc.type !== type) {
      ctx.addIssue({
        code: "custom",
        path: [field],
        message: `The ${field} field can only be set if the Health Checker type is ${type}`
      });
    }
  }
  if (hc.type === "HTTP" && hc.http === void 0) {
    ctx.addIssue({
      code: "custom",
      path: ["http"],
      message: "If Health Checker type is HTTP, http field needs to be set"
    });
  }
  if (hc.type === "TCP" && hc.tcp === void 0) {
    ctx.addIssue({
      code: "custom",
      path: ["tcp"],
      message: "If Health Checker type is TCP, tcp field needs to be set"
    });
  }
});
var passiveHealthCheck = z7.strictObject({
  splitExternalLocalOriginErrors: z7.boolean().optional(),
  interval: duration.optional(),
  consecutiveLocalOriginFailures: z7.int().min(0).optional(),
  consecutiveGatewayErrors: z7.int().min(0).optional(),
  consecutive5XxErrors: z7.int().min(0).optional(),
  baseEjectionTime: duration.optional(),
  maxEjectionPercent: z7.int().min(0).max(100).optional(),
  failurePercentageThreshold: z7.int().min(0).max(100).optional(),
  alwaysEjectOneEndpoint: z7.boolean().optional()
});
var consistentHash = z7.strictObject({
  type: z7.enum(["SourceIP", "Header", "Cookie"]),
  header: z7.strictObject({ name: z7.string() }).optional(),
  cookie: z7.strictObject({ name: z7.string(), ttl: duration.optional() }).optional(),
  tableSize: z7.int().min(2).max(5000011).optional()
}).superRefine((hash, ctx) => {
  for (const [type, field] of [
    ["Header", "header"],
    ["Cookie", "cookie"]
  ]) {
    if (hash.type === type !== (hash[field] !== void 0)) {
      ctx.addIssue({
        code: "custom",
        path: [field],
        message: `If consistent hash type is ${field}, the ${field} field must be set (and only then)`
      });
    }
  }
});
var loadBalancer = z7.strictObject({
  type: z7.enum(["ConsistentHash", "LeastRequest", "Random", "RoundRobin"]),
  consistentHash: consistentHash.optional(),
  slowStart: z7.strictObject({ window: duration }).optional()
}).superRefine((lb, ctx) => {
  if (lb.type === "ConsistentHash" !== (lb.consistentHash !== void 0)) {
    ctx.addIssue({
      code: "custom",
      path: ["consistentHash"],
      message: "If LoadBalancer type is consistentHash, consistentHash field needs to be set (and only then)"
    });
  }
  if (lb.slowStart !== void 0 && ["Random", "ConsistentHash"].includes(lb.type)) {
    ctx.addIssue({
      code: "custom",
      path: ["slowStart"],
      message: "SlowStart is only supported for RoundRobin and LeastRequest load balancers"
    });
  }
});
var grpcStatusCodes = [
  "Ok",
  "Cancelled",
  "Unknown",
  "InvalidArgument",
  "DeadlineExceeded",
  "NotFound",
  "AlreadyExists",
  "PermissionDenied",
  "ResourceExhausted",
  "FailedPrecondition",
  "Aborted",
  "OutOfRange",
  "Unimplemented",
  "Internal",
  "Unavailable",
  "DataLoss",
  "Unauthenticated"
];
var admissionControl = z7.strictObject({
  samplingWindow: duration.optional(),
  minSuccessRate: z7.int().min(1).max(100).optional(),
  rejectionAggression: z7.int().min(1).optional(),
  minRequestRate: z7.int().min(0).optional(),
  maxRejectionPercent: z7.int().min(0).max(100).optional(),
  successCriteria: z7.strictObject({
    http: z7.strictObject({ statusCodes: z7.array(z7.int().min(100).max(599)).optional() }).optional(),
    grpc: z7.strictObject({ statusCodes: z7.array(z7.enum(grpcStatusCodes)).optional() }).optional()
  }).optional()
}).superRefine((ac, ctx) => {
  if (ac.samplingWindow !== void 0 && durationMillis(ac.samplingWindow) < 1e3) {
    ctx.addIssue({
      code: "custom",
      path: ["samplingWindow"],
      message: "samplingWindow must be at least 1s"
    });
  }
});

// shared/kube/schemas/envoy-gateway/common.ts
import { z as z9 } from "zod";

// shared/kube/schemas/gateway-api/references.ts
import { z as z8 } from "zod";
var localObjectReference = z8.strictObject({ group, kind, name: objectName2 });
var secretObjectReference = z8.strictObject({
  group: group.optional(),
  kind: kind.optional(),
  name: objectName2,
  namespace: namespace.optional()
});
var objectReference = z8.strictObject({
  group,
  kind,
  name: objectName2,
  namespace: namespace.optional()
});
var parentReference = z8.strictObject({
  group: group.optional(),
  kind: kind.optional(),
  namespace: namespace.optional(),
  name: objectName2,
  sectionName: sectionName.optional(),
  port: portNumber.optional()
});
var backendObjectReferenceShape = {
  group: group.optional(),
  kind: kind.optional(),
  name: objectName2,
  namespace: namespace.optional(),
  port: portNumber.optional()
};
function refineServicePort(ref, ctx) {
  if ((ref.group ?? "") === "" && (ref.kind ?? "Service") === "Service" && ref.port === void 0) {
    ctx.addIssue({ code: "custom", path: ["port"], message: "Must have port for Service reference" });
  }
}
var backendObjectReference = z8.strictObject(backendObjectReferenceShape).superRefine(refineServicePort);
function backendRefWith(extra) {
  return z8.strictObject({
    ...backendObjectReferenceShape,
    weight: z8.int().min(0).max(1e6).optional(),
    ...extra
  }).superRefine(
    (ref, ctx) => refineServicePort(ref, ctx)
  );
}
var backendRef = backendRefWith({});
function parentKey(ref) {
  return [
    ref.group ?? "gateway.networking.k8s.io",
    ref.kind ?? "Gateway",
    ref.namespace ?? "",
    ref.name
  ].join("|");
}
function refineParentRefs(refs, ctx) {
  const firstByParent = /* @__PURE__ */ new Map();
  const seenTargets = /* @__PURE__ */ new Set();
  refs.forEach((ref, index2) => {
    const parent = parentKey(ref);
    const first = firstByParent.get(parent);
    if (first === void 0) {
      firstByParent.set(parent, ref);
    } else if (first.sectionName === void 0 !== (ref.sectionName === void 0)) {
      ctx.addIssue({
        code: "custom",
        path: [index2, "sectionName"],
        message: "sectionName or port must be specified when parentRefs includes 2 or more references to the same parent"
      });
    } else if (first.port === void 0 !== (ref.port === void 0)) {
      ctx.addIssue({
        code: "custom",
        path: [index2, "port"],
        message: "sectionName or port must be specified when parentRefs includes 2 or more references to the same parent"
      });
    }
    const target = `${parent}|${ref.sectionName ?? ""}|${ref.port ?? ""}`;
    if (seenTargets.has(target)) {
      ctx.addIssue({
        code: "custom",
        path: [index2],
        message: "sectionName or port must be unique when parentRefs includes 2 or more references to the same parent"
      });
    }
    seenTargets.add(target);
  });
}
var parentRefs = z8.array(parentReference).max(32).superRefine(refineParentRefs);

// shared/kube/schemas/envoy-gateway/common.ts
var quantityPattern = /^(\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))))?$/;
var quantity = z9.union([
  z9.int().min(0),
  z9.string().regex(quantityPattern, "must be a Kubernetes quantity such as 100M or 1Gi")
]);
var egBackendRef = z9.strictObject({
  group: group.optional(),
  kind: kind.optional(),
  name: objectName2,
  namespace: namespace.optional(),
  port: portNumber.optional(),
  weight: z9.int().min(0).optional()
}).superRefine(refineServicePort);
var tcpKeepalive = z9.strictObject({
  probes: z9.int().min(0).optional(),
  idleTime: duration.optional(),
  interval: duration.optional()
});
var ipv4Cidr = z9.cidrv4();
var ipv6Cidr = z9.cidrv6();
var cidr2 = z9.string().refine((v) => ipv4Cidr.safeParse(v).success || ipv6Cidr.safeParse(v).success, {
  message: "must be an IPv4 or IPv6 CIDR such as 10.0.0.0/8"
});
var httpMethodNames = [
  "GET",
  "HEAD",
  "POST",
  "PUT",
  "DELETE",
  "CONNECT",
  "OPTIONS",
  "TRACE",
  "PATCH"
];

// shared/kube/schemas/envoy-gateway/policy-targets.ts
import { z as z10 } from "zod";
var policyTargetRef = z10.strictObject({
  group,
  kind,
  name: objectName2,
  sectionName: sectionName.optional()
});
var policyTargetSelector = z10.strictObject({
  group: group.optional(),
  kind,
  matchLabels: z10.record(z10.string(), z10.string()).optional(),
  matchExpressions: labelSelector.shape.matchExpressions,
  namespaces: z10.strictObject({ from: z10.enum(["Same", "All", "Selector"]), selector: labelSelector.optional() }).superRefine((ns, ctx) => {
    if (ns.from === "Selector" && ns.selector === void 0) {
      ctx.addIssue({
        code: "custom",
        path: ["selector"],
        message: "selector must be specified when from is Selector"
      });
    }
  }).optional()
}).superRefine((sel, ctx) => {
  if (sel.group !== void 0 && sel.group !== "gateway.networking.k8s.io") {
    ctx.addIssue({ code: "custom", path: ["group"], message: "group must be gateway.networking.k8s.io" });
  }
});
var policyTargetShape = {
  targetRef: policyTargetRef.optional(),
  targetRefs: z10.array(policyTargetRef).optional(),
  targetSelectors: z10.array(policyTargetSelector).optional()
};
function refinePolicyTargets(policy, allowedKinds, ctx) {
  const hasSelectors = (policy.targetSelectors?.length ?? 0) > 0;
  const single = policy.targetRef !== void 0;
  const multiple = policy.targetRefs !== void 0;
  if (single === multiple && !hasSelectors) {
    ctx.addIssue({
      code: "custom",
      path: multiple ? ["targetRef"] : ["targetRefs"],
      message: "either targetRef or targetRefs must be used"
    });
  }
  const refs = [
    ...policy.targetRef ? [[["targetRef"], policy.targetRef]] : [],
    ...(policy.targetRefs ?? []).map((r, i) => [["targetRefs", i], r])
  ];
  for (const [path4, ref] of refs) {
    if (ref.group !== "gateway.networking.k8s.io") {
      ctx.addIssue({
        code: "custom",
        path: [...path4, "group"],
        message: "this policy can only target group gateway.networking.k8s.io"
      });
    }
    if (!allowedKinds.includes(ref.kind)) {
      ctx.addIssue({
        code: "custom",
        path: [...path4, "kind"],
        message: `this policy can only target kinds ${allowedKinds.join("/")} (got ${ref.kind})`
      });
    }
  }
}
function refineMergeType(policy, routeKinds2, ctx) {
  if (policy.mergeType === void 0) return;
  if (policy.mergeType === "Replace") {
    ctx.addIssue({
      code: "custom",
      path: ["mergeType"],
      message: "Replace is not a valid MergeType for this policy"
    });
  }
  const refs = [...policy.targetRef ? [policy.targetRef] : [], ...policy.targetRefs ?? []];
  if (refs.some((r) => !routeKinds2.includes(r.kind))) {
    ctx.addIssue({
      code: "custom",
      path: ["mergeType"],
      message: "mergeType can only be used with xRoute targets"
    });
  }
}
var mergeType = z10.enum(["StrategicMerge", "JSONMerge", "Replace"]);

// shared/kube/schemas/envoy-gateway/rate-limit.ts
import { z as z11 } from "zod";
var clientSelector = z11.strictObject({
  headers: z11.array(
    z11.strictObject({
      name: z11.string().min(1).max(256),
      type: z11.enum(["Exact", "RegularExpression", "Distinct"]).optional(),
      value: z11.string().max(1024).optional(),
      invert: z11.boolean().optional()
    })
  ).max(128).optional(),
  methods: z11.array(z11.strictObject({ value: z11.enum(httpMethodNames), invert: z11.boolean().optional() })).optional(),
  path: z11.strictObject({
    type: z11.enum(["Exact", "PathPrefix", "RegularExpression"]).optional(),
    value: z11.string().max(1024),
    invert: z11.boolean().optional()
  }).optional(),
  sourceCIDR: z11.strictObject({
    type: z11.enum(["Exact", "Distinct"]).optional(),
    value: cidr2,
    invert: z11.boolean().optional()
  }).optional()
}).superRefine((sel, ctx) => {
  if (!sel.headers && !sel.methods && !sel.path && !sel.sourceCIDR) {
    ctx.addIssue({
      code: "custom",
      path: [],
      message: "at least one of headers, methods, path or sourceCIDR must be specified"
    });
  }
});
var localRateLimitRule = z11.strictObject({
  clientSelectors: z11.array(clientSelector).max(8).optional(),
  limit: z11.strictObject({
    requests: uint32,
    unit: z11.enum(["Second", "Minute", "Hour", "Day", "Week", "Month", "Year"])
  })
});
var rateLimit = z11.strictObject({
  type: z11.enum(["Global", "Local"]).optional(),
  local: z11.strictObject({ rules: z11.array(localRateLimitRule).max(16).optional() }).optional()
}).superRefine((rl, ctx) => {
  if (rl.type === "Local" && rl.local === void 0) {
    ctx.addIssue({ code: "custom", path: ["local"], message: "local must be set when type is Local" });
  }
});

// shared/kube/schemas/envoy-gateway/backend-traffic-policy.ts
var requestTimeout = z12.string().refine(
  (v) => v === "unlimited" || durationPattern.test(v),
  'must be a duration such as 30s, or "unlimited"'
);
var backendTimeout = z12.strictObject({
  tcp: z12.strictObject({ connectTimeout: duration.optional() }).optional(),
  http: z12.strictObject({
    connectionIdleTimeout: duration.optional(),
    maxConnectionDuration: duration.optional(),
    requestTimeout: requestTimeout.optional(),
    maxStreamDuration: duration.optional(),
    streamIdleTimeout: duration.optional()
  }).optional()
});
var admissionControlKinds = ["Gateway", "ListenerSet", "HTTPRoute", "GRPCRoute"];
var routeKinds = ["HTTPRoute", "GRPCRoute", "UDPRoute", "TCPRoute", "TLSRoute"];
var backendTrafficPolicySpec = z12.strictObject({
  ...policyTargetShape,
  circuitBreaker: circuitBreaker.optional(),
  connection: z12.strictObject({ bufferLimit: quantity.optional(), socketBufferLimit: quantity.optional() }).optional(),
  healthCheck: z12.strictObject({ active: activeHealthCheck.optional(), passive: passiveHealthCheck.optional() }).optional(),
  loadBalancer: loadBalancer.optional(),
  rateLimit: rateLimit.optional(),
  timeout: backendTimeout.optional(),
  tcpKeepalive: tcpKeepalive.optional(),
  proxyProtocol: z12.strictObject({ version: z12.enum(["V1", "V2"]) }).optional(),
  routingType: z12.enum(["Service", "Endpoint"]).optional(),
  useClientProtocol: z12.boolean().optional(),
  admissionControl: admissionControl.optional(),
  mergeType: mergeType.optional()
}).superRefine((spec, ctx) => {
  refinePolicyTargets(spec, ["Gateway", "ListenerSet", ...routeKinds], ctx);
  const targets = [...spec.targetRef ? [spec.targetRef] : [], ...spec.targetRefs ?? []];
  if (spec.admissionControl !== void 0 && targets.some((t) => !admissionControlKinds.includes(t.kind))) {
    ctx.addIssue({
      code: "custom",
      path: ["admissionControl"],
      message: "admissionControl can only be used with HTTPRoute, GRPCRoute, Gateway, or ListenerSet targets"
    });
  }
  refineMergeType(spec, routeKinds, ctx);
});
var backendTrafficPolicyV1alpha1 = kubeObject(
  "gateway.envoyproxy.io/v1alpha1",
  "BackendTrafficPolicy",
  {
    spec: backendTrafficPolicySpec,
    status: looseStatus2
  }
);

// shared/kube/schemas/envoy-gateway/client-traffic-policy.ts
import { z as z14 } from "zod";

// shared/kube/schemas/envoy-gateway/tls-settings.ts
import { z as z13 } from "zod";
var tlsVersion = z13.enum(["Auto", "1.0", "1.1", "1.2", "1.3"]);
var minOrder = { Auto: 0, "1.0": 1, "1.1": 2, "1.2": 3, "1.3": 4 };
var maxOrder = { "1.0": 1, "1.1": 2, "1.2": 3, "1.3": 4, Auto: 5 };
function refineTlsVersions(tls, ctx) {
  if (tls.minVersion === "1.3" && tls.ciphers !== void 0) {
    ctx.addIssue({
      code: "custom",
      path: ["ciphers"],
      message: "setting ciphers has no effect if the minimum possible TLS version is 1.3"
    });
  }
  if (tls.maxVersion === void 0) return;
  const min = tls.minVersion === void 0 ? 3 : minOrder[tls.minVersion] ?? 0;
  if (min > (maxOrder[tls.maxVersion] ?? 5)) {
    ctx.addIssue({
      code: "custom",
      path: ["minVersion"],
      message: `minVersion must be smaller or equal to maxVersion (${tls.minVersion ?? "1.2 by default"} > ${tls.maxVersion})`
    });
  }
}
var tlsSettingsShape = {
  minVersion: tlsVersion.optional(),
  maxVersion: tlsVersion.optional(),
  ciphers: z13.array(z13.string()).optional(),
  ecdhCurves: z13.array(z13.string()).optional(),
  signatureAlgorithms: z13.array(z13.string()).optional(),
  alpnProtocols: z13.array(z13.string()).optional(),
  fingerprints: z13.array(z13.enum(["JA3", "JA4"])).optional()
};

// shared/kube/schemas/envoy-gateway/client-traffic-policy.ts
var stringMatch = z14.strictObject({
  type: z14.enum(["Exact", "Prefix", "Suffix", "RegularExpression"]).optional(),
  value: z14.string().min(1).max(1024)
});
var clientValidation = z14.strictObject({
  optional: z14.boolean().optional(),
  mode: z14.enum(["Request", "RequireAny", "VerifyIfGiven", "RequireAndVerify"]).optional(),
  allowExpiredCertificate: z14.boolean().optional(),
  caCertificateRefs: z14.array(secretObjectReference).max(8).optional(),
  spkiHashes: z14.array(z14.string()).optional(),
  certificateHashes: z14.array(z14.string()).optional(),
  subjectAltNames: z14.strictObject({
    dnsNames: z14.array(stringMatch).optional(),
    emailAddresses: z14.array(stringMatch).optional(),
    ipAddresses: z14.array(stringMatch).optional(),
    uris: z14.array(stringMatch).optional()
  }).optional()
}).superRefine((v, ctx) => {
  if (v.allowExpiredCertificate === true && v.mode !== void 0 && !["VerifyIfGiven", "RequireAndVerify"].includes(v.mode)) {
    ctx.addIssue({
      code: "custom",
      path: ["allowExpiredCertificate"],
      message: "allowExpiredCertificate can only be set when mode is VerifyIfGiven or RequireAndVerify"
    });
  }
});
var clientTls = z14.strictObject({ ...tlsSettingsShape, clientValidation: clientValidation.optional() }).superRefine(refineTlsVersions);
var clientTimeout = z14.strictObject({
  tcp: z14.strictObject({
    idleTimeout: duration.optional(),
    tlsHandshakeTimeout: duration.optional(),
    connectionInspectionTimeout: duration.optional()
  }).optional(),
  http: z14.strictObject({
    requestReceivedTimeout: duration.optional(),
    requestHeadersReceivedTimeout: duration.optional(),
    idleTimeout: duration.optional(),
    streamIdleTimeout: duration.optional()
  }).optional()
});
var clientConnection = z14.strictObject({
  connectionLimit: z14.strictObject({
    value: z14.int().min(1).optional(),
    closeDelay: duration.optional(),
    maxConnectionDuration: duration.optional(),
    maxRequestsPerConnection: z14.int().min(0).optional(),
    maxStreamDuration: duration.optional()
  }).superRefine((limit, ctx) => {
    if (limit.closeDelay !== void 0 && limit.value === void 0) {
      ctx.addIssue({
        code: "custom",
        path: ["closeDelay"],
        message: "closeDelay can only be configured when value is set"
      });
    }
  }).optional(),
  bufferLimit: quantity.optional(),
  socketBufferLimit: quantity.optional(),
  maxAcceptPerSocketEvent: z14.int().min(0).optional()
});
var clientTrafficPolicySpec = z14.strictObject({
  ...policyTargetShape,
  tls: clientTls.optional(),
  timeout: clientTimeout.optional(),
  connection: clientConnection.optional(),
  tcpKeepalive: tcpKeepalive.optional(),
  http1: z14.strictObject({
    preserveHeaderCase: z14.boolean().optional(),
    enableTrailers: z14.boolean().optional(),
    http10: z14.strictObject({ useDefaultHost: z14.boolean().optional() }).optional()
  }).optional(),
  proxyProtocol: z14.strictObject({ optional: z14.boolean().optional() }).optional(),
  enableProxyProtocol: z14.boolean().optional()
}).superRefine((spec, ctx) => refinePolicyTargets(spec, ["Gateway", "ListenerSet"], ctx));
var clientTrafficPolicyV1alpha1 = kubeObject(
  "gateway.envoyproxy.io/v1alpha1",
  "ClientTrafficPolicy",
  {
    spec: clientTrafficPolicySpec,
    status: looseStatus2
  }
);

// shared/kube/schemas/envoy-gateway/envoy-proxy.ts
import { z as z16 } from "zod";

// shared/kube/schemas/envoy-gateway/telemetry.ts
import { z as z15 } from "zod";
var stringMap = z15.record(z15.string(), z15.string());
var sinkPort = z15.int().min(0).max(65535);
var backendRefs = z15.array(egBackendRef).max(16);
var otelSink = z15.strictObject({
  host: z15.string().optional(),
  port: sinkPort.optional(),
  backendRefs: backendRefs.optional(),
  resources: stringMap.optional(),
  resourceAttributes: stringMap.optional()
}).superRefine((sink, ctx) => {
  if (sink.host === void 0 && (sink.backendRefs?.length ?? 0) === 0) {
    ctx.addIssue({ code: "custom", path: ["backendRefs"], message: "host or backendRefs needs to be set" });
  }
  if (sink.resources !== void 0 && sink.resourceAttributes !== void 0) {
    ctx.addIssue({
      code: "custom",
      path: ["resourceAttributes"],
      message: "either resources or resourceAttributes can be set, not both"
    });
  }
});
var alsSink = z15.strictObject({
  type: z15.enum(["HTTP", "TCP"]),
  logName: z15.string().min(1).optional(),
  backendRefs: backendRefs.min(1),
  http: z15.strictObject({
    requestHeaders: z15.array(z15.string()).optional(),
    responseHeaders: z15.array(z15.string()).optional(),
    responseTrailers: z15.array(z15.string()).optional()
  }).optional()
}).superRefine((als, ctx) => {
  if (als.http !== void 0 && als.type !== "HTTP") {
    ctx.addIssue({
      code: "custom",
      path: ["http"],
      message: "The http field may only be set when type is HTTP"
    });
  }
});
var sinkFields = { File: "file", OpenTelemetry: "openTelemetry", ALS: "als" };
var accessLogSink = z15.strictObject({
  type: z15.enum(["File", "OpenTelemetry", "ALS"]),
  file: z15.strictObject({ path: z15.string() }).optional(),
  openTelemetry: otelSink.optional(),
  als: alsSink.optional()
}).superRefine((sink, ctx) => {
  for (const [type, field] of Object.entries(sinkFields)) {
    if (sink.type === type !== (sink[field] !== void 0)) {
      ctx.addIssue({
        code: "custom",
        path: [field],
        message: `If AccessLogSink type is ${type}, ${field} field needs to be set (and only then)`
      });
    }
  }
});
var accessLogSetting = z15.strictObject({
  format: z15.strictObject({
    type: z15.enum(["Text", "JSON"]).optional(),
    text: z15.string().optional(),
    json: stringMap.optional()
  }).optional(),
  matches: z15.array(z15.string()).optional(),
  sinks: z15.array(accessLogSink)
});
var fraction = z15.strictObject({ numerator: z15.int().min(0), denominator: z15.int().min(1).optional() }).superRefine((f, ctx) => {
  if (f.numerator > (f.denominator ?? 100)) {
    ctx.addIssue({
      code: "custom",
      path: ["numerator"],
      message: "numerator must be less than or equal to denominator"
    });
  }
});
var tagFields = { Literal: "literal", Environment: "environment", RequestHeader: "requestHeader" };
var customTag = z15.strictObject({
  type: z15.enum(["Literal", "Environment", "RequestHeader"]).optional(),
  literal: z15.strictObject({ value: z15.string() }).optional(),
  environment: z15.strictObject({ name: z15.string(), defaultValue: z15.string().optional() }).optional(),
  requestHeader: z15.strictObject({ name: z15.string(), defaultValue: z15.string().optional() }).optional()
}).superRefine((tag, ctx) => {
  const type = tag.type ?? "Literal";
  for (const [tagType, field] of Object.entries(tagFields)) {
    if (type === tagType !== (tag[field] !== void 0)) {
      ctx.addIssue({
        code: "custom",
        path: [field],
        message: `${field} must be set exactly when type is ${tagType}`
      });
    }
  }
});
var tracingProvider = z15.strictObject({
  type: z15.enum(["OpenTelemetry", "Zipkin", "Datadog"]).optional(),
  host: z15.string().optional(),
  port: sinkPort.optional(),
  backendRefs: backendRefs.optional(),
  serviceName: z15.string().min(1, "serviceName cannot be empty if provided").optional(),
  zipkin: z15.strictObject({
    enable128BitTraceId: z15.boolean().optional(),
    disableSharedSpanContext: z15.boolean().optional()
  }).optional()
}).superRefine((provider2, ctx) => {
  if (provider2.host === void 0 && (provider2.backendRefs?.length ?? 0) === 0) {
    ctx.addIssue({ code: "custom", path: ["backendRefs"], message: "host or backendRefs needs to be set" });
  }
  if (provider2.zipkin !== void 0 && provider2.type !== "Zipkin") {
    ctx.addIssue({ code: "custom", path: ["zipkin"], message: "zipkin can only be used with type Zipkin" });
  }
});
var tracing = z15.strictObject({
  samplingRate: z15.int().min(0).max(100).optional(),
  samplingFraction: fraction.optional(),
  customTags: z15.record(z15.string(), customTag).optional(),
  provider: tracingProvider
}).superRefine((t, ctx) => {
  if (t.samplingRate !== void 0 && t.samplingFraction !== void 0) {
    ctx.addIssue({
      code: "custom",
      path: ["samplingFraction"],
      message: "only one of SamplingRate or SamplingFraction can be specified"
    });
  }
});
var prometheus = z15.strictObject({
  disable: z15.boolean().optional(),
  compression: z15.strictObject({
    type: z15.enum(["Gzip", "Brotli", "Zstd"]),
    minContentLength: z15.union([z15.int().min(0), z15.string()]).optional()
  }).optional()
});
var telemetry = z15.strictObject({
  accessLog: z15.strictObject({ disable: z15.boolean().optional(), settings: z15.array(accessLogSetting).optional() }).optional(),
  metrics: z15.strictObject({
    prometheus: prometheus.optional(),
    sinks: z15.array(z15.strictObject({ type: z15.enum(["OpenTelemetry"]), openTelemetry: otelSink.optional() })).optional(),
    enableVirtualHostStats: z15.boolean().optional()
  }).optional(),
  tracing: tracing.optional()
});

// shared/kube/schemas/envoy-gateway/envoy-proxy.ts
var kubernetesPatch = z16.strictObject({
  type: z16.enum(["StrategicMerge", "JSONMerge"]).optional(),
  value: z16.unknown()
});
var stringMap2 = z16.record(z16.string(), z16.string());
var resources = z16.strictObject({
  limits: z16.record(z16.string(), quantity).optional(),
  requests: z16.record(z16.string(), quantity).optional()
});
var container = z16.strictObject({
  image: z16.string().regex(
    /^[a-zA-Z0-9._-]+(:[0-9]+)?(\/[a-zA-Z0-9._/-]+)?(:[a-zA-Z0-9._-]+)?(@sha256:[a-z0-9]+)?$/,
    "Image must include a tag and allowed characters only (e.g., 'repo:tag')"
  ).optional(),
  imageRepository: z16.string().regex(
    /^[a-zA-Z0-9._-]+(:[0-9]+)?[a-zA-Z0-9._/-]+$/,
    "ImageRepository must contain only allowed characters and must not include a tag"
  ).optional(),
  resources: resources.optional()
}).superRefine((c, ctx) => {
  if (c.image !== void 0 && c.imageRepository !== void 0) {
    ctx.addIssue({
      code: "custom",
      path: ["imageRepository"],
      message: "Either image or imageRepository can be set"
    });
  }
});
var envoyDeployment = z16.strictObject({
  name: z16.string().optional(),
  replicas: z16.int().min(0).optional(),
  container: container.optional(),
  pod: z16.strictObject({
    annotations: stringMap2.optional(),
    labels: stringMap2.optional(),
    nodeSelector: stringMap2.optional(),
    priorityClassName: z16.string().optional()
  }).optional(),
  patch: kubernetesPatch.optional()
});
var nodePortRange = { min: 3e4, max: 32767 };
function refineServicePatchNodePorts(patch, ctx) {
  const ports = patch.value?.spec?.ports;
  if (!Array.isArray(ports)) return;
  ports.forEach((port2, i) => {
    if (typeof port2 !== "object" || port2 === null) return;
    for (const key of ["nodePort", "nodeport"]) {
      const value = port2[key];
      if (value === void 0) continue;
      if (typeof value !== "number" || !Number.isInteger(value) || value < nodePortRange.min || value > nodePortRange.max) {
        ctx.addIssue({
          code: "custom",
          path: ["value", "spec", "ports", i, key],
          message: `NodePort must be in ${nodePortRange.min}-${nodePortRange.max} (got ${JSON.stringify(value)})`
        });
      }
    }
  });
}
var ipv4Pattern = /^((25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)\.){3}(25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)$/;
var envoyService = z16.strictObject({
  name: z16.string().optional(),
  type: z16.enum(["ClusterIP", "LoadBalancer", "NodePort"]).optional(),
  annotations: stringMap2.optional(),
  labels: stringMap2.optional(),
  loadBalancerClass: z16.string().optional(),
  loadBalancerIP: z16.string().regex(ipv4Pattern, "loadBalancerIP must be a valid IPv4 address").optional(),
  loadBalancerSourceRanges: z16.array(z16.string()).optional(),
  allocateLoadBalancerNodePorts: z16.boolean().optional(),
  externalTrafficPolicy: z16.enum(["Local", "Cluster"]).optional(),
  patch: kubernetesPatch.superRefine(refineServicePatchNodePorts).optional()
}).superRefine((svc, ctx) => {
  const type = svc.type ?? "LoadBalancer";
  for (const field of [
    "allocateLoadBalancerNodePorts",
    "loadBalancerSourceRanges",
    "loadBalancerIP"
  ]) {
    if (svc[field] !== void 0 && type !== "LoadBalancer") {
      ctx.addIssue({
        code: "custom",
        path: [field],
        message: `${field} can only be set for LoadBalancer type`
      });
    }
  }
});
var provider = z16.strictObject({
  type: z16.enum(["Kubernetes", "Host"]),
  kubernetes: z16.strictObject({
    envoyService: envoyService.optional(),
    envoyDeployment: envoyDeployment.optional(),
    useListenerPortAsContainerPort: z16.boolean().optional()
  }).optional()
});
var envoyProxySpec = z16.strictObject({
  provider: provider.optional(),
  ipFamily: z16.enum(["IPv4", "IPv6", "DualStack"]).optional(),
  mergeGateways: z16.boolean().optional(),
  mergeBackends: z16.strictObject({ selector: labelSelector.optional() }).optional(),
  backendTLS: z16.strictObject({ ...tlsSettingsShape, clientCertificateRef: secretObjectReference.optional() }).superRefine(refineTlsVersions).optional(),
  telemetry: telemetry.optional()
}).superRefine((spec, ctx) => {
  if (spec.mergeGateways === true && spec.mergeBackends !== void 0) {
    ctx.addIssue({
      code: "custom",
      path: ["mergeBackends"],
      message: "mergeGateways and mergeBackends cannot both be enabled"
    });
  }
});
var envoyProxyV1alpha1 = kubeObject("gateway.envoyproxy.io/v1alpha1", "EnvoyProxy", {
  spec: envoyProxySpec.optional(),
  status: looseStatus2
});

// shared/kube/schemas/envoy-gateway/security-policy.ts
import { z as z19 } from "zod";

// shared/kube/schemas/gateway-api/lists.ts
import { z as z17 } from "zod";
function requireUnique(items, keyOf3, ctx, pathOf, message) {
  const firstIndexOf = /* @__PURE__ */ new Map();
  items.forEach((item, index2) => {
    const key = keyOf3(item);
    if (key === void 0) return;
    const first = firstIndexOf.get(key);
    if (first !== void 0) {
      ctx.addIssue({ code: "custom", path: pathOf(index2), message: message(key, first) });
    } else firstIndexOf.set(key, index2);
  });
}
function setOf(item, maxItems) {
  const base = maxItems === void 0 ? z17.array(item) : z17.array(item).max(maxItems);
  return base.superRefine(
    (values, ctx) => requireUnique(
      values,
      (v) => String(v),
      ctx,
      (i) => [i],
      (v) => `duplicate value ${JSON.stringify(v)}`
    )
  );
}
function mapListByName(item, maxItems) {
  return z17.array(item).max(maxItems).superRefine(
    (values, ctx) => requireUnique(
      values,
      (v) => v.name,
      ctx,
      (i) => [i, "name"],
      (name) => `duplicate name ${JSON.stringify(name)}`
    )
  );
}
function refineRuleNames(rules, ctx) {
  requireUnique(
    rules,
    (r) => r.name,
    ctx,
    (i) => [i, "name"],
    (name) => `Rule name must be unique within the route (${JSON.stringify(name)} repeats)`
  );
}
function refineRouteRules(rules, ctx, implicitMatches) {
  refineRuleNames(rules, ctx);
  const total = rules.reduce((sum, r) => sum + (r.matches?.length ?? implicitMatches), 0);
  if (total > 128) {
    ctx.addIssue({
      code: "custom",
      path: [],
      message: `While 16 rules and 64 matches per rule are allowed, the total number of matches across all rules in a route must be less than 128 (found ${total})`
    });
  }
}

// shared/kube/schemas/envoy-gateway/security-authentication.ts
import { z as z18 } from "zod";
var nonEmptyStrings = z18.array(z18.string().min(1)).min(1);
var apiKeyAuth = z18.strictObject({
  credentialRefs: z18.array(secretObjectReference),
  extractFrom: z18.array(
    z18.strictObject({
      headers: nonEmptyStrings.optional(),
      params: nonEmptyStrings.optional(),
      cookies: nonEmptyStrings.optional()
    }).superRefine((from, ctx) => {
      const set = [from.headers, from.params, from.cookies].filter((x) => x !== void 0).length;
      if (set !== 1) {
        ctx.addIssue({
          code: "custom",
          path: [],
          message: "exactly one of headers, params, or cookies must be specified"
        });
      }
    })
  ).min(1),
  forwardClientIDHeader: z18.string().optional(),
  sanitize: z18.boolean().optional()
});
var basicAuth = z18.strictObject({
  users: secretObjectReference,
  forwardUsernameHeader: z18.string().optional()
});
function extAuthService(extra) {
  return z18.strictObject({
    backendRef: egBackendRef.optional(),
    backendRefs: z18.array(egBackendRef).max(16).optional(),
    ...extra
  }).superRefine((svc, ctx) => {
    const refs = svc.backendRefs;
    if (svc.backendRef === void 0 && (refs?.length ?? 0) === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["backendRefs"],
        message: "backendRef or backendRefs needs to be set"
      });
    }
  });
}
var extAuth = z18.strictObject({
  http: extAuthService({
    path: z18.string().optional(),
    headersToBackend: z18.array(z18.string()).optional()
  }).optional(),
  grpc: extAuthService({}).optional(),
  headersToExtAuth: z18.array(z18.string()).optional(),
  failOpen: z18.boolean().optional(),
  recomputeRoute: z18.boolean().optional(),
  timeout: duration.optional(),
  bodyToExtAuth: z18.strictObject({ maxRequestBytes: z18.int().min(1) }).optional()
}).superRefine((auth, ctx) => {
  if (auth.http === void 0 === (auth.grpc === void 0)) {
    ctx.addIssue({ code: "custom", path: [], message: "exactly one of grpc or http must be specified" });
  }
});
var jwtProvider = z18.strictObject({
  name: z18.string().min(1).max(253),
  issuer: z18.string().max(253).optional(),
  audiences: z18.array(z18.string()).max(8).optional(),
  remoteJWKS: z18.strictObject({
    uri: z18.string().min(1).max(253),
    cacheDuration: duration.optional(),
    failedRefetchDuration: duration.optional()
  }).optional(),
  localJWKS: z18.strictObject({ type: z18.enum(["Inline", "ValueRef"]).optional(), inline: z18.string().optional() }).optional(),
  claimToHeaders: z18.array(z18.strictObject({ header: z18.string(), claim: z18.string() })).optional(),
  recomputeRoute: z18.boolean().optional(),
  extractFrom: z18.strictObject({
    headers: z18.array(z18.strictObject({ name: z18.string(), valuePrefix: z18.string().optional() })).optional(),
    cookies: z18.array(z18.string()).optional(),
    params: z18.array(z18.string()).optional()
  }).optional()
}).superRefine((p, ctx) => {
  if (p.remoteJWKS === void 0 === (p.localJWKS === void 0)) {
    ctx.addIssue({
      code: "custom",
      path: ["remoteJWKS"],
      message: "exactly one of remoteJWKS or localJWKS must be specified"
    });
  }
  if (p.recomputeRoute === true && (p.claimToHeaders?.length ?? 0) === 0) {
    ctx.addIssue({
      code: "custom",
      path: ["claimToHeaders"],
      message: "claimToHeaders must be specified if recomputeRoute is enabled"
    });
  }
});
var jwt = z18.strictObject({
  providers: z18.array(jwtProvider).min(1).max(16),
  optional: z18.boolean().optional(),
  failOpen: z18.boolean().optional()
}).superRefine((j, ctx) => {
  if (j.optional !== void 0 && j.failOpen !== void 0) {
    ctx.addIssue({
      code: "custom",
      path: ["failOpen"],
      message: "optional and failOpen cannot both be set"
    });
  }
});
var oidc = z18.strictObject({
  provider: z18.strictObject({
    issuer: z18.string().min(1),
    authorizationEndpoint: z18.string().optional(),
    tokenEndpoint: z18.string().optional(),
    endSessionEndpoint: z18.string().optional()
  }),
  clientID: z18.string().min(1).optional(),
  clientIDRef: secretObjectReference.optional(),
  clientSecret: secretObjectReference,
  redirectURL: z18.string().optional(),
  logoutPath: z18.string().optional(),
  scopes: z18.array(z18.string()).optional(),
  resources: z18.array(z18.string()).optional(),
  cookieDomain: preciseHostname.optional(),
  forwardAccessToken: z18.boolean().optional(),
  forwardIDToken: z18.strictObject({ header: headerName }).optional(),
  passThroughAuthHeader: z18.boolean().optional(),
  refreshToken: z18.boolean().optional(),
  defaultTokenTTL: duration.optional(),
  defaultRefreshTokenTTL: duration.optional()
}).superRefine((o, ctx) => {
  if (o.clientID === void 0 === (o.clientIDRef === void 0)) {
    ctx.addIssue({
      code: "custom",
      path: ["clientID"],
      message: "only one of clientID or clientIDRef must be set"
    });
  }
});

// shared/kube/schemas/envoy-gateway/security-policy.ts
var headerPrincipal = z19.strictObject({
  name: z19.string().min(1).max(256),
  values: z19.array(z19.string()).min(1).max(256)
});
var jwtPrincipal = z19.strictObject({
  provider: z19.string().min(1).max(253),
  scopes: z19.array(z19.string().min(1).max(253)).min(1).max(16).optional(),
  claims: z19.array(
    z19.strictObject({
      name: z19.string().min(1).max(253),
      valueType: z19.enum(["String", "StringArray"]).optional(),
      values: z19.array(z19.string()).min(1).max(128)
    })
  ).min(1).max(16).optional()
}).superRefine((j, ctx) => {
  if (j.claims === void 0 && j.scopes === void 0) {
    ctx.addIssue({
      code: "custom",
      path: [],
      message: "at least one of claims or scopes must be specified"
    });
  }
});
var authorizationRule = z19.strictObject({
  name: z19.string().min(1).max(253).optional(),
  action: z19.enum(["Allow", "Deny"]),
  operation: z19.strictObject({
    methods: z19.array(z19.enum(httpMethodNames)).min(1).max(16).optional(),
    path: z19.strictObject({
      type: z19.enum(["Exact", "PathPrefix", "RegularExpression"]).optional(),
      value: z19.string().max(1024),
      invert: z19.boolean().optional()
    }).optional()
  }).superRefine((op, ctx) => {
    if (op.methods === void 0 && op.path === void 0) {
      ctx.addIssue({
        code: "custom",
        path: [],
        message: "at least one of methods or path must be specified"
      });
    }
  }).optional(),
  principal: z19.strictObject({
    clientCIDRs: z19.array(cidr2).min(1).optional(),
    headers: z19.array(headerPrincipal).min(1).max(256).optional(),
    jwt: jwtPrincipal.optional()
  }).superRefine((p, ctx) => {
    if (p.clientCIDRs === void 0 && p.headers === void 0 && p.jwt === void 0) {
      ctx.addIssue({
        code: "custom",
        path: [],
        message: "at least one of clientCIDRs, jwt, headers, or clientIPGeoLocations must be specified"
      });
    }
  }).optional()
}).superRefine((rule, ctx) => {
  if (rule.principal === void 0) {
    ctx.addIssue({
      code: "custom",
      path: ["principal"],
      message: "at least one of principal or cel must be specified"
    });
  }
});
var authorization = z19.strictObject({
  defaultAction: z19.enum(["Allow", "Deny"]).optional(),
  rules: z19.array(authorizationRule).optional()
});
var corsOrigin = z19.string().min(1).max(253).regex(
  /^(\*|[A-Za-z][A-Za-z0-9+.-]*:\/\/(\*|(\*\.)?[\w-]+(\.[\w-]+)*)(:\d{1,5})?)$/,
  'must be "*" or an origin such as https://example.com or https://*.example.com'
);
var securityCors = z19.strictObject({
  allowOrigins: z19.array(corsOrigin).optional(),
  allowMethods: setOf(z19.enum([...httpMethodNames, "*"])).optional(),
  allowHeaders: z19.array(z19.string()).optional(),
  exposeHeaders: z19.array(z19.string()).optional(),
  maxAge: duration.optional(),
  allowCredentials: z19.boolean().optional()
});
var securityTargetKinds = ["Gateway", "ListenerSet", "HTTPRoute", "GRPCRoute", "TCPRoute"];
var securityPolicySpec = z19.strictObject({
  ...policyTargetShape,
  apiKeyAuth: apiKeyAuth.optional(),
  authorization: authorization.optional(),
  basicAuth: basicAuth.optional(),
  cors: securityCors.optional(),
  extAuth: extAuth.optional(),
  jwt: jwt.optional(),
  oidc: oidc.optional(),
  mergeType: mergeType.optional()
}).superRefine((spec, ctx) => {
  refinePolicyTargets(spec, securityTargetKinds, ctx);
  const usesJwtPrincipal = (spec.authorization?.rules ?? []).some((r) => r.principal?.jwt !== void 0);
  if (usesJwtPrincipal && spec.jwt === void 0) {
    ctx.addIssue({
      code: "custom",
      path: ["jwt"],
      message: "if authorization.rules.principal.jwt is used, jwt must be defined"
    });
  }
  refineMergeType(spec, ["HTTPRoute", "GRPCRoute", "TCPRoute"], ctx);
});
var securityPolicyV1alpha1 = kubeObject("gateway.envoyproxy.io/v1alpha1", "SecurityPolicy", {
  spec: securityPolicySpec,
  status: looseStatus2
});

// shared/kube/schemas/envoy-gateway/definitions.ts
var group2 = "gateway.envoyproxy.io";
var ENVOY_PROXY = defineKind({
  group: group2,
  kind: "EnvoyProxy",
  plural: "envoyproxies",
  namespaced: true,
  versions: { v1alpha1: envoyProxyV1alpha1 }
});
var SECURITY_POLICY = defineKind({
  group: group2,
  kind: "SecurityPolicy",
  plural: "securitypolicies",
  namespaced: true,
  versions: { v1alpha1: securityPolicyV1alpha1 }
});
var CLIENT_TRAFFIC_POLICY = defineKind({
  group: group2,
  kind: "ClientTrafficPolicy",
  plural: "clienttrafficpolicies",
  namespaced: true,
  versions: { v1alpha1: clientTrafficPolicyV1alpha1 }
});
var BACKEND_TRAFFIC_POLICY = defineKind({
  group: group2,
  kind: "BackendTrafficPolicy",
  plural: "backendtrafficpolicies",
  namespaced: true,
  versions: { v1alpha1: backendTrafficPolicyV1alpha1 }
});
var envoyGatewayDefinitions = [
  ENVOY_PROXY,
  SECURITY_POLICY,
  CLIENT_TRAFFIC_POLICY,
  BACKEND_TRAFFIC_POLICY
];
var ENVOY_GROUP = group2;

// shared/kube/schemas/gateway-api/backend-tls-policy.ts
import { z as z20 } from "zod";
var policyTargetReference = z20.strictObject({
  group,
  kind,
  name: objectName2,
  sectionName: sectionName.optional()
});
function refineTargetRefs(refs, ctx) {
  const firstByTarget = /* @__PURE__ */ new Map();
  const seen = /* @__PURE__ */ new Set();
  refs.forEach((ref, i) => {
    const target = `${ref.group}|${ref.kind}|${ref.name}`;
    const first = firstByTarget.get(target);
    if (first === void 0) firstByTarget.set(target, ref);
    else if (first.sectionName === void 0 !== (ref.sectionName === void 0)) {
      ctx.addIssue({
        code: "custom",
        path: [i, "sectionName"],
        message: "sectionName must be specified when targetRefs includes 2 or more references to the same target"
      });
    }
    const key = `${target}|${ref.sectionName ?? ""}`;
    if (seen.has(key)) {
      ctx.addIssue({
        code: "custom",
        path: [i],
        message: "sectionName must be unique when targetRefs includes 2 or more references to the same target"
      });
    }
    seen.add(key);
  });
}
var subjectAltName = z20.strictObject({
  type: z20.enum(["Hostname", "URI"]),
  hostname: z20.string().min(1).max(253).regex(wildcardHostnamePattern, "must be a lowercase RFC 1123 hostname").optional(),
  uri: z20.string().min(1).max(253).regex(/^(([^:/?#]+):)(\/\/([^/?#]*))([^?#]*)(\?([^#]*))?(#(.*))?/, "must be an absolute URI").optional()
}).superRefine((san, ctx) => {
  for (const [type, field] of [
    ["Hostname", "hostname"],
    ["URI", "uri"]
  ]) {
    const has = san[field] !== void 0 && san[field] !== "";
    if (san.type === type && !has) {
      ctx.addIssue({
        code: "custom",
        path: [field],
        message: `SubjectAltName element must contain ${type}, if Type is set to ${type}`
      });
    }
    if (san.type !== type && has) {
      ctx.addIssue({
        code: "custom",
        path: [field],
        message: `SubjectAltName element must not contain ${type}, if Type is not set to ${type}`
      });
    }
  }
});
var backendTlsValidation = z20.strictObject({
  caCertificateRefs: z20.array(z20.strictObject({ group, kind, name: objectName2 })).max(8).optional(),
  wellKnownCACertificates: z20.string().min(1).max(253).regex(
    /^(System|([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9]))$/,
    "must be System or a domain-prefixed name"
  ).optional(),
  hostname: preciseHostname,
  subjectAltNames: z20.array(subjectAltName).max(5).optional()
}).superRefine((v, ctx) => {
  const hasRefs = (v.caCertificateRefs?.length ?? 0) > 0;
  const hasWellKnown = v.wellKnownCACertificates !== void 0 && v.wellKnownCACertificates !== "";
  if (hasRefs && hasWellKnown) {
    ctx.addIssue({
      code: "custom",
      path: ["wellKnownCACertificates"],
      message: "must not contain both CACertificateRefs and WellKnownCACertificates"
    });
  }
  if (!hasRefs && !hasWellKnown) {
    ctx.addIssue({
      code: "custom",
      path: ["caCertificateRefs"],
      message: "must specify either CACertificateRefs or WellKnownCACertificates"
    });
  }
});
var backendTlsPolicySpec = z20.strictObject({
  targetRefs: z20.array(policyTargetReference).min(1).max(16).superRefine(refineTargetRefs),
  validation: backendTlsValidation,
  options: z20.record(z20.string(), z20.string().max(4096)).refine((o) => Object.keys(o).length <= 16, "must have at most 16 entries").optional()
});
var body = { spec: backendTlsPolicySpec, status: looseStatus2 };
var prefix = "gateway.networking.k8s.io";
var backendTlsPolicyV1 = kubeObject(`${prefix}/v1`, "BackendTLSPolicy", body);
var backendTlsPolicyV1alpha3 = kubeObject(`${prefix}/v1alpha3`, "BackendTLSPolicy", body);
var backendTlsPolicyV1alpha2 = kubeObject(`${prefix}/v1alpha2`, "BackendTLSPolicy", body);

// shared/kube/schemas/gateway-api/gateway.ts
import { z as z22 } from "zod";

// shared/kube/schemas/gateway-api/listener.ts
import { z as z21 } from "zod";
var protocol = z21.string().min(1).max(255).regex(
  /^[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?$|[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/[A-Za-z0-9]+$/,
  "must be HTTP, HTTPS, TLS, TCP, UDP or a domain-prefixed protocol"
);
var listenerTls = z21.strictObject({
  mode: z21.enum(["Terminate", "Passthrough"]).optional(),
  certificateRefs: z21.array(secretObjectReference).max(64).optional(),
  options: z21.record(z21.string(), z21.string().max(4096)).optional()
}).superRefine((tls, ctx) => {
  if (tls.options !== void 0 && Object.keys(tls.options).length > 16) {
    ctx.addIssue({ code: "custom", path: ["options"], message: "must have at most 16 entries" });
  }
  const terminate = (tls.mode ?? "Terminate") === "Terminate";
  const hasRefs = (tls.certificateRefs?.length ?? 0) > 0;
  const hasOptions = Object.keys(tls.options ?? {}).length > 0;
  if (terminate && !hasRefs && !hasOptions) {
    ctx.addIssue({
      code: "custom",
      path: ["certificateRefs"],
      message: "certificateRefs or options must be specified when mode is Terminate"
    });
  }
});
var routeNamespaces = z21.strictObject({
  from: z21.enum(["All", "Selector", "Same"]).optional(),
  selector: labelSelector.optional()
});
var allowedRoutes = z21.strictObject({
  namespaces: routeNamespaces.optional(),
  kinds: z21.array(z21.strictObject({ group: group.optional(), kind })).max(8).optional()
});
var listener = z21.strictObject({
  name: sectionName,
  hostname: hostname.optional(),
  port: portNumber,
  protocol,
  tls: listenerTls.optional(),
  allowedRoutes: allowedRoutes.optional()
});
var noHostnameProtocols = /* @__PURE__ */ new Set(["TCP", "UDP"]);
var noTlsProtocols = /* @__PURE__ */ new Set(["HTTP", "TCP", "UDP"]);
function refineListeners(listeners2, ctx) {
  listeners2.forEach((l, i) => {
    if (noTlsProtocols.has(l.protocol) && l.tls !== void 0) {
      ctx.addIssue({
        code: "custom",
        path: [i, "tls"],
        message: `tls must not be specified for protocols ['HTTP', 'TCP', 'UDP'] (protocol is ${l.protocol})`
      });
    }
    if (l.protocol === "HTTPS" && l.tls?.mode !== void 0 && l.tls.mode !== "Terminate") {
      ctx.addIssue({
        code: "custom",
        path: [i, "tls", "mode"],
        message: "tls mode must be Terminate for protocol HTTPS"
      });
    }
    if (l.protocol === "TLS" && l.tls?.mode === void 0) {
      ctx.addIssue({
        code: "custom",
        path: l.tls === void 0 ? [i, "tls"] : [i, "tls", "mode"],
        message: "tls mode must be set for protocol TLS"
      });
    }
    if (noHostnameProtocols.has(l.protocol) && l.hostname !== void 0 && l.hostname !== "") {
      ctx.addIssue({
        code: "custom",
        path: [i, "hostname"],
        message: `hostname must not be specified for protocols ['TCP', 'UDP'] (protocol is ${l.protocol})`
      });
    }
  });
  requireUnique(
    listeners2,
    (l) => l.name,
    ctx,
    (i) => [i, "name"],
    (name, first) => `Listener name must be unique within the Gateway (${JSON.stringify(name)} repeats) [conflicts with spec.listeners[${first}]]`
  );
  requireUnique(
    listeners2,
    (l) => `${l.port}|${l.protocol}|${l.hostname ?? ""}`,
    ctx,
    (i) => [i],
    (_, first) => `Combination of port, protocol and hostname must be unique for each listener (HostnameConflict) [conflicts with listener ${JSON.stringify(listeners2[first]?.name)} at spec.listeners[${first}]]`
  );
}
var listeners = z21.array(listener).min(1).max(64).superRefine(refineListeners);

// shared/kube/schemas/gateway-api/gateway.ts
var addressType = z22.string().min(1).max(253).regex(
  /^Hostname|IPAddress|NamedAddress|[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/[A-Za-z0-9/\-._~%!$&'()*+,;=:]+$/,
  "must be IPAddress, Hostname, NamedAddress or a domain-prefixed type"
);
var ipAddress2 = z22.union([z22.ipv4(), z22.ipv6()]);
var gatewayAddress = z22.strictObject({ type: addressType.optional(), value: z22.string().max(253).optional() }).superRefine((address, ctx) => {
  const type = address.type ?? "IPAddress";
  if (address.value === void 0) return;
  if (type === "IPAddress" && !ipAddress2.safeParse(address.value).success) {
    ctx.addIssue({
      code: "custom",
      path: ["value"],
      message: `must be an IPv4 or IPv6 address for type IPAddress`
    });
  }
  if (type === "Hostname" && address.value !== "" && !wildcardHostnamePattern.test(address.value)) {
    ctx.addIssue({
      code: "custom",
      path: ["value"],
      message: "Hostname value must be empty or contain only valid characters (a lowercase RFC 1123 hostname)"
    });
  }
});
var addresses = z22.array(gatewayAddress).max(16).superRefine((list, ctx) => {
  for (const type of ["IPAddress", "Hostname"]) {
    requireUnique(
      list,
      (a) => (a.type ?? "IPAddress") === type && a.value !== void 0 ? a.value : void 0,
      ctx,
      (i) => [i, "value"],
      () => `${type} values must be unique`
    );
  }
});
function boundedMap(maxEntries, maxValue2, valuePattern) {
  const value = valuePattern ? z22.string().max(maxValue2).regex(valuePattern) : z22.string().max(maxValue2);
  return z22.record(z22.string(), value).superRefine((map, ctx) => {
    const keys = Object.keys(map);
    if (keys.length > maxEntries) {
      ctx.addIssue({ code: "custom", path: [], message: `must have at most ${maxEntries} entries` });
    }
    for (const key of keys) {
      if (!isQualifiedName(key)) {
        ctx.addIssue({
          code: "custom",
          path: [key],
          message: "keys must be an optional DNS subdomain prefix followed by a name of up to 63 characters"
        });
      }
    }
  });
}
var infrastructure = z22.strictObject({
  labels: boundedMap(8, 63, /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/).optional(),
  annotations: boundedMap(16, 4096).optional(),
  parametersRef: z22.strictObject({ group, kind, name: objectName2 }).optional()
});
var frontendValidation = z22.strictObject({
  caCertificateRefs: z22.array(objectReference).min(1).max(16),
  mode: z22.enum(["AllowValidOnly", "AllowInsecureFallback"]).optional()
});
var gatewayTls = z22.strictObject({
  backend: z22.strictObject({ clientCertificateRef: secretObjectReference.optional() }).optional(),
  frontend: z22.strictObject({
    default: z22.strictObject({ validation: frontendValidation.optional() }),
    perPort: z22.array(
      z22.strictObject({
        port: portNumber,
        tls: z22.strictObject({ validation: frontendValidation.optional() })
      })
    ).max(64).superRefine(
      (list, ctx) => requireUnique(
        list,
        (p) => String(p.port),
        ctx,
        (i) => [i, "port"],
        () => "Port for TLS configuration must be unique within the Gateway"
      )
    ).optional()
  }).optional()
});
var gatewaySpec = z22.strictObject({
  gatewayClassName: objectName2,
  listeners,
  addresses: addresses.optional(),
  infrastructure: infrastructure.optional(),
  allowedListeners: z22.strictObject({
    namespaces: z22.strictObject({
      from: z22.enum(["All", "Selector", "Same", "None"]).optional(),
      selector: labelSelector.optional()
    }).optional()
  }).optional(),
  tls: gatewayTls.optional(),
  defaultScope: z22.enum(["All", "None"]).optional()
});
var gatewayBody = { spec: gatewaySpec, status: looseStatus2 };
var gatewayV1 = kubeObject("gateway.networking.k8s.io/v1", "Gateway", gatewayBody);
var gatewayV1beta1 = kubeObject("gateway.networking.k8s.io/v1beta1", "Gateway", gatewayBody);

// shared/kube/schemas/gateway-api/gateway-class.ts
import { z as z23 } from "zod";
var gatewayClassSpec = z23.strictObject({
  controllerName: z23.string().min(1).max(253).regex(controllerNamePattern, "must be a domain-prefixed path such as example.net/gateway-controller"),
  description: z23.string().max(64).optional(),
  parametersRef: z23.strictObject({ group, kind, name: objectName2, namespace: namespace.optional() }).optional()
});
var body2 = { spec: gatewayClassSpec, status: looseStatus2 };
var gatewayClassV1 = kubeObject("gateway.networking.k8s.io/v1", "GatewayClass", body2);
var gatewayClassV1beta1 = kubeObject("gateway.networking.k8s.io/v1beta1", "GatewayClass", body2);

// shared/kube/schemas/gateway-api/grpc-route.ts
import { z as z26 } from "zod";

// shared/kube/schemas/gateway-api/http-filters.ts
import { z as z24 } from "zod";
var headerEntry = z24.strictObject({ name: headerName, value: headerValue });
var headerModifier = z24.strictObject({
  set: mapListByName(headerEntry, 16).optional(),
  add: mapListByName(headerEntry, 16).optional(),
  remove: setOf(z24.string(), 16).optional()
});
var requestMirror = z24.strictObject({
  backendRef: backendObjectReference,
  percent: z24.int().min(0).max(100).optional(),
  fraction: z24.strictObject({ numerator: z24.int().min(0), denominator: z24.int().min(1).optional() }).superRefine((f, ctx) => {
    if (f.numerator > (f.denominator ?? 100)) {
      ctx.addIssue({
        code: "custom",
        path: ["numerator"],
        message: "numerator must be less than or equal to denominator"
      });
    }
  }).optional()
}).superRefine((m, ctx) => {
  if (m.percent !== void 0 && m.fraction !== void 0) {
    ctx.addIssue({
      code: "custom",
      path: ["fraction"],
      message: "Only one of percent or fraction may be specified in HTTPRequestMirrorFilter"
    });
  }
});
var pathModifier = z24.strictObject({
  type: z24.enum(["ReplaceFullPath", "ReplacePrefixMatch"]),
  replaceFullPath: z24.string().max(1024).optional(),
  replacePrefixMatch: z24.string().max(1024).optional()
}).superRefine((p, ctx) => {
  for (const type of ["ReplaceFullPath", "ReplacePrefixMatch"]) {
    const field = type === "ReplaceFullPath" ? "replaceFullPath" : "replacePrefixMatch";
    if (p.type === type && p[field] === void 0) {
      ctx.addIssue({
        code: "custom",
        path: [field],
        message: `${field} must be specified when type is set to '${type}'`
      });
    }
    if (p[field] !== void 0 && p.type !== type) {
      ctx.addIssue({
        code: "custom",
        path: ["type"],
        message: `type must be '${type}' when ${field} is set`
      });
    }
  }
});
var requestRedirect = z24.strictObject({
  scheme: z24.enum(["http", "https"]).optional(),
  hostname: preciseHostname.optional(),
  path: pathModifier.optional(),
  port: portNumber.optional(),
  statusCode: z24.union([z24.literal(301), z24.literal(302), z24.literal(303), z24.literal(307), z24.literal(308)], {
    error: "must be one of 301, 302, 303, 307, 308"
  }).optional()
});
var urlRewrite = z24.strictObject({
  hostname: preciseHostname.optional(),
  path: pathModifier.optional()
});
var httpMethods = ["GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH"];
var httpMethod = z24.enum(httpMethods);
var corsOrigin2 = z24.string().min(1).max(253).regex(
  /(^\*$)|(^(http(s)?):\/\/(((\*\.)?([a-zA-Z0-9-]+\.)*[a-zA-Z0-9-]+|\*)(:([0-9]{1,5}))?)$)/,
  'must be "*" or an http(s) origin'
);
function starAlone(field, what) {
  return (values, ctx) => {
    if (values.includes("*") && values.length > 1) {
      ctx.addIssue({
        code: "custom",
        path: [],
        message: `${field} cannot contain '*' alongside other ${what}`
      });
    }
  };
}
var cors = z24.strictObject({
  allowOrigins: setOf(corsOrigin2, 64).superRefine(starAlone("AllowOrigins", "origins")).optional(),
  allowCredentials: z24.boolean().optional(),
  allowMethods: setOf(z24.enum([...httpMethods, "*"]), 9).superRefine(starAlone("AllowMethods", "methods")).optional(),
  allowHeaders: setOf(headerName, 64).superRefine(starAlone("AllowHeaders", "headers")).optional(),
  exposeHeaders: setOf(headerName, 64).optional(),
  maxAge: z24.int().min(1).optional()
});
var externalAuth = z24.strictObject({
  protocol: z24.enum(["HTTP", "GRPC"]),
  backendRef: backendObjectReference,
  grpc: z24.strictObject({ allowedHeaders: setOf(z24.string(), 64).optional() }).optional(),
  http: z24.strictObject({
    path: z24.string().max(1024).regex(httpPathCharsPattern, "must be a valid HTTP path").optional(),
    allowedHeaders: setOf(z24.string(), 64).optional(),
    allowedResponseHeaders: setOf(z24.string(), 64).optional()
  }).optional(),
  forwardBody: z24.strictObject({ maxSize: z24.int().optional() }).optional()
}).superRefine((auth, ctx) => {
  for (const [protocol2, field] of [
    ["GRPC", "grpc"],
    ["HTTP", "http"]
  ]) {
    if (auth.protocol === protocol2 && auth[field] === void 0) {
      ctx.addIssue({
        code: "custom",
        path: [field],
        message: `${field} must be specified when protocol is set to '${protocol2}'`
      });
    }
    if (auth[field] !== void 0 && auth.protocol !== protocol2) {
      ctx.addIssue({
        code: "custom",
        path: ["protocol"],
        message: `protocol must be '${protocol2}' when ${field} is set`
      });
    }
  }
});
var filterFields = {
  RequestHeaderModifier: "requestHeaderModifier",
  ResponseHeaderModifier: "responseHeaderModifier",
  RequestMirror: "requestMirror",
  RequestRedirect: "requestRedirect",
  URLRewrite: "urlRewrite",
  ExtensionRef: "extensionRef",
  CORS: "cors",
  ExternalAuth: "externalAuth"
};
function refineFilterFields(filter, ctx) {
  for (const [type, field] of Object.entries(filterFields)) {
    if (filter[field] !== void 0 && filter.type !== type) {
      ctx.addIssue({
        code: "custom",
        path: [field],
        message: `filter.${field} must be nil if the filter.type is not ${type}`
      });
    }
    if (filter[field] === void 0 && filter.type === type) {
      ctx.addIssue({
        code: "custom",
        path: [field],
        message: `filter.${field} must be specified for ${type} filter.type`
      });
    }
  }
}
var httpRouteFilter = z24.strictObject({
  type: z24.enum(Object.keys(filterFields)),
  requestHeaderModifier: headerModifier.optional(),
  responseHeaderModifier: headerModifier.optional(),
  requestMirror: requestMirror.optional(),
  requestRedirect: requestRedirect.optional(),
  urlRewrite: urlRewrite.optional(),
  extensionRef: localObjectReference.optional(),
  cors: cors.optional(),
  externalAuth: externalAuth.optional()
}).superRefine(refineFilterFields);
function refineFilterRepeats(filters, unrepeatable, ctx) {
  for (const type of unrepeatable) {
    const indexes = filters.flatMap((f, i) => f.type === type ? [i] : []);
    for (const i of indexes.slice(1)) {
      ctx.addIssue({ code: "custom", path: [i, "type"], message: `${type} filter cannot be repeated` });
    }
  }
}
var httpRouteFilters = z24.array(httpRouteFilter).max(16).superRefine((filters, ctx) => {
  const redirect = filters.findIndex((f) => f.type === "RequestRedirect");
  const rewrite = filters.findIndex((f) => f.type === "URLRewrite");
  if (redirect >= 0 && rewrite >= 0) {
    ctx.addIssue({
      code: "custom",
      path: [Math.max(redirect, rewrite), "type"],
      message: "May specify either httpRouteFilterRequestRedirect or httpRouteFilterRequestRewrite, but not both"
    });
  }
  refineFilterRepeats(
    filters,
    ["CORS", "RequestHeaderModifier", "ResponseHeaderModifier", "RequestRedirect", "URLRewrite"],
    ctx
  );
});

// shared/kube/schemas/gateway-api/session-persistence.ts
import { z as z25 } from "zod";
var sessionPersistence = z25.strictObject({
  sessionName: z25.string().max(128).optional(),
  absoluteTimeout: duration.optional(),
  type: z25.enum(["Cookie", "Header"]).optional(),
  cookieConfig: z25.strictObject({ lifetimeType: z25.enum(["Permanent", "Session"]).optional() }).optional()
}).superRefine((value, ctx) => {
  if (value.cookieConfig?.lifetimeType === "Permanent" && value.absoluteTimeout === void 0) {
    ctx.addIssue({
      code: "custom",
      path: ["absoluteTimeout"],
      message: "AbsoluteTimeout must be specified when cookie lifetimeType is Permanent"
    });
  }
  if (value.cookieConfig !== void 0 && (value.type ?? "Cookie") !== "Cookie") {
    ctx.addIssue({
      code: "custom",
      path: ["cookieConfig"],
      message: "cookieConfig can only be set with type Cookie"
    });
  }
});

// shared/kube/schemas/gateway-api/grpc-route.ts
var grpcServicePattern = /^\.?[a-z_][a-z_0-9]*(\.[a-z_][a-z_0-9]*)*$/i;
var grpcMethodPattern = /^[A-Za-z_][A-Za-z_0-9]*$/;
var grpcMethodMatch = z26.strictObject({
  type: z26.enum(["Exact", "RegularExpression"]).optional(),
  service: z26.string().max(1024).optional(),
  method: z26.string().max(1024).optional()
}).superRefine((m, ctx) => {
  if (m.service === void 0 && m.method === void 0) {
    ctx.addIssue({
      code: "custom",
      path: [],
      message: "One or both of 'service' or 'method' must be specified"
    });
  }
  if ((m.type ?? "Exact") !== "Exact") return;
  if (m.service !== void 0 && !grpcServicePattern.test(m.service)) {
    ctx.addIssue({
      code: "custom",
      path: ["service"],
      message: "service must only contain valid characters (matching ^(?i)\\.?[a-z_][a-z_0-9]*(\\.[a-z_][a-z_0-9]*)*$)"
    });
  }
  if (m.method !== void 0 && !grpcMethodPattern.test(m.method)) {
    ctx.addIssue({
      code: "custom",
      path: ["method"],
      message: "method must only contain valid characters (matching ^[A-Za-z_][A-Za-z_0-9]*$)"
    });
  }
});
var grpcRouteMatch = z26.strictObject({
  method: grpcMethodMatch.optional(),
  headers: mapListByName(
    z26.strictObject({
      type: z26.enum(["Exact", "RegularExpression"]).optional(),
      name: headerName,
      value: z26.string().min(1).max(4096)
    }),
    16
  ).optional()
});
var grpcFilterTypes = [
  "ResponseHeaderModifier",
  "RequestHeaderModifier",
  "RequestMirror",
  "ExtensionRef"
];
var grpcRouteFilter = z26.strictObject({
  type: z26.enum(grpcFilterTypes),
  requestHeaderModifier: headerModifier.optional(),
  responseHeaderModifier: headerModifier.optional(),
  requestMirror: requestMirror.optional(),
  extensionRef: localObjectReference.optional()
}).superRefine(refineFilterFields);
var grpcRouteFilters = z26.array(grpcRouteFilter).max(16).superRefine(
  (filters, ctx) => refineFilterRepeats(filters, ["RequestHeaderModifier", "ResponseHeaderModifier"], ctx)
);
var grpcBackendRef = backendRefWith({ filters: grpcRouteFilters.optional() });
var grpcRouteRule = z26.strictObject({
  name: sectionName.optional(),
  matches: z26.array(grpcRouteMatch).max(64).optional(),
  filters: grpcRouteFilters.optional(),
  backendRefs: z26.array(grpcBackendRef).max(16).optional(),
  sessionPersistence: sessionPersistence.optional()
});
var grpcRouteSpec = z26.strictObject({
  parentRefs: parentRefs.optional(),
  hostnames: routeHostnames.optional(),
  rules: z26.array(grpcRouteRule).max(16).superRefine((rules, ctx) => refineRouteRules(rules, ctx, 0)).optional(),
  useDefaultGateways: z26.enum(["All", "None"]).optional()
});
var grpcRouteBody = { spec: grpcRouteSpec, status: looseStatus2 };
var grpcRouteV1 = kubeObject("gateway.networking.k8s.io/v1", "GRPCRoute", grpcRouteBody);
var grpcRouteV1alpha2 = kubeObject("gateway.networking.k8s.io/v1alpha2", "GRPCRoute", grpcRouteBody);

// shared/kube/schemas/gateway-api/http-route.ts
import { z as z27 } from "zod";
var literalPathChecks = [
  [(v) => v.startsWith("/"), "value must be an absolute path and start with '/'"],
  [(v) => !v.includes("//"), "must not contain '//'"],
  [(v) => !v.includes("/./"), "must not contain '/./'"],
  [(v) => !v.includes("/../"), "must not contain '/../'"],
  [(v) => !v.includes("%2f") && !v.includes("%2F"), "must not contain '%2f' or '%2F'"],
  [(v) => !v.includes("#"), "must not contain '#'"],
  [(v) => !v.endsWith("/.."), "must not end with '/..'"],
  [(v) => !v.endsWith("/."), "must not end with '/.'"],
  [(v) => httpPathCharsPattern.test(v), "must only contain valid characters (RFC 3986 path characters)"]
];
var httpPathMatch = z27.strictObject({
  type: z27.enum(["Exact", "PathPrefix", "RegularExpression"]).optional(),
  value: z27.string().max(1024).optional()
}).superRefine((path4, ctx) => {
  if ((path4.type ?? "PathPrefix") === "RegularExpression") return;
  const value = path4.value ?? "/";
  for (const [ok, message] of literalPathChecks) {
    if (!ok(value))
      ctx.addIssue({
        code: "custom",
        path: ["value"],
        message: `${message} when type is Exact or PathPrefix`
      });
  }
});
var matchType = z27.enum(["Exact", "RegularExpression"]);
var httpRouteMatch = z27.strictObject({
  path: httpPathMatch.optional(),
  headers: mapListByName(
    z27.strictObject({ type: matchType.optional(), name: headerName, value: headerValue }),
    16
  ).optional(),
  queryParams: mapListByName(
    z27.strictObject({ type: matchType.optional(), name: headerName, value: z27.string().min(1).max(1024) }),
    16
  ).optional(),
  method: httpMethod.optional()
});
var httpRouteTimeouts = z27.strictObject({ request: duration.optional(), backendRequest: duration.optional() }).superRefine((t, ctx) => {
  if (t.request === void 0 || t.backendRequest === void 0) return;
  const request = durationMillis(t.request);
  if (request !== 0 && durationMillis(t.backendRequest) > request) {
    ctx.addIssue({
      code: "custom",
      path: ["backendRequest"],
      message: `backendRequest timeout cannot be longer than request timeout (${t.backendRequest} > ${t.request})`
    });
  }
});
var httpRouteRetry = z27.strictObject({
  codes: setOf(z27.int().min(400).max(599)).optional(),
  attempts: z27.int().min(1).optional(),
  backoff: duration.optional()
});
var httpBackendRef = backendRefWith({ filters: httpRouteFilters.optional() });
function usesReplacePrefix(filters, field) {
  return (filters ?? []).some((f) => f[field]?.path?.type === "ReplacePrefixMatch");
}
function hasSinglePathPrefixMatch(matches) {
  if (matches === void 0) return true;
  if (matches.length !== 1) return false;
  return (matches[0]?.path?.type ?? "PathPrefix") === "PathPrefix";
}
var httpRouteRule = z27.strictObject({
  name: z27.string().min(1).max(253).regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/).optional(),
  matches: z27.array(httpRouteMatch).max(64).optional(),
  filters: httpRouteFilters.optional(),
  backendRefs: z27.array(httpBackendRef).max(16).optional(),
  timeouts: httpRouteTimeouts.optional(),
  retry: httpRouteRetry.optional(),
  sessionPersistence: sessionPersistence.optional()
}).superRefine((rule, ctx) => {
  if ((rule.backendRefs?.length ?? 0) > 0) {
    const redirect = (rule.filters ?? []).findIndex((f) => f.requestRedirect !== void 0);
    if (redirect >= 0) {
      ctx.addIssue({
        code: "custom",
        path: ["filters", redirect],
        message: "RequestRedirect filter must not be used together with backendRefs"
      });
    }
  }
  if (hasSinglePathPrefixMatch(rule.matches)) return;
  for (const field of ["requestRedirect", "urlRewrite"]) {
    const name = field === "requestRedirect" ? "RequestRedirect" : "URLRewrite";
    if (usesReplacePrefix(rule.filters, field)) {
      ctx.addIssue({
        code: "custom",
        path: ["matches"],
        message: `When using ${name} filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified`
      });
    }
    if ((rule.backendRefs ?? []).some((b) => usesReplacePrefix(b.filters, field))) {
      ctx.addIssue({
        code: "custom",
        path: ["matches"],
        message: `Within backendRefs, when using ${name} filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified`
      });
    }
  }
});
var httpRouteSpec = z27.strictObject({
  parentRefs: parentRefs.optional(),
  hostnames: routeHostnames.optional(),
  rules: z27.array(httpRouteRule).min(1).max(16).superRefine((rules, ctx) => refineRouteRules(rules, ctx, 1)).optional(),
  useDefaultGateways: z27.enum(["All", "None"]).optional()
});
var httpRouteBody = { spec: httpRouteSpec, status: looseStatus2 };
var httpRouteV1 = kubeObject("gateway.networking.k8s.io/v1", "HTTPRoute", httpRouteBody);
var httpRouteV1beta1 = kubeObject("gateway.networking.k8s.io/v1beta1", "HTTPRoute", httpRouteBody);

// shared/kube/schemas/gateway-api/l4-routes.ts
import { z as z28 } from "zod";
var l4RouteRule = z28.strictObject({
  name: sectionName.optional(),
  backendRefs: z28.array(backendRef).min(1).max(16)
});
function l4Rules(maxRules) {
  return z28.array(l4RouteRule).min(1).max(maxRules).superRefine(refineRuleNames);
}
var ipAddress3 = z28.union([z28.ipv4(), z28.ipv6()]);
function refineTlsHostnames(hostnames, ctx) {
  hostnames.forEach((h, i) => {
    if (ipAddress3.safeParse(h).success) {
      ctx.addIssue({ code: "custom", path: [i], message: "Hostnames cannot contain an IP" });
    }
    const rest = h.startsWith("*.") ? h.slice(2) : h;
    if (rest.includes("*") || !dnsSubdomainPattern.test(rest)) {
      ctx.addIssue({
        code: "custom",
        path: [i],
        message: "Wildcards on hostnames must be the first label, and the rest of hostname must be valid based on RFC-1123"
      });
    }
  });
}
var tlsRouteSpecV1 = z28.strictObject({
  parentRefs: parentRefs.optional(),
  hostnames: z28.array(hostname).min(1).max(1024).superRefine(refineTlsHostnames),
  rules: l4Rules(1),
  useDefaultGateways: z28.enum(["All", "None"]).optional()
});
var tlsRouteSpecV1alpha2 = z28.strictObject({
  parentRefs: parentRefs.optional(),
  hostnames: z28.array(hostname).max(1024).optional(),
  rules: l4Rules(16),
  useDefaultGateways: z28.enum(["All", "None"]).optional()
});
var streamRouteSpec = (maxRules) => z28.strictObject({
  parentRefs: parentRefs.optional(),
  rules: l4Rules(maxRules),
  useDefaultGateways: z28.enum(["All", "None"]).optional()
});
var group3 = "gateway.networking.k8s.io";
var tlsRouteV1 = kubeObject(`${group3}/v1`, "TLSRoute", {
  spec: tlsRouteSpecV1,
  status: looseStatus2
});
var tlsRouteV1alpha3 = kubeObject(`${group3}/v1alpha3`, "TLSRoute", {
  spec: tlsRouteSpecV1,
  status: looseStatus2
});
var tlsRouteV1alpha2 = kubeObject(`${group3}/v1alpha2`, "TLSRoute", {
  spec: tlsRouteSpecV1alpha2,
  status: looseStatus2
});
var tcpRouteV1 = kubeObject(`${group3}/v1`, "TCPRoute", {
  spec: streamRouteSpec(1),
  status: looseStatus2
});
var tcpRouteV1alpha2 = kubeObject(`${group3}/v1alpha2`, "TCPRoute", {
  spec: streamRouteSpec(16),
  status: looseStatus2
});
var udpRouteV1 = kubeObject(`${group3}/v1`, "UDPRoute", {
  spec: streamRouteSpec(1),
  status: looseStatus2
});
var udpRouteV1alpha2 = kubeObject(`${group3}/v1alpha2`, "UDPRoute", {
  spec: streamRouteSpec(16),
  status: looseStatus2
});

// shared/kube/schemas/gateway-api/listener-set.ts
import { z as z29 } from "zod";
var listenerSetSpec = z29.strictObject({
  parentRef: z29.strictObject({
    group: group.optional(),
    kind: kind.optional(),
    name: objectName2,
    namespace: namespace.optional()
  }),
  listeners
});
var body3 = { spec: listenerSetSpec, status: looseStatus2 };
var listenerSetV1 = kubeObject("gateway.networking.k8s.io/v1", "ListenerSet", body3);
var listenerSetV1alpha1 = kubeObject("gateway.networking.k8s.io/v1alpha1", "ListenerSet", body3);

// shared/kube/schemas/gateway-api/reference-grant.ts
import { z as z30 } from "zod";
var referenceGrantSpec = z30.strictObject({
  from: z30.array(z30.strictObject({ group, kind, namespace })).min(1).max(16),
  to: z30.array(z30.strictObject({ group, kind, name: objectName2.optional() })).min(1).max(16)
});
var body4 = { spec: referenceGrantSpec };
var prefix2 = "gateway.networking.k8s.io";
var referenceGrantV1 = kubeObject(`${prefix2}/v1`, "ReferenceGrant", body4);
var referenceGrantV1beta1 = kubeObject(`${prefix2}/v1beta1`, "ReferenceGrant", body4);
var referenceGrantV1alpha2 = kubeObject(`${prefix2}/v1alpha2`, "ReferenceGrant", body4);

// shared/kube/schemas/gateway-api/definitions.ts
var group4 = "gateway.networking.k8s.io";
var GATEWAY_CLASS = defineKind({
  group: group4,
  kind: "GatewayClass",
  plural: "gatewayclasses",
  namespaced: false,
  versions: { v1: gatewayClassV1, v1beta1: gatewayClassV1beta1 }
});
var GATEWAY = defineKind({
  group: group4,
  kind: "Gateway",
  plural: "gateways",
  namespaced: true,
  versions: { v1: gatewayV1, v1beta1: gatewayV1beta1 }
});
var LISTENER_SET = defineKind({
  group: group4,
  kind: "ListenerSet",
  plural: "listenersets",
  namespaced: true,
  versions: { v1: listenerSetV1, v1alpha1: listenerSetV1alpha1 }
});
var HTTP_ROUTE = defineKind({
  group: group4,
  kind: "HTTPRoute",
  plural: "httproutes",
  namespaced: true,
  versions: { v1: httpRouteV1, v1beta1: httpRouteV1beta1 }
});
var GRPC_ROUTE = defineKind({
  group: group4,
  kind: "GRPCRoute",
  plural: "grpcroutes",
  namespaced: true,
  versions: { v1: grpcRouteV1, v1alpha2: grpcRouteV1alpha2 }
});
var TLS_ROUTE = defineKind({
  group: group4,
  kind: "TLSRoute",
  plural: "tlsroutes",
  namespaced: true,
  versions: { v1: tlsRouteV1, v1alpha3: tlsRouteV1alpha3, v1alpha2: tlsRouteV1alpha2 }
});
var TCP_ROUTE = defineKind({
  group: group4,
  kind: "TCPRoute",
  plural: "tcproutes",
  namespaced: true,
  versions: { v1: tcpRouteV1, v1alpha2: tcpRouteV1alpha2 }
});
var UDP_ROUTE = defineKind({
  group: group4,
  kind: "UDPRoute",
  plural: "udproutes",
  namespaced: true,
  versions: { v1: udpRouteV1, v1alpha2: udpRouteV1alpha2 }
});
var REFERENCE_GRANT = defineKind({
  group: group4,
  kind: "ReferenceGrant",
  plural: "referencegrants",
  namespaced: true,
  versions: { v1: referenceGrantV1, v1beta1: referenceGrantV1beta1, v1alpha2: referenceGrantV1alpha2 }
});
var BACKEND_TLS_POLICY = defineKind({
  group: group4,
  kind: "BackendTLSPolicy",
  plural: "backendtlspolicies",
  namespaced: true,
  versions: {
    v1: backendTlsPolicyV1,
    v1alpha3: backendTlsPolicyV1alpha3,
    v1alpha2: backendTlsPolicyV1alpha2
  }
});
var gatewayApiDefinitions = [
  GATEWAY_CLASS,
  GATEWAY,
  LISTENER_SET,
  HTTP_ROUTE,
  GRPC_ROUTE,
  TLS_ROUTE,
  TCP_ROUTE,
  UDP_ROUTE,
  REFERENCE_GRANT,
  BACKEND_TLS_POLICY
];
var GATEWAY_GROUP = group4;
var ROUTE_KINDS = [
  HTTP_ROUTE,
  GRPC_ROUTE,
  TLS_ROUTE,
  TCP_ROUTE,
  UDP_ROUTE
];

// shared/kube/schemas/ingress.ts
import { z as z31 } from "zod";
var NETWORKING_GROUP = "networking.k8s.io";
var portName = z31.string().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, "must be an IANA service port name");
var serviceBackendPort = z31.strictObject({
  name: portName.optional(),
  number: z31.number().int().min(1).max(65535).optional()
}).refine((p) => p.name === void 0 !== (p.number === void 0), {
  message: "exactly one of name or number must be set"
});
var typedLocalObjectReference = z31.strictObject({
  apiGroup: z31.string().nullable().optional(),
  kind: z31.string().min(1),
  name: z31.string().min(1)
});
var ingressBackend = z31.strictObject({
  service: z31.strictObject({ name: z31.string().min(1), port: serviceBackendPort }).optional(),
  resource: typedLocalObjectReference.optional()
}).refine((b) => b.service === void 0 !== (b.resource === void 0), {
  message: "exactly one of service or resource must be set"
});
var pathTypes = ["Exact", "Prefix", "ImplementationSpecific"];
var httpIngressPath = z31.strictObject({
  path: z31.string().optional(),
  pathType: z31.enum(pathTypes),
  backend: ingressBackend
});
var ingressRule = z31.strictObject({
  host: z31.string().optional(),
  http: z31.strictObject({ paths: z31.array(httpIngressPath).min(1) }).optional()
});
var ingressTLS = z31.strictObject({
  hosts: z31.array(z31.string()).optional(),
  secretName: z31.string().optional()
});
var portStatus = z31.strictObject({
  port: z31.number().int(),
  protocol: z31.enum(["TCP", "UDP", "SCTP"]),
  error: z31.string().optional()
});
var loadBalancerIngress = z31.strictObject({
  ip: z31.string().optional(),
  hostname: z31.string().optional(),
  ports: z31.array(portStatus).optional()
});
var ingressSpec = z31.strictObject({
  ingressClassName: z31.string().optional(),
  defaultBackend: ingressBackend.optional(),
  tls: z31.array(ingressTLS).optional(),
  rules: z31.array(ingressRule).optional()
});
var ingressStatus = z31.strictObject({
  loadBalancer: z31.strictObject({ ingress: z31.array(loadBalancerIngress).optional() }).optional()
});
var ingressV1 = kubeObject(`${NETWORKING_GROUP}/v1`, "Ingress", {
  spec: ingressSpec.optional(),
  status: ingressStatus.optional()
});
var ingressClassV1 = kubeObject(`${NETWORKING_GROUP}/v1`, "IngressClass", {
  spec: z31.strictObject({
    controller: z31.string().optional(),
    parameters: z31.strictObject({
      apiGroup: z31.string().optional(),
      kind: z31.string().min(1),
      name: z31.string().min(1),
      namespace: z31.string().optional(),
      scope: z31.enum(["Cluster", "Namespace"]).optional()
    }).optional()
  }).optional()
});
var INGRESS = defineKind({
  group: NETWORKING_GROUP,
  kind: "Ingress",
  plural: "ingresses",
  namespaced: true,
  versions: { v1: ingressV1 }
});
var INGRESS_CLASS = defineKind({
  group: NETWORKING_GROUP,
  kind: "IngressClass",
  plural: "ingressclasses",
  namespaced: false,
  versions: { v1: ingressClassV1 }
});
var ingressDefinitions = [INGRESS, INGRESS_CLASS];

// shared/kube/schemas/kubeovn.ts
import { z as z32 } from "zod";
var KUBEOVN_GROUP = "kubeovn.io";
var apiVersion = `${KUBEOVN_GROUP}/v1`;
var int32 = z32.number().int().min(-2147483648).max(2147483647);
var labelSelectorRequirement = z32.strictObject({
  key: z32.string(),
  operator: z32.string(),
  values: z32.array(z32.string()).optional()
});
var labelSelector2 = z32.strictObject({
  matchLabels: z32.record(z32.string(), z32.string()).optional(),
  matchExpressions: z32.array(labelSelectorRequirement).optional()
});
var status = z32.looseObject({}).optional();
var acl = z32.strictObject({
  action: z32.string().optional(),
  direction: z32.string().optional(),
  match: z32.string().optional(),
  priority: int32.optional()
});
var natOutgoingPolicyRule = z32.strictObject({
  action: z32.string().optional(),
  match: z32.strictObject({ dstIPs: z32.string().optional(), srcIPs: z32.string().optional() }).optional()
});
var subnetSpec = z32.strictObject({
  acls: z32.array(acl).optional(),
  allowEWTraffic: z32.boolean().optional(),
  allowSubnets: z32.array(z32.string()).optional(),
  cidrBlock: z32.string().optional(),
  default: z32.boolean().optional(),
  dhcpV4Options: z32.string().optional(),
  dhcpV6Options: z32.string().optional(),
  disableGatewayCheck: z32.boolean().optional(),
  disableInterConnection: z32.boolean().optional(),
  enableDHCP: z32.boolean().optional(),
  enableEcmp: z32.boolean().optional(),
  enableExternalLBAddress: z32.boolean().optional(),
  enableIPv6RA: z32.boolean().optional(),
  enableLb: z32.boolean().optional(),
  enableMulticastSnoop: z32.boolean().optional(),
  excludeIps: z32.array(z32.string()).optional(),
  externalEgressGateway: z32.string().optional(),
  gateway: z32.string().optional(),
  gatewayNode: z32.string().optional(),
  gatewayNodeSelectors: z32.array(labelSelector2).optional(),
  gatewayType: z32.string().optional(),
  ipv6RAConfigs: z32.string().optional(),
  logicalGateway: z32.boolean().optional(),
  mtu: int32.optional(),
  namespaceSelectors: z32.array(labelSelector2).optional(),
  namespaces: z32.array(z32.string()).optional(),
  natOutgoing: z32.boolean().optional(),
  natOutgoingPolicyRules: z32.array(natOutgoingPolicyRule).optional(),
  nodeNetwork: z32.string().optional(),
  policyRoutingPriority: int32.optional(),
  policyRoutingTableID: int32.optional(),
  private: z32.boolean().optional(),
  protocol: z32.string().optional(),
  provider: z32.string().optional(),
  routeTable: z32.string().optional(),
  u2oFeatures: z32.strictObject({ overlayOnlyRouting: z32.boolean().optional() }).optional(),
  u2oInterconnection: z32.boolean().optional(),
  u2oInterconnectionIP: z32.string().optional(),
  vips: z32.array(z32.string()).optional(),
  vlan: z32.string().optional(),
  vpc: z32.string().optional(),
  // Calico networks on the platform (see the guide's "Calico 网络" section).
  ipipMode: z32.enum(["Always", "CrossSubnet", "Never"]).optional(),
  vxlanMode: z32.enum(["Always", "CrossSubnet", "Never"]).optional(),
  v4blockSize: z32.number().int().min(0).max(32).optional(),
  v6blockSize: z32.number().int().min(0).max(128).optional()
});
var subnet = kubeObject(apiVersion, "Subnet", { spec: subnetSpec.optional(), status });
var ipPoolSpec = z32.strictObject({
  enableAddressSet: z32.boolean().optional(),
  ips: z32.array(z32.string()),
  namespaces: z32.array(z32.string()).optional(),
  subnet: z32.string()
});
var ipPool = kubeObject(apiVersion, "IPPool", { spec: ipPoolSpec.optional(), status });
var ipSpec = z32.strictObject({
  attachIps: z32.array(z32.string()).optional(),
  attachMacs: z32.array(z32.string()).optional(),
  attachSubnets: z32.array(z32.string()).optional(),
  containerID: z32.string().optional(),
  ipAddress: z32.string().optional(),
  macAddress: z32.string().optional(),
  namespace: z32.string().optional(),
  nodeName: z32.string().optional(),
  podName: z32.string().optional(),
  podType: z32.string().optional(),
  subnet: z32.string().optional(),
  v4IpAddress: z32.string().optional(),
  v6IpAddress: z32.string().optional()
});
var ip = kubeObject(apiVersion, "IP", { spec: ipSpec.optional(), status });
var vlanSpec = z32.strictObject({
  id: z32.number().int().min(0).max(4095).optional(),
  provider: z32.string(),
  providerInterfaceName: z32.string().optional(),
  vlanId: z32.number().int().min(0).max(4095).optional()
});
var vlan = kubeObject(apiVersion, "Vlan", { spec: vlanSpec.optional(), status });
var interfaceName = z32.string().max(15).regex(/^[^/\s]+$/, 'must be an interface name without "/" or whitespace');
var providerNetworkSpec = z32.strictObject({
  autoCreateVlanSubinterfaces: z32.boolean().optional(),
  customInterfaces: z32.array(z32.strictObject({ interface: interfaceName.optional(), nodes: z32.array(z32.string()).optional() })).optional(),
  defaultInterface: interfaceName,
  exchangeLinkName: z32.boolean().optional(),
  excludeNodes: z32.array(z32.string()).optional(),
  nodeSelector: labelSelector2.optional(),
  preserveVlanInterfaces: z32.boolean().optional(),
  vlanInterfaces: z32.array(z32.string()).optional()
});
var providerNetwork = kubeObject(apiVersion, "ProviderNetwork", {
  spec: providerNetworkSpec.optional(),
  status
});
var vpcSpec = z32.strictObject({
  bfdPort: z32.strictObject({
    enabled: z32.boolean().optional(),
    ip: z32.string().optional(),
    nodeSelector: labelSelector2.optional()
  }).optional(),
  defaultSubnet: z32.string().optional(),
  enableBfd: z32.boolean().optional(),
  enableExternal: z32.boolean().optional(),
  extraExternalSubnets: z32.array(z32.string()).optional(),
  namespaces: z32.array(z32.string()).optional(),
  policyRoutes: z32.array(
    z32.strictObject({
      action: z32.string().optional(),
      match: z32.string().optional(),
      nextHopIP: z32.string().optional(),
      priority: int32.optional()
    })
  ).optional(),
  staticRoutes: z32.array(
    z32.strictObject({
      bfdId: z32.string().optional(),
      cidr: z32.string().optional(),
      ecmpMode: z32.string().optional(),
      nextHopIP: z32.string().optional(),
      policy: z32.string().optional(),
      routeTable: z32.string().optional()
    })
  ).optional(),
  vpcPeerings: z32.array(z32.strictObject({ localConnectIP: z32.string().optional(), remoteVpc: z32.string().optional() })).optional()
});
var vpc = kubeObject(apiVersion, "Vpc", { spec: vpcSpec.optional(), status });
var bandwidth = z32.union([
  z32.number().int().min(0).max(9223372036854),
  z32.string().regex(/^([0-9]+|([0-9]+(\.[0-9]+)?|\.[0-9]+)(M|Mi|G|Gi))$/, "must be a bandwidth such as 100M or 1Gi")
]);
var quantity2 = z32.union([
  z32.number(),
  z32.string().regex(
    /^(\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))))?$/,
    "must be a Kubernetes quantity"
  )
]);
var resources2 = z32.strictObject({
  claims: z32.array(z32.strictObject({ name: z32.string(), request: z32.string().optional() })).optional(),
  limits: z32.record(z32.string(), quantity2).optional(),
  requests: z32.record(z32.string(), quantity2).optional()
});
var nodeSelectorTerm = z32.strictObject({
  matchExpressions: z32.array(labelSelectorRequirement).optional(),
  matchFields: z32.array(labelSelectorRequirement).optional(),
  matchLabels: z32.record(z32.string(), z32.string()).optional()
});
var vpcEgressGatewaySpec = z32.strictObject({
  bandwidth: z32.strictObject({ egress: bandwidth.optional(), ingress: bandwidth.optional() }).optional(),
  bfd: z32.strictObject({
    enabled: z32.boolean().optional(),
    minRX: int32.optional(),
    minTX: int32.optional(),
    multiplier: int32.optional()
  }).optional(),
  bgpConf: z32.string().optional(),
  evpnConf: z32.string().optional(),
  externalIPPool: z32.string().optional(),
  externalIPs: z32.array(z32.string()).optional(),
  externalSubnet: z32.string(),
  image: z32.string().optional(),
  internalIPPool: z32.string().optional(),
  internalIPs: z32.array(z32.string()).optional(),
  internalSubnet: z32.string().optional(),
  nodeSelector: z32.array(nodeSelectorTerm).optional(),
  // Conntrack logging and metrics settings: passed through to the gateway, not checked here.
  observability: z32.looseObject({}).optional(),
  podAntiAffinity: z32.enum(["Required", "Preferred"]).optional(),
  policies: z32.array(
    z32.strictObject({
      ipBlocks: z32.array(z32.string()).optional(),
      snat: z32.boolean().optional(),
      subnets: z32.array(z32.string()).optional()
    })
  ).optional(),
  prefix: z32.string().regex(
    /^$|^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*[-.]?$/,
    "must be a name prefix"
  ).optional(),
  replicas: z32.number().int().min(0).max(10).optional(),
  resources: resources2.optional(),
  selectors: z32.array(
    z32.strictObject({
      namespaceSelector: labelSelector2.optional(),
      podSelector: labelSelector2.optional()
    })
  ).optional(),
  tolerations: z32.array(z32.looseObject({})).optional(),
  trafficPolicy: z32.enum(["Local", "Cluster"]).optional(),
  vpc: z32.string().optional()
});
var vpcEgressGateway = kubeObject(apiVersion, "VpcEgressGateway", {
  spec: vpcEgressGatewaySpec,
  status
});
var SUBNET = defineKind({
  group: KUBEOVN_GROUP,
  kind: "Subnet",
  plural: "subnets",
  namespaced: false,
  versions: { v1: subnet }
});
var IPPOOL = defineKind({
  group: KUBEOVN_GROUP,
  kind: "IPPool",
  plural: "ippools",
  namespaced: false,
  versions: { v1: ipPool }
});
var IP = defineKind({
  group: KUBEOVN_GROUP,
  kind: "IP",
  plural: "ips",
  namespaced: false,
  versions: { v1: ip }
});
var VLAN = defineKind({
  group: KUBEOVN_GROUP,
  kind: "Vlan",
  plural: "vlans",
  namespaced: false,
  versions: { v1: vlan }
});
var PROVIDER_NETWORK = defineKind({
  group: KUBEOVN_GROUP,
  kind: "ProviderNetwork",
  plural: "provider-networks",
  namespaced: false,
  versions: { v1: providerNetwork }
});
var VPC = defineKind({
  group: KUBEOVN_GROUP,
  kind: "Vpc",
  plural: "vpcs",
  namespaced: false,
  versions: { v1: vpc }
});
var VPC_EGRESS_GATEWAY = defineKind({
  group: KUBEOVN_GROUP,
  kind: "VpcEgressGateway",
  plural: "vpc-egress-gateways",
  namespaced: true,
  versions: { v1: vpcEgressGateway }
});
var kubeOvnDefinitions = [
  SUBNET,
  IPPOOL,
  IP,
  VLAN,
  PROVIDER_NETWORK,
  VPC,
  VPC_EGRESS_GATEWAY
];

// shared/kube/schemas/metallb.ts
import { z as z33 } from "zod";
var METALLB_GROUP = "metallb.io";
var int322 = z33.int().min(-2147483648).max(2147483647);
var asn = z33.int().min(0).max(4294967295);
var status2 = z33.looseObject({}).optional();
var selectorRequirement = z33.strictObject({
  key: z33.string(),
  operator: z33.string(),
  values: z33.array(z33.string()).optional()
});
var metallbLabelSelector = z33.strictObject({
  matchLabels: z33.record(z33.string(), z33.string()).optional(),
  matchExpressions: z33.array(selectorRequirement).optional()
});
var selectors = z33.array(metallbLabelSelector).optional();
var ipAddressPoolSpec = z33.strictObject({
  addresses: z33.array(z33.string()),
  autoAssign: z33.boolean().optional(),
  avoidBuggyIPs: z33.boolean().optional(),
  serviceAllocation: z33.strictObject({
    namespaceSelectors: selectors,
    namespaces: z33.array(z33.string()).optional(),
    priority: z33.int().optional(),
    serviceSelectors: selectors
  }).optional()
});
var ipAddressPoolV1beta1 = kubeObject(`${METALLB_GROUP}/v1beta1`, "IPAddressPool", {
  spec: ipAddressPoolSpec,
  status: status2
});
var l2AdvertisementSpec = z33.strictObject({
  interfaces: z33.array(z33.string()).optional(),
  ipAddressPoolSelectors: selectors,
  ipAddressPools: z33.array(z33.string()).optional(),
  nodeSelectors: selectors,
  preferredNodeSelectors: z33.array(z33.strictObject({ preference: metallbLabelSelector, weight: z33.int().min(1).max(100) })).optional(),
  serviceSelectors: selectors
});
var l2AdvertisementV1beta1 = kubeObject(`${METALLB_GROUP}/v1beta1`, "L2Advertisement", {
  spec: l2AdvertisementSpec.optional(),
  status: status2
});
var bgpAdvertisementSpec = z33.strictObject({
  aggregationLength: int322.min(1).optional(),
  aggregationLengthV6: int322.optional(),
  asPathPrepend: z33.int().min(1).max(10).optional(),
  communities: z33.array(z33.string()).optional(),
  ipAddressPoolSelectors: selectors,
  ipAddressPools: z33.array(z33.string()).optional(),
  localPref: int322.optional(),
  nodeSelectors: selectors,
  peers: z33.array(z33.string()).optional(),
  serviceSelectors: selectors
}).refine(
  (spec) => (spec.serviceSelectors ?? []).length === 0 || (spec.aggregationLength ?? 32) === 32 && (spec.aggregationLengthV6 ?? 128) === 128,
  {
    message: "serviceSelectors and aggregationLength are mutually exclusive, can only be used together with default aggregationLength (32) and aggregationLengthV6 (128)"
  }
);
var bgpAdvertisementV1beta1 = kubeObject(`${METALLB_GROUP}/v1beta1`, "BGPAdvertisement", {
  spec: bgpAdvertisementSpec.optional(),
  status: status2
});
var communitySpec = z33.strictObject({
  communities: z33.array(z33.strictObject({ name: z33.string().optional(), value: z33.string().optional() })).optional()
});
var communityV1beta1 = kubeObject(`${METALLB_GROUP}/v1beta1`, "Community", {
  spec: communitySpec.optional(),
  status: status2
});
var bgpPeerSpecV1beta2 = z33.strictObject({
  bfdProfile: z33.string().optional(),
  connectTime: z33.string().optional(),
  disableMP: z33.boolean().optional(),
  dualStackAddressFamily: z33.boolean().optional(),
  dynamicASN: z33.enum(["internal", "external"]).optional(),
  ebgpMultiHop: z33.boolean().optional(),
  enableGracefulRestart: z33.boolean().optional(),
  holdTime: z33.string().optional(),
  interface: z33.string().optional(),
  keepaliveTime: z33.string().optional(),
  localASN: asn.min(1).optional(),
  myASN: asn,
  nodeSelectors: selectors,
  password: z33.string().optional(),
  passwordSecret: z33.strictObject({ name: z33.string().optional(), namespace: z33.string().optional() }).optional(),
  peerASN: asn.optional(),
  peerAddress: z33.string().optional(),
  peerPort: z33.int().min(1).max(16384).optional(),
  routerID: z33.string().optional(),
  sourceAddress: z33.string().optional(),
  vrf: z33.string().optional()
});
var bgpPeerV1beta2 = kubeObject(`${METALLB_GROUP}/v1beta2`, "BGPPeer", {
  spec: bgpPeerSpecV1beta2.optional(),
  status: status2
});
var v1beta1NodeSelector = z33.strictObject({
  matchLabels: z33.record(z33.string(), z33.string()).optional(),
  matchExpressions: z33.array(z33.strictObject({ key: z33.string(), operator: z33.string(), values: z33.array(z33.string()).min(1) })).optional()
});
var bgpPeerSpecV1beta1 = z33.strictObject({
  bfdProfile: z33.string().optional(),
  ebgpMultiHop: z33.boolean().optional(),
  holdTime: z33.string().optional(),
  keepaliveTime: z33.string().optional(),
  myASN: asn,
  nodeSelectors: z33.array(v1beta1NodeSelector).optional(),
  password: z33.string().optional(),
  peerASN: asn,
  peerAddress: z33.string(),
  peerPort: z33.int().min(0).max(16384).optional(),
  routerID: z33.string().optional(),
  sourceAddress: z33.string().optional()
});
var bgpPeerV1beta1 = kubeObject(`${METALLB_GROUP}/v1beta1`, "BGPPeer", {
  spec: bgpPeerSpecV1beta1.optional(),
  status: status2
});
var IP_ADDRESS_POOL = defineKind({
  group: METALLB_GROUP,
  kind: "IPAddressPool",
  plural: "ipaddresspools",
  namespaced: true,
  versions: { v1beta1: ipAddressPoolV1beta1 }
});
var L2_ADVERTISEMENT = defineKind({
  group: METALLB_GROUP,
  kind: "L2Advertisement",
  plural: "l2advertisements",
  namespaced: true,
  versions: { v1beta1: l2AdvertisementV1beta1 }
});
var BGP_ADVERTISEMENT = defineKind({
  group: METALLB_GROUP,
  kind: "BGPAdvertisement",
  plural: "bgpadvertisements",
  namespaced: true,
  versions: { v1beta1: bgpAdvertisementV1beta1 }
});
var COMMUNITY = defineKind({
  group: METALLB_GROUP,
  kind: "Community",
  plural: "communities",
  namespaced: true,
  versions: { v1beta1: communityV1beta1 }
});
var BGP_PEER = defineKind({
  group: METALLB_GROUP,
  kind: "BGPPeer",
  plural: "bgppeers",
  namespaced: true,
  versions: { v1beta1: bgpPeerV1beta1, v1beta2: bgpPeerV1beta2 }
});
var metallbDefinitions = [
  IP_ADDRESS_POOL,
  L2_ADVERTISEMENT,
  BGP_ADVERTISEMENT,
  COMMUNITY,
  BGP_PEER
];
var METALLB_KINDS = [
  IP_ADDRESS_POOL,
  L2_ADVERTISEMENT,
  BGP_ADVERTISEMENT,
  BGP_PEER,
  COMMUNITY
];

// shared/kube/schemas/workloads.ts
import { z as z34 } from "zod";
var podIp = z34.looseObject({ ip: z34.string() });
var podCondition = z34.looseObject({ type: z34.string(), status: z34.string() });
var podV1 = z34.looseObject({
  apiVersion: z34.literal("v1"),
  kind: z34.literal("Pod"),
  metadata: objectMeta,
  spec: z34.looseObject({
    nodeName: z34.string().optional(),
    hostNetwork: z34.boolean().optional()
  }).optional(),
  status: z34.looseObject({
    phase: z34.string().optional(),
    podIP: z34.string().optional(),
    podIPs: z34.array(podIp).optional(),
    hostIP: z34.string().optional(),
    hostIPs: z34.array(podIp).optional(),
    conditions: z34.array(podCondition).optional()
  }).optional()
});
var nodeAddress = z34.looseObject({ type: z34.string(), address: z34.string() });
var nodeV1 = z34.looseObject({
  apiVersion: z34.literal("v1"),
  kind: z34.literal("Node"),
  metadata: objectMeta,
  spec: z34.looseObject({ podCIDR: z34.string().optional(), podCIDRs: z34.array(z34.string()).optional() }).optional(),
  status: z34.looseObject({
    addresses: z34.array(nodeAddress).optional(),
    conditions: z34.array(podCondition).optional()
  }).optional()
});
var networkAttachmentDefinitionV1 = z34.looseObject({
  apiVersion: z34.literal("k8s.cni.cncf.io/v1"),
  kind: z34.literal("NetworkAttachmentDefinition"),
  metadata: objectMeta,
  spec: z34.looseObject({ config: z34.string().optional() }).optional()
});
var POD = defineKind({
  group: "",
  kind: "Pod",
  plural: "pods",
  namespaced: true,
  versions: { v1: podV1 }
});
var NODE = defineKind({
  group: "",
  kind: "Node",
  plural: "nodes",
  namespaced: false,
  versions: { v1: nodeV1 }
});
var NETWORK_ATTACHMENT_DEFINITION = defineKind({
  group: "k8s.cni.cncf.io",
  kind: "NetworkAttachmentDefinition",
  plural: "network-attachment-definitions",
  namespaced: true,
  versions: { v1: networkAttachmentDefinitionV1 }
});
var workloadDefinitions = [POD, NODE, NETWORK_ATTACHMENT_DEFINITION];

// shared/kube/registry.ts
var models = [
  ...albDefinitions,
  ...domainDefinitions,
  ...ingressDefinitions,
  ...coreDefinitions,
  ...workloadDefinitions,
  ...gatewayApiDefinitions,
  ...envoyGatewayDefinitions,
  ...kubeOvnDefinitions,
  ...metallbDefinitions
];
var byGroupKind = new Map(models.map((m) => [m.groupKind, m]));
function kindModel(groupKind) {
  return byGroupKind.get(groupKind);
}
function modelOf(obj) {
  return byGroupKind.get(`${groupOf(obj.apiVersion)}/${obj.kind}`);
}

// shared/kube/store.ts
var PreconditionFailedError = class extends Error {
  constructor(key, detail) {
    super(`precondition failed for ${key.groupKind} ${key.namespace}/${key.name}: ${detail}`);
    this.key = key;
    this.name = "PreconditionFailedError";
  }
  key;
};
var ConflictError = class extends Error {
  constructor(key, detail) {
    super(`conflict on ${key.groupKind} ${key.namespace}/${key.name}: ${detail}`);
    this.key = key;
    this.name = "ConflictError";
  }
  key;
};

// shared/kube/memory-store.ts
function timestamp(date) {
  return `${date.toISOString().slice(0, 19)}Z`;
}
function defaultOnError(error, context) {
  process.emitWarning(
    `${context}: ${error instanceof Error ? error.message : String(error)}`,
    "MemoryStoreWarning"
  );
}
function specOf(obj) {
  const { metadata: _metadata, status: _status, apiVersion: _apiVersion, kind: _kind, ...rest } = obj;
  return rest;
}
var MemoryStore = class extends CachedStore {
  now;
  revision = 0;
  synced = false;
  constructor(options = {}) {
    super(new IndexedCache(options.onError ?? defaultOnError));
    this.now = options.now ?? (() => /* @__PURE__ */ new Date());
  }
  /**
   * Puts objects in as they are (a `--state` directory, test fixtures), keeping uid,
   * resourceVersion and managedFields they carry and filling in what they lack. Later writes get
   * resourceVersions above every numeric one loaded.
   */
  load(objects2) {
    const pending = [];
    for (const input of objects2) {
      const obj = this.normalized(input);
      const rv = Number(obj.metadata.resourceVersion);
      if (Number.isSafeInteger(rv) && rv > this.revision) this.revision = rv;
      pending.push(obj);
    }
    for (const obj of pending) {
      obj.metadata.uid ??= deterministicUid(keyOf2(obj));
      obj.metadata.resourceVersion ??= String(++this.revision);
      obj.metadata.generation ??= 1;
      obj.metadata.creationTimestamp ??= timestamp(this.now());
      this.cache.put(deepFreeze(obj));
    }
  }
  /** Number of objects stored, of one kind or in all. */
  size(kind2) {
    return this.cache.size(kind2);
  }
  async start(_kinds) {
    this.synced = true;
  }
  async stop() {
    this.synced = false;
  }
  isSynced() {
    return this.synced;
  }
  async readSecret(namespace2, name) {
    return this.cache.get("/Secret", namespace2, name);
  }
  async readObject(key) {
    return this.cache.get(key.groupKind, key.namespace, key.name);
  }
  async apply(obj, options) {
    const input = this.normalized(obj);
    const key = this.requireName(input);
    const previous = this.cache.get(key.groupKind, key.namespace, key.name);
    this.checkApplyPreconditions(key, input, previous);
    let next;
    try {
      next = serverSideApply(previous, input, options.fieldManager, options.force ?? false).object;
    } catch (error) {
      if (error instanceof FieldConflictError) throw new ConflictError(key, error.message);
      throw error;
    }
    if (!previous) this.initializeMetadata(next, input, key);
    next.metadata.name = key.name;
    if (key.namespace) next.metadata.namespace = key.namespace;
    return this.commit(next, previous);
  }
  async createIfAbsent(obj, options) {
    const input = this.normalized(obj);
    const key = this.requireName(input);
    const existing = this.cache.get(key.groupKind, key.namespace, key.name);
    if (existing) return { object: existing, created: false };
    const body5 = configuredBody(input, false);
    const next = { apiVersion: input.apiVersion, kind: input.kind, ...body5, metadata: {} };
    Object.assign(next.metadata, body5.metadata ?? {}, {
      name: key.name,
      ...key.namespace ? { namespace: key.namespace } : {}
    });
    this.initializeMetadata(next, input, key);
    recordUpdate(
      next,
      options.fieldManager,
      leafPaths(body5).filter((path4) => path4.length > 0)
    );
    return { object: this.commit(next, void 0), created: true };
  }
  async delete(key, preconditions) {
    const previous = this.cache.get(key.groupKind, key.namespace, key.name);
    if (!previous) return false;
    if (preconditions?.uid !== void 0 && preconditions.uid !== previous.metadata.uid) {
      throw new PreconditionFailedError(
        key,
        `uid in precondition ${preconditions.uid} does not match stored uid ${previous.metadata.uid}`
      );
    }
    if (preconditions?.resourceVersion !== void 0 && preconditions.resourceVersion !== previous.metadata.resourceVersion) {
      throw new PreconditionFailedError(
        key,
        `resourceVersion in precondition ${preconditions.resourceVersion} does not match stored ${previous.metadata.resourceVersion}`
      );
    }
    if ((previous.metadata.finalizers?.length ?? 0) > 0) {
      if (!previous.metadata.deletionTimestamp) {
        const next = deepClone(previous);
        next.metadata.deletionTimestamp = timestamp(this.now());
        this.commit(next, previous);
      }
      return true;
    }
    this.cache.remove(key.groupKind, key.namespace, key.name);
    return true;
  }
  async patchStatus(key, status3, options) {
    const previous = this.cache.get(key.groupKind, key.namespace, key.name);
    if (!previous) return void 0;
    const next = mutableCopy(previous);
    const patched = mergePatch(previous.status, status3);
    if (patched === null || patched === void 0) delete next.status;
    else next.status = patched;
    recordUpdate(
      next,
      options.fieldManager,
      leafPaths(status3, ["status"]).filter((path4) => path4.length > 1),
      "status"
    );
    return this.commit(next, previous);
  }
  /** A mutable copy with the namespace the API server would give it (default / none). */
  normalized(obj) {
    const copy = deepClone(obj);
    copy.metadata ??= {};
    const definition = kindModel(groupKindOf(copy));
    if (definition?.namespaced && !copy.metadata.namespace) copy.metadata.namespace = "default";
    if (definition && !definition.namespaced) delete copy.metadata.namespace;
    return copy;
  }
  requireName(obj) {
    const key = keyOf2(obj);
    if (!obj.apiVersion || !obj.kind) throw new Error("object needs apiVersion and kind");
    if (!key.name) throw new Error(`${obj.kind} needs metadata.name`);
    return key;
  }
  checkApplyPreconditions(key, input, previous) {
    const { uid, resourceVersion } = input.metadata;
    if (uid !== void 0 && previous && uid !== previous.metadata.uid) {
      throw new ConflictError(key, `uid ${uid} does not match stored uid ${previous.metadata.uid}`);
    }
    if (resourceVersion !== void 0 && resourceVersion !== previous?.metadata.resourceVersion) {
      throw new ConflictError(
        key,
        previous ? `resourceVersion ${resourceVersion} is not the stored ${previous.metadata.resourceVersion}` : `resourceVersion ${resourceVersion} given for an object that does not exist`
      );
    }
  }
  initializeMetadata(next, input, key) {
    next.metadata.uid = input.metadata.uid ?? deterministicUid(key);
    next.metadata.generation = 1;
    next.metadata.creationTimestamp = timestamp(this.now());
  }
  /**
   * Stores `next` unless it equals `previous` (a repeated write changes nothing), assigning the
   * next resourceVersion and generation; finishes a deletion once the last finalizer is gone.
   */
  commit(next, previous) {
    if (previous) {
      next.metadata.resourceVersion = previous.metadata.resourceVersion;
      next.metadata.generation = previous.metadata.generation ?? 1;
      if (deepEqual(next, previous)) return previous;
      if (!deepEqual(specOf(next), specOf(previous))) next.metadata.generation += 1;
    }
    next.metadata.resourceVersion = String(++this.revision);
    const stored = deepFreeze(next);
    const key = keyOf2(stored);
    if (stored.metadata.deletionTimestamp && (stored.metadata.finalizers?.length ?? 0) === 0) {
      if (previous) this.cache.remove(key.groupKind, key.namespace, key.name);
      return stored;
    }
    this.cache.put(stored);
    return stored;
  }
};

// shared/net/address.ts
import ipaddr from "ipaddr.js";

// shared/net/errors.ts
var NetParseError = class _NetParseError extends Error {
  constructor(token, reason, index2) {
    super(`${index2 === void 0 ? "" : `entry ${index2} `}${JSON.stringify(token)}: ${reason}`);
    this.token = token;
    this.reason = reason;
    this.index = index2;
    this.name = "NetParseError";
  }
  token;
  reason;
  index;
  /** The same error located at position `index` of a list. */
  at(index2) {
    return new _NetParseError(this.token, this.reason, index2);
  }
};

// shared/net/address.ts
var maxValue = { 4: (1n << 32n) - 1n, 6: (1n << 128n) - 1n };
var addressBits = { 4: 32, 6: 128 };
var v4MappedPrefix = 0xffffn << 32n;
function fromBytes(bytes) {
  let value = 0n;
  for (const byte of bytes) value = value << 8n | BigInt(byte);
  return value;
}
function toBytes(value, count) {
  const bytes = new Array(count);
  for (let i = count - 1; i >= 0; i--) {
    bytes[i] = Number(value & 0xffn);
    value >>= 8n;
  }
  return bytes;
}
function parseAddress(text2) {
  if (text2.length === 0) throw new NetParseError(text2, "empty address");
  if (text2.trim() !== text2) throw new NetParseError(text2, "address has surrounding whitespace");
  if (ipaddr.IPv4.isValidFourPartDecimal(text2)) {
    return { family: 4, value: fromBytes(ipaddr.IPv4.parse(text2).toByteArray()) };
  }
  if (text2.includes(":")) {
    if (text2.includes("%")) throw new NetParseError(text2, "IPv6 zone identifiers are not allowed");
    if (ipaddr.IPv6.isValid(text2)) {
      return { family: 6, value: fromBytes(ipaddr.IPv6.parse(text2).toByteArray()) };
    }
    throw new NetParseError(text2, "not a valid IPv6 address");
  }
  throw new NetParseError(text2, "not a valid IP address");
}
function tryParseAddress(text2) {
  try {
    return parseAddress(text2);
  } catch (error) {
    if (error instanceof NetParseError) return void 0;
    throw error;
  }
}
function isIpAddress(text2) {
  return tryParseAddress(text2) !== void 0;
}
function formatAddress(family, value) {
  if (family === 4) return toBytes(value, 4).join(".");
  if (value >> 32n === 0xffffn) return `::ffff:${formatAddress(4, value - v4MappedPrefix)}`;
  return ipaddr.fromByteArray(toBytes(value, 16)).toString();
}
function familyName(family) {
  return family === 4 ? "IPv4" : "IPv6";
}

// shared/net/cidr.ts
function hostMask(family, prefix3) {
  return (1n << BigInt(addressBits[family] - prefix3)) - 1n;
}
function cidrFrom(family, address, prefix3) {
  const mask = hostMask(family, prefix3);
  const network = address & ~mask & maxValue[family];
  return { family, address, prefix: prefix3, network, last: network | mask, hostBitsSet: address !== network };
}
var prefixPattern = /^(0|[1-9][0-9]{0,2})$/;
function parseCidr(text2) {
  const slash = text2.indexOf("/");
  if (slash < 0) throw new NetParseError(text2, 'not a CIDR: missing "/prefix"');
  const addressText = text2.slice(0, slash);
  const prefixText = text2.slice(slash + 1);
  let family;
  let address;
  try {
    ({ family, value: address } = parseAddress(addressText));
  } catch (error) {
    if (error instanceof NetParseError)
      throw new NetParseError(text2, `invalid CIDR address: ${error.reason}`);
    throw error;
  }
  if (!prefixPattern.test(prefixText)) throw new NetParseError(text2, `invalid prefix length "${prefixText}"`);
  const prefix3 = Number(prefixText);
  if (prefix3 > addressBits[family]) {
    throw new NetParseError(text2, `prefix length ${prefix3} exceeds ${addressBits[family]}`);
  }
  return cidrFrom(family, address, prefix3);
}
function cidrRange(cidr3) {
  return { family: cidr3.family, first: cidr3.network, last: cidr3.last };
}
function formatCidr(cidr3) {
  return `${formatAddress(cidr3.family, cidr3.network)}/${cidr3.prefix}`;
}
function exactPrefix(range) {
  const size2 = range.last - range.first + 1n;
  if ((size2 & size2 - 1n) !== 0n) return void 0;
  if ((range.first & size2 - 1n) !== 0n) return void 0;
  const hostBits = size2.toString(2).length - 1;
  return addressBits[range.family] - hostBits;
}

// shared/alb/dslx.ts
var KEYED_TYPES = ["PARAM", "HEADER", "COOKIE"];
var HTTP_METHODS = [
  "GET",
  "HEAD",
  "POST",
  "PUT",
  "PATCH",
  "DELETE",
  "OPTIONS",
  "CONNECT",
  "TRACE"
];
var ARITY = {
  EQ: { min: 1, max: 1 },
  STARTS_WITH: { min: 1, max: 1 },
  ENDS_WITH: { min: 1, max: 1 },
  REGEX: { min: 1, max: 1 },
  IN: { min: 1, max: Number.POSITIVE_INFINITY },
  RANGE: { min: 2, max: 2 },
  EXIST: { min: 0, max: 0 }
};
var MATCHERS_OF = {
  METHOD: ["EQ", "IN"],
  URL: ["EQ", "STARTS_WITH", "ENDS_WITH", "REGEX", "IN"],
  HOST: ["EQ", "STARTS_WITH", "ENDS_WITH", "REGEX", "IN"],
  PARAM: ["EQ", "STARTS_WITH", "ENDS_WITH", "REGEX", "IN", "EXIST"],
  HEADER: ["EQ", "STARTS_WITH", "ENDS_WITH", "REGEX", "IN", "EXIST"],
  COOKIE: ["EQ", "STARTS_WITH", "ENDS_WITH", "REGEX", "IN", "EXIST"],
  SRC_IP: ["EQ", "IN", "RANGE"]
};
function matcherNamed(name) {
  return dslxMatchers.find((m) => m === name);
}
function notAMatcher(field, name) {
  return { field, message: `"${name}" is not a matcher (${dslxMatchers.join(", ")})` };
}
function nestedValues(values) {
  const nested = [];
  for (const value of values) {
    if (!Array.isArray(value)) return void 0;
    nested.push(value);
  }
  return nested;
}
function alternativesOf(term, base) {
  const alternatives2 = [];
  const problems = [];
  const nested = nestedValues(term.values);
  if (nested) {
    for (const [i, entry] of nested.entries()) {
      const [name = "", ...operands] = entry;
      const field = `${base}.values[${i}]`;
      const op = matcherNamed(name);
      if (op) alternatives2.push({ op, operands, field });
      else problems.push(notAMatcher(`${field}[0]`, name));
    }
    return { alternatives: alternatives2, problems };
  }
  for (const [i, token] of term.values.entries()) {
    if (typeof token !== "string") continue;
    const op = matcherNamed(token);
    if (op) alternatives2.push({ op, operands: [], field: `${base}.values[${i}]` });
    else if (alternatives2.length > 0) alternatives2[alternatives2.length - 1]?.operands.push(token);
    else problems.push(notAMatcher(`${base}.values[${i}]`, token));
  }
  return { alternatives: alternatives2, problems };
}
function regexProblem(pattern) {
  try {
    new RegExp(pattern);
    return void 0;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
function operandProblems(type, alt) {
  const out = [];
  if (alt.op === "REGEX") {
    const problem = regexProblem(alt.operands[0] ?? "");
    if (problem) out.push(`REGEX "${alt.operands[0]}" does not compile: ${problem}`);
  }
  if (type === "METHOD") {
    for (const method of alt.operands) {
      if (!HTTP_METHODS.includes(method))
        out.push(`"${method}" is not an HTTP method (${HTTP_METHODS.join(", ")})`);
    }
  }
  if (type === "SRC_IP") {
    const parsed = alt.operands.map((a) => tryParseAddress(a));
    alt.operands.forEach((operand, i) => {
      if (!parsed[i]) out.push(`"${operand}" is not an IP address`);
    });
    const [from, to] = parsed;
    if (alt.op === "RANGE" && from && to) {
      if (from.family !== to.family)
        out.push(`RANGE ${alt.operands[0]} - ${alt.operands[1]} mixes IPv4 and IPv6`);
      else if (from.value > to.value)
        out.push(`RANGE ${alt.operands[0]} - ${alt.operands[1]} ends before it starts`);
    }
  }
  return out;
}
function dslxProblems(terms) {
  const out = [];
  for (const [t, term] of terms.entries()) {
    const base = `spec.dslx[${t}]`;
    const keyed = KEYED_TYPES.includes(term.type);
    if (keyed && !term.key)
      out.push({
        field: `${base}.key`,
        message: `a ${term.type} term needs the ${term.type.toLowerCase()} name in key`
      });
    if (!keyed && term.key)
      out.push({
        field: `${base}.key`,
        message: `a ${term.type} term takes no key (only ${KEYED_TYPES.join(", ")} do)`
      });
    const { alternatives: alternatives2, problems } = alternativesOf(term, base);
    out.push(...problems);
    for (const alt of alternatives2) {
      if (!MATCHERS_OF[term.type].includes(alt.op)) {
        out.push({
          field: alt.field,
          message: `${term.type} takes ${MATCHERS_OF[term.type].join(", ")}, not ${alt.op}`
        });
        continue;
      }
      const { min, max } = ARITY[alt.op];
      const n = alt.operands.length;
      if (n < min || n > max) {
        const want = min === max ? `${min}` : `at least ${min}`;
        out.push({ field: alt.field, message: `${alt.op} takes ${want} operand(s), got ${n}` });
        continue;
      }
      for (const message of operandProblems(term.type, alt)) out.push({ field: alt.field, message });
    }
  }
  return out;
}

// shared/alb/names.ts
function frontendName(alb, port2) {
  return `${alb}-${String(port2).padStart(5, "0")}`;
}
function isFrontendNameOf(alb, frontend) {
  return frontend.startsWith(`${alb}-`) && /^\d{5}$/.test(frontend.slice(alb.length + 1));
}

// shared/kube/keys/alb.ts
var ALB_LABEL = "alb2.cpaas.io/name";
var FRONTEND_LABEL = "alb2.cpaas.io/frontend";
var FRONTEND_PROJECT_LABEL = "project.cpaas.io/name";
var NAMESPACE_PROJECT_LABEL = "cpaas.io/project";
var ALB_TLS_ANNOTATION = "alb.networking.cpaas.io/tls";
var ALB_ENABLE_HTTPS_ANNOTATION = "alb.networking.cpaas.io/enable-https";
var PRIORITY_ANNOTATION_PREFIX = "alb.cpaas.io/ingress-rule-priority-";
var L7_PROTOCOLS = ["http", "https", "grpc", "grpcs"];
var L4_PROTOCOLS = ["tcp", "udp"];

// webhooks/rules/findings.ts
function finding(severity, ...[rule, field, message, reason, conflictsWith]) {
  const built = { severity, rule, field, message };
  if (reason) built.reason = reason;
  if (conflictsWith) built.conflictsWith = conflictsWith;
  return built;
}
var deny = (...args) => finding("deny", ...args);
var warn = (...args) => finding("warn", ...args);
function schemaViolations(issues) {
  return issues.map((issue) => deny("schema", issue.path, issue.message));
}
function keptUnknownFields(issues) {
  return issues.map((issue) => warn("schema", issue.path, issue.message, "UnknownField"));
}
function ruleFailure(rule, error) {
  return deny(rule, "", `rule ${rule} failed: ${error instanceof Error ? error.message : String(error)}`);
}
function malformedNeighbour(object, issues) {
  const other = describeObject(object);
  const first = issues[0];
  const where = first ? `${first.path}: ${first.message}` : "unreadable";
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : "";
  return warn(
    "model",
    "",
    `${other} does not conform to its schema at ${where}${more}; only its conforming parts were read`,
    "MalformedObject",
    other
  );
}
function formatFinding(finding2) {
  let text2 = finding2.field ? `${finding2.field}: ${finding2.message}` : finding2.message;
  if (finding2.reason) text2 += ` (${finding2.reason})`;
  if (finding2.conflictsWith) text2 += ` [conflicts with ${finding2.conflictsWith}]`;
  return text2;
}
function denyMessage(findings) {
  return findings.filter((f) => f.severity === "deny").map(formatFinding).join("; ");
}
function warningMessages(findings) {
  return findings.filter((f) => f.severity === "warn").map(formatFinding);
}

// webhooks/rules/alb/lib/labels.ts
function labelField(key) {
  return formatPath(["metadata", "labels", key]);
}
function labelOf(obj, key) {
  return obj.metadata.labels?.[key] || void 0;
}

// webhooks/rules/alb/lib/service-group.ts
var SESSION_AFFINITY_POLICIES = ["", "sip-hash", "cookie", "header"];
var SERVICE_GROUP_REASONS = [
  "InvalidSessionAffinity",
  "SessionAffinityAttributeRequired",
  "DuplicateService",
  "NoWeightedService"
];
function serviceGroupFindings(rule, group5) {
  if (!group5) return [];
  const out = [];
  const policy = group5.session_affinity_policy ?? "";
  if (!SESSION_AFFINITY_POLICIES.includes(policy)) {
    out.push(
      deny(
        rule,
        "spec.serviceGroup.session_affinity_policy",
        `"${policy}" is not one of sip-hash, cookie, header (or empty for none)`,
        "InvalidSessionAffinity"
      )
    );
  } else if ((policy === "cookie" || policy === "header") && !group5.session_affinity_attribute) {
    out.push(
      deny(
        rule,
        "spec.serviceGroup.session_affinity_attribute",
        `session affinity by ${policy} needs the ${policy} name in session_affinity_attribute`,
        "SessionAffinityAttributeRequired"
      )
    );
  }
  const services = group5.services ?? [];
  const seen = /* @__PURE__ */ new Map();
  for (const [i, service] of services.entries()) {
    const key = `${service.namespace}/${service.name}:${service.port}`;
    const first = seen.get(key);
    if (first !== void 0) {
      out.push(
        deny(
          rule,
          `spec.serviceGroup.services[${i}]`,
          `Service ${key} is listed twice (also services[${first}]); give it one weight`,
          "DuplicateService",
          `Service ${service.namespace}/${service.name}`
        )
      );
    } else seen.set(key, i);
  }
  if (services.length > 0 && services.every((s) => s.weight === 0)) {
    out.push(
      deny(
        rule,
        "spec.serviceGroup.services",
        "every service has weight 0, so no service receives traffic; weights are 0-100",
        "NoWeightedService"
      )
    );
  }
  return out;
}

// webhooks/rules/alb/alb-rule.ts
var RULE = "alb/rule";
function attachmentFindings(ctx) {
  const rule = ctx.object;
  const albName = labelOf(rule, ALB_LABEL);
  const frontendName2 = labelOf(rule, FRONTEND_LABEL);
  const out = [];
  if (!frontendName2)
    out.push(
      deny(
        RULE,
        labelField(FRONTEND_LABEL),
        "the label naming the Rule's Frontend is required",
        "FrontendLabelRequired"
      )
    );
  if (!albName)
    out.push(
      deny(RULE, labelField(ALB_LABEL), "the label naming the Rule's ALB is required", "AlbLabelRequired")
    );
  if (!albName || !frontendName2) return out;
  const namespace2 = rule.metadata.namespace ?? "";
  const described = `Frontend ${namespace2}/${frontendName2}`;
  const frontend = ctx.view.get(FRONTEND, namespace2, frontendName2);
  if (!frontend) {
    if (!isFrontendNameOf(albName, frontendName2)) {
      out.push(
        deny(
          RULE,
          labelField(FRONTEND_LABEL),
          `${frontendName2} cannot be a Frontend of ALB ${albName}: Frontends are named <alb>-<port as 5 digits>`,
          "FrontendOfOtherAlb"
        )
      );
    } else {
      out.push(
        warn(
          RULE,
          labelField(FRONTEND_LABEL),
          `${described} does not exist (yet); the Rule matches nothing`,
          "FrontendNotFound",
          described
        )
      );
    }
    return out;
  }
  const frontendAlb = labelOf(frontend, ALB_LABEL);
  if (frontendAlb !== albName) {
    out.push(
      deny(
        RULE,
        labelField(ALB_LABEL),
        `names ALB ${albName} but ${described} belongs to ALB ${frontendAlb ?? "(none)"}`,
        "FrontendOfOtherAlb",
        described
      )
    );
  }
  const protocol2 = frontend.spec.protocol;
  if (!L7_PROTOCOLS.includes(protocol2)) {
    out.push(
      deny(
        RULE,
        labelField(FRONTEND_LABEL),
        `${described} is ${protocol2}; Rules only apply to ${L7_PROTOCOLS.join(", ")} Frontends`,
        "RuleOnL4Frontend",
        described
      )
    );
  }
  if ((protocol2 === "http" || protocol2 === "grpc") && rule.spec.certificate_name) {
    out.push(
      warn(
        RULE,
        "spec.certificate_name",
        `${described} is ${protocol2}, so the certificate is never served; certificates apply on https and grpcs Frontends`,
        "CertificateOnPlainFrontend",
        described
      )
    );
  }
  return out;
}
function backendProtocolFindings(rule) {
  const backend = rule.spec.backendProtocol;
  if (!backend || L7_PROTOCOLS.includes(backend)) return [];
  return [
    deny(
      RULE,
      "spec.backendProtocol",
      `"${backend}" is not a backend protocol of a Rule (${L7_PROTOCOLS.join(", ")})`,
      "InvalidBackendProtocol"
    )
  ];
}
function check(ctx) {
  const rule = ctx.object;
  return [
    ...attachmentFindings(ctx),
    ...dslxProblems(rule.spec.dslx ?? []).map((p) => deny(RULE, p.field, p.message, "InvalidDslx")),
    ...backendProtocolFindings(rule),
    ...serviceGroupFindings(RULE, rule.spec.serviceGroup)
  ];
}
var albRuleRule = {
  id: RULE,
  kinds: [ALB_RULE],
  reasons: [
    "FrontendLabelRequired",
    "AlbLabelRequired",
    "FrontendOfOtherAlb",
    "FrontendNotFound",
    "RuleOnL4Frontend",
    "CertificateOnPlainFrontend",
    "InvalidDslx",
    "InvalidBackendProtocol",
    ...SERVICE_GROUP_REASONS
  ],
  guide: "Rule",
  check
};

// shared/alb/port-projects.ts
var FORMAT = 'a JSON list of {"port": "<port>" or "<from>-<to>", "projects": ["<project>", ...]}';
function portNumber2(text2) {
  if (!/^\d{1,5}$/.test(text2)) return void 0;
  const port2 = Number(text2);
  return port2 >= 1 && port2 <= 65535 ? port2 : void 0;
}
function projectNames(value) {
  if (!Array.isArray(value) || value.length === 0) return void 0;
  const names = value.filter((p) => typeof p === "string" && p !== "");
  return names.length === value.length ? names : void 0;
}
function parseEntry(raw, index2) {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return `entry ${index2} is not an object`;
  const extra = Object.keys(raw).filter((k) => k !== "port" && k !== "projects");
  if (extra.length > 0) return `entry ${index2} has unknown field(s) ${extra.join(", ")}`;
  const port2 = "port" in raw ? raw.port : void 0;
  if (typeof port2 !== "string") return `entry ${index2} needs "port" as a string such as "30000-30100"`;
  const [first = "", second, more] = port2.split("-");
  const from = portNumber2(first.trim());
  const to = second === void 0 ? from : portNumber2(second.trim());
  if (more !== void 0 || from === void 0 || to === void 0) {
    return `entry ${index2} port "${port2}" is not a port or range within 1-65535`;
  }
  if (from > to) return `entry ${index2} port range "${port2}" ends before it starts`;
  const projects = projectNames("projects" in raw ? raw.projects : void 0);
  if (!projects) return `entry ${index2} needs "projects" as a non-empty list of project names`;
  return { port: port2, from, to, projects, index: index2 };
}
function parseJson(text2) {
  try {
    return { value: JSON.parse(text2) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}
function parsePortProjects(text2) {
  const parsed = parseJson(text2);
  if ("error" in parsed) {
    return {
      entries: [],
      problems: [{ index: -1, message: `is not JSON (${parsed.error}); expected ${FORMAT}` }]
    };
  }
  const raw = parsed.value;
  if (!Array.isArray(raw)) return { entries: [], problems: [{ index: -1, message: `expected ${FORMAT}` }] };
  const entries = [];
  const problems = [];
  for (const [index2, item] of raw.entries()) {
    const entry = parseEntry(item, index2);
    if (typeof entry === "string") problems.push({ index: index2, message: entry });
    else entries.push(entry);
  }
  const sorted = [...entries].sort((a, b) => a.from - b.from || a.to - b.to);
  let widest;
  for (const entry of sorted) {
    if (widest && entry.from <= widest.to) {
      problems.push({
        index: entry.index,
        message: `entry ${entry.index} port range "${entry.port}" (projects ${entry.projects.join(", ")}) overlaps entry ${widest.index} "${widest.port}" (projects ${widest.projects.join(", ")})`
      });
    }
    if (!widest || entry.to > widest.to) widest = entry;
  }
  return { entries, problems };
}
function projectRangeOf(entries, port2) {
  return entries.find((e) => e.from <= port2 && port2 <= e.to);
}
function portProjectsOf(alb) {
  const config = alb.spec.config;
  if (config?.enablePortProject !== true || config.portProjects === void 0) return void 0;
  return parsePortProjects(config.portProjects).entries;
}

// shared/alb/settings.ts
function configOrSpec(key, fromConfig, fromSpec) {
  if (fromConfig !== void 0) return { value: fromConfig, field: `spec.config.${key}` };
  return fromSpec !== void 0 ? { value: fromSpec, field: `spec.${key}` } : void 0;
}
function albReplicas(alb) {
  return configOrSpec("replicas", alb.spec.config?.replicas, alb.spec.replicas);
}
function albProjects(alb) {
  return configOrSpec("projects", alb.spec.config?.projects, alb.spec.projects);
}
function sslDefaults(alb) {
  return {
    strategy: alb.spec.config?.defaultSSLStrategy ?? "Never",
    certificate: alb.spec.config?.defaultSSLCert || void 0
  };
}

// shared/kube/model/indexes.ts
function equalityIndex(kind2, name, keys) {
  return {
    kind: kind2.groupKind,
    name,
    keys: (stored) => {
      const object = kind2.read(stored).object;
      return object ? keys(object) : [];
    }
  };
}
function rangeIndex(kind2, name, ranges) {
  return {
    kind: kind2.groupKind,
    name,
    ranges: (stored) => {
      const object = kind2.read(stored).object;
      return object ? ranges(object) : [];
    }
  };
}

// webhooks/rules/alb/indexes.ts
var FRONTENDS_BY_ALB_INDEX = "alb/frontends-by-alb";
var RULES_BY_FRONTEND_INDEX = "alb/rules-by-frontend";
function namespacedKey(namespace2, name) {
  return `${namespace2 ?? ""}|${name ?? ""}`;
}
var byLabel = (label2) => (obj) => {
  const value = obj.metadata.labels?.[label2];
  return value ? [namespacedKey(obj.metadata.namespace, value)] : [];
};
var albEqualityIndexes = [
  equalityIndex(FRONTEND, FRONTENDS_BY_ALB_INDEX, byLabel(ALB_LABEL)),
  equalityIndex(ALB_RULE, RULES_BY_FRONTEND_INDEX, byLabel(FRONTEND_LABEL))
];

// webhooks/rules/alb/alb2.ts
var RULE2 = "alb/alb2";
var DNS_NAME = /^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
function addressFindings(alb) {
  const address = alb.spec.address?.trim() ?? "";
  if (!address)
    return [
      deny(
        RULE2,
        "spec.address",
        "address is required (the IPs or domain users reach the ALB at)",
        "AddressRequired"
      )
    ];
  const out = [];
  for (const entry of address.split(",").map((e) => e.trim())) {
    if (!isIpAddress(entry) && (!DNS_NAME.test(entry) || /^[\d.]+$/.test(entry))) {
      out.push(
        deny(RULE2, "spec.address", `"${entry}" is neither an IP address nor a DNS name`, "InvalidAddress")
      );
    }
  }
  return out;
}
function replicaFindings(alb) {
  const replicas = albReplicas(alb);
  if (!replicas || replicas.value >= 1) return [];
  return [deny(RULE2, replicas.field, `replicas ${replicas.value} must be at least 1`, "InvalidReplicas")];
}
function projectFindings(alb) {
  if (alb.spec.config?.enablePortProject === true) return [];
  const projects = albProjects(alb);
  if ((projects?.value ?? []).filter(Boolean).length > 0) return [];
  return [
    deny(
      RULE2,
      projects?.field ?? "spec.config.projects",
      "at least one project is required (ALL_ALL for every project), unless spec.config.enablePortProject assigns ports to projects",
      "ProjectsRequired"
    )
  ];
}
function portProjectFindings(alb) {
  const config = alb.spec.config;
  if (config?.portProjects === void 0) return [];
  const out = [];
  if (!config.enablePortProject) {
    out.push(
      warn(
        RULE2,
        "spec.config.portProjects",
        "has no effect unless spec.config.enablePortProject is true",
        "PortProjectsIgnored"
      )
    );
  }
  for (const problem of parsePortProjects(config.portProjects).problems) {
    out.push(deny(RULE2, "spec.config.portProjects", problem.message, "InvalidPortProjects"));
  }
  return out;
}
function sslStrategyFindings(alb) {
  const { strategy, certificate } = sslDefaults(alb);
  if (strategy === "Never" || certificate) return [];
  return [
    warn(
      RULE2,
      "spec.config.defaultSSLStrategy",
      `${strategy} needs spec.config.defaultSSLCert ("<namespace>/<secret>"); without it Ingresses without a certificate get no https rules`,
      "DefaultCertificateMissing"
    )
  ];
}
function strandedFrontendFindings(alb, view) {
  const ranges = portProjectsOf(alb);
  if (!ranges) return [];
  const namespace2 = alb.metadata.namespace ?? "";
  const out = [];
  const key = namespacedKey(namespace2, alb.metadata.name);
  for (const frontend of view.byIndex(FRONTEND, FRONTENDS_BY_ALB_INDEX, key)) {
    const port2 = frontend.spec.port;
    if (projectRangeOf(ranges, port2)) continue;
    const described = `Frontend ${namespace2}/${frontend.metadata.name ?? ""}`;
    out.push(
      warn(
        RULE2,
        "spec.config.portProjects",
        `port ${port2} of ${described} is in no port range`,
        "FrontendOutsidePortRanges",
        described
      )
    );
  }
  return out;
}
function check2(ctx) {
  const alb = ctx.object;
  return [
    ...addressFindings(alb),
    ...replicaFindings(alb),
    ...projectFindings(alb),
    ...portProjectFindings(alb),
    ...sslStrategyFindings(alb),
    ...strandedFrontendFindings(alb, ctx.view)
  ];
}
var alb2Rule = {
  id: RULE2,
  kinds: [ALB2],
  reasons: [
    "AddressRequired",
    "InvalidAddress",
    "InvalidReplicas",
    "ProjectsRequired",
    "PortProjectsIgnored",
    "InvalidPortProjects",
    "DefaultCertificateMissing",
    "FrontendOutsidePortRanges"
  ],
  guide: "\u914D\u7F6E ALB",
  check: check2
};

// webhooks/rules/alb/alb2-delete.ts
var RULE3 = "alb/alb2-delete";
var alb2DeleteRule = {
  id: RULE3,
  kinds: [ALB2],
  operations: ["DELETE"],
  reasons: ["CascadingDelete"],
  guide: "ALB \u64CD\u4F5C",
  check(ctx) {
    const namespace2 = ctx.object.metadata.namespace ?? "";
    const name = ctx.object.metadata.name ?? "";
    const frontends = ctx.view.byIndex(FRONTEND, FRONTENDS_BY_ALB_INDEX, namespacedKey(namespace2, name));
    if (frontends.length === 0) return [];
    const names = frontends.map((f) => f.metadata.name ?? "").sort();
    return [
      warn(
        RULE3,
        "metadata.name",
        `deleting ALB ${namespace2}/${name} also deletes its ${names.length} Frontend(s) (${names.join(", ")}) and their Rules; they cannot be restored`,
        "CascadingDelete",
        `Frontend ${namespace2}/${names[0]}`
      )
    ];
  }
};

// shared/alb/projects.ts
function namespaceProject(view, namespace2) {
  return view.get(NAMESPACE, "", namespace2)?.metadata.labels?.[NAMESPACE_PROJECT_LABEL];
}

// webhooks/rules/alb/frontend.ts
var RULE4 = "alb/frontend";
function protocolFindings(frontend) {
  const { protocol: protocol2, certificate_name: certificate, backendProtocol, serviceGroup: serviceGroup2 } = frontend.spec;
  const out = [];
  if (protocol2 === "https" && !certificate) {
    out.push(
      deny(
        RULE4,
        "spec.certificate_name",
        'an https Frontend needs a certificate ("<namespace>/<secret>")',
        "CertificateRequired"
      )
    );
  }
  const l4 = L4_PROTOCOLS.includes(protocol2);
  if (l4 && (serviceGroup2?.services ?? []).length === 0) {
    out.push(
      deny(
        RULE4,
        "spec.serviceGroup.services",
        `a ${protocol2} Frontend forwards to its serviceGroup, which needs at least one service`,
        "ServiceGroupRequired"
      )
    );
  }
  if (backendProtocol) {
    const allowed = l4 ? [protocol2] : L7_PROTOCOLS;
    if (!allowed.includes(backendProtocol)) {
      out.push(
        deny(
          RULE4,
          "spec.backendProtocol",
          `"${backendProtocol}" is not a backend protocol of a ${protocol2} Frontend (${allowed.join(", ")})`,
          "InvalidBackendProtocol"
        )
      );
    }
  }
  return out;
}
function projectOf(frontend, view) {
  return labelOf(frontend, FRONTEND_PROJECT_LABEL) ?? (namespaceProject(view, frontend.metadata.namespace ?? "") || void 0);
}
function portProjectFindings2(frontend, alb, view) {
  const ranges = portProjectsOf(alb);
  if (!ranges) return [];
  const albName = `ALB2 ${alb.metadata.namespace}/${alb.metadata.name}`;
  const port2 = frontend.spec.port;
  const range = projectRangeOf(ranges, port2);
  if (!range) {
    const assigned = ranges.map((r) => r.port).join(", ") || "none yet";
    return [
      deny(
        RULE4,
        "spec.port",
        `port ${port2} is in no port range of ${albName} (assigned: ${assigned})`,
        "PortNotAssigned",
        albName
      )
    ];
  }
  const project = projectOf(frontend, view);
  if (project && !range.projects.includes(project)) {
    return [
      deny(
        RULE4,
        "spec.port",
        `port ${port2} is in range ${range.port} of ${albName}, assigned to ${range.projects.join(", ")}, not to project ${project}`,
        "PortOfOtherProject",
        albName
      )
    ];
  }
  return [];
}
function attachedRuleFindings(frontend, view) {
  if (!L4_PROTOCOLS.includes(frontend.spec.protocol)) return [];
  const namespace2 = frontend.metadata.namespace ?? "";
  const names = view.byIndex(ALB_RULE, RULES_BY_FRONTEND_INDEX, namespacedKey(namespace2, frontend.metadata.name)).map((r) => r.metadata.name ?? "").sort();
  if (names.length === 0) return [];
  return [
    deny(
      RULE4,
      "spec.protocol",
      `a ${frontend.spec.protocol} Frontend takes no Rules, but ${names.length} Rule(s) name it (${names.join(", ")})`,
      "RulesOnL4Frontend",
      `Rule ${namespace2}/${names[0]}`
    )
  ];
}
function albFindings(frontend, view) {
  const albName = labelOf(frontend, ALB_LABEL);
  if (!albName) {
    return [
      deny(
        RULE4,
        labelField(ALB_LABEL),
        "the label naming the Frontend's ALB is required",
        "AlbLabelRequired"
      )
    ];
  }
  const out = [];
  const expected = frontendName(albName, frontend.spec.port);
  if (frontend.metadata.name !== expected) {
    out.push(
      deny(
        RULE4,
        "metadata.name",
        `a Frontend of ALB ${albName} on port ${frontend.spec.port} must be named ${expected} (<alb>-<port as 5 digits>)`,
        "FrontendName"
      )
    );
  }
  const namespace2 = frontend.metadata.namespace ?? "";
  const alb = view.get(ALB2, namespace2, albName);
  if (!alb) {
    out.push(
      warn(
        RULE4,
        labelField(ALB_LABEL),
        `ALB2 ${namespace2}/${albName} does not exist (yet)`,
        "AlbNotFound",
        `ALB2 ${namespace2}/${albName}`
      )
    );
    return out;
  }
  out.push(...portProjectFindings2(frontend, alb, view));
  return out;
}
function check3(ctx) {
  const frontend = ctx.object;
  return [
    ...protocolFindings(frontend),
    ...attachedRuleFindings(frontend, ctx.view),
    ...serviceGroupFindings(RULE4, frontend.spec.serviceGroup),
    ...albFindings(frontend, ctx.view)
  ];
}
var frontendRule = {
  id: RULE4,
  kinds: [FRONTEND],
  reasons: [
    "CertificateRequired",
    "ServiceGroupRequired",
    "InvalidBackendProtocol",
    "RulesOnL4Frontend",
    ...SERVICE_GROUP_REASONS,
    "AlbLabelRequired",
    "FrontendName",
    "AlbNotFound",
    "PortNotAssigned",
    "PortOfOtherProject"
  ],
  guide: "\u914D\u7F6E Frontend",
  check: check3
};

// webhooks/rules/alb/frontend-delete.ts
var RULE5 = "alb/frontend-delete";
var frontendDeleteRule = {
  id: RULE5,
  kinds: [FRONTEND],
  operations: ["DELETE"],
  reasons: ["OrphanedRules"],
  guide: "Frontend \u64CD\u4F5C",
  check(ctx) {
    const namespace2 = ctx.object.metadata.namespace ?? "";
    const name = ctx.object.metadata.name ?? "";
    const rules = ctx.view.byIndex(ALB_RULE, RULES_BY_FRONTEND_INDEX, namespacedKey(namespace2, name));
    if (rules.length === 0) return [];
    const names = rules.map((r) => r.metadata.name ?? "").sort();
    return [
      warn(
        RULE5,
        "metadata.name",
        `${names.length} Rule(s) (${names.join(", ")}) still name Frontend ${namespace2}/${name} and stop matching`,
        "OrphanedRules",
        `Rule ${namespace2}/${names[0]}`
      )
    ];
  }
};

// webhooks/rules/alb/index.ts
var albFamily = {
  name: "alb",
  rules: [alb2Rule, alb2DeleteRule, frontendRule, frontendDeleteRule, albRuleRule],
  mutators: [],
  equalityIndexes: albEqualityIndexes,
  reads: [ALB2, FRONTEND, ALB_RULE, NAMESPACE]
};

// shared/tls/hostname.ts
import ipaddr2 from "ipaddr.js";
function splitSubjectAltName(text2) {
  const entries = [];
  let i = 0;
  while (i < text2.length) {
    const colon = text2.indexOf(":", i);
    if (colon < 0) break;
    const type = text2.slice(i, colon).trim();
    let value;
    let next;
    if (text2[colon + 1] === '"') {
      let end = colon + 2;
      while (end < text2.length && text2[end] !== '"') end += text2[end] === "\\" ? 2 : 1;
      value = JSON.parse(text2.slice(colon + 1, end + 1));
      next = text2.indexOf(", ", end);
    } else {
      next = text2.indexOf(", ", colon);
      value = text2.slice(colon + 1, next < 0 ? text2.length : next);
    }
    entries.push([type, value]);
    if (next < 0) break;
    i = next + 2;
  }
  return entries;
}
function canonicalIp(text2) {
  const bare = text2.startsWith("[") && text2.endsWith("]") ? text2.slice(1, -1) : text2;
  if (ipaddr2.IPv4.isValidFourPartDecimal(bare)) return ipaddr2.IPv4.parse(bare).toString();
  if (ipaddr2.IPv6.isValid(bare)) {
    const v6 = ipaddr2.IPv6.parse(bare);
    return v6.isIPv4MappedAddress() ? v6.toIPv4Address().toString() : v6.toNormalizedString();
  }
  return void 0;
}
function commonNameOf(subject) {
  for (const line of (subject ?? "").split("\n")) {
    if (line.startsWith("CN=")) return line.slice(3);
  }
  return void 0;
}
function certificateNames(certificate) {
  const entries = certificate.subjectAltName ? splitSubjectAltName(certificate.subjectAltName) : [];
  const dns = [];
  const ips = [];
  for (const [type, value] of entries) {
    if (type === "DNS") dns.push(normalizeHostname(value));
    else if (type === "IP Address") {
      const ip2 = canonicalIp(value);
      if (ip2) ips.push(ip2);
    }
  }
  const commonName = commonNameOf(certificate.subject);
  return {
    dns,
    ips,
    hasSubjectAltNames: entries.length > 0,
    ...commonName === void 0 ? {} : { commonName }
  };
}
function normalizeHostname(name) {
  const lower = name.toLowerCase();
  return lower.endsWith(".") ? lower.slice(0, -1) : lower;
}
function dnsNameMatches(presented, host) {
  if (presented === host) return true;
  if (host.startsWith("*.") || !presented.startsWith("*.")) return false;
  const suffix = presented.slice(1);
  if (suffix.length < 2 || !host.endsWith(suffix)) return false;
  const label2 = host.slice(0, host.length - suffix.length);
  return label2.length > 0 && !label2.includes(".");
}
function certificateCoversHost(certificate, host) {
  return namesCoverHost(certificateNames(certificate), host);
}
function namesCoverHost(names, host) {
  const ip2 = canonicalIp(host);
  if (ip2 !== void 0) return names.ips.includes(ip2);
  const wanted = normalizeHostname(host);
  if (wanted === "") return false;
  const presented = names.hasSubjectAltNames ? names.dns : names.commonName !== void 0 ? [normalizeHostname(names.commonName)] : [];
  return presented.some((name) => dnsNameMatches(name, wanted));
}
function describeNames(names) {
  const parts = [...names.dns.map((d) => `DNS:${d}`), ...names.ips.map((ip2) => `IP:${ip2}`)];
  if (parts.length === 0 && names.commonName !== void 0) parts.push(`CN:${names.commonName}`);
  return parts.length === 0 ? "no names" : parts.join(", ");
}

// shared/tls/certificate.ts
import { X509Certificate } from "node:crypto";

// shared/tls/pem.ts
var TlsInputError = class extends Error {
  constructor(message, blockIndex) {
    super(message);
    this.blockIndex = blockIndex;
    this.name = "TlsInputError";
  }
  blockIndex;
};
var BINARY_NOT_SUPPORTED = "binary files are not supported";
var beginLine = /^-----BEGIN ([A-Z0-9 ]+)-----$/;
var endLine = /^-----END ([A-Z0-9 ]+)-----$/;
var headerLine = /^([A-Za-z][A-Za-z0-9-]*):\s*(.*)$/;
var base64Line = /^[A-Za-z0-9+/]*={0,2}$/;
function isBinaryContent(bytes) {
  let text2;
  try {
    text2 = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return true;
  }
  return hasControlCharacters(text2);
}
function hasControlCharacters(text2) {
  for (let i = 0; i < text2.length; i++) {
    const code = text2.charCodeAt(i);
    if (code < 32 && code !== 9 && code !== 10 && code !== 13 || code === 127) return true;
  }
  return false;
}
function blockName(index2, label2) {
  return `PEM block ${index2} (${label2})`;
}
function parsePemBlocks(input) {
  if (typeof input !== "string" && isBinaryContent(input)) throw new TlsInputError(BINARY_NOT_SUPPORTED);
  const text2 = typeof input === "string" ? input : new TextDecoder().decode(input);
  if (hasControlCharacters(text2)) throw new TlsInputError(BINARY_NOT_SUPPORTED);
  if (text2.trim() === "") throw new TlsInputError("is empty: expected PEM text");
  const lines = text2.split(/\r?\n/);
  const blocks = [];
  let open;
  let inHeaders = false;
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? "").trim();
    const lineNo = i + 1;
    if (!open) {
      const begin = beginLine.exec(line);
      if (begin) {
        open = { label: begin[1] ?? "", line: lineNo, headers: {}, body: [] };
        inHeaders = true;
      }
      continue;
    }
    const name = blockName(blocks.length, open.label);
    if (beginLine.test(line)) {
      throw new TlsInputError(`${name} starting at line ${open.line} has no END line`, blocks.length);
    }
    const end = endLine.exec(line);
    if (end) {
      if (end[1] !== open.label) {
        throw new TlsInputError(
          `${name} ends with "-----END ${end[1]}-----" at line ${lineNo}`,
          blocks.length
        );
      }
      const body5 = open.body.join("");
      if (body5.length === 0 || body5.length % 4 === 1) {
        throw new TlsInputError(`${name} has an empty or truncated base64 body`, blocks.length);
      }
      blocks.push({
        index: blocks.length,
        label: open.label,
        headers: open.headers,
        der: Buffer.from(body5, "base64"),
        line: open.line
      });
      open = void 0;
      continue;
    }
    if (inHeaders) {
      const header = headerLine.exec(line);
      if (header) {
        open.headers[header[1] ?? ""] = header[2] ?? "";
        continue;
      }
      inHeaders = false;
      if (line === "") continue;
    }
    if (line === "") continue;
    if (line.startsWith("-----END ") && line.includes("-----BEGIN ")) {
      throw new TlsInputError(
        `${name} has its END and the next BEGIN on one line (line ${lineNo}): put each on its own line`,
        blocks.length
      );
    }
    if (!base64Line.test(line)) {
      throw new TlsInputError(`${name} has a line that is not base64 at line ${lineNo}`, blocks.length);
    }
    open.body.push(line);
  }
  if (open) {
    throw new TlsInputError(
      `${blockName(blocks.length, open.label)} starting at line ${open.line} has no END line`,
      blocks.length
    );
  }
  if (blocks.length === 0) throw new TlsInputError('contains no PEM block ("-----BEGIN ...-----")');
  return blocks;
}
function describeBlock(block2) {
  return blockName(block2.index, block2.label);
}

// shared/tls/certificate.ts
function parseCertificateChain(input) {
  const chain = [];
  for (const block2 of parsePemBlocks(input)) {
    if (block2.label !== "CERTIFICATE") {
      throw new TlsInputError(
        `${describeBlock(block2)} is not a certificate (expected CERTIFICATE)`,
        block2.index
      );
    }
    try {
      chain.push(new X509Certificate(block2.der));
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new TlsInputError(
        `${describeBlock(block2)} is not a valid X.509 certificate: ${detail}`,
        block2.index
      );
    }
  }
  return chain;
}
function brokenChainLinks(chain) {
  const broken = [];
  for (let i = 0; i + 1 < chain.length; i++) {
    const child = chain[i];
    const parent = chain[i + 1];
    if (!child.checkIssued(parent) || !child.verify(parent.publicKey)) broken.push(i);
  }
  return broken;
}

// shared/tls/key-match.ts
import { createPublicKey } from "node:crypto";
function keyMatchesCertificate(key, certificate) {
  const fromKey = createPublicKey(key).export({ type: "spki", format: "der" });
  const fromCertificate = certificate.publicKey.export({ type: "spki", format: "der" });
  return fromKey.equals(fromCertificate);
}

// shared/tls/private-key.ts
import { createPrivateKey } from "node:crypto";
var keyLabels = {
  "PRIVATE KEY": "pkcs8",
  "RSA PRIVATE KEY": "pkcs1",
  "EC PRIVATE KEY": "sec1"
};
var labelKeyType = { "RSA PRIVATE KEY": "rsa", "EC PRIVATE KEY": "ec" };
var ignoredLabels = /* @__PURE__ */ new Set(["EC PARAMETERS"]);
var ENCRYPTED_KEY = "is an encrypted private key, which is not supported: store it decrypted (openssl pkey -in key.pem -out plain.pem)";
function refuseEncrypted(block2) {
  if (block2.label === "ENCRYPTED PRIVATE KEY" || /ENCRYPTED/i.test(block2.headers["Proc-Type"] ?? "")) {
    throw new TlsInputError(`${describeBlock(block2)} ${ENCRYPTED_KEY}`, block2.index);
  }
}
function parsePrivateKey(input) {
  let found;
  for (const block2 of parsePemBlocks(input)) {
    if (ignoredLabels.has(block2.label)) continue;
    refuseEncrypted(block2);
    const type = keyLabels[block2.label];
    if (!type) {
      throw new TlsInputError(
        `${describeBlock(block2)} is not a private key (expected PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY)`,
        block2.index
      );
    }
    if (found) {
      throw new TlsInputError(
        `${describeBlock(block2)} is a second private key (the first is ${describeBlock(found.block)})`,
        block2.index
      );
    }
    found = { block: block2, type };
  }
  if (!found) throw new TlsInputError("contains no private key");
  let key;
  try {
    key = createPrivateKey({ key: found.block.der, format: "der", type: found.type });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new TlsInputError(
      `${describeBlock(found.block)} is not a valid private key: ${detail}`,
      found.block.index
    );
  }
  const expected = labelKeyType[found.block.label];
  if (expected && key.asymmetricKeyType !== expected) {
    throw new TlsInputError(
      `${describeBlock(found.block)} is not a valid private key: it holds a ${key.asymmetricKeyType} key`,
      found.block.index
    );
  }
  return key;
}

// shared/tls/validity.ts
var DAY_MS = 864e5;
function certificateValidity(certificate, now) {
  const notBefore = certificate.validFromDate;
  const notAfter = certificate.validToDate;
  const state = now.getTime() < notBefore.getTime() ? "not-yet-valid" : now.getTime() > notAfter.getTime() ? "expired" : "valid";
  return {
    state,
    notBefore,
    notAfter,
    daysUntilExpiry: Math.floor((notAfter.getTime() - now.getTime()) / DAY_MS)
  };
}

// shared/tls/secret.ts
var TLS_SECRET_TYPE = "kubernetes.io/tls";
var EXPIRY_WARNING_DAYS = 30;
var strictBase64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
function record(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? value : {};
}
function readEntry(secret, key) {
  const stringValue = record(secret["stringData"])[key];
  if (typeof stringValue === "string") {
    return { field: formatPath(["stringData", key]), bytes: Buffer.from(stringValue, "utf8") };
  }
  const field = formatPath(["data", key]);
  const encoded = record(secret["data"])[key];
  if (encoded === void 0 || encoded === null) return void 0;
  if (typeof encoded !== "string" || !strictBase64.test(encoded.replace(/\s+/g, ""))) {
    return {
      field,
      problem: { code: "InvalidBase64", field, severity: "error", message: "is not valid base64" }
    };
  }
  return { field, bytes: Buffer.from(encoded, "base64") };
}
function inputProblem(field, error) {
  if (!(error instanceof TlsInputError)) throw error;
  const code = error.message === BINARY_NOT_SUPPORTED ? "Binary" : /encrypted/.test(error.message) ? "EncryptedKey" : "InvalidPem";
  return { code, field, severity: "error", message: error.message };
}
function decodeEntry(secret, key, problems) {
  const entry = readEntry(secret, key);
  if (entry === void 0) {
    const field = formatPath(["data", key]);
    problems.push({
      code: "MissingKey",
      field,
      severity: "error",
      message: `is required in a ${TLS_SECRET_TYPE} Secret`
    });
    return void 0;
  }
  if ("problem" in entry) {
    problems.push(entry.problem);
    return void 0;
  }
  if (entry.bytes.length === 0) {
    problems.push({
      code: "MissingKey",
      field: entry.field,
      severity: "error",
      message: `is empty; a ${TLS_SECRET_TYPE} Secret needs PEM text here`
    });
    return void 0;
  }
  if (isBinaryContent(entry.bytes)) {
    problems.push({ code: "Binary", field: entry.field, severity: "error", message: BINARY_NOT_SUPPORTED });
    return void 0;
  }
  return entry;
}
function validityProblems(field, validity, expiryWarningDays) {
  const until = validity.notAfter.toISOString();
  switch (validity.state) {
    case "expired":
      return [{ code: "Expired", field, severity: "warning", message: `certificate expired at ${until}` }];
    case "not-yet-valid":
      return [
        {
          code: "NotYetValid",
          field,
          severity: "warning",
          message: `certificate is not valid before ${validity.notBefore.toISOString()}`
        }
      ];
    case "valid":
      return validity.daysUntilExpiry < expiryWarningDays ? [
        {
          code: "ExpiringSoon",
          field,
          severity: "warning",
          message: `certificate expires in ${validity.daysUntilExpiry} days (at ${until})`
        }
      ] : [];
  }
}
function checkTlsSecret(secret, now, options = {}) {
  const problems = [];
  const type = secret["type"];
  if (type !== TLS_SECRET_TYPE) {
    problems.push({
      code: "WrongType",
      field: "type",
      severity: "error",
      message: `is ${JSON.stringify(type ?? "")}, expected ${JSON.stringify(TLS_SECRET_TYPE)}`
    });
  }
  const result2 = { problems, certificateField: formatPath(["data", "tls.crt"]) };
  const crt = decodeEntry(secret, "tls.crt", problems);
  const key = decodeEntry(secret, "tls.key", problems);
  if (crt && "bytes" in crt) {
    try {
      const chain = parseCertificateChain(crt.bytes);
      result2.chain = chain;
      result2.certificateField = crt.field;
      for (const index2 of brokenChainLinks(chain)) {
        problems.push({
          code: "ChainOrder",
          field: crt.field,
          severity: "warning",
          message: `certificate ${index2} was not issued by certificate ${index2 + 1}: order the chain leaf first, then each issuer`
        });
      }
      result2.validity = certificateValidity(chain[0], now);
      problems.push(
        ...validityProblems(crt.field, result2.validity, options.expiryWarningDays ?? EXPIRY_WARNING_DAYS)
      );
    } catch (error) {
      problems.push(inputProblem(crt.field, error));
    }
  }
  if (key && "bytes" in key) {
    try {
      result2.key = parsePrivateKey(key.bytes);
    } catch (error) {
      problems.push(inputProblem(key.field, error));
    }
  }
  if (result2.key && result2.chain?.[0] && !keyMatchesCertificate(result2.key, result2.chain[0])) {
    problems.push({
      code: "KeyMismatch",
      field: key?.field ?? formatPath(["data", "tls.key"]),
      severity: "error",
      message: "does not match the public key of the first certificate in tls.crt"
    });
  }
  return result2;
}

// webhooks/rules/certificates/lib/problems.ts
function describeProblem(problem) {
  return `${problem.field}: ${problem.message}`;
}
function secretName(namespace2, name) {
  return `Secret ${namespace2}/${name}`;
}
var TLS_PROBLEMS = {
  WrongType: true,
  MissingKey: true,
  InvalidBase64: true,
  Binary: true,
  InvalidPem: true,
  EncryptedKey: true,
  KeyMismatch: true,
  ChainOrder: true,
  Expired: true,
  NotYetValid: true,
  ExpiringSoon: true
};
var TLS_PROBLEM_CODES = Object.keys(TLS_PROBLEMS).filter(isTlsProblemCode);
function isTlsProblemCode(key) {
  return Object.hasOwn(TLS_PROBLEMS, key);
}

// webhooks/rules/certificates/lib/certificate-advice.ts
var ADVICE_REASONS = [
  "SecretNotFound",
  ...TLS_PROBLEM_CODES,
  "CertificateNameMismatch"
];
async function adviseOnCertificate(view, now, ref) {
  const described = secretName(ref.namespace, ref.name);
  const secret = await view.readSecret(ref.namespace, ref.name);
  if (!secret) {
    return [
      warn(
        ref.rule,
        ref.field,
        `names a Secret that does not exist; ${ref.whenAbsent}`,
        "SecretNotFound",
        described
      )
    ];
  }
  const check36 = checkTlsSecret(secret, now);
  const findings = check36.problems.map(
    (p) => warn(ref.rule, ref.field, describeProblem(p), p.code, described)
  );
  const leaf = check36.chain?.[0];
  if (!leaf) return findings;
  for (const { host, field } of ref.hosts) {
    if (certificateCoversHost(leaf, host)) continue;
    findings.push(
      warn(
        ref.rule,
        field,
        `${host} is not covered by the certificate (it names ${describeNames(certificateNames(leaf))})`,
        "CertificateNameMismatch",
        described
      )
    );
  }
  return findings;
}
function splitNamespacedName(value) {
  const parts = value.trim().split("/");
  if (parts.length !== 2 || !parts[0] || !parts[1]) return void 0;
  return { namespace: parts[0], name: parts[1] };
}

// webhooks/rules/certificates/alb-certificates.ts
var RULE6 = "certificates/alb-certificates";
function certificateFieldOf(object) {
  switch (groupKindOf(object)) {
    case ALB2.groupKind: {
      const alb = ALB2.read(object).object;
      return alb && { field: "spec.config.defaultSSLCert", value: alb.spec.config?.defaultSSLCert, hosts: [] };
    }
    case FRONTEND.groupKind: {
      const frontend = FRONTEND.read(object).object;
      return frontend && { field: "spec.certificate_name", value: frontend.spec.certificate_name, hosts: [] };
    }
    case ALB_RULE.groupKind: {
      const rule = ALB_RULE.read(object).object;
      const domain = rule?.spec.domain;
      return rule && {
        field: "spec.certificate_name",
        value: rule.spec.certificate_name,
        hosts: domain ? [{ host: domain, field: "spec.domain" }] : []
      };
    }
    default:
      return void 0;
  }
}
var albCertificatesRule = {
  id: RULE6,
  kinds: [ALB2, FRONTEND, ALB_RULE],
  reasons: ADVICE_REASONS,
  guide: "Https",
  async check({ object, view, settings: settings2 }) {
    const certificate = certificateFieldOf(object);
    const secret = certificate?.value ? splitNamespacedName(certificate.value) : void 0;
    if (!certificate || !secret) return [];
    return adviseOnCertificate(view, settings2.now(), {
      rule: RULE6,
      field: certificate.field,
      ...secret,
      hosts: certificate.hosts,
      whenAbsent: "HTTPS on this port fails until it exists"
    });
  }
};

// webhooks/rules/certificates/lib/domain.ts
var SECRET_REF_FIELD = formatPath(["metadata", "annotations", DOMAIN_SECRET_REF_ANNOTATION]);
function clusterOf(domain) {
  return domain.metadata.labels?.[DOMAIN_CLUSTER_LABEL] ?? "";
}
function secretRefOf(domain) {
  return domain.metadata.annotations?.[DOMAIN_SECRET_REF_ANNOTATION]?.trim() || void 0;
}
function describeDomain(domain) {
  return `Domain ${domain.metadata.name ?? "<unnamed>"}`;
}

// webhooks/rules/certificates/indexes.ts
var DOMAIN_NAME_INDEX = "certificates/domain-name-by-cluster";
var DOMAIN_SECRET_INDEX = "certificates/domain-secret-ref";
function domainNameKey(cluster, name) {
  return `${cluster}\0${name.toLowerCase()}`;
}
var domainNameIndex = equalityIndex(DOMAIN, DOMAIN_NAME_INDEX, (domain) => [
  domainNameKey(clusterOf(domain), domain.spec.name)
]);
var domainSecretIndex = equalityIndex(DOMAIN, DOMAIN_SECRET_INDEX, (domain) => {
  const secretRef2 = secretRefOf(domain);
  return secretRef2 ? [secretRef2] : [];
});

// webhooks/rules/certificates/lib/secret-content.ts
function contentOf(secret) {
  return JSON.stringify([secret.type ?? "", secret.data ?? {}, secret.stringData ?? {}]);
}
function secretContentUnchanged(ctx) {
  return ctx.operation === "UPDATE" && ctx.oldObject !== void 0 && contentOf(ctx.oldObject) === contentOf(ctx.object);
}

// webhooks/rules/certificates/domain-bound-secret.ts
var RULE7 = "certificates/domain-bound-secret";
function boundDomains(ctx) {
  if ((ctx.object.metadata.namespace ?? "") !== ctx.settings.platformNamespace) return [];
  return ctx.view.byIndex(DOMAIN, DOMAIN_SECRET_INDEX, ctx.object.metadata.name ?? "");
}
function updateFindings(secret, domains, now) {
  const findings = [];
  if (secret.type !== TLS_SECRET_TYPE) {
    for (const domain of domains) {
      findings.push(
        deny(
          RULE7,
          "type",
          `must stay ${TLS_SECRET_TYPE}: a Domain binds this certificate`,
          "BoundCertificate",
          describeDomain(domain)
        )
      );
    }
    return findings;
  }
  const check36 = checkTlsSecret(secret, now);
  const leaf = check36.chain?.[0];
  for (const problem of check36.problems) {
    if (problem.code !== "Expired" && problem.code !== "NotYetValid") continue;
    for (const domain of domains) {
      findings.push(
        deny(
          RULE7,
          problem.field,
          `${problem.message}, but a Domain serves it`,
          problem.code,
          describeDomain(domain)
        )
      );
    }
  }
  if (!leaf) return findings;
  for (const domain of domains) {
    const name = domain.spec.name;
    if (!certificateCoversHost(leaf, name)) {
      findings.push(
        deny(
          RULE7,
          check36.certificateField,
          `no longer covers ${name} (it names ${describeNames(certificateNames(leaf))}); a bound certificate may be renewed, not replaced by one for other names`,
          "CertificateNameMismatch",
          describeDomain(domain)
        )
      );
    }
  }
  return findings;
}
var domainBoundSecretRule = {
  id: RULE7,
  kinds: [SECRET],
  operations: ["UPDATE", "DELETE"],
  reasons: ["BoundCertificate", "Expired", "NotYetValid", "CertificateNameMismatch"],
  guide: "\u914D\u7F6E\u57DF\u540D",
  check(ctx) {
    const domains = boundDomains(ctx);
    if (domains.length === 0) return [];
    if (ctx.operation === "DELETE") {
      return domains.map(
        (domain) => warn(
          RULE7,
          "metadata.name",
          "is the certificate of a Domain, which loses HTTPS until it binds another Secret",
          "BoundCertificate",
          describeDomain(domain)
        )
      );
    }
    if (secretContentUnchanged(ctx)) return [];
    return updateFindings(ctx.object, domains, ctx.settings.now());
  }
};

// webhooks/rules/certificates/domain-certificate.ts
var RULE8 = "certificates/domain-certificate";
var NOT_VALID_NOW = /* @__PURE__ */ new Set(["Expired", "NotYetValid"]);
function bindingChanged(ctx) {
  if (ctx.operation !== "UPDATE" || !ctx.oldObject) return true;
  const before2 = ctx.oldObject;
  return secretRefOf(ctx.object) !== secretRefOf(before2) || ctx.object.spec.name !== before2.spec.name;
}
function problemFinding(problem, secret, strict) {
  const severe = problem.severity === "error" || strict && NOT_VALID_NOW.has(problem.code);
  const make = severe ? deny : warn;
  return make(
    RULE8,
    SECRET_REF_FIELD,
    `the certificate Secret's ${describeProblem(problem)}`,
    problem.code,
    secret
  );
}
var domainCertificateRule = {
  id: RULE8,
  kinds: [DOMAIN],
  reasons: ["SecretNotFound", ...TLS_PROBLEM_CODES, "CertificateNameMismatch"],
  guide: "\u914D\u7F6E\u57DF\u540D",
  async check(ctx) {
    const secretRef2 = secretRefOf(ctx.object);
    if (!secretRef2) return [];
    const namespace2 = ctx.settings.platformNamespace;
    const secret = secretName(namespace2, secretRef2);
    const stored = await ctx.view.readSecret(namespace2, secretRef2);
    if (!stored) {
      return [
        deny(
          RULE8,
          SECRET_REF_FIELD,
          `names a certificate Secret that does not exist in the platform namespace ${namespace2}; create the kubernetes.io/tls Secret first`,
          "SecretNotFound",
          secret
        )
      ];
    }
    const strict = bindingChanged(ctx);
    const check36 = checkTlsSecret(stored, ctx.settings.now());
    const findings = check36.problems.map((p) => problemFinding(p, secret, strict));
    const leaf = check36.chain?.[0];
    const name = ctx.object.spec.name;
    if (leaf && !certificateCoversHost(leaf, name)) {
      findings.push(
        deny(
          RULE8,
          "spec.name",
          `is not covered by the certificate (it names ${describeNames(certificateNames(leaf))})`,
          "CertificateNameMismatch",
          secret
        )
      );
    }
    return findings;
  }
};

// webhooks/rules/certificates/domain-name.ts
var RULE9 = "certificates/domain-name";
var label = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
function isDnsSubdomain(name) {
  return name.length <= 253 && name.split(".").every((part2) => part2.length <= 63 && label.test(part2));
}
var RFC1123 = 'must be a lowercase RFC 1123 domain name (labels of a-z, 0-9 and "-", at most 63 characters each, 253 in total)';
function nameFindings(name, kind2) {
  const field = "spec.name";
  if (kind2 === "wildcard") {
    if (!name.startsWith("*.")) {
      return [
        deny(
          RULE9,
          field,
          `must be "*." followed by a domain for kind wildcard (e.g. *.test.cn)`,
          "InvalidDomainName"
        )
      ];
    }
    const domain = name.slice(2);
    if (domain.includes("*")) {
      return [deny(RULE9, field, `may hold "*" only as its whole first label`, "InvalidDomainName")];
    }
    return isDnsSubdomain(domain) ? [] : [deny(RULE9, field, `after "*.": ${RFC1123}`, "InvalidDomainName")];
  }
  if (name.includes("*")) {
    return [
      deny(
        RULE9,
        field,
        `must not contain "*" for kind full; a wildcard domain needs kind wildcard`,
        "InvalidDomainName"
      )
    ];
  }
  return isDnsSubdomain(name) ? [] : [deny(RULE9, field, RFC1123, "InvalidDomainName")];
}
var domainNameRule = {
  id: RULE9,
  kinds: [DOMAIN],
  reasons: ["InvalidDomainName"],
  guide: "\u914D\u7F6E\u57DF\u540D",
  check({ object }) {
    return nameFindings(object.spec.name, object.spec.kind);
  }
};

// webhooks/rules/certificates/domain-unique.ts
var RULE10 = "certificates/domain-unique";
function nameKeyOf(domain) {
  return domainNameKey(clusterOf(domain), domain.spec.name);
}
var domainUniqueRule = {
  id: RULE10,
  kinds: [DOMAIN],
  reasons: ["DuplicateDomain"],
  guide: "\u591A\u96C6\u7FA4\u5171\u4EAB\u540C\u4E00\u57DF\u540D",
  check({ object, oldObject, operation, view }) {
    const name = object.spec.name;
    const cluster = clusterOf(object);
    const key = nameKeyOf(object);
    const unchanged = operation === "UPDATE" && oldObject !== void 0 && nameKeyOf(oldObject) === key;
    const where = cluster ? `cluster ${cluster}` : "no cluster (unassigned)";
    return view.byIndex(DOMAIN, DOMAIN_NAME_INDEX, key).filter((other) => other.metadata.name !== object.metadata.name).map((other) => {
      const message = `domain ${name} is already defined for ${where}`;
      return unchanged ? warn(RULE10, "spec.name", message, "DuplicateDomain", describeDomain(other)) : deny(RULE10, "spec.name", message, "DuplicateDomain", describeDomain(other));
    });
  }
};

// shared/kube/label-selector.ts
var SELECTOR_OPERATORS = ["In", "NotIn", "Exists", "DoesNotExist"];
function operatorMisuse(expr) {
  if (!SELECTOR_OPERATORS.some((op) => op === expr.operator)) return "UnknownOperator";
  const needsValues = expr.operator === "In" || expr.operator === "NotIn";
  const hasValues = (expr.values ?? []).length > 0;
  if (needsValues && !hasValues) return "NeedsValues";
  if (!needsValues && hasValues) return "TakesNoValues";
  return void 0;
}
function selectorMatches(selector, labels2) {
  for (const [key, value] of Object.entries(selector.matchLabels ?? {}))
    if (labels2[key] !== value) return false;
  for (const expr of selector.matchExpressions ?? []) {
    const has = Object.hasOwn(labels2, expr.key);
    const value = labels2[expr.key];
    const values = expr.values ?? [];
    switch (expr.operator) {
      case "In":
        if (!has || value === void 0 || !values.includes(value)) return false;
        break;
      case "NotIn":
        if (has && value !== void 0 && values.includes(value)) return false;
        break;
      case "Exists":
        if (!has) return false;
        break;
      case "DoesNotExist":
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}
function selectorProblem(selector) {
  if (!selector) return "from: Selector needs a selector";
  const expressions = selector.matchExpressions ?? [];
  if (Object.keys(selector.matchLabels ?? {}).length === 0 && expressions.length === 0)
    return "from: Selector needs matchLabels or matchExpressions";
  for (const expr of expressions) {
    const misuse = operatorMisuse(expr);
    if (misuse === "UnknownOperator")
      return `selector operator "${expr.operator}" is not one of ${SELECTOR_OPERATORS.join(", ")}`;
    if (misuse)
      return `selector operator ${expr.operator} on "${expr.key}" ${misuse === "NeedsValues" ? "needs" : "takes no"} values`;
  }
  return void 0;
}

// shared/gateway/listeners.ts
function ownerOf(obj) {
  return {
    kind: obj.kind === "ListenerSet" ? "ListenerSet" : "Gateway",
    namespace: obj.metadata.namespace ?? "",
    name: obj.metadata.name ?? ""
  };
}
var frozenListeners = /* @__PURE__ */ new WeakMap();
function listenersOf(obj) {
  const cached = frozenListeners.get(obj);
  if (cached) return cached;
  const owner = ownerOf(obj);
  const source = obj.spec.listeners;
  const listeners2 = source.map((listener2, index2) => ({ owner, index: index2, listener: listener2 }));
  if (Object.isFrozen(obj) && Object.isFrozen(source) && source.every((l) => Object.isFrozen(l)))
    frozenListeners.set(obj, listeners2);
  return listeners2;
}
function describeOwner(owner) {
  return `${owner.kind} ${owner.namespace}/${owner.name}`;
}
function describeListener(l) {
  return `listener "${l.listener.name}" of ${describeOwner(l.owner)}`;
}
function sameOwner2(a, b) {
  return a.kind === b.kind && a.namespace === b.namespace && a.name === b.name;
}
function listenerSetParent(set) {
  const ref = set.spec.parentRef;
  return { namespace: ref.namespace ?? set.metadata.namespace ?? "", name: ref.name };
}
function tlsMode(listener2) {
  return listener2.tls?.mode ?? "Terminate";
}
function gatewayAllowsListenerSet(gateway2, namespace2, labels2) {
  const namespaces2 = gateway2.spec.allowedListeners?.namespaces;
  const from = namespaces2?.from ?? "None";
  if (from === "All") return true;
  if (from === "Same") return namespace2 === (gateway2.metadata.namespace ?? "");
  if (from === "Selector")
    return namespaces2?.selector !== void 0 && selectorMatches(namespaces2.selector, labels2);
  return false;
}

// shared/gateway/reference-grants.ts
function referenceGrantAllows(grants, from, to) {
  return grants.some(
    (grant) => grant.spec.from.some(
      (f) => f.group === from.group && f.kind === from.kind && f.namespace === from.namespace
    ) && grant.spec.to.some(
      (t) => t.group === to.group && t.kind === to.kind && (t.name === void 0 || t.name === to.name)
    )
  );
}

// webhooks/rules/certificates/gateway-certificates.ts
var RULE11 = "certificates/gateway-listener-certificates";
function terminatesTls({ listener: listener2 }) {
  return (listener2.protocol === "HTTPS" || listener2.protocol === "TLS") && tlsMode(listener2) === "Terminate";
}
function readable(ctx, secretNamespace, name) {
  const namespace2 = ctx.object.metadata.namespace ?? "";
  if (secretNamespace === namespace2) return true;
  const from = { group: GATEWAY_GROUP, kind: ctx.object.kind, namespace: namespace2 };
  return referenceGrantAllows(ctx.view.list(REFERENCE_GRANT, secretNamespace), from, {
    group: "",
    kind: "Secret",
    name
  });
}
function secretFindings(secret, described, field, owned, now) {
  const check36 = checkTlsSecret(secret, now);
  const findings = check36.problems.filter((p) => p.code !== "MissingKey").map(
    (p) => p.severity === "error" ? deny(RULE11, field, `is not a usable TLS Secret: ${describeProblem(p)}`, p.code, described) : warn(RULE11, field, describeProblem(p), p.code, described)
  );
  const leaf = check36.chain?.[0];
  const hostname3 = owned.listener.hostname;
  if (leaf && hostname3 && !certificateCoversHost(leaf, hostname3)) {
    findings.push(
      warn(
        RULE11,
        field,
        `certificate does not cover the listener hostname ${hostname3} (it names ${describeNames(certificateNames(leaf))}); clients will see a name mismatch`,
        "CertificateNameMismatch",
        described
      )
    );
  }
  return findings;
}
var gatewayCertificatesRule = {
  id: RULE11,
  kinds: [GATEWAY, LISTENER_SET],
  reasons: [...TLS_PROBLEM_CODES.filter((code) => code !== "MissingKey"), "CertificateNameMismatch"],
  guide: "TLS \u914D\u7F6E",
  async check(ctx) {
    const namespace2 = ctx.object.metadata.namespace ?? "";
    const findings = [];
    for (const owned of listenersOf(ctx.object).filter(terminatesTls)) {
      for (const [ri, ref] of (owned.listener.tls?.certificateRefs ?? []).entries()) {
        if ((ref.group ?? "") !== "" || (ref.kind ?? "Secret") !== "Secret") continue;
        const secretNamespace = ref.namespace ?? namespace2;
        if (!readable(ctx, secretNamespace, ref.name)) continue;
        const secret = await ctx.view.readSecret(secretNamespace, ref.name);
        if (!secret) continue;
        const field = `spec.listeners[${owned.index}].tls.certificateRefs[${ri}]`;
        findings.push(
          ...secretFindings(secret, secretName(secretNamespace, ref.name), field, owned, ctx.settings.now())
        );
      }
    }
    return findings;
  }
};

// webhooks/rules/certificates/ingress-tls.ts
var RULE12 = "certificates/ingress-tls";
var DEFAULT_SERVED = "the default certificate is served instead";
function annotatedCertificates(annotation) {
  return (annotation ?? "").split(",").flatMap((entry) => {
    const [host, ref, extra] = entry.trim().split("=");
    const secret = ref === void 0 ? void 0 : splitNamespacedName(ref);
    return host && secret && extra === void 0 ? [{ host, ...secret }] : [];
  });
}
var ingressTlsRule = {
  id: RULE12,
  kinds: [INGRESS],
  reasons: ADVICE_REASONS,
  guide: "\u914D\u7F6E Ingresses",
  async check({ object, view, settings: settings2 }) {
    const namespace2 = object.metadata.namespace ?? "";
    const now = settings2.now();
    const findings = [];
    for (const [i, tls] of (object.spec?.tls ?? []).entries()) {
      const name = tls.secretName;
      if (!name) continue;
      const hosts = (tls.hosts ?? []).map((host, j) => ({ host, field: `spec.tls[${i}].hosts[${j}]` }));
      findings.push(
        ...await adviseOnCertificate(view, now, {
          rule: RULE12,
          field: `spec.tls[${i}].secretName`,
          namespace: namespace2,
          name,
          hosts,
          whenAbsent: DEFAULT_SERVED
        })
      );
    }
    const field = formatPath(["metadata", "annotations", ALB_TLS_ANNOTATION]);
    for (const { host, ...secret } of annotatedCertificates(
      object.metadata.annotations?.[ALB_TLS_ANNOTATION]
    )) {
      findings.push(
        ...await adviseOnCertificate(view, now, {
          rule: RULE12,
          field,
          ...secret,
          hosts: [{ host, field }],
          whenAbsent: DEFAULT_SERVED
        })
      );
    }
    return findings;
  }
};

// webhooks/rules/certificates/tls-secret.ts
var RULE13 = "certificates/tls-secret";
var tlsSecretRule = {
  id: RULE13,
  kinds: [SECRET],
  reasons: TLS_PROBLEM_CODES,
  guide: "\u521B\u5EFA\u8BC1\u4E66",
  check(ctx) {
    if (ctx.object.type !== TLS_SECRET_TYPE) return [];
    const ratchet = secretContentUnchanged(ctx);
    return checkTlsSecret(ctx.object, ctx.settings.now()).problems.map(
      (problem) => problem.severity === "error" && !ratchet ? deny(RULE13, problem.field, problem.message, problem.code) : warn(RULE13, problem.field, problem.message, problem.code)
    );
  }
};

// webhooks/rules/certificates/index.ts
var certificatesFamily = {
  name: "certificates",
  rules: [
    tlsSecretRule,
    domainBoundSecretRule,
    domainNameRule,
    domainUniqueRule,
    domainCertificateRule,
    gatewayCertificatesRule,
    ingressTlsRule,
    albCertificatesRule
  ],
  mutators: [],
  equalityIndexes: [domainNameIndex, domainSecretIndex],
  reads: [DOMAIN, REFERENCE_GRANT]
};

// webhooks/rules/gateway/lib/route-kinds.ts
function supportedRouteKinds(listener2) {
  switch (listener2.protocol) {
    case "HTTP":
    case "HTTPS":
      return ["HTTPRoute", "GRPCRoute"];
    case "TLS":
      return tlsMode(listener2) === "Passthrough" ? ["TLSRoute"] : ["TCPRoute"];
    case "TCP":
      return ["TCPRoute"];
    case "UDP":
      return ["UDPRoute"];
    default:
      return [];
  }
}
function isGatewayGroup(kind2) {
  return kind2.group === void 0 || kind2.group === GATEWAY_GROUP;
}
function unsupportedAllowedKinds(listener2) {
  const supported = supportedRouteKinds(listener2);
  return (listener2.allowedRoutes?.kinds ?? []).filter(
    (k) => !isGatewayGroup(k) || !supported.includes(k.kind)
  );
}
function admittedRouteKinds(listener2) {
  const supported = supportedRouteKinds(listener2);
  const explicit = listener2.allowedRoutes?.kinds;
  if (explicit === void 0 || explicit.length === 0) return supported;
  return explicit.filter((k) => isGatewayGroup(k) && supported.includes(k.kind)).map((k) => k.kind);
}

// webhooks/rules/gateway/allowed-routes.ts
var RULE14 = "gateway/allowed-routes";
var NAMESPACE_SOURCES = ["Same", "All", "Selector"];
var allowedRoutes2 = {
  id: RULE14,
  kinds: [GATEWAY, LISTENER_SET],
  reasons: ["InvalidAllowedRoutes", "InvalidRouteKinds"],
  guide: "\u914D\u7F6E GatewayAPI Gateway",
  check({ object }) {
    const findings = [];
    for (const { index: index2, listener: listener2 } of listenersOf(object)) {
      const field = `spec.listeners[${index2}].allowedRoutes`;
      const namespaces2 = listener2.allowedRoutes?.namespaces;
      const from = namespaces2?.from;
      if (from !== void 0 && !NAMESPACE_SOURCES.includes(from)) {
        findings.push(deny(RULE14, `${field}.namespaces.from`, `"${from}" is not one of Same, All, Selector`));
      } else if (from === "Selector") {
        const problem = selectorProblem(namespaces2?.selector);
        if (problem)
          findings.push(deny(RULE14, `${field}.namespaces.selector`, problem, "InvalidAllowedRoutes"));
      }
      const bad = unsupportedAllowedKinds(listener2);
      if (bad.length > 0) {
        const names = bad.map((k) => k.group === void 0 ? k.kind : `${k.group}/${k.kind}`).join(", ");
        const supported = supportedRouteKinds(listener2).join(", ") || "none";
        findings.push(
          deny(
            RULE14,
            `${field}.kinds`,
            `${names} cannot attach to a ${listener2.protocol} listener (supported: ${supported})`,
            "InvalidRouteKinds"
          )
        );
      }
    }
    return findings;
  }
};

// webhooks/rules/gateway/lib/certificate-ref-planner.ts
function missingTlsKeys(secret) {
  const data = { ...secret.data, ...secret.stringData };
  return ["tls.crt", "tls.key"].filter((k) => !data[k]);
}
function judgeCertificateRef(ref, from, grantsIn) {
  const namespace2 = ref.namespace ?? from.namespace;
  if ((ref.group ?? "") !== "" || (ref.kind ?? "Secret") !== "Secret")
    return { verdict: "NotASecret", namespace: namespace2 };
  if (namespace2 === from.namespace) return { verdict: "Permitted", namespace: namespace2 };
  const allowed = referenceGrantAllows(grantsIn(namespace2), from, {
    group: "",
    kind: "Secret",
    name: ref.name
  });
  return { verdict: allowed ? "Permitted" : "RefNotPermitted", namespace: namespace2 };
}

// webhooks/rules/gateway/certificate-refs.ts
var RULE15 = "gateway/certificate-refs";
var certificateRefs = {
  id: RULE15,
  kinds: [GATEWAY, LISTENER_SET],
  reasons: ["InvalidCertificateRef", "RefNotPermitted"],
  guide: "\u914D\u7F6E GatewayAPI Gateway",
  async check({ object, view }) {
    const findings = [];
    const ns = object.metadata.namespace ?? "";
    const from = { group: GATEWAY_GROUP, kind: object.kind, namespace: ns };
    const secrets = /* @__PURE__ */ new Map();
    for (const { index: index2, listener: listener2 } of listenersOf(object)) {
      for (const [ri, ref] of (listener2.tls?.certificateRefs ?? []).entries()) {
        const field = `spec.listeners[${index2}].tls.certificateRefs[${ri}]`;
        const judged = judgeCertificateRef(ref, from, (n) => view.list(REFERENCE_GRANT, n));
        const secretNs = judged.namespace;
        const secretName2 = `Secret ${secretNs}/${ref.name}`;
        if (judged.verdict === "NotASecret") {
          const what = `${ref.group ? `${ref.group}/` : ""}${ref.kind ?? "Secret"}`;
          findings.push(deny(RULE15, field, `${what} is not a core Secret`, "InvalidCertificateRef"));
          continue;
        }
        const secretKey = `${secretNs}/${ref.name}`;
        let read = secrets.get(secretKey);
        if (!read) {
          read = view.readSecret(secretNs, ref.name);
          secrets.set(secretKey, read);
        }
        const secret = await read;
        if (judged.verdict === "RefNotPermitted") {
          const refuse = secret !== void 0;
          const message = `no ReferenceGrant in namespace ${secretNs} lets ${object.kind}s of ${ns} use it`;
          findings.push(
            refuse ? deny(RULE15, field, message, "RefNotPermitted", secretName2) : warn(
              RULE15,
              field,
              `${message}, and ${secretName2} does not exist (yet); both must be in place before the listener is ready`,
              "RefNotPermitted",
              secretName2
            )
          );
          continue;
        }
        if (!secret) {
          findings.push(
            warn(
              RULE15,
              field,
              `${secretName2} does not exist (yet); the listener stays unready until it does`,
              "InvalidCertificateRef"
            )
          );
          continue;
        }
        const missing = missingTlsKeys(secret);
        if (missing.length > 0)
          findings.push(
            deny(
              RULE15,
              field,
              `the Secret has no ${missing.join(" and ")}`,
              "InvalidCertificateRef",
              secretName2
            )
          );
      }
    }
    return findings;
  }
};

// shared/kube/namespace-labels.ts
var NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";
function namespaceLabels(namespace2, labels2 = {}) {
  return { ...labels2, [NAMESPACE_NAME_LABEL]: namespace2 };
}
function labelsOfNamespace(view, namespace2) {
  return namespaceLabels(namespace2, view.get(NAMESPACE, "", namespace2)?.metadata.labels);
}

// webhooks/rules/gateway/lib/infrastructure.ts
var LB_IPS_ANNOTATION = "metallb.universe.tf/loadBalancerIPs";
function nsName(namespace2, name) {
  return `${namespace2}/${name}`;
}
function splitAddresses(value) {
  return (value ?? "").split(",").map((s) => s.trim()).filter((s) => s.length > 0);
}
function gatewayStaticAddresses(gateway2) {
  const listed = (gateway2.spec.addresses ?? []).flatMap((a) => a.value ? [a.value] : []);
  const annotated = splitAddresses(gateway2.spec.infrastructure?.annotations?.[LB_IPS_ANNOTATION]);
  return [.../* @__PURE__ */ new Set([...listed, ...annotated])];
}
function gatewayEnvoyProxy(gateway2) {
  const ref = gateway2.spec.infrastructure?.parametersRef;
  if (ref?.kind !== "EnvoyProxy" || !ref.name) return void 0;
  return nsName(gateway2.metadata.namespace ?? "", ref.name);
}
function envoyProxyLoadBalancerIps(proxy) {
  const values = [
    proxy.metadata.annotations?.[LB_IPS_ANNOTATION],
    proxy.spec?.provider?.kubernetes?.envoyService?.annotations?.[LB_IPS_ANNOTATION]
  ];
  return [...new Set(values.flatMap(splitAddresses))];
}

// webhooks/rules/gateway/lib/policy-targets.ts
function listedRefs(policy) {
  return policy.spec.targetRefs;
}
function singleRef(policy) {
  return "targetRef" in policy.spec ? policy.spec.targetRef : void 0;
}
function targetRefsOf(policy) {
  const namespace2 = policy.metadata.namespace ?? "";
  const single = singleRef(policy);
  const refs = [...listedRefs(policy) ?? [], ...single === void 0 ? [] : [single]];
  return refs.map((ref, index2) => ({
    index: index2,
    group: ref.group,
    kind: ref.kind,
    name: ref.name,
    namespace: namespace2,
    sectionName: ref.sectionName,
    explicitNamespace: ref.namespace
  }));
}
function targetKey(ref) {
  return `${ref.group}/${ref.kind}/${ref.namespace}/${ref.name}#${ref.sectionName ?? ""}`;
}
function targetFieldPath(policy, ref) {
  return ref.index < (listedRefs(policy)?.length ?? 0) ? `spec.targetRefs[${ref.index}]` : "spec.targetRef";
}
function describeTarget(ref) {
  const section = ref.sectionName ? ` section "${ref.sectionName}"` : "";
  return `${ref.kind} ${ref.namespace}/${ref.name}${section}`;
}

// webhooks/rules/gateway/lib/routes.ts
function parentRefsOf(route) {
  return (route.spec.parentRefs ?? []).map((ref, index2) => ({
    index: index2,
    group: ref.group ?? GATEWAY_GROUP,
    kind: ref.kind ?? "Gateway",
    namespace: ref.namespace ?? route.metadata.namespace ?? "",
    name: ref.name,
    sectionName: ref.sectionName,
    port: ref.port
  }));
}
function routeParent(view, ref) {
  if (ref.group !== GATEWAY_GROUP) return void 0;
  if (ref.kind === "Gateway") return view.get(GATEWAY, ref.namespace, ref.name);
  if (ref.kind === "ListenerSet") return view.get(LISTENER_SET, ref.namespace, ref.name);
  return void 0;
}
function parentKeyOf(kind2, namespace2, name) {
  return `${kind2}/${nsName(namespace2, name)}`;
}
function parentKey2(ref) {
  return parentKeyOf(ref.kind, ref.namespace, ref.name);
}
function routeHostnames2(route) {
  return "hostnames" in route.spec ? route.spec.hostnames ?? [] : [];
}
function backendRefsOf(route) {
  const rules = route.spec.rules ?? [];
  return rules.flatMap(
    (rule, ri) => (rule.backendRefs ?? []).map((ref, bi) => ({
      field: `spec.rules[${ri}].backendRefs[${bi}]`,
      group: ref.group ?? "",
      kind: ref.kind ?? "Service",
      name: ref.name,
      namespace: ref.namespace ?? route.metadata.namespace ?? ""
    }))
  );
}

// webhooks/rules/gateway/indexes.ts
var LISTENER_SETS_BY_PARENT = "gateway/listenersets-by-parent";
var GATEWAYS_BY_STATIC_ADDRESS = "gateway/gateways-by-static-address";
var GATEWAYS_BY_ENVOY_PROXY = "gateway/gateways-by-envoyproxy";
var ENVOY_PROXIES_BY_LB_IP = "gateway/envoyproxies-by-loadbalancer-ip";
var ROUTES_BY_PARENT = "gateway/routes-by-parent";
var SECURITY_POLICIES_BY_TARGET = "gateway/securitypolicies-by-target";
var gatewayIndexes = [
  equalityIndex(LISTENER_SET, LISTENER_SETS_BY_PARENT, (set) => {
    const parent = listenerSetParent(set);
    return [nsName(parent.namespace, parent.name)];
  }),
  equalityIndex(GATEWAY, GATEWAYS_BY_STATIC_ADDRESS, gatewayStaticAddresses),
  equalityIndex(GATEWAY, GATEWAYS_BY_ENVOY_PROXY, (gateway2) => {
    const proxy = gatewayEnvoyProxy(gateway2);
    return proxy ? [proxy] : [];
  }),
  equalityIndex(ENVOY_PROXY, ENVOY_PROXIES_BY_LB_IP, envoyProxyLoadBalancerIps),
  ...ROUTE_KINDS.map(
    (kind2) => equalityIndex(kind2, ROUTES_BY_PARENT, (route) => parentRefsOf(route).map(parentKey2))
  ),
  equalityIndex(
    SECURITY_POLICY,
    SECURITY_POLICIES_BY_TARGET,
    (policy) => targetRefsOf(policy).map(targetKey)
  )
];

// webhooks/rules/gateway/lib/hostnames.ts
function isWildcard(host) {
  return host.startsWith("*.");
}
function wildcardCovers(wildcard, host) {
  const suffix = wildcard.slice(1);
  const bare = isWildcard(host) ? host.slice(2) : host;
  return bare.length > suffix.length - 1 && `.${bare}`.endsWith(suffix) && bare !== suffix.slice(1);
}
function hostnamesIntersect(a, b) {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x === "*" || y === "*" || x === y) return true;
  if (isWildcard(x) && wildcardCovers(x, y)) return true;
  if (isWildcard(y) && wildcardCovers(y, x)) return true;
  return false;
}
function routeMatchesListenerHostname(listenerHostname, routeHostnames3) {
  if (listenerHostname === void 0 || routeHostnames3.length === 0) return true;
  return routeHostnames3.some((h) => hostnamesIntersect(listenerHostname, h));
}

// webhooks/rules/gateway/lib/route-attachment-planner.ts
function namespaceAllowed(l, routeNamespace, labels2) {
  const namespaces2 = l.listener.allowedRoutes?.namespaces;
  const from = namespaces2?.from ?? "Same";
  if (from === "All") return true;
  if (from === "Selector")
    return namespaces2?.selector !== void 0 && selectorMatches(namespaces2.selector, labels2);
  return routeNamespace === l.owner.namespace;
}
function inWords(items) {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
function selectorText(selector) {
  const labels2 = Object.entries(selector.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  const expressions = (selector.matchExpressions ?? []).map((e) => {
    const values = (e.values ?? []).join(",");
    switch (e.operator) {
      case "In":
        return `${e.key} in (${values})`;
      case "NotIn":
        return `${e.key} notin (${values})`;
      case "DoesNotExist":
        return `!${e.key}`;
      default:
        return e.key;
    }
  });
  return [...labels2, ...expressions].join(",");
}
function kindVerdict(listener2, routeKind) {
  const protocol2 = listener2.protocol === "TLS" ? `TLS ${tlsMode(listener2)}` : listener2.protocol;
  const admitted = admittedRouteKinds(listener2);
  const supported = supportedRouteKinds(listener2);
  const verdict = (one, many) => ({ protocol: protocol2, one, many });
  if (supported.length === 0)
    return verdict(
      "takes no route: the platform does not serve its protocol",
      "take no route: the platform does not serve their protocol"
    );
  if (admitted.length === 0) {
    const why = `name none of the kinds the protocol carries (${inWords(supported)})`;
    return verdict(
      `takes no route: its allowedRoutes.kinds ${why}`,
      `take no route: their allowedRoutes.kinds ${why}`
    );
  }
  if (admitted.length < supported.length && supported.includes(routeKind)) {
    const rest2 = `only ${inWords(admitted)} (allowedRoutes.kinds), not ${routeKind}`;
    return verdict(`takes ${rest2}`, `take ${rest2}`);
  }
  const rest = `${inWords(admitted)}, not ${routeKind}`;
  return verdict(`takes ${rest}`, `take ${rest}`);
}
function kindRefusal(listener2, verdict) {
  return `listener "${listener2.name}" (${verdict.protocol}) ${verdict.one}`;
}
function namespaceRefusal(l, routeNamespace) {
  const label2 = `listener "${l.listener.name}"`;
  const namespaces2 = l.listener.allowedRoutes?.namespaces;
  if ((namespaces2?.from ?? "Same") === "Same")
    return `${label2} takes routes only from its own namespace ${l.owner.namespace}, not from ${routeNamespace}`;
  const selector = namespaces2?.selector;
  if (!selector)
    return `${label2} takes routes from no namespace (allowedRoutes.namespaces.from is Selector, but it has no selector)`;
  return `${label2} takes routes only from namespaces matching ${selectorText(selector)}, which ${routeNamespace} does not match`;
}
function hostnameRefusal(listener2, routeHostnames3) {
  return `listener "${listener2.name}" serves ${listener2.hostname ?? "any host name"}, and none of the route's hostnames (${routeHostnames3.join(", ")}) matches it`;
}
function planRouteAttachment(route, parent, listeners2, routeNamespaceLabels) {
  const selected = listeners2.filter(
    (l) => (parent.sectionName === void 0 || l.listener.name === parent.sectionName) && (parent.port === void 0 || l.listener.port === parent.port)
  );
  if (selected.length === 0) return { reason: "NoMatchingParent", accepted: [], refused: [] };
  const refused = [];
  const allowed = [];
  for (const l of selected) {
    if (!admittedRouteKinds(l.listener).includes(route.kind)) {
      const verdict = kindVerdict(l.listener, route.kind);
      refused.push({
        listener: l,
        why: "KindNotAllowed",
        detail: kindRefusal(l.listener, verdict),
        kindVerdict: verdict
      });
    } else if (!namespaceAllowed(l, route.namespace, routeNamespaceLabels))
      refused.push({
        listener: l,
        why: "NamespaceNotAllowed",
        detail: namespaceRefusal(l, route.namespace)
      });
    else allowed.push(l);
  }
  if (allowed.length === 0) return { reason: "NotAllowedByListeners", accepted: [], refused };
  const accepted = [];
  for (const l of allowed) {
    if (routeMatchesListenerHostname(l.listener.hostname, route.hostnames)) accepted.push(l);
    else
      refused.push({
        listener: l,
        why: "NoMatchingListenerHostname",
        detail: hostnameRefusal(l.listener, route.hostnames)
      });
  }
  return { reason: accepted.length === 0 ? "NoMatchingListenerHostname" : "Accepted", accepted, refused };
}
function planRefusalText(plan, route, parent, selection) {
  if (plan.reason === "NoMatchingParent") {
    const what = [
      selection.sectionName === void 0 ? "" : `named "${selection.sectionName}"`,
      selection.port === void 0 ? "" : `on port ${selection.port}`
    ].filter(Boolean).join(" ");
    return `${parent} has no listener ${what || "at all"}`;
  }
  return `${parent} does not take this ${route.kind}: ${refusalsText(plan.refused)}`;
}
function partialAttachmentText(plan, parent) {
  const names = inWords(plan.accepted.map((l) => `"${l.listener.name}"`));
  const through = plan.accepted.length === 1 ? `listener ${names}` : `listeners ${names}`;
  return `attached to ${parent} through ${through} only: ${refusalsText(plan.refused)}`;
}
function refusalsText(refused) {
  const alike = /* @__PURE__ */ new Map();
  for (const r of refused) {
    const key = r.kindVerdict ? r.kindVerdict.many : r.detail;
    alike.set(key, [...alike.get(key) ?? [], r]);
  }
  return [...alike.entries()].map(([many, group5]) => {
    const [first] = group5;
    if (!first || group5.length === 1 || !first.kindVerdict) return group5.map((r) => r.detail).join("; ");
    const protocols = new Set(group5.map((r) => r.kindVerdict?.protocol));
    const names = group5.map(
      (r) => protocols.size === 1 ? `"${r.listener.listener.name}"` : `"${r.listener.listener.name}" (${r.kindVerdict?.protocol})`
    );
    const shared = protocols.size === 1 ? ` (${first.kindVerdict.protocol})` : "";
    return `listeners ${inWords(names)}${shared} ${many}`;
  }).join("; ");
}

// webhooks/rules/gateway/detached-routes.ts
var RULE16 = "gateway/detached-routes";
var detachedRoutes = {
  id: RULE16,
  kinds: [GATEWAY, LISTENER_SET],
  operations: ["UPDATE"],
  reasons: ["NoMatchingParent", "NotAllowedByListeners", "NoMatchingListenerHostname"],
  guide: "\u914D\u7F6E GatewayAPI Route",
  check({ object, oldObject, view }) {
    if (!oldObject) return [];
    const key = parentKeyOf(object.kind, object.metadata.namespace ?? "", object.metadata.name ?? "");
    const self = `${object.kind} ${object.metadata.namespace ?? ""}/${object.metadata.name ?? ""}`;
    const before2 = listenersOf(oldObject);
    const after = listenersOf(object);
    const findings = [];
    for (const kind2 of ROUTE_KINDS) {
      for (const route of view.byIndex(kind2, ROUTES_BY_PARENT, key)) {
        const ns = route.metadata.namespace ?? "";
        const labels2 = labelsOfNamespace(view, ns);
        const subject = { kind: route.kind, namespace: ns, hostnames: routeHostnames2(route) };
        for (const ref of parentRefsOf(route)) {
          if (parentKey2(ref) !== key) continue;
          const was = planRouteAttachment(subject, ref, before2, labels2).reason === "Accepted";
          const plan = planRouteAttachment(subject, ref, after, labels2);
          if (was && plan.reason !== "Accepted")
            findings.push(
              warn(
                RULE16,
                "spec.listeners",
                `this change detaches the route: ${planRefusalText(plan, subject, self, ref)}`,
                plan.reason,
                describeObject(route)
              )
            );
        }
      }
    }
    return findings;
  }
};

// webhooks/rules/gateway/lib/kinds.ts
function isKind(model, object) {
  return groupKindOf(object) === model.groupKind;
}

// webhooks/rules/gateway/envoy-proxy.ts
var RULE17 = "gateway/envoy-proxy";
function patchValueAt(value, path4) {
  let current = value;
  for (const key of path4) {
    if (typeof current !== "object" || current === null || Array.isArray(current)) return void 0;
    current = Object.getOwnPropertyDescriptor(current, key)?.value;
  }
  return current;
}
function usesHostNetwork(proxy) {
  const patch = proxy.spec?.provider?.kubernetes?.envoyDeployment?.patch;
  return patchValueAt(patch?.value, ["spec", "template", "spec", "hostNetwork"]) === true;
}
function keepsListenerPorts(proxy) {
  return proxy.spec?.provider?.kubernetes?.useListenerPortAsContainerPort === true;
}
function privilegedPorts(gateway2) {
  return listenersOf(gateway2).flatMap((l) => l.listener.port < 1024 ? [l.listener.port] : []);
}
function hostNetworkWarning(proxy, gateway2, field) {
  if (!usesHostNetwork(proxy) || keepsListenerPorts(proxy)) return [];
  const ports = [...new Set(privilegedPorts(gateway2))];
  if (ports.length === 0) return [];
  const shifted = ports.map((p) => `${p}\u2192${p + 1e4}`).join(", ");
  return [
    warn(
      RULE17,
      field,
      `hostNetwork without useListenerPortAsContainerPort shifts privileged ports on the node (${shifted}); clients must add 10000`,
      void 0,
      `Gateway ${gateway2.metadata.namespace}/${gateway2.metadata.name}`
    )
  ];
}
var envoyProxyRules = {
  id: RULE17,
  kinds: [ENVOY_PROXY, GATEWAY],
  reasons: [],
  guide: "\u914D\u7F6E GatewayAPI Gateway",
  check({ object, view }) {
    if (isKind(GATEWAY, object)) {
      const key2 = gatewayEnvoyProxy(object);
      const [ns = "", name = ""] = key2?.split("/") ?? [];
      const proxy = key2 ? view.get(ENVOY_PROXY, ns, name) : void 0;
      return proxy ? hostNetworkWarning(proxy, object, "spec.listeners") : [];
    }
    const key = nsName(object.metadata.namespace ?? "", object.metadata.name ?? "");
    const gateways2 = view.byIndex(GATEWAY, GATEWAYS_BY_ENVOY_PROXY, key);
    return gateways2.flatMap((g) => hostNetworkWarning(object, g, "spec.provider.kubernetes"));
  }
};

// webhooks/rules/gateway/grpcroute-platform.ts
var RULE18 = "gateway/grpcroute-platform";
var SUPPORTED_FILTER = "RequestHeaderModifier";
var UNSUPPORTED_RULE_FIELDS = ["sessionPersistence", "timeouts", "retry"];
function unsupportedFilters(filters, field) {
  return (filters ?? []).flatMap(({ type }, i) => {
    if (type === SUPPORTED_FILTER) return [];
    return [
      deny(
        RULE18,
        `${field}[${i}].type`,
        `the platform supports only the ${SUPPORTED_FILTER} filter on GRPCRoutes, not ${type}`,
        "UnsupportedValue"
      )
    ];
  });
}
function ruleFindings(rule, ri) {
  const base = `spec.rules[${ri}]`;
  const fields = UNSUPPORTED_RULE_FIELDS.filter((f) => rule[f] !== void 0).map(
    (f) => deny(
      RULE18,
      `${base}.${f}`,
      `the platform does not support ${f} on GRPCRoutes; it supports only the ${SUPPORTED_FILTER} filter`,
      "UnsupportedValue"
    )
  );
  const backendFilters = (rule.backendRefs ?? []).flatMap(
    (ref, bi) => unsupportedFilters(ref.filters, `${base}.backendRefs[${bi}].filters`)
  );
  return [...unsupportedFilters(rule.filters, `${base}.filters`), ...backendFilters, ...fields];
}
var grpcRoutePlatform = {
  id: RULE18,
  kinds: [GRPC_ROUTE],
  reasons: ["UnsupportedValue"],
  guide: "\u914D\u7F6E GatewayAPI Route",
  check({ object }) {
    return (object.spec.rules ?? []).flatMap(ruleFindings);
  }
};

// webhooks/rules/gateway/l4-route-rules.ts
var RULE19 = "gateway/l4-route-rules";
var l4RouteRules = {
  id: RULE19,
  kinds: [TCP_ROUTE, UDP_ROUTE],
  reasons: ["InvalidRule"],
  guide: "\u914D\u7F6E GatewayAPI Route",
  check({ object }) {
    const count = object.spec.rules.length;
    if (count <= 1) return [];
    return [
      deny(
        RULE19,
        "spec.rules",
        `the platform supports one and only one rule per ${object.kind}, found ${count}`,
        "InvalidRule"
      )
    ];
  }
};

// webhooks/rules/gateway/lib/listener-conflict-planner.ts
function familyOf(protocol2) {
  switch (protocol2) {
    case "HTTP":
      return "http";
    case "HTTPS":
    case "TLS":
      return "tls";
    case "TCP":
      return "tcp";
    case "UDP":
      return "udp";
    default:
      return "other";
  }
}
function pairConflict(a, b) {
  if (a.listener.port !== b.listener.port) return void 0;
  const fa = familyOf(a.listener.protocol);
  const fb = familyOf(b.listener.protocol);
  if (fa === "other" || fb === "other") return void 0;
  if (fa === "udp" || fb === "udp") return fa === fb ? "ProtocolConflict" : void 0;
  if (fa === "tcp" || fb === "tcp" || fa !== fb) return "ProtocolConflict";
  return (a.listener.hostname ?? "") === (b.listener.hostname ?? "") ? "HostnameConflict" : void 0;
}
function planListenerConflicts(listeners2) {
  const byPort = /* @__PURE__ */ new Map();
  for (const l of listeners2) {
    const group5 = byPort.get(l.listener.port);
    if (group5) group5.push(l);
    else byPort.set(l.listener.port, [l]);
  }
  return listeners2.map((listener2) => {
    const samePort = byPort.get(listener2.listener.port) ?? [];
    const conflicts = [];
    for (const other of samePort) {
      if (other === listener2) continue;
      const reason = pairConflict(listener2, other);
      if (reason) conflicts.push({ other, reason });
    }
    return { listener: listener2, conflicts };
  });
}
function describeConflict(plan, conflict) {
  const l = plan.listener.listener;
  const where = `${l.port}/${l.protocol}`;
  if (conflict.reason === "HostnameConflict") {
    const host = l.hostname === void 0 ? "no hostname" : `hostname "${l.hostname}"`;
    return `${host} on port ${where} is already used`;
  }
  return `port ${where} cannot be shared with a ${conflict.other.listener.protocol} listener`;
}

// webhooks/rules/gateway/lib/topology.ts
function sameName(a, b) {
  return (a.metadata.namespace ?? "") === (b.metadata.namespace ?? "") && a.metadata.name === b.metadata.name;
}
function preferReviewed(objects2, reviewed) {
  return objects2.map((o) => reviewed && sameName(o, reviewed) ? reviewed : o);
}
function oldestFirst(a, b) {
  const ta = a.metadata.creationTimestamp ?? "\uFFFF";
  const tb = b.metadata.creationTimestamp ?? "\uFFFF";
  if (ta !== tb) return ta < tb ? -1 : 1;
  return nsName(a.metadata.namespace ?? "", a.metadata.name ?? "").localeCompare(
    nsName(b.metadata.namespace ?? "", b.metadata.name ?? "")
  );
}
function pinnedAddresses(view, gateway2, reviewed) {
  const proxyKey = gatewayEnvoyProxy(gateway2);
  let proxy;
  if (proxyKey) {
    const [ns = "", name = ""] = proxyKey.split("/");
    proxy = view.get(ENVOY_PROXY, ns, name);
    if (isKind(ENVOY_PROXY, reviewed) && reviewed.metadata.namespace === ns && reviewed.metadata.name === name)
      proxy = reviewed;
  }
  return [
    .../* @__PURE__ */ new Set([...gatewayStaticAddresses(gateway2), ...proxy ? envoyProxyLoadBalancerIps(proxy) : []])
  ];
}
function gatewaysPinning(view, addresses2, reviewed) {
  const found = /* @__PURE__ */ new Map();
  const add = (g) => found.set(nsName(g.metadata.namespace ?? "", g.metadata.name ?? ""), g);
  const reviewedProxy = isKind(ENVOY_PROXY, reviewed) ? reviewed : void 0;
  for (const address of addresses2) {
    for (const g of view.byIndex(GATEWAY, GATEWAYS_BY_STATIC_ADDRESS, address)) add(g);
    const proxies = view.byIndex(ENVOY_PROXY, ENVOY_PROXIES_BY_LB_IP, address);
    for (const proxy of preferReviewed(proxies, reviewedProxy)) {
      if (!envoyProxyLoadBalancerIps(proxy).includes(address)) continue;
      const key = nsName(proxy.metadata.namespace ?? "", proxy.metadata.name ?? "");
      for (const g of view.byIndex(GATEWAY, GATEWAYS_BY_ENVOY_PROXY, key)) add(g);
    }
  }
  return preferReviewed([...found.values()], isKind(GATEWAY, reviewed) ? reviewed : void 0);
}
function listenerSetParentKey(set) {
  const parent = listenerSetParent(set);
  return nsName(parent.namespace, parent.name);
}
function listenerSetsOf(view, gateway2, reviewed) {
  const key = nsName(gateway2.metadata.namespace ?? "", gateway2.metadata.name ?? "");
  const reviewedSet = isKind(LISTENER_SET, reviewed) ? reviewed : void 0;
  const sets = preferReviewed(view.byIndex(LISTENER_SET, LISTENER_SETS_BY_PARENT, key), reviewedSet);
  const reviewedIsChild = reviewedSet !== void 0 && !sets.includes(reviewedSet) && listenerSetParentKey(reviewedSet) === key;
  return (reviewedIsChild ? [...sets, reviewedSet] : sets).filter((set) => {
    const ns = set.metadata.namespace ?? "";
    return gatewayAllowsListenerSet(gateway2, ns, labelsOfNamespace(view, ns));
  }).sort(oldestFirst);
}
function sharedListeners(view, root, reviewed) {
  const peers = gatewaysPinning(view, pinnedAddresses(view, root, reviewed), reviewed).filter(
    (g) => !sameName(g, root)
  );
  const gateways2 = [root, ...peers.sort(oldestFirst)];
  const sets = gateways2.flatMap((g) => listenerSetsOf(view, g, reviewed));
  const owners = [...gateways2, ...sets];
  return owners.flatMap((owner) => listenersOf(owner));
}

// webhooks/rules/gateway/listener-conflicts.ts
var RULE20 = "gateway/listener-conflicts";
function listenersAround(view, object) {
  if (isKind(GATEWAY, object)) return sharedListeners(view, object, object);
  const parent = listenerSetParent(object);
  const gateway2 = view.get(GATEWAY, parent.namespace, parent.name);
  return gateway2 ? sharedListeners(view, gateway2, object) : listenersOf(object);
}
var listenerConflicts = {
  id: RULE20,
  kinds: [GATEWAY, LISTENER_SET],
  reasons: ["HostnameConflict", "ProtocolConflict"],
  guide: "\u914D\u7F6E GatewayAPI Gateway",
  check({ object, view }) {
    const own = listenersOf(object)[0]?.owner;
    if (!own) return [];
    const findings = [];
    for (const plan of planListenerConflicts(listenersAround(view, object))) {
      const mine = plan.listener;
      if (!sameOwner2(mine.owner, own)) continue;
      const conflict = plan.conflicts.find(
        (c) => !sameOwner2(c.other.owner, own) || c.other.index < mine.index
      );
      if (!conflict) continue;
      findings.push(
        deny(
          RULE20,
          `spec.listeners[${mine.index}]`,
          describeConflict(plan, conflict),
          conflict.reason,
          describeListener(conflict.other)
        )
      );
    }
    return findings;
  }
};

// webhooks/rules/gateway/listener-defaults.ts
var listenerDefaults = {
  id: "gateway/listener-defaults",
  kinds: [GATEWAY, LISTENER_SET],
  guide: "\u914D\u7F6E GatewayAPI Gateway",
  mutate({ object }) {
    const ops = [];
    for (const [i, listener2] of object.spec.listeners.entries()) {
      const base = `/spec/listeners/${i}`;
      const tls = listener2.tls;
      if ((listener2.protocol === "HTTPS" || listener2.protocol === "TLS") && tls && tls.mode === void 0)
        ops.push({ op: "add", path: `${base}/tls/mode`, value: "Terminate" });
      const allowed = listener2.allowedRoutes;
      if (allowed === void 0)
        ops.push({ op: "add", path: `${base}/allowedRoutes`, value: { namespaces: { from: "Same" } } });
      else if (allowed.namespaces === void 0)
        ops.push({ op: "add", path: `${base}/allowedRoutes/namespaces`, value: { from: "Same" } });
      else if (allowed.namespaces.from === void 0)
        ops.push({ op: "add", path: `${base}/allowedRoutes/namespaces/from`, value: "Same" });
    }
    return ops;
  }
};

// webhooks/rules/gateway/listener-validity.ts
var RULE21 = "gateway/listener-validity";
var PLATFORM_PROTOCOLS = ["HTTP", "HTTPS", "TLS", "TCP", "UDP"];
var listenerValidity = {
  id: RULE21,
  kinds: [GATEWAY, LISTENER_SET],
  reasons: ["UnsupportedProtocol", "InvalidCertificateRef", "InvalidTLSConfig"],
  guide: "\u914D\u7F6E GatewayAPI Gateway",
  check({ object }) {
    return listenersOf(object).flatMap(({ index: index2, listener: listener2 }) => {
      const field = `spec.listeners[${index2}]`;
      if (!PLATFORM_PROTOCOLS.includes(listener2.protocol)) {
        return [
          deny(
            RULE21,
            `${field}.protocol`,
            `protocol "${listener2.protocol}" is not served by the platform (HTTP, HTTPS, TLS, TCP, UDP)`,
            "UnsupportedProtocol"
          )
        ];
      }
      const refs = listener2.tls?.certificateRefs?.length ?? 0;
      if (listener2.protocol === "HTTPS" && refs === 0) {
        return [
          deny(
            RULE21,
            `${field}.tls.certificateRefs`,
            "an HTTPS listener must select a certificate",
            "InvalidCertificateRef"
          )
        ];
      }
      if (listener2.protocol === "TLS" && listener2.tls) {
        const mode2 = tlsMode(listener2);
        if (mode2 === "Terminate" && refs === 0)
          return [
            deny(
              RULE21,
              `${field}.tls.certificateRefs`,
              "a TLS listener in Terminate mode must select a certificate",
              "InvalidCertificateRef"
            )
          ];
        if (mode2 === "Passthrough" && refs > 0)
          return [
            deny(
              RULE21,
              `${field}.tls.certificateRefs`,
              "a TLS listener in Passthrough mode does not terminate TLS and takes no certificates",
              "InvalidTLSConfig"
            )
          ];
      }
      return [];
    });
  }
};

// webhooks/rules/gateway/listenerset-parent.ts
var RULE22 = "gateway/listenerset-parent";
var listenerSetParentRule = {
  id: RULE22,
  kinds: [LISTENER_SET],
  reasons: ["ParentNotFound", "NotAllowed"],
  guide: "\u914D\u7F6E GatewayAPI Gateway",
  check({ object, view }) {
    const parent = listenerSetParent(object);
    const gateway2 = view.get(GATEWAY, parent.namespace, parent.name);
    const other = `Gateway ${parent.namespace}/${parent.name}`;
    if (!gateway2) return [warn(RULE22, "spec.parentRef", `${other} does not exist (yet)`, "ParentNotFound")];
    const ns = object.metadata.namespace ?? "";
    const labels2 = labelsOfNamespace(view, ns);
    if (gatewayAllowsListenerSet(gateway2, ns, labels2)) return [];
    return [
      deny(
        RULE22,
        "spec.parentRef",
        `the Gateway does not accept ListenerSets from namespace ${ns} (spec.allowedListeners)`,
        "NotAllowed",
        other
      )
    ];
  }
};

// webhooks/rules/gateway/parameters-ref.ts
var RULE23 = "gateway/parameters-ref";
var parametersRef = {
  id: RULE23,
  kinds: [GATEWAY],
  reasons: ["InvalidParameters"],
  guide: "\u914D\u7F6E GatewayAPI Gateway",
  check({ object, view }) {
    const ref = object.spec.infrastructure?.parametersRef;
    if (!ref) return [];
    const field = "spec.infrastructure.parametersRef";
    if (ref.group !== ENVOY_GROUP || ref.kind !== "EnvoyProxy")
      return [
        deny(
          RULE23,
          field,
          `${ref.kind} (${ref.group || "core"}) is not EnvoyProxy (${ENVOY_GROUP})`,
          "InvalidParameters"
        )
      ];
    const ns = object.metadata.namespace ?? "";
    if (view.get(ENVOY_PROXY, ns, ref.name)) return [];
    return [
      warn(RULE23, `${field}.name`, `EnvoyProxy ${ns}/${ref.name} does not exist (yet)`, "InvalidParameters")
    ];
  }
};

// webhooks/rules/gateway/lib/pem.ts
import { X509Certificate as X509Certificate2 } from "node:crypto";
var BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;
function isPemCertificateBundle(text2) {
  const blocks = text2.match(BLOCK) ?? [];
  if (blocks.length === 0) return false;
  const rest = text2.replace(BLOCK, "").trim();
  if (rest.length > 0) return false;
  return blocks.every((block2) => {
    try {
      new X509Certificate2(block2);
      return true;
    } catch {
      return false;
    }
  });
}
function bundleValue(holder, key) {
  if (!isKind(SECRET, holder)) return holder.data?.[key];
  const plain = holder.stringData?.[key];
  if (plain !== void 0) return plain;
  const value = holder.data?.[key];
  return value === void 0 ? void 0 : Buffer.from(value, "base64").toString("utf8");
}

// webhooks/rules/gateway/policy-secrets.ts
var RULE24 = "gateway/policy-secrets";
async function apiKeyAuthFindings(policy, view) {
  const auth = policy.spec.apiKeyAuth;
  if (!auth) return [];
  const findings = [];
  const ns = policy.metadata.namespace ?? "";
  if (auth.extractFrom.length === 0)
    findings.push(deny(RULE24, "spec.apiKeyAuth.extractFrom", "must say where the API key is read from"));
  auth.extractFrom.forEach((entry, i) => {
    const sources = (entry.headers?.length ?? 0) + (entry.params?.length ?? 0) + (entry.cookies?.length ?? 0);
    if (sources === 0)
      findings.push(
        deny(
          RULE24,
          `spec.apiKeyAuth.extractFrom[${i}]`,
          "must name at least one header, query parameter or cookie"
        )
      );
  });
  for (const [i, ref] of auth.credentialRefs.entries()) {
    const field = `spec.apiKeyAuth.credentialRefs[${i}]`;
    const secretNs = ref.namespace ?? ns;
    const secretName2 = `Secret ${secretNs}/${ref.name}`;
    if (secretNs !== ns) {
      const from = { group: ENVOY_GROUP, kind: "SecurityPolicy", namespace: ns };
      if (!referenceGrantAllows(view.list(REFERENCE_GRANT, secretNs), from, {
        group: "",
        kind: "Secret",
        name: ref.name
      })) {
        findings.push(
          deny(
            RULE24,
            field,
            `no ReferenceGrant in namespace ${secretNs} lets SecurityPolicies of ${ns} use it`,
            "RefNotPermitted",
            secretName2
          )
        );
        continue;
      }
    }
    const secret = await view.readSecret(secretNs, ref.name);
    if (!secret) {
      findings.push(
        warn(
          RULE24,
          field,
          "the Secret does not exist (yet): every request would get 401 Unauthorized",
          void 0,
          secretName2
        )
      );
    } else if (Object.keys({ ...secret.data, ...secret.stringData }).length === 0) {
      findings.push(
        warn(
          RULE24,
          field,
          "the Secret holds no API keys: every request would get 401 Unauthorized",
          void 0,
          secretName2
        )
      );
    }
  }
  return findings;
}
async function caBundle(view, ns, kind2, name) {
  if (kind2 === "Secret") return view.readSecret(ns, name);
  return view.get(CONFIG_MAP, ns, name);
}
async function backendTlsFindings(policy, view) {
  const validation = policy.spec.validation;
  const key = validation.caCertificateRefs !== void 0 ? "caCertificateRefs" : "cACertificateRefs";
  const ns = policy.metadata.namespace ?? "";
  const findings = [];
  for (const [i, ref] of (validation[key] ?? []).entries()) {
    const field = `spec.validation.${key}[${i}]`;
    const other = `${ref.kind} ${ns}/${ref.name}`;
    if (ref.group !== "" || ref.kind !== "ConfigMap" && ref.kind !== "Secret") {
      findings.push(deny(RULE24, field, `${ref.kind} is not a ConfigMap or Secret`, "InvalidKind"));
      continue;
    }
    const holder = await caBundle(view, ns, ref.kind, ref.name);
    if (!holder) {
      findings.push(
        warn(
          RULE24,
          field,
          `${other} does not exist (yet); connections to the backend fail until it does`,
          "InvalidCACertificateRef"
        )
      );
      continue;
    }
    const pem = bundleValue(holder, "ca.crt");
    if (pem === void 0)
      findings.push(deny(RULE24, field, "must have ca.crt key", "InvalidCACertificateRef", other));
    else if (!isPemCertificateBundle(pem))
      findings.push(
        deny(RULE24, field, "must contain PEM-encoded TLS certificates", "InvalidCACertificateRef", other)
      );
  }
  return findings;
}
var policySecrets = {
  id: RULE24,
  kinds: [SECURITY_POLICY, BACKEND_TLS_POLICY],
  reasons: ["RefNotPermitted", "InvalidKind", "InvalidCACertificateRef"],
  guide: "\u914D\u7F6E GatewayAPI \u7B56\u7565",
  check({ object, view }) {
    return isKind(SECURITY_POLICY, object) ? apiKeyAuthFindings(object, view) : backendTlsFindings(object, view);
  }
};

// webhooks/rules/gateway/policy-target-refs.ts
var RULE25 = "gateway/policy-target-refs";
var ROUTES = ["HTTPRoute", "GRPCRoute", "TLSRoute", "TCPRoute", "UDPRoute"];
var TARGETS = {
  SecurityPolicy: { group: GATEWAY_GROUP, kinds: ["Gateway", "HTTPRoute", "GRPCRoute"] },
  ClientTrafficPolicy: { group: GATEWAY_GROUP, kinds: ["Gateway"] },
  BackendTrafficPolicy: { group: GATEWAY_GROUP, kinds: ["Gateway", ...ROUTES] },
  BackendTLSPolicy: { group: "", kinds: ["Service"] }
};
function servicePortNames(service) {
  return (service.spec?.ports ?? []).flatMap((p) => p.name ? [p.name] : []);
}
function gatewayListenerNames(view, gateway2) {
  const key = nsName(gateway2.metadata.namespace ?? "", gateway2.metadata.name ?? "");
  const owners = [
    gateway2,
    ...view.byIndex(LISTENER_SET, LISTENER_SETS_BY_PARENT, key)
  ];
  return owners.flatMap((owner) => listenersOf(owner)).map((l) => l.listener.name);
}
function checkSection(view, ref, field) {
  const routeKind = ROUTE_KINDS.find((kind2) => kind2.kind === ref.kind);
  if (routeKind) {
    const route = view.get(routeKind, ref.namespace, ref.name);
    return route ? [] : [warn(RULE25, field, `${describeTarget(ref)} does not exist (yet)`, "TargetNotFound")];
  }
  if (ref.kind === "Gateway") {
    const gateway2 = view.get(GATEWAY, ref.namespace, ref.name);
    if (!gateway2) return [warn(RULE25, field, `${describeTarget(ref)} does not exist (yet)`, "TargetNotFound")];
    if (ref.sectionName === void 0 || gatewayListenerNames(view, gateway2).includes(ref.sectionName))
      return [];
    return [
      deny(
        RULE25,
        `${field}.sectionName`,
        `"${ref.sectionName}" names no listener`,
        "TargetNotFound",
        `Gateway ${ref.namespace}/${ref.name}`
      )
    ];
  }
  if (ref.kind === "Service") {
    const service = view.get(SERVICE, ref.namespace, ref.name);
    if (!service) return [warn(RULE25, field, `${describeTarget(ref)} does not exist (yet)`, "TargetNotFound")];
    if (ref.sectionName === void 0 || servicePortNames(service).includes(ref.sectionName)) return [];
    return [
      deny(
        RULE25,
        `${field}.sectionName`,
        `"${ref.sectionName}" names no port (ports: ${servicePortNames(service).join(", ") || "none named"})`,
        "TargetNotFound",
        `Service ${ref.namespace}/${ref.name}`
      )
    ];
  }
  return [];
}
var policyTargetRefs = {
  id: RULE25,
  kinds: [SECURITY_POLICY, CLIENT_TRAFFIC_POLICY, BACKEND_TRAFFIC_POLICY, BACKEND_TLS_POLICY],
  reasons: ["InvalidKind", "InvalidTargetNamespace", "TargetNotFound"],
  guide: "\u914D\u7F6E GatewayAPI \u7B56\u7565",
  check({ object, view }) {
    const allowed = TARGETS[object.kind];
    if (!allowed) return [];
    const findings = [];
    for (const ref of targetRefsOf(object)) {
      const field = targetFieldPath(object, ref);
      if (ref.group !== allowed.group || !allowed.kinds.includes(ref.kind)) {
        const expected = allowed.kinds.join(", ");
        findings.push(
          deny(
            RULE25,
            `${field}.kind`,
            `${object.kind} cannot attach to ${ref.group ? `${ref.group}/` : ""}${ref.kind} (allowed: ${expected})`,
            "InvalidKind"
          )
        );
        continue;
      }
      if (ref.explicitNamespace !== void 0 && ref.explicitNamespace !== ref.namespace) {
        findings.push(
          deny(
            RULE25,
            `${field}.namespace`,
            `a policy attaches only within its own namespace ${ref.namespace}, not ${ref.explicitNamespace}`,
            "InvalidTargetNamespace"
          )
        );
        continue;
      }
      findings.push(...checkSection(view, ref, field));
    }
    return findings;
  }
};

// webhooks/rules/gateway/route-attachment.ts
var RULE26 = "gateway/route-attachment";
var routeAttachment = {
  id: RULE26,
  kinds: ROUTE_KINDS,
  reasons: ["NoMatchingParent", "NotAllowedByListeners", "NoMatchingListenerHostname"],
  guide: "\u914D\u7F6E GatewayAPI Route",
  check({ object, view }) {
    const findings = [];
    const ns = object.metadata.namespace ?? "";
    const labels2 = labelsOfNamespace(view, ns);
    const route = { kind: object.kind, namespace: ns, hostnames: routeHostnames2(object) };
    for (const ref of parentRefsOf(object)) {
      const field = `spec.parentRefs[${ref.index}]`;
      if (ref.group !== GATEWAY_GROUP || ref.kind !== "Gateway" && ref.kind !== "ListenerSet") continue;
      const parent = routeParent(view, ref);
      if (!parent) {
        findings.push(
          warn(
            RULE26,
            field,
            `${ref.kind} ${ref.namespace}/${ref.name} does not exist (yet)`,
            "NoMatchingParent"
          )
        );
        continue;
      }
      const target = `${ref.kind} ${ref.namespace}/${ref.name}`;
      const plan = planRouteAttachment(route, ref, listenersOf(parent), labels2);
      if (plan.reason !== "Accepted") {
        const first = plan.refused[0];
        findings.push(
          deny(
            RULE26,
            ref.sectionName !== void 0 ? `${field}.sectionName` : field,
            planRefusalText(plan, route, target, ref),
            plan.reason,
            first ? describeListener(first.listener) : target
          )
        );
      } else if (plan.refused.length > 0) {
        findings.push(warn(RULE26, field, partialAttachmentText(plan, target)));
      }
    }
    return findings;
  }
};

// webhooks/rules/gateway/route-backend-refs.ts
var RULE27 = "gateway/route-backend-refs";
var routeBackendRefs = {
  id: RULE27,
  kinds: ROUTE_KINDS,
  reasons: ["RefNotPermitted"],
  guide: "\u914D\u7F6E GatewayAPI Route",
  check({ object, view }) {
    const ns = object.metadata.namespace ?? "";
    const findings = [];
    for (const ref of backendRefsOf(object)) {
      if (ref.namespace === ns) continue;
      const grants = view.list(REFERENCE_GRANT, ref.namespace);
      const from = { group: GATEWAY_GROUP, kind: object.kind, namespace: ns };
      if (referenceGrantAllows(grants, from, { group: ref.group, kind: ref.kind, name: ref.name })) continue;
      findings.push(
        warn(
          RULE27,
          ref.field,
          `no ReferenceGrant in namespace ${ref.namespace} lets ${object.kind}s of ${ns} use it; traffic to it fails`,
          "RefNotPermitted",
          `${ref.kind} ${ref.namespace}/${ref.name}`
        )
      );
    }
    return findings;
  }
};

// webhooks/rules/gateway/route-defaults.ts
var ROOT_PATH = { type: "PathPrefix", value: "/" };
function addMissing(ops, target, path4, defaults) {
  for (const [key, value] of Object.entries(defaults))
    if (target[key] === void 0) ops.push({ op: "add", path: `${path4}/${key}`, value });
}
function pathMatchDefaults(ops, rule, base) {
  if (rule.matches === void 0) {
    ops.push({ op: "add", path: `${base}/matches`, value: [{ path: ROOT_PATH }] });
    return;
  }
  rule.matches.forEach((match, mi) => {
    if (match.path === void 0)
      ops.push({ op: "add", path: `${base}/matches/${mi}/path`, value: ROOT_PATH });
    else addMissing(ops, match.path, `${base}/matches/${mi}/path`, ROOT_PATH);
  });
}
function backendRefDefaults(ops, rule, base) {
  (rule.backendRefs ?? []).forEach((ref, bi) => {
    addMissing(ops, ref, `${base}/backendRefs/${bi}`, { group: "", kind: "Service", weight: 1 });
  });
}
var routeDefaults = {
  id: "gateway/route-defaults",
  kinds: ROUTE_KINDS,
  guide: "\u914D\u7F6E GatewayAPI Route",
  mutate({ object }) {
    const ops = [];
    (object.spec.parentRefs ?? []).forEach((ref, i) => {
      addMissing(ops, ref, `/spec/parentRefs/${i}`, { group: GATEWAY_GROUP, kind: "Gateway" });
    });
    if (!isKind(HTTP_ROUTE, object)) {
      const rules = object.spec.rules ?? [];
      rules.forEach((rule, ri) => {
        backendRefDefaults(ops, rule, `/spec/rules/${ri}`);
      });
      return ops;
    }
    if (object.spec.rules === void 0)
      ops.push({ op: "add", path: "/spec/rules", value: [{ matches: [{ path: ROOT_PATH }] }] });
    (object.spec.rules ?? []).forEach((rule, ri) => {
      backendRefDefaults(ops, rule, `/spec/rules/${ri}`);
      pathMatchDefaults(ops, rule, `/spec/rules/${ri}`);
    });
    return ops;
  }
};

// webhooks/rules/gateway/security-policy-uniqueness.ts
var RULE28 = "gateway/security-policy-uniqueness";
function attachedBefore(other, policy) {
  const mine = policy.metadata.creationTimestamp;
  const theirs = other.metadata.creationTimestamp;
  if (mine == null) return true;
  if (theirs == null) return false;
  return theirs < mine || theirs === mine && (other.metadata.name ?? "") < (policy.metadata.name ?? "");
}
var securityPolicyUniqueness = {
  id: RULE28,
  kinds: [SECURITY_POLICY],
  reasons: ["Conflicted"],
  guide: "\u914D\u7F6E GatewayAPI \u7B56\u7565",
  check({ object, view }) {
    const findings = [];
    for (const ref of targetRefsOf(object)) {
      const holders = view.byIndex(SECURITY_POLICY, SECURITY_POLICIES_BY_TARGET, targetKey(ref)).filter(
        (p) => p.metadata.name !== object.metadata.name || p.metadata.namespace !== object.metadata.namespace
      );
      const first = holders.find((p) => attachedBefore(p, object));
      if (!first) continue;
      findings.push(
        deny(
          RULE28,
          targetFieldPath(object, ref),
          `${describeTarget(ref)} already has a SecurityPolicy`,
          "Conflicted",
          describeObject(first)
        )
      );
    }
    return findings;
  }
};

// webhooks/rules/gateway/shared-address-conflicts.ts
var RULE29 = "gateway/shared-address-conflicts";
var sharedAddressConflicts = {
  id: RULE29,
  kinds: [ENVOY_PROXY],
  reasons: ["HostnameConflict", "ProtocolConflict"],
  guide: "\u914D\u7F6E GatewayAPI Gateway",
  check({ object, view }) {
    const ips = envoyProxyLoadBalancerIps(object);
    if (ips.length === 0) return [];
    const key = nsName(object.metadata.namespace ?? "", object.metadata.name ?? "");
    const mine = view.byIndex(GATEWAY, GATEWAYS_BY_ENVOY_PROXY, key);
    if (mine.length === 0) return [];
    const mineKeys = new Set(mine.map((g) => nsName(g.metadata.namespace ?? "", g.metadata.name ?? "")));
    const others = gatewaysPinning(view, ips, object).filter(
      (g) => !mineKeys.has(nsName(g.metadata.namespace ?? "", g.metadata.name ?? ""))
    );
    if (others.length === 0) return [];
    const gateways2 = [...others, ...mine];
    const owners = [
      ...gateways2,
      ...gateways2.flatMap((g) => listenerSetsOf(view, g, object))
    ];
    const listeners2 = owners.flatMap((owner) => listenersOf(owner));
    const isMine = (owner) => owner.kind === "Gateway" && mineKeys.has(nsName(owner.namespace, owner.name));
    const annotationField4 = object.metadata.annotations?.[LB_IPS_ANNOTATION] !== void 0 ? `metadata.annotations["${LB_IPS_ANNOTATION}"]` : `spec.provider.kubernetes.envoyService.annotations["${LB_IPS_ANNOTATION}"]`;
    const findings = [];
    for (const plan of planListenerConflicts(listeners2)) {
      if (!isMine(plan.listener.owner)) continue;
      const conflict = plan.conflicts.find((c) => !isMine(c.other.owner));
      if (!conflict) continue;
      findings.push(
        deny(
          RULE29,
          annotationField4,
          `${describeOwner(plan.listener.owner)} listener "${plan.listener.listener.name}": ${describeConflict(plan, conflict)} at a shared address (${ips.join(", ")})`,
          conflict.reason,
          describeListener(conflict.other)
        )
      );
    }
    return findings;
  }
};

// webhooks/rules/gateway/tlsroute-hostnames.ts
var tlsRouteHostnames = {
  id: "gateway/tlsroute-hostnames",
  kinds: [TLS_ROUTE],
  guide: "\u914D\u7F6E GatewayAPI Route",
  mutate({ object, view }) {
    const current = object.spec.hostnames;
    if ((current?.length ?? 0) > 0) return [];
    const ns = object.metadata.namespace ?? "";
    const labels2 = labelsOfNamespace(view, ns);
    const hostnames = /* @__PURE__ */ new Set();
    for (const ref of parentRefsOf(object)) {
      const parent = routeParent(view, ref);
      if (!parent) continue;
      const plan = planRouteAttachment(
        { kind: "TLSRoute", namespace: ns, hostnames: [] },
        ref,
        listenersOf(parent),
        labels2
      );
      for (const l of plan.accepted) if (l.listener.hostname) hostnames.add(l.listener.hostname);
    }
    if (hostnames.size === 0) return [];
    return [
      {
        op: current === void 0 ? "add" : "replace",
        path: "/spec/hostnames",
        value: [...hostnames].sort()
      }
    ];
  }
};

// webhooks/rules/gateway/index.ts
var gatewayFamily = {
  name: "gateway",
  rules: [
    listenerValidity,
    listenerConflicts,
    listenerSetParentRule,
    allowedRoutes2,
    certificateRefs,
    parametersRef,
    detachedRoutes,
    routeAttachment,
    routeBackendRefs,
    grpcRoutePlatform,
    l4RouteRules,
    policyTargetRefs,
    securityPolicyUniqueness,
    policySecrets,
    envoyProxyRules,
    sharedAddressConflicts
  ],
  mutators: [listenerDefaults, routeDefaults, tlsRouteHostnames],
  equalityIndexes: gatewayIndexes,
  reads: [
    GATEWAY,
    LISTENER_SET,
    ...ROUTE_KINDS,
    REFERENCE_GRANT,
    ENVOY_PROXY,
    SECURITY_POLICY,
    CLIENT_TRAFFIC_POLICY,
    BACKEND_TRAFFIC_POLICY,
    BACKEND_TLS_POLICY,
    NAMESPACE,
    SERVICE,
    CONFIG_MAP
  ]
};

// shared/kube/keys/ingress.ts
var NGINX_ANNOTATION_PREFIX = "nginx.ingress.kubernetes.io/";

// webhooks/rules/ingress/lib/hostnames.ts
var DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
function hostProblem(host) {
  if (isIpAddress(host)) return `"${host}" is an IP address; a host must be a DNS name`;
  const name = host.startsWith("*.") ? host.slice(2) : host;
  if (name.includes("*")) return `"${host}" has a "*" that is not a leading "*." wildcard label`;
  if (name.length === 0 || name.length > 253) return `"${host}" is not a DNS name of 1-253 characters`;
  const bad = name.split(".").find((label2) => label2.length > 63 || !DNS_LABEL.test(label2));
  if (bad !== void 0) return `"${host}" has the label "${bad}", not a lowercase RFC 1123 DNS label`;
  return void 0;
}
function parseSecretRef(ref) {
  const match = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?)\/([a-z0-9]([-a-z0-9.]*[a-z0-9])?)$/.exec(ref);
  return match?.[1] && match[3] ? { namespace: match[1], name: match[3] } : void 0;
}

// webhooks/rules/ingress/lib/alb-tls-annotation.ts
function parseAlbTlsAnnotation(text2) {
  const entries = [];
  const problems = [];
  for (const [i, raw] of text2.split(",").entries()) {
    const entry = raw.trim();
    const [host, ref, ...more] = entry.split("=");
    if (!host || !ref || more.length > 0) {
      problems.push(`entry ${i + 1} "${entry}" is not "host=namespace/secret"`);
      continue;
    }
    const badHost = hostProblem(host);
    if (badHost) problems.push(`entry ${i + 1}: ${badHost}`);
    const secret = parseSecretRef(ref);
    if (!secret) problems.push(`entry ${i + 1}: "${ref}" is not "namespace/secret" with DNS-1123 names`);
    if (!badHost && secret) entries.push({ host, ...secret });
  }
  return { entries, problems };
}

// shared/net/syntax.ts
function rangeBetween(token, firstText, lastText) {
  const first = parseAddress(firstText);
  const last = parseAddress(lastText);
  if (first.family !== last.family) {
    throw new NetParseError(
      token,
      `range mixes ${familyName(first.family)} and ${familyName(last.family)} addresses`
    );
  }
  if (first.value > last.value) throw new NetParseError(token, "range start is greater than its end");
  return { family: first.family, first: first.value, last: last.value };
}
function withToken(token, parse) {
  try {
    return parse();
  } catch (error) {
    if (error instanceof NetParseError && error.token !== token) {
      throw new NetParseError(token, `${JSON.stringify(error.token)}: ${error.reason}`);
    }
    throw error;
  }
}
function parseKubeOvnRange(token) {
  const parts = token.split("..");
  if (parts.length !== 2) throw new NetParseError(token, 'expected a range "first..last"');
  return withToken(token, () => rangeBetween(token, parts[0] ?? "", parts[1] ?? ""));
}
function parseMetallbRange(token) {
  const parts = token.split("-");
  if (parts.length !== 2) throw new NetParseError(token, 'expected a range "first-last"');
  return withToken(token, () => rangeBetween(token, (parts[0] ?? "").trim(), (parts[1] ?? "").trim()));
}
function parseCidrRange(token) {
  return cidrRange(parseCidr(token));
}
function parseIpOrKubeOvnRange(token) {
  if (token.includes("..")) return parseKubeOvnRange(token);
  const address = parseAddress(token);
  return { family: address.family, first: address.value, last: address.value };
}
function parseIpCidrOrKubeOvnRange(token) {
  if (token.includes("/")) return parseCidrRange(token);
  return parseIpOrKubeOvnRange(token);
}
function parseCidrOrMetallbRange(token) {
  if (token.includes("/")) return parseCidrRange(token);
  if (token.includes("-")) return parseMetallbRange(token);
  throw new NetParseError(token, 'expected a CIDR or a range "first-last", not a single address');
}
function parseList(text2, parseOne) {
  return text2.split(",").map((token, index2) => {
    if (token.length === 0) throw new NetParseError(token, "empty entry", index2);
    try {
      return parseOne(token);
    } catch (error) {
      if (error instanceof NetParseError) throw error.at(index2);
      throw error;
    }
  });
}
function parseDualStackCidrs(text2) {
  const cidrs = parseList(text2, parseCidr);
  if (cidrs.length > 2) {
    throw new NetParseError(text2.split(",")[2] ?? "", "more than two CIDRs (at most one per family)", 2);
  }
  if (cidrs.length === 2 && cidrs[0]?.family === cidrs[1]?.family) {
    const family = familyName(cidrs[0]?.family ?? 4);
    throw new NetParseError(text2.split(",")[1] ?? "", `second ${family} CIDR (at most one per family)`, 1);
  }
  return cidrs;
}

// webhooks/rules/ingress/lib/nginx-annotations.ts
var oneOf2 = (...allowed) => (value) => allowed.includes(value) ? void 0 : `must be one of ${allowed.join(", ")}`;
var boolean = oneOf2("true", "false");
var nonNegativeInteger = (value) => /^\d+$/.test(value) ? void 0 : "must be a non-negative integer";
var directiveSafe = (value) => value.length === 0 ? "must not be empty" : /[\s;{}'"\\]/.test(value) ? 'must not contain whitespace, quotes, braces, ";" or "\\"' : void 0;
var absolutePath = (value) => directiveSafe(value) ?? (value.startsWith("/") ? void 0 : 'must start with "/"');
var rewriteTarget = (value) => directiveSafe(value) ?? (/^(\/|\$\d|https?:\/\/)/.test(value) ? void 0 : 'must start with "/", a capture group "$n" or http(s)://');
var size = (value) => /^\d+[kKmMgG]?$/.test(value) ? void 0 : "must be a size such as 8m, 512k or 0";
var cookieName = (value) => /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(value) ? void 0 : "must be a cookie name (an HTTP token)";
var sourceRanges = (value) => {
  for (const raw of value.split(",")) {
    const entry = raw.trim();
    try {
      if (entry.includes("/")) parseCidrRange(entry);
      else parseAddress(entry);
    } catch (error) {
      if (!(error instanceof NetParseError)) throw error;
      return entry === value.trim() ? "is not a CIDR or IP address" : `has "${entry}", which is not a CIDR or IP address`;
    }
  }
  return void 0;
};
var secretRef = (value) => parseSecretRef(value) ? void 0 : 'must be "<namespace>/<secret>"';
var nginxAnnotationChecks = {
  "rewrite-target": rewriteTarget,
  "use-regex": boolean,
  "app-root": absolutePath,
  "x-forwarded-prefix": absolutePath,
  "proxy-connect-timeout": nonNegativeInteger,
  "proxy-read-timeout": nonNegativeInteger,
  "proxy-send-timeout": nonNegativeInteger,
  "proxy-next-upstream-timeout": nonNegativeInteger,
  "proxy-next-upstream-tries": nonNegativeInteger,
  "proxy-body-size": size,
  "proxy-buffering": oneOf2("on", "off"),
  affinity: oneOf2("cookie"),
  "affinity-mode": oneOf2("balanced", "persistent"),
  "session-cookie-name": cookieName,
  "session-cookie-path": absolutePath,
  "session-cookie-max-age": nonNegativeInteger,
  "session-cookie-expires": nonNegativeInteger,
  "session-cookie-samesite": oneOf2("None", "Lax", "Strict"),
  "session-cookie-secure": boolean,
  "session-cookie-change-on-failure": boolean,
  "limit-rps": nonNegativeInteger,
  "limit-rpm": nonNegativeInteger,
  "limit-connections": nonNegativeInteger,
  "limit-burst-multiplier": nonNegativeInteger,
  "limit-rate": nonNegativeInteger,
  "limit-rate-after": nonNegativeInteger,
  "limit-whitelist": sourceRanges,
  "limit-allowlist": sourceRanges,
  "whitelist-source-range": sourceRanges,
  "allowlist-source-range": sourceRanges,
  "denylist-source-range": sourceRanges,
  "ssl-redirect": boolean,
  "force-ssl-redirect": boolean,
  "ssl-passthrough": boolean,
  "backend-protocol": oneOf2("HTTP", "HTTPS", "GRPC", "GRPCS", "AUTO_HTTP", "FCGI"),
  "proxy-ssl-verify": oneOf2("on", "off"),
  "proxy-ssl-verify-depth": nonNegativeInteger,
  "proxy-ssl-secret": secretRef,
  "enable-cors": boolean,
  "enable-modsecurity": boolean,
  "enable-owasp-core-rules": boolean,
  "modsecurity-transaction-id": directiveSafe
};
var nginxHstsChecks = {
  hsts: boolean,
  "hsts-include-subdomains": boolean,
  "hsts-preload": boolean,
  "hsts-max-age": nonNegativeInteger
};

// webhooks/rules/ingress/annotations.ts
var RULE30 = "ingress/annotations";
var annotationField = (key) => formatPath(["metadata", "annotations", key]);
function priorityFindings(ingress, key, value) {
  const field = annotationField(key);
  const out = [];
  const suffix = key.slice(PRIORITY_ANNOTATION_PREFIX.length);
  const match = /^(\d+)-(\d+)$/.exec(suffix);
  if (!match) {
    return [
      deny(
        RULE30,
        field,
        `the key must end in "<rule index>-<path index>", not "${suffix}"`,
        "InvalidPriority"
      )
    ];
  }
  const ruleIndex = Number(match[1]);
  const pathIndex = Number(match[2]);
  const rules = ingress.spec?.rules ?? [];
  const paths = rules[ruleIndex]?.http?.paths ?? [];
  if (ruleIndex >= rules.length) {
    out.push(
      deny(
        RULE30,
        field,
        `names spec.rules[${ruleIndex}] but the Ingress has ${rules.length} rule(s)`,
        "PriorityTargetMissing"
      )
    );
  } else if (pathIndex >= paths.length) {
    out.push(
      deny(
        RULE30,
        field,
        `names spec.rules[${ruleIndex}].http.paths[${pathIndex}] but that rule has ${paths.length} path(s)`,
        "PriorityTargetMissing"
      )
    );
  }
  if (!/^\d+$/.test(value) || Number(value) > 10) {
    out.push(
      deny(RULE30, field, `priority "${value}" is not an integer 0-10 (smaller wins)`, "InvalidPriority")
    );
  }
  return out;
}
function nginxFindings(key, value) {
  const name = key.slice(NGINX_ANNOTATION_PREFIX.length);
  const field = annotationField(key);
  const check36 = nginxAnnotationChecks[name];
  if (check36) {
    const problem2 = check36(value);
    return problem2 ? [deny(RULE30, field, `"${value}" ${problem2}`, "InvalidAnnotation")] : [];
  }
  const hsts = nginxHstsChecks[name];
  if (!hsts) return [];
  const problem = hsts(value);
  if (problem) return [deny(RULE30, field, `"${value}" ${problem}`, "InvalidAnnotation")];
  return [
    warn(
      RULE30,
      field,
      `ingress-nginx reads ${name} from the controller ConfigMap, not from Ingress annotations; this has no effect`,
      "IgnoredAnnotation"
    )
  ];
}
function check4(ctx) {
  const ingress = ctx.object;
  const out = [];
  for (const [key, value] of Object.entries(ingress.metadata.annotations ?? {})) {
    if (key.startsWith(PRIORITY_ANNOTATION_PREFIX)) out.push(...priorityFindings(ingress, key, value));
    else if (key.startsWith(NGINX_ANNOTATION_PREFIX)) out.push(...nginxFindings(key, value));
    else if (key === ALB_TLS_ANNOTATION) {
      for (const problem of parseAlbTlsAnnotation(value).problems) {
        out.push(deny(RULE30, annotationField(key), problem, "InvalidAnnotation"));
      }
    } else if (key === ALB_ENABLE_HTTPS_ANNOTATION && value !== "true" && value !== "false") {
      out.push(deny(RULE30, annotationField(key), `"${value}" must be true or false`, "InvalidAnnotation"));
    }
  }
  return out;
}
var ingressAnnotationsRule = {
  id: RULE30,
  kinds: [INGRESS],
  reasons: ["InvalidPriority", "PriorityTargetMissing", "InvalidAnnotation", "IgnoredAnnotation"],
  guide: "\u914D\u7F6E Ingresses",
  check: check4
};

// webhooks/rules/ingress/lib/access-points.ts
var ANY_HOST = "_";
function tlsHosts(ingress) {
  const hosts = /* @__PURE__ */ new Set();
  for (const tls of ingress.spec?.tls ?? [])
    for (const host of tls.hosts ?? []) hosts.add(host.toLowerCase());
  const annotation = ingress.metadata.annotations?.[ALB_TLS_ANNOTATION];
  if (annotation) {
    for (const entry of parseAlbTlsAnnotation(annotation).entries) hosts.add(entry.host.toLowerCase());
  }
  return hosts;
}
function normaliseHost(host) {
  return host ? host.toLowerCase() : ANY_HOST;
}
function normalisePath(path4) {
  return path4 ? path4 : "/";
}
function accessPointKey(namespace2, host, protocol2, path4) {
  return `${namespace2}|${host}|${protocol2}|${path4}`;
}
function accessPointsOf(ingress) {
  const namespace2 = ingress.metadata.namespace ?? "";
  const secured = tlsHosts(ingress);
  const out = [];
  for (const [ruleIndex, rule] of (ingress.spec?.rules ?? []).entries()) {
    const host = normaliseHost(rule.host);
    const protocol2 = rule.host && secured.has(host) ? "https" : "http";
    for (const [pathIndex, httpPath] of (rule.http?.paths ?? []).entries()) {
      const path4 = normalisePath(httpPath.path);
      out.push({
        key: accessPointKey(namespace2, host, protocol2, path4),
        host,
        protocol: protocol2,
        path: path4,
        field: `spec.rules[${ruleIndex}].http.paths[${pathIndex}].path`,
        ruleIndex,
        pathIndex
      });
    }
  }
  return out;
}
function describeAccessPoint(point) {
  const host = point.host === ANY_HOST ? "(any host)" : point.host;
  return `${point.protocol}://${host}${point.path}`;
}

// webhooks/rules/ingress/indexes.ts
var ACCESS_POINT_INDEX = "ingress/access-point";
var ingressEqualityIndexes = [
  equalityIndex(INGRESS, ACCESS_POINT_INDEX, (ingress) => [
    ...new Set(accessPointsOf(ingress).map((p) => p.key))
  ])
];

// webhooks/rules/ingress/duplicate-access-points.ts
var RULE31 = "ingress/duplicate-access-points";
function otherPaths(other, key) {
  return accessPointsOf(other).filter((p) => p.key === key);
}
function check5(ctx) {
  const self = ctx.object.metadata.name ?? "";
  const namespace2 = ctx.object.metadata.namespace ?? "";
  const out = [];
  const reported = /* @__PURE__ */ new Set();
  for (const point of accessPointsOf(ctx.object)) {
    for (const other of ctx.view.byIndex(INGRESS, ACCESS_POINT_INDEX, point.key)) {
      const otherName = other.metadata.name ?? "";
      if (otherName === self) continue;
      const clash = otherPaths(other, point.key)[0];
      if (!clash || reported.has(`${point.field}|${otherName}`)) continue;
      reported.add(`${point.field}|${otherName}`);
      const where = `rules[${clash.ruleIndex}].http.paths[${clash.pathIndex}]`;
      out.push(
        deny(
          RULE31,
          point.field,
          `access point ${describeAccessPoint(point)} is already served by Ingress ${namespace2}/${otherName} (${where}); two Ingresses of one namespace may not share host, protocol and path`,
          "DuplicateAccessPoint",
          `Ingress ${namespace2}/${otherName}`
        )
      );
    }
  }
  return out;
}
var duplicateAccessPointsRule = {
  id: RULE31,
  kinds: [INGRESS],
  reasons: ["DuplicateAccessPoint"],
  guide: "\u914D\u7F6E Ingresses",
  check: check5
};

// webhooks/rules/ingress/ingress-paths.ts
var RULE32 = "ingress/paths";
function check6(ctx) {
  const ingress = ctx.object;
  const out = [];
  for (const [i, rule] of (ingress.spec?.rules ?? []).entries()) {
    const badHost = rule.host === void 0 || rule.host === "" ? void 0 : hostProblem(rule.host);
    if (badHost) out.push(deny(RULE32, `spec.rules[${i}].host`, badHost, "InvalidHost"));
    for (const [j, httpPath] of (rule.http?.paths ?? []).entries()) {
      const field = `spec.rules[${i}].http.paths[${j}]`;
      const { pathType, path: path4 } = httpPath;
      if (pathType === "ImplementationSpecific") continue;
      if (!path4?.startsWith("/")) {
        out.push(
          deny(
            RULE32,
            `${field}.path`,
            `pathType ${pathType} needs a path starting with "/" (got ${path4 === void 0 ? "none" : `"${path4}"`})`,
            "InvalidPath"
          )
        );
      }
    }
  }
  for (const [i, tls] of (ingress.spec?.tls ?? []).entries()) {
    for (const [j, host] of (tls.hosts ?? []).entries()) {
      const badHost = hostProblem(host);
      if (badHost) out.push(deny(RULE32, `spec.tls[${i}].hosts[${j}]`, badHost, "InvalidHost"));
    }
  }
  return out;
}
var ingressPathsRule = {
  id: RULE32,
  kinds: [INGRESS],
  reasons: ["InvalidHost", "InvalidPath"],
  guide: "\u914D\u7F6E Ingresses",
  check: check6
};

// webhooks/rules/ingress/index.ts
var ingressFamily = {
  name: "ingress",
  rules: [ingressPathsRule, duplicateAccessPointsRule, ingressAnnotationsRule],
  mutators: [],
  equalityIndexes: ingressEqualityIndexes,
  reads: [INGRESS]
};

// shared/keepalived/backends.ts
function familyOf2(text2) {
  return tryParseAddress(text2)?.family;
}
function canonicalAddress(text2) {
  const address = tryParseAddress(text2);
  return address && formatAddress(address.family, address.value);
}

// shared/keepalived/configmap.ts
var KEEPALIVED_LABEL = "acpnet.io/keepalived";
var TEMPLATE_KEY = "template.yaml";
function isKeepalivedConfigMap(configMap) {
  return configMap.metadata.labels?.[KEEPALIVED_LABEL] === "true";
}
function albReference(alb, namespace2) {
  const slash = alb.indexOf("/");
  return slash < 0 ? { namespace: namespace2, name: alb } : { namespace: alb.slice(0, slash), name: alb.slice(slash + 1) };
}

// shared/keepalived/read-template.ts
import { isMap, isScalar as isScalar2, LineCounter, parseDocument } from "yaml";

// shared/keepalived/schema.ts
import { z as z35 } from "zod";
var kubeLock = z35.strictObject({
  /** kubeconfigs the image's kube-lock tries in turn to elect the VIP's holder. */
  kubecfgs: z35.array(z35.string())
});
var portSchema = z35.strictObject({
  /** The VIP's port, which is also the real servers' port. */
  port: z35.int().min(1).max(65535),
  /** keepalived.conf lines of the port's virtual_server block (delay_loop, lb_algo, lb_kind, protocol). */
  virtual_server_config: z35.string().optional(),
  /** The health check block of every real server, e.g. `TCP_CHECK { connect_timeout 10 }`. */
  raw_check: z35.string().optional()
});
var ipvsSchema = z35.strictObject({
  /** The backends (real servers): the addresses of the nodes the ALB runs on. */
  ips: z35.array(z35.string()).optional(),
  ports: z35.array(portSchema).optional()
});
var instanceSchema = z35.strictObject({
  vip: z35.string(),
  /** VRRP virtual router id; the guide makes it optional for the image. */
  id: z35.int().optional(),
  interface: z35.string().optional(),
  /** Seconds between checks (image default 1). */
  check_interval: z35.number().optional(),
  /** Seconds a check may take (image default 3). */
  check_timeout: z35.number().optional(),
  name: z35.string().optional(),
  /** Addresses of every keepalived host of the group. */
  peer: z35.array(z35.string()).optional(),
  kube_lock: kubeLock.optional(),
  /** `<name>` of an ALB2 in the ConfigMap's namespace, or `<namespace>/<name>`. */
  alb: z35.string().optional(),
  ipvs: ipvsSchema.optional()
});

// shared/keepalived/template-problem.ts
var KEEPALIVED_PROBLEM_CODES = [
  "InvalidKeepalivedTemplate",
  "InvalidIP",
  "DuplicateVip",
  "VipConflict",
  "InvalidVrid",
  "DuplicateVrid",
  "InvalidInstanceName",
  "DuplicateInstanceName",
  "InterfaceRequired",
  "TooFewPeers",
  "FamilyMismatch",
  "InvalidCheckTiming",
  "HealthCheckRequired",
  "InvalidHealthCheck",
  "InvalidVirtualServerConfig",
  "DuplicatePort",
  "ConflictingBackends",
  "NoBackends",
  "AlbNotFound"
];
function templateError(code, path4, message) {
  return { severity: "error", code, path: path4, message };
}
function formatTemplatePath(path4) {
  return path4.length === 0 ? "<root>" : formatPath(path4);
}

// shared/keepalived/read-template.ts
function isPlainMap(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function describeValue2(value) {
  if (Array.isArray(value)) return "a list";
  if (value === null || value === void 0) return "empty";
  return isPlainMap(value) ? "a mapping" : `a ${typeof value}`;
}
function lineLocator(doc, lines) {
  const lineOf = (node) => {
    const offset = node?.range?.[0];
    return offset === void 0 ? void 0 : lines.linePos(offset).line;
  };
  return (path4) => {
    if (path4.length === 0) return lineOf(doc.contents);
    const parent = doc.getIn(path4.slice(0, -1), true);
    const last = path4[path4.length - 1];
    if (isMap(parent)) {
      const pair = parent.items.find((item) => isScalar2(item.key) && item.key.value === last);
      if (pair) return lineOf(pair.key);
    }
    return lineOf(doc.getIn(path4, true)) ?? lineOf(parent);
  };
}
function schemaProblems(issues, prefix3) {
  return issues.flatMap((issue) => {
    const at2 = [...prefix3, ...issue.path.map((p) => typeof p === "number" ? p : String(p))];
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map(
        (key) => templateError("InvalidKeepalivedTemplate", [...at2, key], `unknown field "${key}"`)
      );
    }
    return [templateError("InvalidKeepalivedTemplate", at2, issue.message)];
  });
}
function instanceFields(entry, path4) {
  if (!isPlainMap(entry))
    return templateError("InvalidKeepalivedTemplate", path4, `is ${describeValue2(entry)}, not a mapping`);
  if (!isPlainMap(entry["vip"])) return { body: entry, path: path4 };
  const others = Object.keys(entry).filter((key) => key !== "vip");
  if (others.length > 0) {
    return templateError(
      "InvalidKeepalivedTemplate",
      [...path4, others[0]],
      `an instance is either nested (\`- vip: {vip: ..., id: ...}\`) or flat (\`- {vip: ..., id: ...}\`); this one has its fields under vip and also ${others.map((k) => `"${k}"`).join(", ")} beside it`
    );
  }
  return { body: entry["vip"], path: [...path4, "vip"] };
}
function readInstances(value) {
  const problems = [];
  const instances = [];
  if (!isPlainMap(value)) {
    problems.push(
      templateError(
        "InvalidKeepalivedTemplate",
        [],
        `is ${describeValue2(value)}; it must be a mapping with instances`
      )
    );
    return { instances, problems };
  }
  for (const key of Object.keys(value).filter((k) => k !== "instances")) {
    problems.push(templateError("InvalidKeepalivedTemplate", [key], `unknown field "${key}"`));
  }
  const entries = value["instances"];
  if (!Array.isArray(entries) || entries.length === 0) {
    const what = entries === void 0 ? "is missing" : Array.isArray(entries) ? "is empty" : `is ${describeValue2(entries)}`;
    problems.push(
      templateError(
        "InvalidKeepalivedTemplate",
        ["instances"],
        `${what}; it must list at least one instance`
      )
    );
    return { instances, problems };
  }
  entries.forEach((entry, index2) => {
    const fields = instanceFields(entry, ["instances", index2]);
    if ("severity" in fields) {
      problems.push(fields);
      return;
    }
    const parsed = instanceSchema.safeParse(fields.body);
    if (parsed.success) instances.push({ instance: parsed.data, path: fields.path });
    else problems.push(...schemaProblems(parsed.error.issues, fields.path));
  });
  return { instances, problems };
}
function readTemplate(text2) {
  const lines = new LineCounter();
  const doc = parseDocument(text2, { lineCounter: lines, prettyErrors: false });
  const syntax = doc.errors[0];
  if (syntax) {
    const problem = templateError("InvalidKeepalivedTemplate", [], `YAML syntax error: ${syntax.message}`);
    return { problems: [{ ...problem, line: lines.linePos(syntax.pos[0]).line }] };
  }
  const lineOf = lineLocator(doc, lines);
  let value;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { problems: [templateError("InvalidKeepalivedTemplate", [], message)] };
  }
  const { instances, problems } = readInstances(value);
  if (problems.length > 0) return { problems: problems.map((p) => ({ ...p, line: lineOf(p.path) })) };
  return { template: { instances, lineOf }, problems: [] };
}

// webhooks/rules/keepalived/indexes.ts
var KEEPALIVED_VIP_INDEX = "keepalived/vip";
function templateVips(configMap) {
  const text2 = configMap.data?.[TEMPLATE_KEY];
  if (!isKeepalivedConfigMap(configMap) || text2 === void 0) return [];
  const instances = readTemplate(text2).template?.instances ?? [];
  return instances.flatMap(({ instance }) => canonicalAddress(instance.vip) ?? []);
}
var keepalivedEqualityIndexes = [equalityIndex(CONFIG_MAP, KEEPALIVED_VIP_INDEX, templateVips)];

// shared/keepalived/config-text.ts
var CHECKERS = [
  "TCP_CHECK",
  "HTTP_GET",
  "SSL_GET",
  "MISC_CHECK",
  "SMTP_CHECK",
  "DNS_CHECK",
  "UDP_CHECK",
  "PING_CHECK",
  "BFD_CHECK",
  "FILE_CHECK"
];
function withoutComment(line) {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === "#" || c === "!")) return line.slice(0, i);
  }
  return line;
}
function wordsOf(line) {
  return withoutComment(line).replaceAll("{", " { ").replaceAll("}", " } ").split(/\s+/).filter(Boolean);
}
function readFragment(text2) {
  const lines = [];
  let depth = 0;
  let problem;
  text2.split("\n").forEach((raw, index2) => {
    const trimmed = raw.trim();
    if (!trimmed) return;
    const words = wordsOf(trimmed);
    lines.push({ text: trimmed, words, depth: words[0] === "}" ? depth - 1 : depth });
    for (const word of words) {
      if (word === "{") depth++;
      if (word === "}") depth--;
      if (depth < 0 && !problem) problem = `the "}" on line ${index2 + 1} closes no block`;
    }
  });
  if (!problem && depth > 0) problem = `${depth} block${depth > 1 ? "s are" : " is"} never closed with "}"`;
  return problem === void 0 ? { lines } : { lines, problem };
}
function topLevelKeywords(fragment) {
  return fragment.lines.filter((l) => l.depth === 0 && l.words[0] !== "}" && l.words[0]).map((l) => l.words[0]);
}

// shared/keepalived/problems.ts
var INSTANCE_NAME = /^[A-Za-z0-9][A-Za-z0-9-]*$/;
var INTERFACE_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.@-]{0,14}$/;
var at = (item, ...rest) => [...item.path, ...rest];
function addressListProblems(item, field, addresses2, family, role) {
  const out = [];
  addresses2.forEach((text2, index2) => {
    const path4 = [...field, index2];
    const own = familyOf2(text2);
    if (own === void 0)
      out.push(templateError("InvalidIP", path4, `${role} "${text2}" is not an IP address`));
    else if (family !== void 0 && own !== family) {
      out.push(
        templateError(
          "FamilyMismatch",
          path4,
          `${role} ${text2} is ${familyName(own)}, the VIP ${item.instance.vip} is ${familyName(family)}; an instance carries one family (give the other family its own instance)`
        )
      );
    }
  });
  return out;
}
function peerProblems(item, family) {
  const peers = item.instance.peer ?? [];
  const out = addressListProblems(item, at(item, "peer"), peers, family, "peer");
  if (family === void 0) return out;
  const own = new Set(peers.filter((p) => familyOf2(p) === family).map((p) => canonicalAddress(p)));
  if (own.size < 2) {
    out.push(
      templateError(
        "TooFewPeers",
        at(item, "peer"),
        `needs the addresses of at least two LB hosts of the VIP's family (${familyName(family)}), has ${own.size}`
      )
    );
  }
  return out;
}
function vrrpProblems(item) {
  const { instance } = item;
  const out = [];
  if (instance.id !== void 0 && (instance.id < 1 || instance.id > 255)) {
    out.push(templateError("InvalidVrid", at(item, "id"), `id ${instance.id} is not a VRRP router id 1-255`));
  }
  if (instance.name !== void 0 && !INSTANCE_NAME.test(instance.name)) {
    out.push(
      templateError(
        "InvalidInstanceName",
        at(item, "name"),
        `"${instance.name}" must hold only letters, digits and hyphens, and not start with a hyphen`
      )
    );
  }
  const iface = instance.interface?.trim() ?? "";
  if (!iface) {
    out.push(
      templateError(
        "InterfaceRequired",
        at(item, "interface"),
        "is required: the interface that holds the VIP"
      )
    );
  } else if (!INTERFACE_NAME.test(instance.interface ?? "")) {
    out.push(
      templateError(
        "InterfaceRequired",
        at(item, "interface"),
        `"${instance.interface}" is not a network interface name`
      )
    );
  }
  for (const field of ["check_interval", "check_timeout"]) {
    const value = instance[field];
    if (value !== void 0 && !(value > 0)) {
      out.push(
        templateError(
          "InvalidCheckTiming",
          at(item, field),
          `must be a positive number of seconds, got ${value}`
        )
      );
    }
  }
  return out;
}
function portProblems(item) {
  const out = [];
  const seen = /* @__PURE__ */ new Map();
  (item.instance.ipvs?.ports ?? []).forEach((port2, index2) => {
    const path4 = at(item, "ipvs", "ports", index2);
    const first = seen.get(port2.port);
    if (first === void 0) seen.set(port2.port, index2);
    else {
      const other = formatTemplatePath(at(item, "ipvs", "ports", first));
      out.push(
        templateError(
          "DuplicatePort",
          [...path4, "port"],
          `port ${port2.port} is already configured by ${other}`
        )
      );
    }
    out.push(...checkProblems(port2.raw_check, [...path4, "raw_check"]));
    if (port2.virtual_server_config !== void 0) {
      const fragment = readFragment(port2.virtual_server_config);
      const realServer = topLevelKeywords(fragment).includes("real_server");
      if (fragment.problem || realServer) {
        const why = fragment.problem ?? "lists a real_server; the real servers are the backends, one per address";
        out.push(templateError("InvalidVirtualServerConfig", [...path4, "virtual_server_config"], why));
      }
    }
  });
  return out;
}
function checkProblems(rawCheck, path4) {
  if (rawCheck === void 0 || !rawCheck.trim()) {
    return [
      templateError(
        "HealthCheckRequired",
        path4,
        'is required: the health check of each backend, e.g. "TCP_CHECK { connect_timeout 3 }"'
      )
    ];
  }
  const fragment = readFragment(rawCheck);
  if (fragment.problem) return [templateError("InvalidHealthCheck", path4, fragment.problem)];
  const opening = fragment.lines.filter((l) => l.depth === 0 && l.words[0] !== "}");
  const wrong = opening.find((l) => !CHECKERS.includes(l.words[0] ?? "") || l.words[1] !== "{");
  if (wrong) {
    return [
      templateError(
        "InvalidHealthCheck",
        path4,
        `"${wrong.text}" does not open a health checker block (${CHECKERS.join(", ")}, each followed by "{")`
      )
    ];
  }
  return [];
}
function backendSourceProblems(item, family) {
  const { instance } = item;
  const ips = instance.ipvs?.ips;
  if (instance.alb !== void 0 && ips !== void 0) {
    return [
      templateError(
        "ConflictingBackends",
        at(item, "ipvs", "ips"),
        `lists backends and the instance also names ALB2 "${instance.alb}", whose nodes are its backends; keep one`
      )
    ];
  }
  const out = addressListProblems(item, at(item, "ipvs", "ips"), ips ?? [], family, "backend");
  const ports = instance.ipvs?.ports ?? [];
  if (instance.alb === void 0 && (ips ?? []).length === 0 && ports.length > 0) {
    out.push(
      templateError(
        "NoBackends",
        at(item, "ipvs"),
        "has ports but no backends: name the ALB2 whose nodes serve them (alb), or list ipvs.ips"
      )
    );
  }
  return out;
}
function duplicates(items, keyOf3, report) {
  const first = /* @__PURE__ */ new Map();
  const out = [];
  for (const item of items) {
    const value = keyOf3(item);
    if (value === void 0) continue;
    const earlier = first.get(value);
    if (earlier) out.push(report(item, earlier));
    else first.set(value, item);
  }
  return out;
}
function crossInstanceProblems(items) {
  const where = (item) => formatTemplatePath(item.path);
  const out = [
    ...duplicates(
      items,
      (item) => canonicalAddress(item.instance.vip),
      (item, first) => templateError(
        "DuplicateVip",
        at(item, "vip"),
        `VIP ${item.instance.vip} is already the VIP of ${where(first)}`
      )
    ),
    ...duplicates(
      items,
      (item) => item.instance.id,
      (item, first) => templateError(
        "DuplicateVrid",
        at(item, "id"),
        `id ${item.instance.id} is already the id of ${where(first)}`
      )
    ),
    ...duplicates(
      items,
      (item) => item.instance.name,
      (item, first) => templateError(
        "DuplicateInstanceName",
        at(item, "name"),
        `name "${item.instance.name}" is already used by ${where(first)}`
      )
    )
  ];
  const holders = /* @__PURE__ */ new Map();
  for (const item of items) {
    for (const [field, list] of [
      ["peer", item.instance.peer ?? []],
      ["ipvs.ips", item.instance.ipvs?.ips ?? []]
    ]) {
      for (const text2 of list) {
        const address = canonicalAddress(text2);
        if (address && !holders.has(address)) holders.set(address, `${where(item)}.${field}`);
      }
    }
  }
  for (const item of items) {
    const vip = canonicalAddress(item.instance.vip);
    const holder = vip && holders.get(vip);
    if (holder) {
      out.push(
        templateError(
          "VipConflict",
          at(item, "vip"),
          `VIP ${item.instance.vip} is also an address of ${holder}`
        )
      );
    }
  }
  return out;
}
function instanceProblems(item) {
  const family = familyOf2(item.instance.vip);
  const vip = family === void 0 ? [templateError("InvalidIP", at(item, "vip"), `VIP "${item.instance.vip}" is not an IP address`)] : [];
  return [
    ...vip,
    ...vrrpProblems(item),
    ...peerProblems(item, family),
    ...backendSourceProblems(item, family),
    ...portProblems(item)
  ];
}
function templateProblems(template) {
  const problems = [
    ...template.instances.flatMap(instanceProblems),
    ...crossInstanceProblems(template.instances)
  ];
  return problems.map((p) => ({ ...p, line: template.lineOf(p.path) }));
}

// webhooks/rules/keepalived/template.ts
var RULE33 = "keepalived/template";
var FIELD = `data["${TEMPLATE_KEY}"]`;
var REASONS = KEEPALIVED_PROBLEM_CODES;
function fieldOf(problem) {
  return problem.path.length === 0 ? FIELD : `${FIELD}.${formatTemplatePath(problem.path)}`;
}
function findingOf(problem, demoted) {
  const where = problem.line === void 0 ? "" : ` (${TEMPLATE_KEY} line ${problem.line})`;
  const make = problem.severity === "error" && !demoted ? deny : warn;
  return make(RULE33, fieldOf(problem), `${problem.message}${where}`, problem.code);
}
function otherConfigMapVips(configMap, template, view, demoted) {
  const self = `${configMap.metadata.namespace ?? ""}/${configMap.metadata.name ?? ""}`;
  const out = [];
  for (const { instance, path: path4 } of template.instances) {
    const vip = canonicalAddress(instance.vip);
    if (vip === void 0) continue;
    const other = view.byIndex(CONFIG_MAP, KEEPALIVED_VIP_INDEX, vip).find((o) => `${o.metadata.namespace ?? ""}/${o.metadata.name ?? ""}` !== self);
    if (!other) continue;
    const described = `ConfigMap ${other.metadata.namespace}/${other.metadata.name}`;
    const line = template.lineOf([...path4, "vip"]);
    out.push(
      (demoted ? warn : deny)(
        RULE33,
        `${FIELD}.${formatTemplatePath([...path4, "vip"])}`,
        `VIP ${instance.vip} is already a VIP of ${described}, another group of LB hosts${line === void 0 ? "" : ` (${TEMPLATE_KEY} line ${line})`}`,
        "DuplicateVip",
        described
      )
    );
  }
  return out;
}
function missingAlbs(configMap, template, view) {
  const out = [];
  for (const { instance, path: path4 } of template.instances) {
    if (instance.alb === void 0) continue;
    const ref = albReference(instance.alb, configMap.metadata.namespace ?? "");
    if (view.get(ALB2, ref.namespace, ref.name)) continue;
    const line = template.lineOf([...path4, "alb"]);
    out.push(
      warn(
        RULE33,
        `${FIELD}.${formatTemplatePath([...path4, "alb"])}`,
        `ALB2 ${ref.namespace}/${ref.name} does not exist (yet); the instance has no backends until it does${line === void 0 ? "" : ` (${TEMPLATE_KEY} line ${line})`}`,
        "AlbNotFound"
      )
    );
  }
  return out;
}
function templateUnchanged(ctx) {
  return ctx.operation === "UPDATE" && ctx.oldObject?.data?.[TEMPLATE_KEY] === ctx.object.data?.[TEMPLATE_KEY];
}
function check7(ctx) {
  const configMap = ctx.object;
  if (!isKeepalivedConfigMap(configMap)) return [];
  const text2 = configMap.data?.[TEMPLATE_KEY];
  if (text2 === void 0) {
    return [
      deny(
        RULE33,
        FIELD,
        `is required in a ConfigMap labelled ${KEEPALIVED_LABEL}: "true": the instances of alive.yaml, each naming its ALB2 (alb)`,
        "InvalidKeepalivedTemplate"
      )
    ];
  }
  const demoted = templateUnchanged(ctx);
  const reading = readTemplate(text2);
  if (!reading.template) return reading.problems.map((p) => findingOf(p, demoted));
  const template = reading.template;
  return [
    ...templateProblems(template).map((p) => findingOf(p, demoted)),
    ...otherConfigMapVips(configMap, template, ctx.view, demoted),
    ...missingAlbs(configMap, template, ctx.view)
  ];
}
var keepalivedTemplateRule = {
  id: RULE33,
  kinds: [CONFIG_MAP],
  reasons: REASONS,
  guide: "\u8F6F\u6570\u636E\u4E2D\u5FC3 LB \u65B9\u6848 (Alpha)",
  check: check7
};

// webhooks/rules/keepalived/index.ts
var keepalivedFamily = {
  name: "keepalived",
  rules: [keepalivedTemplateRule],
  mutators: [],
  equalityIndexes: keepalivedEqualityIndexes,
  reads: [CONFIG_MAP, ALB2]
};

// shared/kube/keys/kubeovn.ts
var DEFAULT_VPC = "ovn-cluster";
var DEFAULT_SUBNET = "ovn-default";
var JOIN_SUBNET = "join";
var POD_IP_ANNOTATION = "ovn.kubernetes.io/ip_address";
var POD_SUBNET_ANNOTATION = "ovn.kubernetes.io/logical_switch";
var IC_CONFIG_NAMESPACE = "kube-system";
var IC_CONFIG_NAME = "ovn-ic-config";
var IC_CIDRS_NAME = "acpnet-interconnect-cidrs";
var MULTUS_NETWORKS_ANNOTATION = "k8s.v1.cni.cncf.io/networks";

// shared/kubeovn/subnet.ts
function parseCidrBlock(text2) {
  try {
    return { ok: true, cidrs: parseDualStackCidrs(text2) };
  } catch (error) {
    if (error instanceof NetParseError) return { ok: false, error };
    throw error;
  }
}
function subnetCidrs(subnet2) {
  const text2 = subnet2?.spec?.cidrBlock;
  if (text2 === void 0) return [];
  const parsed = parseCidrBlock(text2);
  return parsed.ok ? parsed.cidrs : [];
}
function subnetRanges(subnet2) {
  return subnetCidrs(subnet2).map(cidrRange);
}
function subnetExcludedRanges(subnet2) {
  const out = [];
  for (const entry of subnet2?.spec?.excludeIps ?? []) {
    try {
      out.push(parseIpOrKubeOvnRange(entry));
    } catch (error) {
      if (!(error instanceof NetParseError)) throw error;
    }
  }
  return out;
}
function subnetVpc(subnet2) {
  return subnet2.spec?.vpc || DEFAULT_VPC;
}
function subnetVlan(subnet2) {
  return subnet2.spec?.vlan ?? "";
}
function isDefaultSubnet(subnet2) {
  return subnet2.spec?.default === true || subnet2.metadata.name === DEFAULT_SUBNET;
}
function isCalicoSubnet(subnet2) {
  const spec = subnet2.spec;
  return spec?.ipipMode !== void 0 || spec?.vxlanMode !== void 0 || spec?.v4blockSize !== void 0;
}
function calicoBlockSize(prefix3) {
  if (prefix3 <= 19) return prefix3 <= 16 ? 26 : 27;
  if (prefix3 <= 21) return prefix3 === 20 ? 28 : 29;
  return prefix3 <= 25 ? 30 : 31;
}

// webhooks/rules/kubeovn/calico-block-size.ts
function defaultBlockSize(ctx) {
  if (!isCalicoSubnet(ctx.object) || ctx.object.spec?.v4blockSize !== void 0) return [];
  const v4 = subnetCidrs(ctx.object).find((c) => c.family === 4);
  if (!v4 || v4.prefix > 31) return [];
  return [{ op: "add", path: "/spec/v4blockSize", value: calicoBlockSize(v4.prefix) }];
}
var calicoBlockSizeMutator = {
  id: "kubeovn/calico-block-size",
  kinds: [SUBNET],
  guide: "Calico \u7F51\u7EDC",
  mutate: defaultBlockSize
};

// shared/kubeovn/addresses.ts
function canonicalAddresses(text2) {
  const out = [];
  for (const part2 of (text2 ?? "").split(",")) {
    const address = tryParseAddress(part2.trim());
    if (address) out.push(formatAddress(address.family, address.value));
  }
  return out;
}

// shared/kubeovn/indexes.ts
var SUBNET_CIDR_INDEX = "cidr";
var subnetCidrIndex = rangeIndex(SUBNET, SUBNET_CIDR_INDEX, subnetRanges);

// shared/kubeovn/ip.ts
function ipAddresses(ip2) {
  const spec = ip2.spec;
  const all = [spec?.ipAddress, spec?.v4IpAddress, spec?.v6IpAddress].flatMap(
    (text2) => canonicalAddresses(text2)
  );
  return [...new Set(all)];
}
function ipHeldBy(ip2, pod) {
  return ip2.spec?.podName === pod.metadata.name && ip2.spec?.namespace === pod.metadata.namespace;
}

// shared/kubeovn/ippool.ts
function ipPoolEntries(pool) {
  return (pool.spec?.ips ?? []).map((text2, index2) => {
    try {
      return { index: index2, text: text2, range: parseIpCidrOrKubeOvnRange(text2) };
    } catch (error) {
      if (error instanceof NetParseError) return { index: index2, text: text2, error };
      throw error;
    }
  });
}
function ipPoolRanges(pool) {
  return ipPoolEntries(pool).flatMap((entry) => "range" in entry ? [entry.range] : []);
}

// shared/kubeovn/pod-annotations.ts
var FIXED_IP_KEY = /^(.+)\.kubernetes\.io\/ip_address$/;
var MAC_ADDRESS_KEY = /^(.+)\.kubernetes\.io\/mac_address$/;
function nicAnnotations(pod, pattern) {
  const out = [];
  for (const [key, value] of Object.entries(pod.metadata.annotations ?? {})) {
    const provider2 = pattern.exec(key)?.[1];
    if (provider2) out.push({ key, provider: provider2, value });
  }
  return out;
}
function fixedIpAnnotations(pod) {
  return nicAnnotations(pod, FIXED_IP_KEY);
}
function macAddressAnnotations(pod) {
  return nicAnnotations(pod, MAC_ADDRESS_KEY);
}
function requestedSubnet(pod, provider2) {
  return pod.metadata.annotations?.[`${provider2}.kubernetes.io/logical_switch`] || void 0;
}
function podAllocatedSubnet(pod) {
  const annotations2 = pod.metadata.annotations ?? {};
  if (!annotations2[POD_IP_ANNOTATION]) return void 0;
  return annotations2[POD_SUBNET_ANNOTATION] || void 0;
}
function parseJsonNetworks(text2, podNamespace) {
  let parsed;
  try {
    parsed = JSON.parse(text2);
  } catch (error) {
    return {
      ok: false,
      problem: `not valid JSON: ${error instanceof Error ? error.message : String(error)}`
    };
  }
  if (!Array.isArray(parsed)) return { ok: false, problem: "expected a JSON list of networks" };
  const refs = [];
  for (const [i, item] of parsed.entries()) {
    const name = isPlainObject(item) ? item["name"] : void 0;
    const namespace2 = isPlainObject(item) ? item["namespace"] : void 0;
    if (typeof name !== "string" || !name) return { ok: false, problem: `entry ${i} has no "name"` };
    refs.push({ name, namespace: typeof namespace2 === "string" && namespace2 ? namespace2 : podNamespace });
  }
  return { ok: true, refs };
}
function parseNetworksAnnotation(value, podNamespace) {
  const text2 = value.trim();
  if (text2.startsWith("[")) return parseJsonNetworks(text2, podNamespace);
  const refs = text2.split(",").map((entry) => entry.trim()).filter(Boolean).map((entry) => {
    const [ref = ""] = entry.split("@");
    const slash = ref.indexOf("/");
    return slash < 0 ? { namespace: podNamespace, name: ref } : { namespace: ref.slice(0, slash), name: ref.slice(slash + 1) };
  });
  return { ok: true, refs };
}

// shared/net/ranges.ts
function bigMax(a, b) {
  return a > b ? a : b;
}
function bigMin(a, b) {
  return a < b ? a : b;
}
function singleAddressRange(address) {
  return { family: address.family, first: address.value, last: address.value };
}
function rangeContainsAddress(range, address) {
  return range.family === address.family && range.first <= address.value && address.value <= range.last;
}
function rangeContainsRange(outer, inner) {
  return outer.family === inner.family && outer.first <= inner.first && inner.last <= outer.last;
}
function rangesOverlap(a, b) {
  return a.family === b.family && a.first <= b.last && b.first <= a.last;
}
function rangeIntersection(a, b) {
  if (!rangesOverlap(a, b)) return void 0;
  return {
    family: a.family,
    first: bigMax(a.first, b.first),
    last: bigMin(a.last, b.last)
  };
}
function formatRange(range) {
  if (range.first === range.last) return formatAddress(range.family, range.first);
  const prefix3 = exactPrefix(range);
  if (prefix3 !== void 0) return `${formatAddress(range.family, range.first)}/${prefix3}`;
  return formatRangeAsPair(range);
}
function formatRangeAsPair(range, separator = "-") {
  return `${formatAddress(range.family, range.first)}${separator}${formatAddress(range.family, range.last)}`;
}

// webhooks/rules/kubeovn/lib/node-addresses.ts
function nodeInternalIps(node) {
  const out = [];
  for (const address of node.status?.addresses ?? []) {
    if (address.type !== "InternalIP") continue;
    const parsed = tryParseAddress(address.address);
    if (parsed) out.push(singleAddressRange(parsed));
  }
  return out;
}

// webhooks/rules/kubeovn/indexes.ts
var IPPOOL_IPS_INDEX = "ips";
var NODE_INTERNAL_IP_INDEX = "internal-ip";
var BY_SUBNET_INDEX = "subnet";
var SUBNET_NAMESPACE_INDEX = "namespace";
var VLAN_PROVIDER_INDEX = "provider";
var SUBNET_DEFAULT_INDEX = "default";
var SUBNET_VPC_INDEX = "vpc";
var SUBNET_PROVIDER_INDEX = "provider";
var IP_ADDRESS_INDEX = "address";
var POD_FIXED_IP_INDEX = "fixed-ip";
function fixedIpKey(provider2, address) {
  return `${provider2}|${address}`;
}
var present = (value) => value ? [value] : [];
var kubeovnRangeIndexes = [
  subnetCidrIndex,
  rangeIndex(IPPOOL, IPPOOL_IPS_INDEX, ipPoolRanges),
  rangeIndex(NODE, NODE_INTERNAL_IP_INDEX, nodeInternalIps)
];
var kubeovnEqualityIndexes = [
  equalityIndex(IP, BY_SUBNET_INDEX, (ip2) => present(ip2.spec?.subnet)),
  equalityIndex(IPPOOL, BY_SUBNET_INDEX, (pool) => present(pool.spec?.subnet)),
  equalityIndex(POD, BY_SUBNET_INDEX, (pod) => present(podAllocatedSubnet(pod))),
  equalityIndex(SUBNET, SUBNET_NAMESPACE_INDEX, (subnet2) => subnet2.spec?.namespaces ?? []),
  equalityIndex(VLAN, VLAN_PROVIDER_INDEX, (vlan2) => present(vlan2.spec?.provider)),
  equalityIndex(SUBNET, SUBNET_DEFAULT_INDEX, (subnet2) => subnet2.spec?.default === true ? ["true"] : []),
  equalityIndex(SUBNET, SUBNET_PROVIDER_INDEX, (subnet2) => present(subnet2.spec?.provider)),
  equalityIndex(SUBNET, SUBNET_VPC_INDEX, (subnet2) => [subnetVpc(subnet2)]),
  equalityIndex(IP, IP_ADDRESS_INDEX, ipAddresses),
  equalityIndex(
    POD,
    POD_FIXED_IP_INDEX,
    (pod) => fixedIpAnnotations(pod).flatMap(
      ({ provider: provider2, value }) => canonicalAddresses(value).map((address) => fixedIpKey(provider2, address))
    )
  )
];

// shared/net/range-set.ts
function normalise(spans) {
  const sorted = [...spans].sort((a, b) => a.first < b.first ? -1 : a.first > b.first ? 1 : 0);
  const out = [];
  for (const span of sorted) {
    const tail = out[out.length - 1];
    if (tail && span.first <= tail.last + 1n) {
      if (span.last > tail.last) tail.last = span.last;
    } else {
      out.push({ first: span.first, last: span.last });
    }
  }
  return out;
}
function intersectSpans(a, b) {
  const out = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i];
    const y = b[j];
    const first = bigMax(x.first, y.first);
    const last = bigMin(x.last, y.last);
    if (first <= last) out.push({ first, last });
    if (x.last < y.last) i++;
    else j++;
  }
  return out;
}
function subtractSpans(a, b) {
  const out = [];
  let j = 0;
  for (const x of a) {
    let first = x.first;
    while (j < b.length && b[j].last < first) j++;
    let k = j;
    while (k < b.length && b[k].first <= x.last) {
      const y = b[k];
      if (y.first > first) out.push({ first, last: y.first - 1n });
      if (y.last >= x.last) {
        first = x.last + 1n;
        break;
      }
      first = y.last + 1n;
      k++;
    }
    if (first <= x.last) out.push({ first, last: x.last });
  }
  return out;
}
function findSpan(spans, value) {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = lo + hi >> 1;
    const span = spans[mid];
    if (value < span.first) hi = mid - 1;
    else if (value > span.last) lo = mid + 1;
    else return mid;
  }
  return -1;
}
var RangeSet = class _RangeSet {
  constructor(v4, v6) {
    this.v4 = v4;
    this.v6 = v6;
  }
  v4;
  v6;
  static empty = new _RangeSet([], []);
  static of(ranges) {
    const v4 = [];
    const v6 = [];
    for (const r of ranges) {
      if (r.first > r.last) continue;
      (r.family === 4 ? v4 : v6).push({ first: r.first, last: r.last });
    }
    return new _RangeSet(normalise(v4), normalise(v6));
  }
  spans(family) {
    return family === 4 ? this.v4 : this.v6;
  }
  union(other) {
    return new _RangeSet(normalise([...this.v4, ...other.v4]), normalise([...this.v6, ...other.v6]));
  }
  intersect(other) {
    return new _RangeSet(intersectSpans(this.v4, other.v4), intersectSpans(this.v6, other.v6));
  }
  subtract(other) {
    return new _RangeSet(subtractSpans(this.v4, other.v4), subtractSpans(this.v6, other.v6));
  }
  /** Whether every address of `target` (one address or a range) is in the set. */
  contains(target) {
    const spans = this.spans(target.family);
    if ("value" in target) return findSpan(spans, target.value) >= 0;
    if (target.first > target.last) return true;
    const at2 = findSpan(spans, target.first);
    return at2 >= 0 && spans[at2].last >= target.last;
  }
  /** Whether any address of `range` is in the set. */
  overlaps(range) {
    const spans = this.spans(range.family);
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) {
      const mid = lo + hi >> 1;
      if (spans[mid].last < range.first) lo = mid + 1;
      else hi = mid;
    }
    const candidate = spans[lo];
    return candidate !== void 0 && candidate.first <= range.last && range.first <= range.last;
  }
  /** Number of addresses, of one family or of both. */
  size(family) {
    const families = family ? [family] : [4, 6];
    let total = 0n;
    for (const f of families) for (const s of this.spans(f)) total += s.last - s.first + 1n;
    return total;
  }
  isEmpty() {
    return this.v4.length === 0 && this.v6.length === 0;
  }
  equals(other) {
    const same = (a, b) => a.length === b.length && a.every((s, i) => s.first === b[i].first && s.last === b[i].last);
    return same(this.v4, other.v4) && same(this.v6, other.v6);
  }
  /** IPv4 ranges in order, then IPv6. */
  *ranges() {
    for (const s of this.v4) yield { family: 4, first: s.first, last: s.last };
    for (const s of this.v6) yield { family: 6, first: s.first, last: s.last };
  }
  toArray() {
    return [...this.ranges()];
  }
  toString() {
    return this.toArray().map(formatRange).join(",");
  }
};

// webhooks/rules/kubeovn/ippool.ts
var RULE34 = "kubeovn/ippool";
function checkName(name) {
  if (!isIpAddress(name)) return [];
  return [deny(RULE34, "metadata.name", `the name ${name} is an IP address; IPPool names must not be`)];
}
function checkInsideSubnet(ctx, ranges) {
  const subnetName = ctx.object.spec?.subnet ?? "";
  const subnet2 = subnetName ? ctx.view.get(SUBNET, "", subnetName) : void 0;
  if (!subnet2) {
    return [
      warn(
        RULE34,
        "spec.subnet",
        `Subnet ${subnetName} does not exist (yet)`,
        "SubnetNotFound",
        `Subnet ${subnetName}`
      )
    ];
  }
  const cidrs = subnetCidrs(subnet2);
  const inside2 = RangeSet.of(cidrs.map(cidrRange));
  return ranges.filter(({ range }) => !inside2.contains(range)).map(
    ({ index: index2, range }) => warn(
      RULE34,
      `spec.ips[${index2}]`,
      `${formatRange(range)} is not inside ${cidrs.map(formatCidr).join(",")} of Subnet ${subnetName}; addresses outside it have no effect`,
      "OutsideSubnet",
      `Subnet ${subnetName}`
    )
  );
}
function checkOverlaps(ctx, ranges) {
  const name = ctx.object.metadata.name ?? "";
  const subnetName = ctx.object.spec?.subnet ?? "";
  const out = [];
  for (const { index: index2, range } of ranges) {
    for (const hit of ctx.view.overlapping(IPPOOL, IPPOOL_IPS_INDEX, range)) {
      const other = hit.object.metadata.name ?? "";
      if (other === name || hit.object.spec?.subnet !== subnetName) continue;
      const shared = rangeIntersection(range, hit.range);
      out.push(
        deny(
          RULE34,
          `spec.ips[${index2}]`,
          `${formatRange(range)} overlaps ${formatRange(hit.range)} of IPPool ${other} in Subnet ${subnetName}${shared ? ` at ${formatRange(shared)}` : ""}`,
          "IPPoolConflict",
          `IPPool ${other}`
        )
      );
    }
  }
  return out;
}
function checkNamespaces(ctx) {
  const subnetName = ctx.object.spec?.subnet ?? "";
  const out = [];
  (ctx.object.spec?.namespaces ?? []).forEach((namespace2, index2) => {
    for (const other of ctx.view.byIndex(SUBNET, SUBNET_NAMESPACE_INDEX, namespace2)) {
      const otherName = other.metadata.name ?? "";
      if (otherName === subnetName) continue;
      out.push(
        warn(
          RULE34,
          `spec.namespaces[${index2}]`,
          `namespace ${namespace2} is also bound to Subnet ${otherName}`,
          "NamespaceBoundTwice",
          `Subnet ${otherName}`
        )
      );
    }
  });
  return out;
}
function check8(ctx) {
  const out = checkName(ctx.object.metadata.name ?? "");
  const ranges = [];
  for (const entry of ipPoolEntries(ctx.object)) {
    if ("range" in entry) ranges.push(entry);
    else {
      const { index: index2, text: text2, error } = entry;
      out.push(deny(RULE34, `spec.ips[${index2}]`, `${JSON.stringify(text2)}: ${error.reason}`, "InvalidIPs"));
    }
  }
  return [...out, ...checkInsideSubnet(ctx, ranges), ...checkOverlaps(ctx, ranges), ...checkNamespaces(ctx)];
}
var ipPoolRule = {
  id: RULE34,
  kinds: [IPPOOL],
  reasons: ["InvalidIPs", "SubnetNotFound", "OutsideSubnet", "IPPoolConflict", "NamespaceBoundTwice"],
  guide: "\u914D\u7F6E IPPool",
  check: check8
};

// shared/kubeovn/network-attachment.ts
function kubeOvnCniProvider(ref) {
  return `${ref.name}.${ref.namespace}.ovn`;
}
function kubeOvnIpamProvider(ref) {
  return `${ref.name}.${ref.namespace}`;
}
function providerAttachment(provider2) {
  const parts = provider2.split(".");
  if (parts.length === 3 && parts[2] === "ovn") parts.pop();
  if (parts.length !== 2 || !parts[0] || !parts[1]) return void 0;
  return { name: parts[0], namespace: parts[1] };
}
var text = (value) => typeof value === "string" ? value : void 0;
var objects = (value) => Array.isArray(value) ? value.filter(isPlainObject) : [];
function routesOf(owner) {
  return objects(owner["routes"]).map((route) => ({ dst: text(route["dst"]), gw: route["gw"] }));
}
function ipamOf(value) {
  if (!isPlainObject(value)) return void 0;
  return { type: text(value["type"]), provider: text(value["provider"]), routes: routesOf(value) };
}
function pluginOf(plugin) {
  return {
    type: text(plugin["type"]),
    provider: text(plugin["provider"]),
    master: text(plugin["master"]),
    ipam: ipamOf(plugin["ipam"]),
    routes: routesOf(plugin)
  };
}
function parseAttachmentConfig(config) {
  let parsed;
  try {
    parsed = JSON.parse(config);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, problem: `config is not valid JSON: ${reason}` };
  }
  if (!isPlainObject(parsed)) return { ok: false, problem: "config must be a JSON object" };
  const plugins = objects(parsed["plugins"]);
  return plugins.length === 0 ? { ok: true, config: { listed: false, plugins: [pluginOf(parsed)] } } : { ok: true, config: { listed: true, plugins: plugins.map(pluginOf) } };
}

// webhooks/rules/kubeovn/network-attachment.ts
var RULE35 = "kubeovn/network-attachment";
var FIELD2 = "spec.config";
function checkRoutes(routes2, path4) {
  const out = [];
  routes2.forEach((route, i) => {
    const dst = route.dst ?? "";
    try {
      parseCidr(dst);
    } catch (error) {
      if (!(error instanceof NetParseError)) throw error;
      out.push(
        deny(RULE35, FIELD2, `${path4}[${i}].dst ${JSON.stringify(dst)}: ${error.reason}`, "InvalidRoute")
      );
    }
    const gw = route.gw;
    if (gw !== void 0 && (typeof gw !== "string" || !isIpAddress(gw))) {
      out.push(
        deny(RULE35, FIELD2, `${path4}[${i}].gw ${JSON.stringify(gw)} is not an IP address`, "InvalidRoute")
      );
    }
  });
  return out;
}
function checkPlugin(plugin, where, attachment) {
  const out = [];
  const { type, ipam } = plugin;
  if (type === "kube-ovn") {
    const expected = kubeOvnCniProvider(attachment);
    if (plugin.provider !== expected) {
      out.push(
        deny(
          RULE35,
          FIELD2,
          `${where}provider is ${JSON.stringify(plugin.provider ?? "")}; a kube-ovn attachment needs "${expected}"`,
          "ProviderMismatch"
        )
      );
    }
  }
  if (ipam && ipam.type === "kube-ovn" && type !== "kube-ovn") {
    const expected = kubeOvnIpamProvider(attachment);
    if (ipam.provider !== expected) {
      out.push(
        deny(
          RULE35,
          FIELD2,
          `${where}ipam.provider is ${JSON.stringify(ipam.provider ?? "")}; Kube-OVN IPAM needs "${expected}"`,
          "ProviderMismatch"
        )
      );
    }
    if (type === "macvlan" && !plugin.master) {
      out.push(deny(RULE35, FIELD2, `${where}master is required for macvlan with Kube-OVN IPAM`));
    }
  }
  return [
    ...out,
    ...checkRoutes(plugin.routes, `${where}routes`),
    ...checkRoutes(ipam?.routes ?? [], `${where}ipam.routes`)
  ];
}
function check9(ctx) {
  const config = ctx.object.spec?.config;
  if (config === void 0 || config.trim() === "") return [];
  const parsed = parseAttachmentConfig(config);
  if (!parsed.ok) return [deny(RULE35, FIELD2, parsed.problem, "InvalidConfig")];
  const attachment = { name: ctx.object.metadata.name ?? "", namespace: ctx.object.metadata.namespace ?? "" };
  const { listed, plugins } = parsed.config;
  return plugins.flatMap((plugin, i) => checkPlugin(plugin, listed ? `plugins[${i}].` : "", attachment));
}
var networkAttachmentRule = {
  id: RULE35,
  kinds: [NETWORK_ATTACHMENT_DEFINITION],
  reasons: ["InvalidRoute", "ProviderMismatch", "InvalidConfig"],
  guide: "\u914D\u7F6E Kube-OVN \u7F51\u7EDC\u4EE5\u652F\u6301 Pod \u591A\u7F51\u5361 (Alpha)",
  check: check9
};

// webhooks/rules/kubeovn/pod-networks.ts
var RULE36 = "kubeovn/pod-networks";
var annotationField2 = (key) => `metadata.annotations[${JSON.stringify(key)}]`;
function checkNetworks(pod, view) {
  const value = pod.metadata.annotations?.[MULTUS_NETWORKS_ANNOTATION];
  if (!value) return [];
  const field = annotationField2(MULTUS_NETWORKS_ANNOTATION);
  const parsed = parseNetworksAnnotation(value, pod.metadata.namespace ?? "");
  if (!parsed.ok) return [deny(RULE36, field, parsed.problem, "InvalidNetworks")];
  return parsed.refs.filter((ref) => !view.get(NETWORK_ATTACHMENT_DEFINITION, ref.namespace, ref.name)).map((ref) => {
    const other = `NetworkAttachmentDefinition ${ref.namespace}/${ref.name}`;
    return warn(RULE36, field, `${other} does not exist (yet)`, "AttachmentNotFound", other);
  });
}
function subnetFor(pod, provider2, view) {
  const explicit = requestedSubnet(pod, provider2);
  if (explicit) return view.get(SUBNET, "", explicit);
  if (provider2 !== "ovn") return view.byIndex(SUBNET, SUBNET_PROVIDER_INDEX, provider2)[0];
  const bound2 = view.byIndex(SUBNET, SUBNET_NAMESPACE_INDEX, pod.metadata.namespace ?? "")[0];
  return bound2 ?? view.byIndex(SUBNET, SUBNET_DEFAULT_INDEX, "true")[0];
}
function samePod(a, b) {
  return a.metadata.namespace === b.metadata.namespace && a.metadata.name === b.metadata.name;
}
function takenBy(address, provider2, subnet2, pod, view) {
  const text2 = formatAddress(address.family, address.value);
  const ips = view.byIndex(IP, IP_ADDRESS_INDEX, text2).filter((ip2) => ip2.spec?.subnet === subnet2 && !ipHeldBy(ip2, pod));
  const pods = view.byIndex(POD, POD_FIXED_IP_INDEX, fixedIpKey(provider2, text2)).filter((other) => !samePod(other, pod));
  return [...ips, ...pods];
}
function checkFixedIp(ctx, { key, provider: provider2, value }) {
  const field = annotationField2(key);
  let addresses2;
  try {
    addresses2 = parseList(value, parseAddress);
  } catch (error) {
    if (!(error instanceof NetParseError)) throw error;
    return [deny(RULE36, field, `${JSON.stringify(error.token)}: ${error.reason}`, "InvalidIP")];
  }
  const families = addresses2.map((a) => a.family);
  if (new Set(families).size !== families.length) {
    return [
      deny(RULE36, field, `${value}: at most one address per family (${families.map(familyName).join(", ")})`)
    ];
  }
  if (/[A-F]/.test(value)) return [deny(RULE36, field, `${value}: write IPv6 addresses in lower case`)];
  const pod = ctx.object;
  const subnet2 = subnetFor(pod, provider2, ctx.view);
  if (!subnet2) {
    return [
      warn(
        RULE36,
        field,
        `no Subnet found for provider ${provider2}; the address cannot be checked`,
        "SubnetNotFound"
      )
    ];
  }
  const subnetName = subnet2.metadata.name ?? "";
  const out = [];
  const cidrs = subnetCidrs(subnet2);
  for (const address of addresses2) {
    const text2 = formatAddress(address.family, address.value);
    const cidr3 = cidrs.find((c) => c.family === address.family);
    if (!cidr3 || !rangeContainsAddress(cidrRange(cidr3), address)) {
      const inside2 = cidr3 ? formatCidr(cidr3) : `no ${familyName(address.family)} CIDR`;
      out.push(
        deny(
          RULE36,
          field,
          `${text2} is not inside Subnet ${subnetName} (${inside2})`,
          "OutsideSubnet",
          `Subnet ${subnetName}`
        )
      );
      continue;
    }
    const holder = takenBy(address, provider2, subnetName, pod, ctx.view)[0];
    if (holder) {
      out.push(
        deny(
          RULE36,
          field,
          `${text2} in Subnet ${subnetName} is already taken by ${describeObject(holder)}`,
          "AddressTaken",
          describeObject(holder)
        )
      );
    }
  }
  return out;
}
function changedFixedIps(ctx) {
  const before2 = ctx.operation === "UPDATE" ? ctx.oldObject?.metadata.annotations ?? {} : {};
  return fixedIpAnnotations(ctx.object).filter(({ key, value }) => value && before2[key] !== value);
}
var macPattern = /^[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(\1[0-9A-Fa-f]{2}){4}$/;
function checkMacs(pod) {
  return macAddressAnnotations(pod).filter(({ value }) => value && !macPattern.test(value)).map(
    ({ key, value }) => deny(RULE36, annotationField2(key), `${JSON.stringify(value)} is not a MAC address`, "InvalidMAC")
  );
}
function check10(ctx) {
  return [
    ...checkNetworks(ctx.object, ctx.view),
    ...checkMacs(ctx.object),
    ...changedFixedIps(ctx).flatMap((annotation) => checkFixedIp(ctx, annotation))
  ];
}
var podNetworksRule = {
  id: RULE36,
  kinds: [POD],
  reasons: [
    "InvalidNetworks",
    "AttachmentNotFound",
    "InvalidIP",
    "SubnetNotFound",
    "OutsideSubnet",
    "AddressTaken",
    "InvalidMAC"
  ],
  guide: "\u56FA\u5B9A IP",
  check: check10
};

// webhooks/rules/kubeovn/provider-network.ts
var RULE37 = "kubeovn/provider-network";
function check11(ctx) {
  const spec = ctx.object.spec;
  const out = [];
  const name = ctx.object.metadata.name ?? "";
  if (name.length > 12) {
    out.push(
      deny(
        RULE37,
        "metadata.name",
        `name ${name} is ${name.length} characters; ProviderNetwork names are at most 12`
      )
    );
  }
  if (!spec?.defaultInterface) out.push(deny(RULE37, "spec.defaultInterface", "defaultInterface is required"));
  const excluded = new Set(spec?.excludeNodes ?? []);
  (spec?.customInterfaces ?? []).forEach((custom, i) => {
    (custom.nodes ?? []).forEach((node, j) => {
      if (excluded.has(node)) {
        out.push(
          deny(
            RULE37,
            `spec.customInterfaces[${i}].nodes[${j}]`,
            `node ${node} is also listed in spec.excludeNodes`,
            "NodeExcluded"
          )
        );
      }
    });
  });
  return out;
}
var providerNetworkRule = {
  id: RULE37,
  kinds: [PROVIDER_NETWORK],
  reasons: ["NodeExcluded"],
  guide: "Underlay \u7F51\u7EDC",
  check: check11
};

// shared/net/classify.ts
function block(kind2, cidr3) {
  return { kind: kind2, cidr: cidr3, range: cidrRange(parseCidr(cidr3)) };
}
var specialBlocks = [
  block("unspecified", "0.0.0.0/32"),
  block("unspecified", "::/128"),
  block("loopback", "127.0.0.0/8"),
  block("loopback", "::1/128"),
  block("link-local", "169.254.0.0/16"),
  block("link-local", "fe80::/10"),
  block("multicast", "224.0.0.0/4"),
  block("multicast", "ff00::/8"),
  block("broadcast", "255.255.255.255/32")
];
function specialBlockOverlapping(range) {
  return specialBlocks.find((b) => rangesOverlap(b.range, range));
}

// webhooks/rules/kubeovn/subnet-addressing.ts
var RULE38 = "kubeovn/subnet-addressing";
var protocolFamilies = { IPv4: [4], IPv6: [6], Dual: [4, 6] };
function protocolHint(expected, actual) {
  const written = actual.length === 2 ? "Dual" : actual[0] === 4 ? "IPv4" : "IPv6";
  const missing = expected.filter((f) => !actual.includes(f)).map(familyName);
  return missing.length > 0 ? `add an ${missing.join(" and ")} CIDR or set protocol ${written}` : `set protocol ${written}`;
}
function checkProtocol(protocol2, cidrs) {
  if (protocol2 === void 0 || protocol2 === "") return [];
  const expected = protocolFamilies[protocol2];
  if (!expected) {
    return [deny(RULE38, "spec.protocol", `unknown protocol ${JSON.stringify(protocol2)} (IPv4, IPv6 or Dual)`)];
  }
  const actual = cidrs.map((c) => c.family).sort();
  if (actual.join() === [...expected].sort().join()) return [];
  const written = cidrs.map(formatCidr).join(",");
  return [
    deny(
      RULE38,
      "spec.protocol",
      `protocol ${protocol2} does not match cidrBlock ${written} (${actual.map(familyName).join(" + ")}); ${protocolHint(expected, actual)}`,
      "ProtocolMismatch"
    )
  ];
}
function checkBlocks(cidrs) {
  const out = [];
  for (const cidr3 of cidrs) {
    const special = specialBlockOverlapping(cidrRange(cidr3));
    if (special) {
      out.push(
        deny(
          RULE38,
          "spec.cidrBlock",
          `${formatCidr(cidr3)} overlaps the ${special.kind} block ${special.cidr}`,
          "ReservedAddresses"
        )
      );
    }
    if (cidr3.hostBitsSet) {
      out.push(
        warn(
          RULE38,
          "spec.cidrBlock",
          `${formatAddress(cidr3.family, cidr3.address)}/${cidr3.prefix} has host bits set; the subnet is ${formatCidr(cidr3)}`
        )
      );
    }
  }
  return out;
}
function hasNetworkAddresses(cidr3) {
  return cidr3.prefix < (cidr3.family === 4 ? 31 : 127);
}
function checkGatewayAddress(address, text2, cidrs) {
  const cidr3 = cidrs.find((c) => c.family === address.family);
  if (!cidr3)
    return `gateway ${text2} is ${familyName(address.family)} but cidrBlock has no ${familyName(address.family)} CIDR`;
  if (address.value < cidr3.network || address.value > cidr3.last) {
    return `gateway ${text2} is outside ${formatCidr(cidr3)}`;
  }
  if (!hasNetworkAddresses(cidr3)) return void 0;
  if (address.value === cidr3.network) return `gateway ${text2} is the network address of ${formatCidr(cidr3)}`;
  if (cidr3.family === 4 && address.value === cidr3.last) {
    return `gateway ${text2} is the broadcast address of ${formatCidr(cidr3)}`;
  }
  return void 0;
}
function checkGateway(gateway2, cidrs) {
  if (!gateway2) return [];
  const out = [];
  const parts = gateway2.split(",");
  if (parts.length > cidrs.length) {
    out.push(deny(RULE38, "spec.gateway", `${parts.length} gateways for ${cidrs.length} CIDR(s) in cidrBlock`));
  }
  const seen = /* @__PURE__ */ new Set();
  for (const text2 of parts) {
    let address;
    try {
      address = parseAddress(text2);
    } catch (error) {
      if (!(error instanceof NetParseError)) throw error;
      out.push(deny(RULE38, "spec.gateway", `${JSON.stringify(text2)}: ${error.reason}`, "InvalidGateway"));
      continue;
    }
    if (seen.has(address.family)) {
      out.push(
        deny(RULE38, "spec.gateway", `more than one ${familyName(address.family)} gateway in ${gateway2}`)
      );
    }
    seen.add(address.family);
    const problem = checkGatewayAddress(address, text2, cidrs);
    if (problem) out.push(deny(RULE38, "spec.gateway", problem, "InvalidGateway"));
  }
  return out;
}
function checkExcludeIps(entries, cidrs) {
  const out = [];
  entries.forEach((entry, index2) => {
    const field = `spec.excludeIps[${index2}]`;
    try {
      const range = parseIpOrKubeOvnRange(entry);
      if (!cidrs.some((cidr3) => rangeContainsRange(cidrRange(cidr3), range))) {
        const block2 = cidrs.map(formatCidr).join(",");
        out.push(
          deny(
            RULE38,
            field,
            `${formatRange(range)} is not inside cidrBlock ${block2}`,
            "ExcludeIpOutsideSubnet"
          )
        );
      }
    } catch (error) {
      if (!(error instanceof NetParseError)) throw error;
      out.push(deny(RULE38, field, `${JSON.stringify(entry)}: ${error.reason}`, "InvalidExcludeIp"));
    }
  });
  return out;
}
function checkLowercase(spec) {
  const fields = [
    ["spec.cidrBlock", spec.cidrBlock ?? ""],
    ["spec.gateway", spec.gateway ?? ""],
    ...(spec.excludeIps ?? []).map((v, i) => [`spec.excludeIps[${i}]`, v])
  ];
  return fields.filter(([, value]) => /[A-F]/.test(value)).map(
    ([field, value]) => deny(RULE38, field, `${JSON.stringify(value)}: write IPv6 addresses in lower case`)
  );
}
function checkHostRoutes(cidrs, subnet2) {
  if (isCalicoSubnet(subnet2)) return [];
  return cidrs.filter((c) => c.prefix === (c.family === 4 ? 32 : 128)).map(
    (c) => deny(
      RULE38,
      "spec.cidrBlock",
      `${formatCidr(c)} holds a single address; a subnet needs a shorter prefix`
    )
  );
}
function check12(ctx) {
  const subnet2 = ctx.object;
  const spec = subnet2.spec ?? {};
  const cidrBlock = spec.cidrBlock;
  if (!cidrBlock) return [deny(RULE38, "spec.cidrBlock", "cidrBlock is required", "MissingCidr")];
  const parsed = parseCidrBlock(cidrBlock);
  if (!parsed.ok) {
    const { error } = parsed;
    const where = error.index === void 0 ? "" : `entry ${error.index} `;
    return [
      deny(RULE38, "spec.cidrBlock", `${where}${JSON.stringify(error.token)}: ${error.reason}`, "InvalidCidr")
    ];
  }
  const { cidrs } = parsed;
  return [
    ...checkLowercase(spec),
    ...checkHostRoutes(cidrs, subnet2),
    ...checkProtocol(spec.protocol, cidrs),
    ...checkBlocks(cidrs),
    ...checkGateway(spec.gateway, cidrs),
    ...checkExcludeIps(spec.excludeIps ?? [], cidrs)
  ];
}
var subnetAddressingRule = {
  id: RULE38,
  kinds: [SUBNET],
  reasons: [
    "MissingCidr",
    "InvalidCidr",
    "ProtocolMismatch",
    "ReservedAddresses",
    "InvalidGateway",
    "ExcludeIpOutsideSubnet",
    "InvalidExcludeIp"
  ],
  guide: "\u914D\u7F6E\u5B50\u7F51",
  check: check12
};

// webhooks/rules/kubeovn/subnet-calico.ts
var RULE39 = "kubeovn/subnet-calico";
function check13(ctx) {
  if (!isCalicoSubnet(ctx.object)) return [];
  const spec = ctx.object.spec ?? {};
  const cidrs = subnetCidrs(ctx.object);
  const out = [];
  const v4 = cidrs.find((c) => c.family === 4);
  if (v4 && v4.prefix > 31) {
    out.push(deny(RULE39, "spec.cidrBlock", `${formatCidr(v4)}: Calico subnets need a prefix of at most /31`));
  }
  const blockSize = spec.v4blockSize;
  if (v4 && blockSize !== void 0 && blockSize < v4.prefix) {
    out.push(
      deny(
        RULE39,
        "spec.v4blockSize",
        `block size /${blockSize} is larger than the subnet ${formatCidr(v4)} (the guide's value is ${calicoBlockSize(v4.prefix)})`
      )
    );
  }
  const ipip = spec.ipipMode;
  const families = new Set(cidrs.map((c) => c.family));
  if (families.size === 2 && ipip !== void 0 && ipip !== "Never") {
    out.push(
      deny(RULE39, "spec.ipipMode", `IPIP (${ipip}) is not supported on a dual-stack subnet; use VXLAN`)
    );
  }
  if (families.has(6)) {
    out.push(
      warn(
        RULE39,
        "spec.cidrBlock",
        "IPv6 Calico subnets use VXLAN encapsulation: make sure UDP port 4789 is open"
      )
    );
  }
  return out;
}
var subnetCalicoRule = {
  id: RULE39,
  kinds: [SUBNET],
  reasons: [],
  guide: "Calico \u7F51\u7EDC",
  check: check13
};

// webhooks/rules/kubeovn/subnet-cidr-order.ts
function orderV4First(ctx) {
  const cidrBlock = ctx.object.spec?.cidrBlock;
  if (!cidrBlock) return [];
  const parsed = parseCidrBlock(cidrBlock);
  if (!parsed.ok || parsed.cidrs.length !== 2 || parsed.cidrs[0]?.family !== 6) return [];
  const [v6, v4] = cidrBlock.split(",");
  const out = [{ op: "replace", path: "/spec/cidrBlock", value: `${v4},${v6}` }];
  const parts = ctx.object.spec?.gateway?.split(",") ?? [];
  if (parts.length === 2 && tryParseAddress(parts[0] ?? "")?.family === 6 && tryParseAddress(parts[1] ?? "")?.family === 4) {
    out.push({ op: "replace", path: "/spec/gateway", value: `${parts[1]},${parts[0]}` });
  }
  return out;
}
var subnetCidrOrderMutator = {
  id: "kubeovn/subnet-cidr-order",
  kinds: [SUBNET],
  guide: "\u914D\u7F6E\u5B50\u7F51",
  mutate: orderV4First
};

// webhooks/rules/kubeovn/lib/net-problems.ts
function netProblem(parse) {
  try {
    parse();
    return void 0;
  } catch (error) {
    if (error instanceof NetParseError) return `${JSON.stringify(error.token)}: ${error.reason}`;
    throw error;
  }
}
function addressList(text2) {
  try {
    return parseList(text2, parseAddress);
  } catch (error) {
    if (error instanceof NetParseError) return `${JSON.stringify(error.token)}: ${error.reason}`;
    throw error;
  }
}

// webhooks/rules/kubeovn/subnet-consistency.ts
var RULE40 = "kubeovn/subnet-consistency";
function inside(address, cidrs) {
  return cidrs.some((cidr3) => rangeContainsAddress(cidrRange(cidr3), address));
}
var show = (a) => formatAddress(a.family, a.value);
function checkVips(spec, cidrs) {
  const out = [];
  (spec.vips ?? []).forEach((vip, i) => {
    const parsed = addressList(vip);
    if (typeof parsed === "string") out.push(deny(RULE40, `spec.vips[${i}]`, parsed, "InvalidIP"));
    else {
      for (const a of parsed.filter((a2) => !inside(a2, cidrs))) {
        out.push(deny(RULE40, `spec.vips[${i}]`, `${show(a)} is not inside cidrBlock`, "OutsideSubnet"));
      }
    }
  });
  return out;
}
function checkAllowSubnets(spec) {
  const out = [];
  (spec.allowSubnets ?? []).forEach((cidr3, i) => {
    try {
      parseCidr(cidr3);
    } catch (error) {
      if (!(error instanceof NetParseError)) throw error;
      out.push(
        deny(RULE40, `spec.allowSubnets[${i}]`, `${JSON.stringify(cidr3)}: ${error.reason}`, "InvalidCidr")
      );
    }
  });
  return out;
}
function checkU2o(spec, cidrs) {
  const out = [];
  const u2o = spec.u2oInterconnection === true;
  if (u2o && spec.logicalGateway) {
    out.push(
      deny(RULE40, "spec.logicalGateway", "logicalGateway and u2oInterconnection cannot both be enabled")
    );
  }
  if (spec.u2oFeatures?.overlayOnlyRouting === true && !(u2o && spec.vlan)) {
    out.push(
      deny(
        RULE40,
        "spec.u2oFeatures.overlayOnlyRouting",
        "needs u2oInterconnection: true on an underlay subnet (spec.vlan)"
      )
    );
  }
  const ip2 = spec.u2oInterconnectionIP;
  if (!ip2) return out;
  const parsed = addressList(ip2);
  if (typeof parsed === "string")
    return [...out, deny(RULE40, "spec.u2oInterconnectionIP", parsed, "InvalidIP")];
  const gateway2 = addressList(spec.gateway ?? "");
  const gateways2 = new Set(typeof gateway2 === "string" ? [] : gateway2.map(show));
  for (const a of parsed) {
    if (!inside(a, cidrs)) {
      out.push(
        deny(RULE40, "spec.u2oInterconnectionIP", `${show(a)} is not inside cidrBlock`, "OutsideSubnet")
      );
    } else if (gateways2.has(show(a))) {
      out.push(deny(RULE40, "spec.u2oInterconnectionIP", `${show(a)} is the subnet's gateway`));
    }
  }
  return out;
}
function checkExternalEgressGateway(spec, cidrs) {
  const egw = spec.externalEgressGateway;
  if (!egw) return [];
  const field = "spec.externalEgressGateway";
  const out = [];
  if (spec.natOutgoing)
    out.push(deny(RULE40, field, "externalEgressGateway and natOutgoing exclude each other"));
  const parsed = addressList(egw);
  if (typeof parsed === "string") return [...out, deny(RULE40, field, parsed, "InvalidIP")];
  const families = new Set(cidrs.map((c) => c.family));
  for (const a of parsed.filter((a2) => !families.has(a2.family))) {
    out.push(
      deny(
        RULE40,
        field,
        `${show(a)} is ${familyName(a.family)} but cidrBlock has no ${familyName(a.family)} CIDR`
      )
    );
  }
  if (parsed.length > 2 || new Set(parsed.map((a) => a.family)).size !== parsed.length) {
    out.push(deny(RULE40, field, "at most one address per family"));
  }
  return out;
}
function checkVpcNamespaces(ctx) {
  const spec = ctx.object.spec ?? {};
  const vpcName = spec.vpc;
  if (!vpcName || vpcName === DEFAULT_VPC) return [];
  const vpc2 = ctx.view.get(VPC, "", vpcName);
  const allowed = vpc2?.spec?.namespaces ?? [];
  if (!vpc2 || allowed.length === 0) return [];
  const out = [];
  (spec.namespaces ?? []).forEach((namespace2, i) => {
    if (!allowed.includes(namespace2)) {
      out.push(
        deny(
          RULE40,
          `spec.namespaces[${i}]`,
          `namespace ${namespace2} is not one of Vpc ${vpcName}'s namespaces`,
          "NamespaceOutsideVpc",
          `Vpc ${vpcName}`
        )
      );
    }
  });
  return out;
}
function listFamily(text2) {
  try {
    const ranges = parseList(
      text2.trim(),
      (t) => t.includes("/") ? cidrRange(parseCidr(t)) : singleAddressRange(parseAddress(t))
    );
    const kinds = new Set(ranges.map((r) => r.family));
    if (kinds.size > 1) return { problem: `${text2} mixes IPv4 and IPv6` };
    return { family: ranges[0]?.family };
  } catch (error) {
    if (!(error instanceof NetParseError)) throw error;
    return { problem: `${JSON.stringify(error.token)}: ${error.reason}`, reason: "InvalidCidr" };
  }
}
function checkNatPolicyRules(spec) {
  const out = [];
  (spec.natOutgoingPolicyRules ?? []).forEach((rule, i) => {
    const families = {};
    for (const key of ["srcIPs", "dstIPs"]) {
      const text2 = rule.match?.[key];
      if (text2 === void 0) continue;
      const read = listFamily(text2);
      if ("problem" in read) {
        out.push(deny(RULE40, `spec.natOutgoingPolicyRules[${i}].match.${key}`, read.problem, read.reason));
      } else families[key] = read.family;
    }
    if (families.srcIPs && families.dstIPs && families.srcIPs !== families.dstIPs) {
      out.push(
        deny(RULE40, `spec.natOutgoingPolicyRules[${i}].match`, "srcIPs and dstIPs are of different families")
      );
    }
  });
  return out;
}
function checkName2(ctx) {
  const name = ctx.object.metadata.name ?? "";
  const vpc2 = ctx.object.spec?.vpc;
  if (vpc2 && vpc2 === name)
    return [deny(RULE40, "spec.vpc", `a Subnet cannot share its name with its VPC ${vpc2}`)];
  if (ctx.operation === "CREATE" && ctx.view.get(VPC, "", name)) {
    return [deny(RULE40, "metadata.name", `a Vpc is already named ${name}`, "NameTaken", `Vpc ${name}`)];
  }
  return [];
}
function check14(ctx) {
  const spec = ctx.object.spec ?? {};
  const cidrs = subnetCidrs(ctx.object);
  return [
    ...checkName2(ctx),
    ...checkVpcNamespaces(ctx),
    ...checkAllowSubnets(spec),
    ...checkNatPolicyRules(spec),
    ...cidrs.length > 0 ? [...checkVips(spec, cidrs), ...checkU2o(spec, cidrs), ...checkExternalEgressGateway(spec, cidrs)] : []
  ];
}
var subnetConsistencyRule = {
  id: RULE40,
  kinds: [SUBNET],
  reasons: ["InvalidIP", "OutsideSubnet", "InvalidCidr", "NamespaceOutsideVpc", "NameTaken"],
  guide: "Kube-OVN \u7F51\u7EDC",
  check: check14
};

// webhooks/rules/kubeovn/subnet-gateway-settings.ts
var RULE41 = "kubeovn/subnet-gateway-settings";
function gatewayNodeProblems(value) {
  const out = [];
  for (const raw of value.split(",")) {
    const entry = raw.trim();
    const [node = "", address, ...rest] = entry.split(":");
    if (!objectName.safeParse(node).success)
      out.push(
        entry === node ? `${JSON.stringify(node)} is not a node name` : `${JSON.stringify(entry)}: ${JSON.stringify(node)} is not a node name`
      );
    else if (rest.length > 0 || address !== void 0 && !isIpAddress(address)) {
      out.push(`${JSON.stringify(entry)}: expected "node" or "node:ip"`);
    }
  }
  return out;
}
function check15(ctx) {
  const spec = ctx.object.spec ?? {};
  const type = spec.gatewayType || "distributed";
  if (type !== "distributed" && type !== "centralized") {
    return [
      deny(
        RULE41,
        "spec.gatewayType",
        `unknown gatewayType ${JSON.stringify(type)} (distributed or centralized)`
      )
    ];
  }
  const out = [];
  const gatewayNode = spec.gatewayNode ?? "";
  const selectors2 = spec.gatewayNodeSelectors ?? [];
  if (gatewayNode) {
    for (const problem of gatewayNodeProblems(gatewayNode)) out.push(deny(RULE41, "spec.gatewayNode", problem));
  }
  if (type === "centralized") {
    if (!gatewayNode && selectors2.length === 0) {
      out.push(
        deny(RULE41, "spec.gatewayNode", "a centralized gateway needs gatewayNode or gatewayNodeSelectors")
      );
    }
    if (gatewayNode && selectors2.length > 0) {
      out.push(warn(RULE41, "spec.gatewayNodeSelectors", "ignored: gatewayNode is set and takes precedence"));
    }
  } else if (spec.enableEcmp) {
    out.push(warn(RULE41, "spec.enableEcmp", "ECMP only applies to centralized gateways"));
  }
  return out;
}
var subnetGatewaySettingsRule = {
  id: RULE41,
  kinds: [SUBNET],
  reasons: [],
  guide: "\u914D\u7F6E\u96C6\u4E2D\u5F0F\u7F51\u5173",
  check: check15
};

// webhooks/rules/kubeovn/subnet-lifecycle.ts
var RULE42 = "kubeovn/subnet-lifecycle";
function allocations(view, subnet2) {
  return [...view.byIndex(IP, BY_SUBNET_INDEX, subnet2), ...view.byIndex(POD, BY_SUBNET_INDEX, subnet2)];
}
function describeAllocations(found) {
  const first = found[0];
  const more = found.length > 1 ? ` and ${found.length - 1} more` : "";
  return first ? `${describeObject(first)}${more}` : "";
}
function checkGrowth(subnet2, old) {
  const out = [];
  const next = subnetCidrs(subnet2);
  for (const before2 of subnetCidrs(old)) {
    const after = next.find((c) => c.family === before2.family);
    if (!after) {
      out.push(
        deny(
          RULE42,
          "spec.cidrBlock",
          `the ${familyName(before2.family)} CIDR ${formatCidr(before2)} cannot be removed`,
          "CidrShrunk"
        )
      );
    } else if (!rangeContainsRange(cidrRange(after), cidrRange(before2))) {
      out.push(
        deny(
          RULE42,
          "spec.cidrBlock",
          `${formatCidr(after)} does not contain the current ${formatCidr(before2)}: a subnet may only be expanded`,
          "CidrShrunk"
        )
      );
    }
  }
  return out;
}
function excludedBy(excluded, gateway2) {
  const address = tryParseAddress(gateway2);
  return address !== void 0 && excluded.some((range) => rangeContainsAddress(range, address));
}
function checkGatewayChanges(ctx, old) {
  const out = [];
  const oldGateway = old.spec?.gateway ?? "";
  const newGateway = ctx.object.spec?.gateway ?? "";
  const oldExcluded = subnetExcludedRanges(old);
  const newExcluded = subnetExcludedRanges(ctx.object);
  for (const gateway2 of oldGateway.split(",").filter(Boolean)) {
    if (excludedBy(oldExcluded, gateway2) && !excludedBy(newExcluded, gateway2)) {
      out.push(
        deny(
          RULE42,
          "spec.excludeIps",
          `the gateway ${gateway2} cannot be removed from excludeIps`,
          "GatewayUnreserved"
        )
      );
    }
  }
  if (oldGateway && newGateway && oldGateway !== newGateway) {
    const found = allocations(ctx.view, ctx.object.metadata.name ?? "");
    if (found.length > 0) {
      out.push(
        deny(
          RULE42,
          "spec.gateway",
          `the gateway cannot change from ${oldGateway} to ${newGateway} while ${found.length} address(es) are allocated`,
          "SubnetInUse",
          describeAllocations(found)
        )
      );
    }
  }
  return out;
}
function checkVpcChange(subnet2, old) {
  const before2 = old.spec?.vpc ?? "";
  const after = subnet2.spec?.vpc ?? "";
  if (before2 === after || before2 === "" && after === DEFAULT_VPC) return [];
  return [
    deny(
      RULE42,
      "spec.vpc",
      `vpc cannot change from ${JSON.stringify(before2)} to ${JSON.stringify(after)}`,
      "VpcImmutable"
    )
  ];
}
function checkDelete(ctx) {
  const subnet2 = ctx.object;
  const name = subnet2.metadata.name ?? "";
  if (isDefaultSubnet(subnet2) || name === JOIN_SUBNET) {
    return [
      deny(
        RULE42,
        "metadata.name",
        `Subnet ${name} is a built-in subnet and cannot be deleted`,
        "BuiltInSubnet"
      )
    ];
  }
  const found = allocations(ctx.view, name);
  if (found.length === 0) return [];
  return [
    deny(
      RULE42,
      "metadata.name",
      `Subnet ${name} still has ${found.length} allocated address(es); release them first`,
      "SubnetInUse",
      describeAllocations(found)
    )
  ];
}
function check16(ctx) {
  if (ctx.operation === "DELETE") return checkDelete(ctx);
  const old = ctx.oldObject;
  if (ctx.operation !== "UPDATE" || !old) return [];
  return [
    ...checkGrowth(ctx.object, old),
    ...checkGatewayChanges(ctx, old),
    ...checkVpcChange(ctx.object, old)
  ];
}
var subnetLifecycleRule = {
  id: RULE42,
  kinds: [SUBNET],
  operations: ["UPDATE", "DELETE"],
  reasons: ["CidrShrunk", "GatewayUnreserved", "SubnetInUse", "VpcImmutable", "BuiltInSubnet"],
  guide: "\u5B50\u7F51\u7BA1\u7406",
  check: check16
};

// webhooks/rules/kubeovn/subnet-options.ts
var RULE43 = "kubeovn/subnet-options";
var aclActions = ["allow", "drop", "allow-related"];
var aclDirections = ["to-lport", "from-lport"];
function checkAcls(spec) {
  const out = [];
  (spec.acls ?? []).forEach((acl2, i) => {
    const field = `spec.acls[${i}]`;
    const action = acl2.action;
    if (!action || !aclActions.includes(action)) {
      out.push(
        deny(
          RULE43,
          `${field}.action`,
          `action ${JSON.stringify(action ?? "")} is not one of ${aclActions.join(", ")}`
        )
      );
    }
    const direction = acl2.direction;
    if (!direction || !aclDirections.includes(direction)) {
      out.push(
        deny(
          RULE43,
          `${field}.direction`,
          `direction ${JSON.stringify(direction ?? "")} is not one of ${aclDirections.join(", ")}`
        )
      );
    }
    const priority = acl2.priority;
    if (priority !== void 0 && (priority < 0 || priority > 32767)) {
      out.push(deny(RULE43, `${field}.priority`, `priority ${priority} is outside 0-32767`));
    } else if (priority !== void 0 && (priority < 1002 || priority > 1899)) {
      out.push(
        warn(
          RULE43,
          `${field}.priority`,
          `priority ${priority} is outside 1002-1899 and may collide with Kube-OVN's own ACLs`
        )
      );
    }
  });
  return out;
}
function checkMtu(subnet2, old) {
  const mtu = subnet2.spec?.mtu;
  if (mtu === void 0 || mtu === 0) return [];
  const hasV6 = subnetCidrs(subnet2).some((c) => c.family === 6);
  const min = hasV6 ? 1280 : 68;
  if (mtu < min || mtu > 9e3) {
    return [
      deny(
        RULE43,
        "spec.mtu",
        `mtu ${mtu} is outside ${min}-9000${hasV6 ? " (IPv6 needs at least 1280)" : ""}`
      )
    ];
  }
  const oldMtu = old?.spec?.mtu;
  if (oldMtu && mtu > oldMtu) {
    return [
      warn(
        RULE43,
        "spec.mtu",
        `mtu raised from ${oldMtu} to ${mtu}: existing pods keep the old MTU until recreated`
      )
    ];
  }
  return [];
}
function checkReferences(ctx) {
  const spec = ctx.object.spec ?? {};
  const out = [];
  const vlan2 = spec.vlan;
  if (spec.u2oInterconnection && !vlan2) {
    out.push(
      deny(
        RULE43,
        "spec.u2oInterconnection",
        "u2oInterconnection applies only to underlay subnets (spec.vlan)"
      )
    );
  }
  if (vlan2 && !ctx.view.get(VLAN, "", vlan2)) {
    out.push(warn(RULE43, "spec.vlan", `Vlan ${vlan2} does not exist (yet)`, "VlanNotFound", `Vlan ${vlan2}`));
  }
  const provider2 = spec.provider;
  if (provider2 && provider2 !== "ovn") {
    const attachment = providerAttachment(provider2);
    if (!attachment) {
      out.push(
        warn(
          RULE43,
          "spec.provider",
          `provider ${JSON.stringify(provider2)} is not "<attachment>.<namespace>[.ovn]"`
        )
      );
    } else if (!ctx.view.get(NETWORK_ATTACHMENT_DEFINITION, attachment.namespace, attachment.name)) {
      const other = `NetworkAttachmentDefinition ${attachment.namespace}/${attachment.name}`;
      out.push(warn(RULE43, "spec.provider", `${other} does not exist (yet)`, "AttachmentNotFound", other));
    }
  }
  return out;
}
function check17(ctx) {
  return [
    ...checkMtu(ctx.object, ctx.operation === "UPDATE" ? ctx.oldObject : void 0),
    ...checkAcls(ctx.object.spec ?? {}),
    ...checkReferences(ctx)
  ];
}
var subnetOptionsRule = {
  id: RULE43,
  kinds: [SUBNET],
  reasons: ["VlanNotFound", "AttachmentNotFound"],
  guide: "Kube-OVN \u7F51\u7EDC",
  check: check17
};

// webhooks/rules/kubeovn/lib/interconnect.ts
function remoteClusterRanges(view) {
  const config = view.get(CONFIG_MAP, IC_CONFIG_NAMESPACE, IC_CONFIG_NAME);
  if (config?.data?.["enable-ic"] !== "true") return [];
  const cidrs = view.get(CONFIG_MAP, IC_CONFIG_NAMESPACE, IC_CIDRS_NAME)?.data ?? {};
  const out = [];
  for (const [cluster, value] of Object.entries(cidrs)) {
    for (const token of value.split(",")) {
      try {
        out.push({ cluster, range: cidrRange(parseCidr(token.trim())) });
      } catch (error) {
        if (!(error instanceof NetParseError)) throw error;
      }
    }
  }
  return out;
}

// webhooks/rules/kubeovn/subnet-overlaps.ts
var RULE44 = "kubeovn/subnet-overlaps";
var FIELD3 = "spec.cidrBlock";
function sharedPart(a, b) {
  const both = rangeIntersection(a, b);
  return both ? formatRange(both) : "";
}
function sameAddressSpace(a, b) {
  return subnetVpc(a) === subnetVpc(b) && subnetVlan(a) === subnetVlan(b);
}
function subnetConflicts(subnet2, cidr3, view) {
  const range = cidrRange(cidr3);
  const out = [];
  for (const hit of view.overlapping(SUBNET, SUBNET_CIDR_INDEX, range)) {
    const other = hit.object;
    const name = other.metadata.name ?? "";
    if (name === (subnet2.metadata.name ?? "") || !sameAddressSpace(subnet2, other)) continue;
    const vlan2 = subnetVlan(other);
    const where = `VPC ${subnetVpc(other)}${vlan2 ? `, VLAN ${vlan2}` : ""}`;
    out.push(
      deny(
        RULE44,
        FIELD3,
        `${formatCidr(cidr3)} overlaps ${formatRange(hit.range)} of Subnet ${name} (${where}) at ${sharedPart(range, hit.range)}`,
        "CidrConflict",
        `Subnet ${name}`
      )
    );
  }
  return out;
}
function nodeConflicts(cidr3, view) {
  return view.overlapping(NODE, NODE_INTERNAL_IP_INDEX, cidrRange(cidr3)).map((hit) => {
    const node = hit.object.metadata.name ?? "";
    return deny(
      RULE44,
      FIELD3,
      `${formatCidr(cidr3)} contains the InternalIP ${formatRange(hit.range)} of Node ${node}`,
      "NodeAddressConflict",
      `Node ${node}`
    );
  });
}
function serviceConflicts(cidr3, serviceCidrs) {
  const range = cidrRange(cidr3);
  return serviceCidrs.map(cidrRange).filter((service) => rangesOverlap(service, range)).map(
    (service) => deny(
      RULE44,
      FIELD3,
      `${formatCidr(cidr3)} overlaps the Service CIDR ${formatRange(service)} at ${sharedPart(range, service)}`,
      "ServiceCidrConflict",
      `Service CIDR ${formatRange(service)}`
    )
  );
}
function interconnectConflicts(cidr3, remote) {
  const range = cidrRange(cidr3);
  return remote.filter((r) => rangesOverlap(r.range, range)).map(
    (r) => deny(
      RULE44,
      FIELD3,
      `${formatCidr(cidr3)} overlaps ${formatRange(r.range)} of interconnected cluster ${r.cluster} at ${sharedPart(range, r.range)}`,
      "InterconnectCidrConflict",
      `cluster ${r.cluster} (ConfigMap ${IC_CONFIG_NAMESPACE}/${IC_CIDRS_NAME})`
    )
  );
}
function check18(ctx) {
  const subnet2 = ctx.object;
  const cidrs = subnetCidrs(subnet2);
  if (cidrs.length === 0) return [];
  const defaultOverlay = subnetVpc(subnet2) === DEFAULT_VPC && !subnetVlan(subnet2);
  const remote = remoteClusterRanges(ctx.view);
  const out = [];
  for (const cidr3 of cidrs) {
    out.push(...subnetConflicts(subnet2, cidr3, ctx.view));
    if (defaultOverlay) out.push(...nodeConflicts(cidr3, ctx.view));
    out.push(...serviceConflicts(cidr3, ctx.settings.serviceCidrs));
    out.push(...interconnectConflicts(cidr3, remote));
  }
  return out;
}
var subnetOverlapsRule = {
  id: RULE44,
  kinds: [SUBNET],
  reasons: ["CidrConflict", "NodeAddressConflict", "ServiceCidrConflict", "InterconnectCidrConflict"],
  guide: "\u914D\u7F6E\u5B50\u7F51",
  check: check18
};

// webhooks/rules/kubeovn/subnet-protocol.ts
var protocolOfFamilies = { "4": "IPv4", "6": "IPv6", "4,6": "Dual" };
function protocolFromCidrBlock(ctx) {
  const protocol2 = ctx.object.spec?.protocol;
  const cidrBlock = ctx.object.spec?.cidrBlock;
  if (!protocol2 || !cidrBlock || !["IPv4", "IPv6", "Dual"].includes(protocol2)) return [];
  const parsed = parseCidrBlock(cidrBlock);
  if (!parsed.ok) return [];
  const derived = protocolOfFamilies[parsed.cidrs.map((c) => c.family).sort().join(",")];
  if (!derived || derived === protocol2) return [];
  return [{ op: "replace", path: "/spec/protocol", value: derived }];
}
var subnetProtocolMutator = {
  id: "kubeovn/subnet-protocol",
  kinds: [SUBNET],
  guide: "\u914D\u7F6E\u5B50\u7F51",
  mutate: protocolFromCidrBlock
};

// webhooks/rules/kubeovn/vlan.ts
var RULE45 = "kubeovn/vlan";
function vlanId(vlan2) {
  return vlan2.spec?.id ?? vlan2.spec?.vlanId ?? 0;
}
function check19(ctx) {
  const spec = ctx.object.spec;
  const name = ctx.object.metadata.name ?? "";
  const out = [];
  const id = vlanId(ctx.object);
  const idField = spec?.id !== void 0 ? "spec.id" : "spec.vlanId";
  if (!Number.isInteger(id) || id < 0 || id > 4094)
    out.push(deny(RULE45, idField, `VLAN id ${id} is outside 0-4094`));
  const provider2 = spec?.provider ?? "";
  if (!provider2) {
    out.push(deny(RULE45, "spec.provider", "provider is required"));
    return out;
  }
  if (!ctx.view.get(PROVIDER_NETWORK, "", provider2)) {
    out.push(
      warn(
        RULE45,
        "spec.provider",
        `ProviderNetwork ${provider2} does not exist (yet)`,
        "ProviderNotFound",
        `ProviderNetwork ${provider2}`
      )
    );
  }
  if (id !== 0) {
    for (const other of ctx.view.byIndex(VLAN, VLAN_PROVIDER_INDEX, provider2)) {
      const otherName = other.metadata.name ?? "";
      if (otherName === name || vlanId(other) !== id) continue;
      out.push(
        deny(
          RULE45,
          idField,
          `VLAN id ${id} on provider ${provider2} is already used by Vlan ${otherName}`,
          "VlanConflict",
          `Vlan ${otherName}`
        )
      );
    }
  }
  return out;
}
var vlanRule = {
  id: RULE45,
  kinds: [VLAN],
  reasons: ["ProviderNotFound", "VlanConflict"],
  guide: "Underlay \u7F51\u7EDC",
  check: check19
};

// webhooks/rules/kubeovn/vpc-bfd-port.ts
var RULE46 = "kubeovn/vpc-bfd-port";
var FIELD4 = "spec.bfdPort.ip";
function check20(ctx) {
  const bfdPort = ctx.object.spec?.bfdPort;
  if (bfdPort?.enabled !== true) return [];
  const ip2 = bfdPort.ip ?? "";
  if (!ip2) return [deny(RULE46, FIELD4, "an enabled BFD port needs an IP address (IPv4, IPv6 or both)")];
  let addresses2;
  try {
    addresses2 = parseList(ip2, parseAddress);
  } catch (error) {
    if (!(error instanceof NetParseError)) throw error;
    return [deny(RULE46, FIELD4, `${JSON.stringify(error.token)}: ${error.reason}`)];
  }
  const out = [];
  const families = addresses2.map((a) => a.family);
  if (addresses2.length > 2 || new Set(families).size !== families.length) {
    out.push(
      deny(RULE46, FIELD4, `${ip2}: at most one address per family (${families.map(familyName).join(", ")})`)
    );
  }
  const vpc2 = ctx.object.metadata.name ?? "";
  for (const address of addresses2) {
    const range = singleAddressRange(address);
    for (const hit of ctx.view.overlapping(SUBNET, SUBNET_CIDR_INDEX, range)) {
      if (subnetVpc(hit.object) !== vpc2) continue;
      const subnet2 = hit.object.metadata.name ?? "";
      out.push(
        deny(
          RULE46,
          FIELD4,
          `${formatRange(range)} falls in ${formatRange(hit.range)} of Subnet ${subnet2} of this VPC`,
          "BfdIpInSubnet",
          `Subnet ${subnet2}`
        )
      );
    }
  }
  return out;
}
var vpcBfdPortRule = {
  id: RULE46,
  kinds: [VPC],
  reasons: ["BfdIpInSubnet"],
  guide: "VPC BFD Port",
  check: check20
};

// webhooks/rules/kubeovn/vpc-egress-gateway.ts
var RULE47 = "kubeovn/vpc-egress-gateway";
function sideOf(spec, side) {
  return side === "internal" ? { ips: spec.internalIPs ?? [], pool: spec.internalIPPool } : { ips: spec.externalIPs ?? [], pool: spec.externalIPPool };
}
function checkAddresses(spec, side, replicas) {
  const field = `spec.${side}IPs`;
  const { ips, pool } = sideOf(spec, side);
  const out = [];
  ips.forEach((entry, i) => {
    const problem = netProblem(() => parseList(entry, parseAddress));
    if (problem) out.push(deny(RULE47, `${field}[${i}]`, problem, "InvalidIP"));
  });
  if (ips.length > 0 && pool) {
    out.push(deny(RULE47, field, `${side}IPs and ${side}IPPool are mutually exclusive`));
  }
  if (ips.length > 0 && ips.length < replicas) {
    out.push(
      deny(RULE47, field, `${ips.length} address(es) for ${replicas} replicas; give at least one per replica`)
    );
  } else if (ips.length > 0 && ips.length < replicas + 1) {
    out.push(
      warn(
        RULE47,
        field,
        `${ips.length} address(es) for ${replicas} replicas leave none spare for rolling updates`
      )
    );
  }
  return out;
}
function checkBfd(spec) {
  const bfd = spec.bfd ?? {};
  const out = [];
  for (const key of ["minRX", "minTX"]) {
    const value = bfd[key];
    if (value !== void 0 && (value < 1 || value > 36e5)) {
      out.push(deny(RULE47, `spec.bfd.${key}`, `${key} ${value} is outside 1-3600000 ms`));
    }
  }
  const multiplier = bfd.multiplier;
  if (multiplier !== void 0 && (multiplier < 1 || multiplier > 36e5)) {
    out.push(deny(RULE47, "spec.bfd.multiplier", `multiplier ${multiplier} is outside 1-3600000`));
  }
  if (spec.trafficPolicy === "Local" && bfd.enabled !== true) {
    out.push(deny(RULE47, "spec.trafficPolicy", "trafficPolicy Local needs BFD (spec.bfd.enabled: true)"));
  }
  return out;
}
function checkPolicies(ctx, spec) {
  const policies = spec.policies ?? [];
  const out = [];
  if (policies.length === 0 && (spec.selectors ?? []).length === 0) {
    out.push(deny(RULE47, "spec.policies", "a VPC egress gateway needs at least one policy or selector"));
  }
  policies.forEach((policy, i) => {
    const ipBlocks = policy.ipBlocks ?? [];
    const subnets = policy.subnets ?? [];
    if (ipBlocks.length === 0 && subnets.length === 0) {
      out.push(deny(RULE47, `spec.policies[${i}]`, "each policy needs ipBlocks or subnets"));
    }
    ipBlocks.forEach((block2, j) => {
      const problem = netProblem(() => block2.includes("/") ? parseCidr(block2) : parseAddress(block2));
      if (problem) out.push(deny(RULE47, `spec.policies[${i}].ipBlocks[${j}]`, problem, "InvalidCidr"));
    });
    subnets.forEach((name, j) => {
      if (!ctx.view.get(SUBNET, "", name)) {
        out.push(
          warn(
            RULE47,
            `spec.policies[${i}].subnets[${j}]`,
            `Subnet ${name} does not exist (yet)`,
            "SubnetNotFound",
            `Subnet ${name}`
          )
        );
      }
    });
  });
  return out;
}
function check21(ctx) {
  const spec = ctx.object.spec;
  const out = [];
  const external = spec.externalSubnet;
  if (!external) out.push(deny(RULE47, "spec.externalSubnet", "externalSubnet is required"));
  else if (!ctx.view.get(SUBNET, "", external)) {
    out.push(
      warn(
        RULE47,
        "spec.externalSubnet",
        `Subnet ${external} does not exist (yet)`,
        "SubnetNotFound",
        `Subnet ${external}`
      )
    );
  }
  const replicas = spec.replicas ?? 1;
  out.push(...checkAddresses(spec, "internal", replicas), ...checkAddresses(spec, "external", replicas));
  out.push(...checkBfd(spec), ...checkPolicies(ctx, spec));
  if (ctx.operation === "UPDATE" && ctx.oldObject) {
    const before2 = ctx.oldObject.spec.prefix ?? "";
    const after = spec.prefix ?? "";
    if (before2 !== after)
      out.push(deny(RULE47, "spec.prefix", `prefix is immutable (was ${JSON.stringify(before2)})`));
  }
  return out;
}
var vpcEgressGatewayRule = {
  id: RULE47,
  kinds: [VPC_EGRESS_GATEWAY],
  reasons: ["InvalidIP", "InvalidCidr", "SubnetNotFound"],
  guide: "\u914D\u7F6E Egress Gateway",
  check: check21
};

// webhooks/rules/kubeovn/vpc-lifecycle.ts
var RULE48 = "kubeovn/vpc-lifecycle";
function check22(ctx) {
  const name = ctx.object.metadata.name ?? "";
  if (ctx.operation === "DELETE") {
    const subnets = ctx.view.byIndex(SUBNET, SUBNET_VPC_INDEX, name);
    const first = subnets[0];
    if (!first) return [];
    return [
      deny(
        RULE48,
        "metadata.name",
        `Vpc ${name} still holds ${subnets.length} subnet(s); delete them first`,
        "VpcInUse",
        `Subnet ${first.metadata.name ?? ""}`
      )
    ];
  }
  if (ctx.operation === "CREATE" && ctx.view.get(SUBNET, "", name)) {
    return [deny(RULE48, "metadata.name", `a Subnet is already named ${name}`, "NameTaken", `Subnet ${name}`)];
  }
  return [];
}
var vpcLifecycleRule = {
  id: RULE48,
  kinds: [VPC],
  operations: ["CREATE", "DELETE"],
  reasons: ["VpcInUse", "NameTaken"],
  guide: "Kube-OVN \u7F51\u7EDC",
  check: check22
};

// webhooks/rules/kubeovn/vpc-routes.ts
var RULE49 = "kubeovn/vpc-routes";
var routePolicies = ["policyDst", "policySrc"];
var policyActions = ["allow", "drop", "reroute"];
function check23(ctx) {
  const spec = ctx.object.spec;
  const out = [];
  (spec?.staticRoutes ?? []).forEach((route, i) => {
    const at2 = `spec.staticRoutes[${i}]`;
    const policy = route.policy;
    if (policy && !routePolicies.includes(policy)) {
      out.push(
        deny(
          RULE49,
          `${at2}.policy`,
          `policy ${JSON.stringify(policy)} is not one of ${routePolicies.join(", ")}`
        )
      );
    }
    const cidr3 = route.cidr ?? "";
    const cidrProblem = netProblem(() => cidr3.includes("/") ? parseCidr(cidr3) : parseAddress(cidr3));
    if (cidrProblem) out.push(deny(RULE49, `${at2}.cidr`, cidrProblem, "InvalidCidr"));
    const hop = netProblem(() => parseAddress(route.nextHopIP ?? ""));
    if (hop) out.push(deny(RULE49, `${at2}.nextHopIP`, hop, "InvalidIP"));
  });
  (spec?.policyRoutes ?? []).forEach((route, i) => {
    const at2 = `spec.policyRoutes[${i}]`;
    const action = route.action ?? "";
    if (!policyActions.includes(action)) {
      out.push(
        deny(
          RULE49,
          `${at2}.action`,
          `action ${JSON.stringify(action)} is not one of ${policyActions.join(", ")}`
        )
      );
    } else if (action === "reroute") {
      const hop = netProblem(() => parseList(route.nextHopIP ?? "", parseAddress));
      if (hop) out.push(deny(RULE49, `${at2}.nextHopIP`, hop, "InvalidIP"));
    }
  });
  (spec?.vpcPeerings ?? []).forEach((peering, i) => {
    const problem = netProblem(() => parseList(peering.localConnectIP ?? "", parseCidr));
    if (problem) out.push(deny(RULE49, `spec.vpcPeerings[${i}].localConnectIP`, problem, "InvalidCidr"));
  });
  return out;
}
var vpcRoutesRule = {
  id: RULE49,
  kinds: [VPC],
  reasons: ["InvalidCidr", "InvalidIP"],
  guide: "Kube-OVN \u7F51\u7EDC",
  check: check23
};

// webhooks/rules/kubeovn/index.ts
var kubeovnFamily = {
  name: "kubeovn",
  rules: [
    subnetAddressingRule,
    subnetCalicoRule,
    subnetConsistencyRule,
    subnetOverlapsRule,
    subnetGatewaySettingsRule,
    subnetOptionsRule,
    subnetLifecycleRule,
    ipPoolRule,
    vlanRule,
    providerNetworkRule,
    vpcBfdPortRule,
    vpcRoutesRule,
    vpcLifecycleRule,
    vpcEgressGatewayRule,
    networkAttachmentRule,
    podNetworksRule
  ],
  mutators: [subnetCidrOrderMutator, subnetProtocolMutator, calicoBlockSizeMutator],
  equalityIndexes: kubeovnEqualityIndexes,
  rangeIndexes: kubeovnRangeIndexes,
  reads: [
    SUBNET,
    IPPOOL,
    IP,
    VLAN,
    PROVIDER_NETWORK,
    VPC,
    NODE,
    POD,
    CONFIG_MAP,
    NETWORK_ATTACHMENT_DEFINITION
  ]
};

// shared/metallb/pool-addresses.ts
function parsePoolAddresses(pool) {
  const entries = [];
  const errors = [];
  pool.spec.addresses.forEach((text2, index2) => {
    try {
      entries.push({ index: index2, text: text2, range: parseCidrOrMetallbRange(text2.trim()) });
    } catch (error) {
      if (!(error instanceof NetParseError)) throw error;
      errors.push({ index: index2, text: text2, reason: error.reason });
    }
  });
  return { entries, errors };
}
function poolRanges(pool) {
  return parsePoolAddresses(pool).entries.map((e) => e.range);
}

// shared/kube/label-selector-problems.ts
var labelValue2 = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
function valueProblem(value) {
  return value.length > 63 || !labelValue2.test(value) ? `invalid label value ${JSON.stringify(value)}` : void 0;
}
var misuseMessages = {
  UnknownOperator: (operator) => `operator ${JSON.stringify(operator)} is not one of ${SELECTOR_OPERATORS.join(", ")}`,
  NeedsValues: (operator) => `operator ${operator} needs at least one value`,
  TakesNoValues: (operator) => `operator ${operator} takes no values`
};
function labelSelectorProblems(selector) {
  const out = [];
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    if (!isQualifiedName(key))
      out.push({ field: `matchLabels[${key}]`, message: `invalid label key ${JSON.stringify(key)}` });
    const bad = valueProblem(value);
    if (bad) out.push({ field: `matchLabels[${key}]`, message: bad });
  }
  (selector.matchExpressions ?? []).forEach((expr, i) => {
    const at2 = `matchExpressions[${i}]`;
    if (!isQualifiedName(expr.key))
      out.push({ field: `${at2}.key`, message: `invalid label key ${JSON.stringify(expr.key)}` });
    const misuse = operatorMisuse(expr);
    if (misuse)
      out.push({
        field: misuse === "UnknownOperator" ? `${at2}.operator` : `${at2}.values`,
        message: misuseMessages[misuse](expr.operator)
      });
    if (misuse === "UnknownOperator") return;
    const seen = /* @__PURE__ */ new Set();
    (expr.values ?? []).forEach((value, j) => {
      const bad = valueProblem(value);
      if (bad) out.push({ field: `${at2}.values[${j}]`, message: bad });
      if (seen.has(value))
        out.push({ field: `${at2}.values[${j}]`, message: `duplicate value ${JSON.stringify(value)}` });
      seen.add(value);
    });
  });
  return out;
}
function selectorKey(selector) {
  const labels2 = Object.entries(selector.matchLabels ?? {}).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
  const expressions = (selector.matchExpressions ?? []).map(
    (e) => `${e.key} ${e.operator} (${[...e.values ?? []].sort().join(",")})`
  );
  return JSON.stringify([labels2, expressions]);
}

// webhooks/rules/metallb/lib/advertisement-common.ts
function duplicateEntries(rule, values, at2) {
  const out = [];
  const seen = /* @__PURE__ */ new Map();
  values.forEach((value, i) => {
    const first = seen.get(value);
    if (first !== void 0)
      out.push(
        deny(rule, `${at2}[${i}]`, `duplicate ${JSON.stringify(value)} (also ${at2}[${first}])`, "Duplicate")
      );
    else seen.set(value, i);
  });
  return out;
}
function selectorListFindings(rule, selectors2, at2) {
  const out = [];
  const seen = /* @__PURE__ */ new Map();
  selectors2.forEach((selector, i) => {
    for (const problem of labelSelectorProblems(selector))
      out.push(deny(rule, `${at2}[${i}].${problem.field}`, problem.message, "InvalidSelector"));
    const canonical2 = selectorKey(selector);
    const first = seen.get(canonical2);
    if (first !== void 0)
      out.push(deny(rule, `${at2}[${i}]`, `duplicate selector (same as ${at2}[${first}])`, "Duplicate"));
    else seen.set(canonical2, i);
  });
  return out;
}
function commonAdvertisementFindings(rule, view, advertisement) {
  const spec = advertisement.spec ?? {};
  const namespace2 = advertisement.metadata.namespace ?? "";
  const pools = spec.ipAddressPools ?? [];
  const out = [...duplicateEntries(rule, pools, "spec.ipAddressPools")];
  pools.forEach((pool, i) => {
    if (view.get(IP_ADDRESS_POOL, namespace2, pool)) return;
    out.push(
      warn(
        rule,
        `spec.ipAddressPools[${i}]`,
        `IPAddressPool ${namespace2}/${pool} does not exist (yet); ${describeObject(advertisement)} advertises nothing for it`,
        "PoolNotFound",
        `IPAddressPool ${namespace2}/${pool}`
      )
    );
  });
  out.push(
    ...selectorListFindings(rule, spec.ipAddressPoolSelectors ?? [], "spec.ipAddressPoolSelectors"),
    ...selectorListFindings(rule, spec.nodeSelectors ?? [], "spec.nodeSelectors"),
    ...selectorListFindings(rule, spec.serviceSelectors ?? [], "spec.serviceSelectors")
  );
  return out;
}

// webhooks/rules/metallb/lib/identity.ts
function nameOf(object) {
  return object.metadata.name ?? "";
}
function sameObject(a, b) {
  return nameOf(a) === nameOf(b) && (a.metadata.namespace ?? "") === (b.metadata.namespace ?? "");
}

// webhooks/rules/metallb/lib/advertisement-pools.ts
function selectedPools(view, advertisement) {
  const namespace2 = advertisement.metadata.namespace ?? "";
  const names = advertisement.spec?.ipAddressPools ?? [];
  const selectors2 = advertisement.spec?.ipAddressPoolSelectors ?? [];
  const all = view.list(IP_ADDRESS_POOL, namespace2);
  if (names.length === 0 && selectors2.length === 0) return [...all];
  return all.filter(
    (pool) => names.includes(nameOf(pool)) || selectors2.some((selector) => selectorMatches(selector, pool.metadata.labels ?? {}))
  );
}

// shared/kube/keys/metallb.ts
var ADDRESS_POOL_ANNOTATIONS = [
  "metallb.io/address-pool",
  "metallb.universe.tf/address-pool"
];
var LOAD_BALANCER_IPS_ANNOTATIONS = [
  "metallb.io/loadBalancerIPs",
  "metallb.universe.tf/loadBalancerIPs"
];
var ALLOW_SHARED_IP_ANNOTATIONS = [
  "metallb.io/allow-shared-ip",
  "metallb.universe.tf/allow-shared-ip"
];
var ALLOCATED_POOL_ANNOTATIONS = [
  "metallb.io/ip-allocated-from-pool",
  "metallb.universe.tf/ip-allocated-from-pool"
];

// shared/metallb/service-addresses.ts
function firstAnnotation(service, names) {
  const annotations2 = service.metadata.annotations ?? {};
  for (const annotation of names) {
    const value = annotations2[annotation];
    if (value !== void 0) return { annotation, value };
  }
  return void 0;
}
function requestedPool(service) {
  const requested = firstAnnotation(service, ADDRESS_POOL_ANNOTATIONS);
  return requested && { annotation: requested.annotation, pool: requested.value };
}
function loadBalancerIpsAnnotation(service) {
  return firstAnnotation(service, LOAD_BALANCER_IPS_ANNOTATIONS);
}
function allocatedPool(service) {
  return firstAnnotation(service, ALLOCATED_POOL_ANNOTATIONS)?.value;
}
function sharingKey(service) {
  return firstAnnotation(service, ALLOW_SHARED_IP_ANNOTATIONS)?.value;
}
function canonical(text2) {
  const address = tryParseAddress(text2);
  return address && formatAddress(address.family, address.value);
}
function requestedLoadBalancerIps(service) {
  const requested = loadBalancerIpsAnnotation(service);
  if (requested) {
    const field = `metadata.annotations[${requested.annotation}]`;
    return requested.value.split(",").flatMap((part2) => {
      const address2 = canonical(part2.trim());
      return address2 ? [{ address: address2, field }] : [];
    });
  }
  const address = canonical(service.spec?.loadBalancerIP ?? "");
  return address ? [{ address, field: "spec.loadBalancerIP" }] : [];
}
function heldLoadBalancerIps(service) {
  return (service.status?.loadBalancer?.ingress ?? []).flatMap((ingress) => {
    const address = canonical(ingress.ip ?? "");
    return address ? [address] : [];
  });
}
function portKeys(service) {
  return (service.spec?.ports ?? []).map((port2) => `${port2.port}/${port2.protocol ?? "TCP"}`);
}

// webhooks/rules/metallb/indexes.ts
var POOL_ADDRESS_INDEX = "addresses";
var SERVICE_POOL_INDEX = "metallb-address-pool";
var SERVICE_ALLOCATED_POOL_INDEX = "metallb-allocated-pool";
var LOAD_BALANCER_IP_INDEX = "load-balancer-ip";
var ADVERTISEMENT_PEER_INDEX = "peer";
var ADVERTISEMENT_POOL_INDEX = "pool";
var poolRangeIndex = rangeIndex(IP_ADDRESS_POOL, POOL_ADDRESS_INDEX, poolRanges);
var servicePoolIndex = equalityIndex(SERVICE, SERVICE_POOL_INDEX, (service) => {
  const pool = requestedPool(service)?.pool;
  return pool ? [pool] : [];
});
var serviceAllocatedPoolIndex = equalityIndex(SERVICE, SERVICE_ALLOCATED_POOL_INDEX, (service) => {
  const pool = allocatedPool(service);
  return pool ? [pool] : [];
});
var loadBalancerIpIndex = equalityIndex(SERVICE, LOAD_BALANCER_IP_INDEX, (service) => [
  .../* @__PURE__ */ new Set([...requestedLoadBalancerIps(service).map((r) => r.address), ...heldLoadBalancerIps(service)])
]);
var advertisementPeerIndex = equalityIndex(
  BGP_ADVERTISEMENT,
  ADVERTISEMENT_PEER_INDEX,
  (advertisement) => advertisement.spec?.peers ?? []
);
var advertisementPoolIndexes = [
  equalityIndex(L2_ADVERTISEMENT, ADVERTISEMENT_POOL_INDEX, (adv) => adv.spec?.ipAddressPools ?? []),
  equalityIndex(BGP_ADVERTISEMENT, ADVERTISEMENT_POOL_INDEX, (adv) => adv.spec?.ipAddressPools ?? [])
];

// webhooks/rules/metallb/lib/bgp-node-coverage.ts
var GUIDE_RULE = "the advertisement's nodes should be a subset of the peers' nodeSelectors";
function pickedNodes(nodes, selectors2) {
  const picked = nodes.filter(
    (node) => selectors2.length === 0 || selectors2.some((s) => selectorMatches(s, node.metadata.labels ?? {}))
  );
  return new Set(picked.map(nameOf));
}
function advertisedPeers(view, advertisement) {
  const namespace2 = advertisement.metadata.namespace ?? "";
  const names = advertisement.spec?.peers ?? [];
  if (names.length === 0) return [...view.list(BGP_PEER, namespace2)];
  return names.flatMap((name) => {
    const peer = view.get(BGP_PEER, namespace2, name);
    return peer ? [peer] : [];
  });
}
function uncoveredNodes(nodes, advertisement, peers) {
  const announcing = pickedNodes(nodes, advertisement.spec?.nodeSelectors ?? []);
  const peered = /* @__PURE__ */ new Set();
  for (const peer of peers)
    for (const node of pickedNodes(nodes, peer.spec?.nodeSelectors ?? [])) peered.add(node);
  return [...announcing].filter((node) => !peered.has(node)).sort();
}
function advertisementCoverageFindings(rule, view, advertisement, pools) {
  const nodes = view.list(NODE);
  const peers = advertisedPeers(view, advertisement);
  if (nodes.length === 0 || peers.length === 0 || pools.length === 0) return [];
  const uncovered = uncoveredNodes(nodes, advertisement, peers);
  if (uncovered.length === 0) return [];
  const peerNames = peers.map(describeObject).join(", ");
  return [
    warn(
      rule,
      "spec.nodeSelectors",
      `node(s) ${uncovered.join(", ")} would announce pool(s) ${pools.map(nameOf).join(", ")} but hold no BGP session with ${peerNames}; ${GUIDE_RULE}`,
      "NodesWithoutPeer",
      peerNames
    )
  ];
}
function advertisementsOf(view, peer) {
  const namespace2 = peer.metadata.namespace ?? "";
  const byName = view.byIndex(BGP_ADVERTISEMENT, ADVERTISEMENT_PEER_INDEX, nameOf(peer)).filter((adv) => adv.metadata.namespace === namespace2);
  const toAll = view.list(BGP_ADVERTISEMENT, namespace2).filter((adv) => (adv.spec?.peers ?? []).length === 0);
  return [...byName, ...toAll];
}
function peerCoverageFindings(rule, view, peer) {
  const nodes = view.list(NODE);
  if (nodes.length === 0) return [];
  const out = [];
  for (const advertisement of advertisementsOf(view, peer)) {
    const pools = selectedPools(view, advertisement);
    if (pools.length === 0) continue;
    const others = advertisedPeers(view, advertisement).filter((p) => nameOf(p) !== nameOf(peer));
    const uncovered = uncoveredNodes(nodes, advertisement, [...others, peer]);
    if (uncovered.length === 0) continue;
    out.push(
      warn(
        rule,
        "spec.nodeSelectors",
        `node(s) ${uncovered.join(", ")} announce pool(s) ${pools.map(nameOf).join(", ")} through ${describeObject(advertisement)} but would hold no BGP session with its peers; ${GUIDE_RULE}`,
        "NodesWithoutPeer",
        describeObject(advertisement)
      )
    );
  }
  return out;
}

// webhooks/rules/metallb/lib/community-value.ts
var decimal = /^[0-9]+$/;
function sectionProblem(section, max, text2) {
  if (!decimal.test(section) || Number(section) > max)
    return `invalid section ${JSON.stringify(section)} of community ${JSON.stringify(text2)}: must be an integer 0-${max}`;
  return void 0;
}
function parseCommunity(text2) {
  const parts = text2.split(":");
  if (parts.length === 2) {
    for (const part2 of parts) {
      const problem = sectionProblem(part2, 65535, text2);
      if (problem) return { kind: "invalid", reason: problem };
    }
    return { kind: "value" };
  }
  if (parts.length === 4) {
    if (parts[0] !== "large")
      return {
        kind: "invalid",
        reason: `invalid marker for large community ${JSON.stringify(text2)}: expected large:<uint32>:<uint32>:<uint32>`
      };
    for (const part2 of parts.slice(1)) {
      const problem = sectionProblem(part2, 4294967295, text2);
      if (problem) return { kind: "invalid", reason: problem };
    }
    return { kind: "value" };
  }
  return { kind: "alias" };
}

// webhooks/rules/metallb/lib/covering-prefix.ts
function shortestCoveringPrefix(range) {
  const bits = addressBits[range.family];
  let shortest = bits;
  let first = range.first;
  while (first <= range.last) {
    let hostBits = 0;
    while (hostBits < bits && (first & (1n << BigInt(hostBits + 1)) - 1n) === 0n && first + (1n << BigInt(hostBits + 1)) - 1n <= range.last) {
      hostBits++;
    }
    shortest = Math.min(shortest, bits - hostBits);
    first += 1n << BigInt(hostBits);
  }
  return shortest;
}

// webhooks/rules/metallb/lib/describe.ts
function describeEntry(entry) {
  return entry.text.includes("/") ? `CIDR ${formatRange(entry.range)}` : `range ${formatRangeAsPair(entry.range)}`;
}
function describeStoredRange(range) {
  return exactPrefix(range) !== void 0 && range.first !== range.last ? `CIDR ${formatRange(range)}` : `range ${formatRangeAsPair(range)}`;
}

// webhooks/rules/metallb/bgpadvertisement.ts
var RULE50 = "metallb/bgpadvertisement";
function aggregationOf(advertisement) {
  return {
    4: advertisement.spec?.aggregationLength ?? 32,
    6: advertisement.spec?.aggregationLengthV6 ?? 128
  };
}
var aggregationField = { 4: "spec.aggregationLength", 6: "spec.aggregationLengthV6" };
function aggregationFindings(aggregation, pools) {
  const out = [];
  if (aggregation[4] > 32)
    out.push(
      deny(
        RULE50,
        aggregationField[4],
        `aggregation length ${aggregation[4]} exceeds 32 for IPv4`,
        "InvalidAggregation"
      )
    );
  if (aggregation[6] > 128)
    out.push(
      deny(
        RULE50,
        aggregationField[6],
        `aggregation length ${aggregation[6]} exceeds 128 for IPv6`,
        "InvalidAggregation"
      )
    );
  if (out.length > 0) return out;
  for (const pool of pools) {
    for (const entry of parsePoolAddresses(pool).entries) {
      const family = entry.range.family;
      const prefix3 = shortestCoveringPrefix(entry.range);
      if (aggregation[family] >= prefix3) continue;
      out.push(
        deny(
          RULE50,
          aggregationField[family],
          `${familyName(family)} aggregation length ${aggregation[family]} is less specific than prefix /${prefix3} of ${describeEntry(entry)} in IPAddressPool ${nameOf(pool)}; it would announce addresses outside the pool`,
          "AggregationTooShort",
          describeObject(pool)
        )
      );
    }
  }
  return out;
}
function peerFindings(ctx) {
  const namespace2 = ctx.object.metadata.namespace ?? "";
  const peers = ctx.object.spec?.peers ?? [];
  const out = duplicateEntries(RULE50, peers, "spec.peers");
  peers.forEach((peer, i) => {
    if (ctx.view.get(BGP_PEER, namespace2, peer)) return;
    out.push(
      warn(
        RULE50,
        `spec.peers[${i}]`,
        `BGPPeer ${namespace2}/${peer} does not exist (yet); nothing is announced to it`,
        "PeerNotFound",
        `BGPPeer ${namespace2}/${peer}`
      )
    );
  });
  return out;
}
function communityAliases(ctx) {
  const aliases = /* @__PURE__ */ new Set();
  for (const community of ctx.view.list(COMMUNITY, ctx.object.metadata.namespace ?? ""))
    for (const entry of community.spec?.communities ?? []) if (entry.name) aliases.add(entry.name);
  return aliases;
}
function communityFindings(ctx) {
  const values = ctx.object.spec?.communities ?? [];
  const out = duplicateEntries(RULE50, values, "spec.communities");
  const aliases = values.some((v) => parseCommunity(v).kind === "alias") ? communityAliases(ctx) : /* @__PURE__ */ new Set();
  values.forEach((value, i) => {
    const parsed = parseCommunity(value);
    if (parsed.kind === "invalid")
      out.push(deny(RULE50, `spec.communities[${i}]`, parsed.reason, "InvalidCommunity"));
    if (parsed.kind === "alias" && !aliases.has(value))
      out.push(
        warn(
          RULE50,
          `spec.communities[${i}]`,
          `${JSON.stringify(value)} is neither a community value nor an alias defined by a Community in ${ctx.object.metadata.namespace ?? ""}`,
          "CommunityNotFound",
          `Community alias ${value}`
        )
      );
  });
  return out;
}
function check24(ctx) {
  const pools = selectedPools(ctx.view, ctx.object);
  return [
    ...commonAdvertisementFindings(RULE50, ctx.view, ctx.object),
    ...aggregationFindings(aggregationOf(ctx.object), pools),
    ...peerFindings(ctx),
    ...communityFindings(ctx),
    ...advertisementCoverageFindings(RULE50, ctx.view, ctx.object, pools)
  ];
}
var bgpAdvertisementRule = {
  id: RULE50,
  kinds: [BGP_ADVERTISEMENT],
  reasons: [
    "Duplicate",
    "PoolNotFound",
    "InvalidSelector",
    "InvalidAggregation",
    "AggregationTooShort",
    "PeerNotFound",
    "InvalidCommunity",
    "CommunityNotFound",
    "NodesWithoutPeer"
  ],
  guide: "\u901A\u8FC7 CLI \u4F7F\u7528 L2Advertisement \u6216 BGPAdvertisement \u914D\u7F6E\u5916\u90E8 IP \u5730\u5740\u6C60",
  check: check24
};

// webhooks/rules/metallb/lib/duration.ts
var unitSeconds = {
  ns: 1e-9,
  us: 1e-6,
  \u00B5s: 1e-6,
  \u03BCs: 1e-6,
  ms: 1e-3,
  s: 1,
  m: 60,
  h: 3600
};
var whole = /^[-+]?((\d+(\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h))+$/;
var part = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g;
function parseGoDuration(text2) {
  if (text2 === "0" || text2 === "+0" || text2 === "-0") return 0;
  if (!whole.test(text2)) return void 0;
  let total = 0;
  for (const match of text2.matchAll(part)) total += Number(match[1]) * (unitSeconds[match[2] ?? ""] ?? 0);
  return text2.startsWith("-") ? -total : total;
}

// webhooks/rules/metallb/lib/bgppeer-timers.ts
function readDuration(rule, timers, key, out) {
  const text2 = timers[key];
  if (text2 === void 0) return void 0;
  const seconds = parseGoDuration(text2);
  if (seconds === void 0 || seconds < 0)
    out.push(
      deny(
        rule,
        `spec.${key}`,
        `${JSON.stringify(text2)} is not a duration such as "90s" or "1m30s"`,
        "InvalidTimer"
      )
    );
  return seconds !== void 0 && seconds >= 0 ? seconds : void 0;
}
function timerFindings(rule, timers) {
  const out = [];
  const hold = readDuration(rule, timers, "holdTime", out);
  const keepalive = readDuration(rule, timers, "keepaliveTime", out);
  const connect = readDuration(rule, timers, "connectTime", out);
  const effectiveHold = hold ?? (keepalive === void 0 ? void 0 : keepalive * 3);
  const effectiveKeepalive = keepalive ?? (hold === void 0 ? void 0 : hold / 3);
  if (effectiveHold !== void 0) {
    const rounded = Math.trunc(effectiveHold);
    const problem = timers.holdTime === void 0 ? `without holdTime, keepaliveTime ${timers.keepaliveTime} makes the hold time ${effectiveHold}s (three keepalives); it must be 0 or at least 3s` : `hold time ${timers.holdTime} must be 0 or at least 3s`;
    if (rounded !== 0 && rounded < 3) out.push(deny(rule, "spec.holdTime", problem, "InvalidTimer"));
  }
  if (effectiveHold !== void 0 && effectiveKeepalive !== void 0 && effectiveKeepalive > effectiveHold) {
    out.push(
      deny(
        rule,
        "spec.keepaliveTime",
        `keepaliveTime ${timers.keepaliveTime} must not exceed holdTime ${timers.holdTime}`,
        "InvalidTimer"
      )
    );
  }
  if (connect !== void 0 && (connect < 1 || connect > 65535 || !Number.isInteger(connect)))
    out.push(
      deny(
        rule,
        "spec.connectTime",
        `connect time ${timers.connectTime} must be a whole number of seconds between 1s and 65535s`,
        "InvalidTimer"
      )
    );
  return out;
}

// webhooks/rules/metallb/bgppeer.ts
var RULE51 = "metallb/bgppeer";
function asnFindings(spec) {
  const out = [];
  const myAsn = spec.myASN ?? 0;
  const peerAsn = spec.peerASN ?? 0;
  const dynamicAsn = spec.dynamicASN ?? "";
  if (myAsn === 0)
    out.push(deny(RULE51, "spec.myASN", "missing local ASN: myASN must be set and non-zero", "MissingASN"));
  if (peerAsn === 0 && !dynamicAsn)
    out.push(deny(RULE51, "spec.peerASN", "missing peer ASN: set peerASN or dynamicASN", "MissingASN"));
  if (peerAsn !== 0 && dynamicAsn)
    out.push(
      deny(
        RULE51,
        "spec.dynamicASN",
        `both peerASN ${peerAsn} and dynamicASN ${dynamicAsn} are set; set one`,
        "ConflictingASN"
      )
    );
  const ibgp = peerAsn !== 0 && peerAsn === myAsn || dynamicAsn === "internal";
  if (ibgp && spec.ebgpMultiHop === true)
    out.push(
      deny(
        RULE51,
        "spec.ebgpMultiHop",
        `eBGP multi-hop on an iBGP session (${dynamicAsn === "internal" ? "dynamicASN internal" : `peerASN ${peerAsn} equals myASN ${myAsn}`})`,
        "MultiHopOnIBGP"
      )
    );
  return out;
}
function addressFindings2(spec) {
  const out = [];
  const peerAddress = spec.peerAddress ?? "";
  const iface = spec.interface ?? "";
  if (!peerAddress && !iface)
    out.push(deny(RULE51, "spec.peerAddress", "the peer has no peerAddress or interface", "MissingAddress"));
  if (peerAddress && iface)
    out.push(
      deny(
        RULE51,
        "spec.interface",
        "the peer has both peerAddress and interface; set one",
        "ConflictingAddress"
      )
    );
  if (peerAddress && !tryParseAddress(peerAddress))
    out.push(
      deny(RULE51, "spec.peerAddress", `${JSON.stringify(peerAddress)} is not an IP address`, "InvalidAddress")
    );
  const routerId = spec.routerID;
  if (routerId !== void 0 && routerId !== "" && tryParseAddress(routerId)?.family !== 4)
    out.push(
      deny(
        RULE51,
        "spec.routerID",
        `${JSON.stringify(routerId)} is not a router ID in IPv4 dotted form`,
        "InvalidRouterID"
      )
    );
  const source = spec.sourceAddress;
  if (source !== void 0 && source !== "" && !tryParseAddress(source))
    out.push(
      deny(RULE51, "spec.sourceAddress", `${JSON.stringify(source)} is not an IP address`, "InvalidAddress")
    );
  return out;
}
function checkDelete2(ctx) {
  const namespace2 = ctx.object.metadata.namespace ?? "";
  return ctx.view.byIndex(BGP_ADVERTISEMENT, ADVERTISEMENT_PEER_INDEX, nameOf(ctx.object)).filter((adv) => (adv.metadata.namespace ?? "") === namespace2).map(
    (adv) => warn(
      RULE51,
      "metadata.name",
      `${describeObject(adv)} announces to this peer by name; it announces to no peer once ${nameOf(ctx.object)} is gone`,
      "PeerInUse",
      describeObject(adv)
    )
  );
}
function check25(ctx) {
  if (ctx.operation === "DELETE") return checkDelete2(ctx);
  const spec = ctx.object.spec ?? {};
  const out = [...asnFindings(spec), ...addressFindings2(spec), ...timerFindings(RULE51, spec)];
  out.push(...selectorListFindings(RULE51, spec.nodeSelectors ?? [], "spec.nodeSelectors"));
  out.push(...peerCoverageFindings(RULE51, ctx.view, ctx.object));
  if (spec.password && spec.passwordSecret)
    out.push(
      deny(
        RULE51,
        "spec.passwordSecret",
        "password and passwordSecret are both set; set one",
        "ConflictingPassword"
      )
    );
  return out;
}
var bgpPeerRule = {
  id: RULE51,
  kinds: [BGP_PEER],
  operations: ["CREATE", "UPDATE", "DELETE"],
  reasons: [
    "MissingASN",
    "ConflictingASN",
    "MultiHopOnIBGP",
    "MissingAddress",
    "ConflictingAddress",
    "InvalidAddress",
    "InvalidRouterID",
    "InvalidTimer",
    "InvalidSelector",
    "Duplicate",
    "NodesWithoutPeer",
    "ConflictingPassword",
    "PeerInUse"
  ],
  guide: "\u901A\u8FC7 Web \u63A7\u5236\u53F0\u914D\u7F6E BGP Peers",
  check: check25
};

// webhooks/rules/metallb/community.ts
var RULE52 = "metallb/community";
function check26(ctx) {
  const out = [];
  const names = /* @__PURE__ */ new Map();
  (ctx.object.spec?.communities ?? []).forEach((entry, i) => {
    const at2 = `spec.communities[${i}]`;
    const name = entry.name ?? "";
    const value = entry.value ?? "";
    if (!name) out.push(deny(RULE52, `${at2}.name`, "an alias needs a name", "MissingName"));
    else if (names.has(name))
      out.push(
        deny(
          RULE52,
          `${at2}.name`,
          `duplicate alias ${name} (also spec.communities[${names.get(name)}])`,
          "Duplicate"
        )
      );
    else names.set(name, i);
    const parsed = parseCommunity(value);
    if (parsed.kind === "invalid") out.push(deny(RULE52, `${at2}.value`, parsed.reason, "InvalidCommunity"));
    if (parsed.kind === "alias")
      out.push(
        deny(
          RULE52,
          `${at2}.value`,
          `${JSON.stringify(value)} is not a community: expected <0-65535>:<0-65535> or large:<uint32>:<uint32>:<uint32>`,
          "InvalidCommunity"
        )
      );
  });
  return out;
}
var communityRule = {
  id: RULE52,
  kinds: [COMMUNITY],
  reasons: ["MissingName", "Duplicate", "InvalidCommunity"],
  guide: "\u914D\u7F6E MetalLB",
  check: check26
};

// webhooks/rules/metallb/ipaddresspool.ts
var RULE53 = "metallb/ipaddresspool";
function overlapsWithinPool(pool, entries) {
  const out = [];
  entries.forEach((entry, i) => {
    for (const earlier of entries.slice(0, i)) {
      if (!rangesOverlap(entry.range, earlier.range)) continue;
      const shared = rangeIntersection(entry.range, earlier.range);
      out.push(
        deny(
          RULE53,
          `spec.addresses[${entry.index}]`,
          `${describeEntry(entry)} in pool ${nameOf(pool)} overlaps with already defined ${describeEntry(earlier)} (spec.addresses[${earlier.index}]) of the same pool${shared ? ` at ${formatRange(shared)}` : ""}`,
          "PoolOverlap",
          `IPAddressPool ${nameOf(pool)}`
        )
      );
    }
  });
  return out;
}
function overlapsAcrossPools(ctx, entries) {
  const pool = ctx.object;
  const out = [];
  for (const entry of entries) {
    for (const hit of ctx.view.overlapping(IP_ADDRESS_POOL, POOL_ADDRESS_INDEX, entry.range)) {
      const other = hit.object;
      if (sameObject(other, pool) || other.metadata.namespace !== ctx.settings.metallbNamespace) continue;
      const shared = rangeIntersection(entry.range, hit.range);
      out.push(
        deny(
          RULE53,
          `spec.addresses[${entry.index}]`,
          `${describeEntry(entry)} in pool ${nameOf(pool)} overlaps with already defined ${describeStoredRange(hit.range)} of pool ${nameOf(other)}${shared ? ` at ${formatRange(shared)}` : ""}`,
          "PoolOverlap",
          describeObject(other)
        )
      );
    }
  }
  return out;
}
function allocationSelectorFindings(selectors2, key) {
  const out = [];
  const keys = /* @__PURE__ */ new Set();
  selectors2.forEach((selector, i) => {
    const at2 = `spec.serviceAllocation.${key}[${i}]`;
    for (const problem of labelSelectorProblems(selector))
      out.push(deny(RULE53, `${at2}.${problem.field}`, problem.message, "InvalidSelector"));
    const canonical2 = selectorKey(selector);
    if (keys.has(canonical2)) out.push(deny(RULE53, at2, `duplicate selector in ${key}`, "Duplicate"));
    keys.add(canonical2);
  });
  return out;
}
function serviceAllocationFindings(pool) {
  const allocation = pool.spec.serviceAllocation;
  if (!allocation) return [];
  const out = [];
  const seen = /* @__PURE__ */ new Set();
  (allocation.namespaces ?? []).forEach((namespace2, i) => {
    if (seen.has(namespace2))
      out.push(
        deny(
          RULE53,
          `spec.serviceAllocation.namespaces[${i}]`,
          `duplicate namespace ${namespace2}`,
          "Duplicate"
        )
      );
    seen.add(namespace2);
  });
  out.push(
    ...allocationSelectorFindings(allocation.namespaceSelectors ?? [], "namespaceSelectors"),
    ...allocationSelectorFindings(allocation.serviceSelectors ?? [], "serviceSelectors")
  );
  return out;
}
function servicesLosingAddresses(ctx, entries) {
  const pool = ctx.object;
  if (pool.metadata.namespace !== ctx.settings.metallbNamespace) return [];
  const remaining = RangeSet.of(entries.map((e) => e.range));
  const out = [];
  for (const service of ctx.view.byIndex(SERVICE, SERVICE_ALLOCATED_POOL_INDEX, nameOf(pool))) {
    for (const ip2 of heldLoadBalancerIps(service)) {
      const address = tryParseAddress(ip2);
      if (!address || remaining.contains(address)) continue;
      out.push(
        warn(
          RULE53,
          "spec.addresses",
          `${describeObject(service)} holds ${ip2} from this pool, which the new addresses no longer cover; MetalLB will take it back`,
          "AddressInUse",
          describeObject(service)
        )
      );
    }
  }
  return out;
}
function checkDelete3(ctx) {
  const pool = ctx.object;
  const namespace2 = pool.metadata.namespace ?? "";
  if (namespace2 !== ctx.settings.metallbNamespace) return [];
  const services = ctx.view.byIndex(SERVICE, SERVICE_POOL_INDEX, nameOf(pool)).map(
    (service) => warn(
      RULE53,
      "metadata.name",
      `${describeObject(service)} asks for pool ${nameOf(pool)} by annotation; it gets no address from MetalLB once the pool is gone`,
      "PoolInUse",
      describeObject(service)
    )
  );
  const advertisements = [
    ...ctx.view.byIndex(L2_ADVERTISEMENT, ADVERTISEMENT_POOL_INDEX, nameOf(pool)),
    ...ctx.view.byIndex(BGP_ADVERTISEMENT, ADVERTISEMENT_POOL_INDEX, nameOf(pool))
  ].filter((adv) => adv.metadata.namespace === namespace2).map(
    (adv) => warn(
      RULE53,
      "metadata.name",
      `${describeObject(adv)} names pool ${nameOf(pool)} in ipAddressPools; it advertises nothing for it once the pool is gone`,
      "PoolAdvertised",
      describeObject(adv)
    )
  );
  return [...services, ...advertisements];
}
function check27(ctx) {
  if (ctx.operation === "DELETE") return checkDelete3(ctx);
  const pool = ctx.object;
  const out = [];
  const { entries, errors } = parsePoolAddresses(pool);
  if (entries.length === 0 && errors.length === 0)
    out.push(deny(RULE53, "spec.addresses", "pool has no addresses defined", "NoAddresses"));
  for (const error of errors)
    out.push(
      deny(
        RULE53,
        `spec.addresses[${error.index}]`,
        `${JSON.stringify(error.text)}: ${error.reason}`,
        "InvalidAddresses"
      )
    );
  out.push(...overlapsWithinPool(pool, entries));
  out.push(...overlapsAcrossPools(ctx, entries));
  out.push(...serviceAllocationFindings(pool));
  if (ctx.operation === "UPDATE") out.push(...servicesLosingAddresses(ctx, entries));
  return out;
}
var ipAddressPoolRule = {
  id: RULE53,
  kinds: [IP_ADDRESS_POOL],
  operations: ["CREATE", "UPDATE", "DELETE"],
  reasons: [
    "NoAddresses",
    "InvalidAddresses",
    "PoolOverlap",
    "InvalidSelector",
    "Duplicate",
    "AddressInUse",
    "PoolInUse",
    "PoolAdvertised"
  ],
  guide: "\u901A\u8FC7 Web \u63A7\u5236\u53F0\u914D\u7F6E\u5916\u90E8 IP \u5730\u5740\u6C60",
  check: check27
};

// webhooks/rules/metallb/l2advertisement.ts
var RULE54 = "metallb/l2advertisement";
function check28(ctx) {
  const out = commonAdvertisementFindings(RULE54, ctx.view, ctx.object);
  (ctx.object.spec?.preferredNodeSelectors ?? []).forEach((preferred, i) => {
    for (const problem of labelSelectorProblems(preferred.preference))
      out.push(
        deny(
          RULE54,
          `spec.preferredNodeSelectors[${i}].preference.${problem.field}`,
          problem.message,
          "InvalidSelector"
        )
      );
  });
  return out;
}
var l2AdvertisementRule = {
  id: RULE54,
  kinds: [L2_ADVERTISEMENT],
  reasons: ["Duplicate", "PoolNotFound", "InvalidSelector"],
  guide: "\u901A\u8FC7 CLI \u4F7F\u7528 L2Advertisement \u6216 BGPAdvertisement \u914D\u7F6E\u5916\u90E8 IP \u5730\u5740\u6C60",
  check: check28
};

// webhooks/rules/metallb/lib/service-type.ts
function serviceTypeOf(service) {
  return service.spec?.type ?? "ClusterIP";
}

// webhooks/rules/metallb/lb-ip-sharing.ts
var RULE55 = "metallb/lb-ip-sharing";
function sharingProblem(service, other) {
  const key = sharingKey(service);
  const otherKey = sharingKey(other);
  if (key === void 0 || key === "" || key !== otherKey)
    return `MetalLB shares an address only between Services with the same metallb.io/allow-shared-ip key (this one: ${key ? JSON.stringify(key) : "none"}, ${describeObject(other)}: ${otherKey ? JSON.stringify(otherKey) : "none"})`;
  const theirs = new Set(portKeys(other));
  const clash = portKeys(service).filter((port2) => theirs.has(port2));
  if (clash.length > 0) return `both use port ${clash.join(", ")}, so they cannot share the address`;
  return void 0;
}
function check29(ctx) {
  const service = ctx.object;
  if (serviceTypeOf(service) !== "LoadBalancer") return [];
  const out = [];
  for (const { address, field } of requestedLoadBalancerIps(service)) {
    for (const other of ctx.view.byIndex(SERVICE, LOAD_BALANCER_IP_INDEX, address)) {
      if (sameObject(other, service) || serviceTypeOf(other) !== "LoadBalancer") continue;
      const problem = sharingProblem(service, other);
      if (!problem) continue;
      out.push(
        deny(
          RULE55,
          field,
          `${address} is already requested or held by ${describeObject(other)}; ${problem}`,
          "AddressInUse",
          describeObject(other)
        )
      );
    }
  }
  return out;
}
var lbIpSharingRule = {
  id: RULE55,
  kinds: [SERVICE],
  reasons: ["AddressInUse"],
  guide: "\u5982\u4F55\u5728\u4F7F\u7528 MetalLB \u65F6\u6307\u5B9A VIP",
  check: check29
};

// webhooks/rules/metallb/namespace.ts
var RULE56 = "metallb/namespace";
function check30(ctx) {
  const namespace2 = ctx.object.metadata.namespace ?? "";
  const expected = ctx.settings.metallbNamespace;
  if (namespace2 === expected) return [];
  return [
    deny(
      RULE56,
      "metadata.namespace",
      `${ctx.object.kind} must be created in the MetalLB namespace ${expected}, not ${namespace2 || "<none>"}; MetalLB ignores it elsewhere`,
      "WrongNamespace",
      `Namespace ${expected}`
    )
  ];
}
var metallbNamespaceRule = {
  id: RULE56,
  kinds: METALLB_KINDS,
  reasons: ["WrongNamespace"],
  guide: "\u914D\u7F6E MetalLB",
  check: check30
};

// webhooks/rules/metallb/service-annotations.ts
var RULE57 = "metallb/service-annotations";
var annotationField3 = (name) => `metadata.annotations[${name}]`;
function poolsContaining(ctx, address) {
  return ctx.view.overlapping(IP_ADDRESS_POOL, POOL_ADDRESS_INDEX, singleAddressRange(address)).map((hit) => hit.object).filter((pool) => pool.metadata.namespace === ctx.settings.metallbNamespace);
}
function shadowedFindings(service, names) {
  const annotations2 = service.metadata.annotations ?? {};
  const [stable, deprecated] = names;
  const stableValue = annotations2[stable];
  const deprecatedValue = annotations2[deprecated];
  if (stableValue === void 0 || deprecatedValue === void 0 || stableValue === deprecatedValue)
    return [];
  return [
    warn(
      RULE57,
      annotationField3(deprecated),
      `${deprecated}=${deprecatedValue} is ignored: MetalLB reads ${stable}=${stableValue} instead`,
      "ShadowedAnnotation"
    )
  ];
}
function poolFindings(ctx) {
  const requested = requestedPool(ctx.object);
  if (!requested) return { findings: [] };
  const field = annotationField3(requested.annotation);
  if (requested.pool === "")
    return { findings: [warn(RULE57, field, "the pool name is empty; MetalLB picks any pool", "EmptyPool")] };
  const namespace2 = ctx.settings.metallbNamespace;
  if (ctx.view.get(IP_ADDRESS_POOL, namespace2, requested.pool))
    return { findings: [], pool: { name: requested.pool, exists: true } };
  return {
    findings: [
      warn(
        RULE57,
        field,
        `IPAddressPool ${namespace2}/${requested.pool} does not exist (yet); MetalLB assigns no address from it until it does`,
        "PoolNotFound",
        `IPAddressPool ${namespace2}/${requested.pool}`
      )
    ],
    pool: { name: requested.pool, exists: false }
  };
}
function addressInPool(ctx, field, text2, address, pool) {
  const containing = poolsContaining(ctx, address);
  const namespace2 = ctx.settings.metallbNamespace;
  if (containing.length === 0) {
    if (pool && !pool.exists) return [];
    return [
      deny(
        RULE57,
        field,
        `${text2} is not inside any IPAddressPool of ${namespace2}; MetalLB cannot assign it`,
        "AddressOutsidePools",
        `IPAddressPools of ${namespace2}`
      )
    ];
  }
  if (pool && !containing.some((p) => nameOf(p) === pool.name))
    return [
      deny(
        RULE57,
        field,
        `${text2} lies in ${containing.map(describeObject).join(", ")}, not in the requested pool ${pool.name}`,
        "AddressNotInRequestedPool",
        containing.map(describeObject).join(", ")
      )
    ];
  return [];
}
function loadBalancerIpsFindings(ctx, pool) {
  const requested = loadBalancerIpsAnnotation(ctx.object);
  if (!requested) return [];
  const field = annotationField3(requested.annotation);
  const out = [];
  const loadBalancerIp = ctx.object.spec?.loadBalancerIP;
  if (loadBalancerIp)
    out.push(
      deny(
        RULE57,
        field,
        `a Service cannot have both ${requested.annotation} and spec.loadBalancerIP ${loadBalancerIp}`,
        "ConflictingAddresses",
        "spec.loadBalancerIP"
      )
    );
  const families = /* @__PURE__ */ new Map();
  const parts = requested.value.split(",").map((p) => p.trim());
  parts.forEach((text2, i) => {
    const address = tryParseAddress(text2);
    if (!address) {
      out.push(
        deny(RULE57, field, `entry ${i} ${JSON.stringify(text2)} is not an IP address`, "InvalidAddress")
      );
      return;
    }
    const other = families.get(address.family);
    if (other !== void 0)
      out.push(
        deny(
          RULE57,
          field,
          `${text2} and ${other} are both ${familyName(address.family)}; at most one address per family`,
          "DuplicateFamily"
        )
      );
    families.set(address.family, text2);
    out.push(...addressInPool(ctx, field, text2, address, pool));
  });
  return out;
}
function loadBalancerIpFindings(ctx, pool) {
  const text2 = ctx.object.spec?.loadBalancerIP;
  if (!text2 || !pool || loadBalancerIpsAnnotation(ctx.object)) return [];
  const address = tryParseAddress(text2);
  return address ? addressInPool(ctx, "spec.loadBalancerIP", text2, address, pool) : [];
}
function check31(ctx) {
  const service = ctx.object;
  const hasPool = requestedPool(service) !== void 0;
  const hasIps = loadBalancerIpsAnnotation(service) !== void 0;
  if (!hasPool && !hasIps) return [];
  const { findings, pool } = poolFindings(ctx);
  const out = [
    ...findings,
    ...shadowedFindings(service, ["metallb.io/address-pool", "metallb.universe.tf/address-pool"]),
    ...shadowedFindings(service, ["metallb.io/loadBalancerIPs", "metallb.universe.tf/loadBalancerIPs"]),
    ...loadBalancerIpsFindings(ctx, pool),
    ...loadBalancerIpFindings(ctx, pool)
  ];
  if (serviceTypeOf(service) !== "LoadBalancer")
    out.push(
      warn(
        RULE57,
        "spec.type",
        `MetalLB annotations have no effect on a Service of type ${serviceTypeOf(service)}; only LoadBalancer Services get an address`,
        "NotLoadBalancer"
      )
    );
  return out;
}
var serviceAnnotationsRule = {
  id: RULE57,
  kinds: [SERVICE],
  reasons: [
    "EmptyPool",
    "PoolNotFound",
    "ShadowedAnnotation",
    "ConflictingAddresses",
    "InvalidAddress",
    "DuplicateFamily",
    "AddressOutsidePools",
    "AddressNotInRequestedPool",
    "NotLoadBalancer"
  ],
  guide: "\u5982\u4F55\u5728\u4F7F\u7528 MetalLB \u65F6\u6307\u5B9A VIP",
  check: check31
};

// webhooks/rules/metallb/lib/underlay-model.ts
function lendsLoadBalancerAddresses(subnet2) {
  return subnet2.spec?.enableExternalLBAddress === true;
}
function excludedRanges(subnet2) {
  const ranges = [];
  for (const entry of subnet2.spec?.excludeIps ?? []) {
    try {
      ranges.push(parseIpOrKubeOvnRange(entry));
    } catch (error) {
      if (!(error instanceof NetParseError)) throw error;
    }
  }
  return RangeSet.of(ranges);
}
var UNDERLAY_REASONS = ["UnderlayIPv6", "OutsideUnderlaySubnet", "NotExcluded"];
function underlayProblems(entry, pool, subnet2, subnetRange, excluded) {
  const where = `${formatRange(subnetRange)} of Subnet ${nameOf(subnet2)}`;
  const what = `${describeEntry(entry)} of IPAddressPool ${pool}`;
  if (entry.range.family === 6)
    return [
      {
        reason: "UnderlayIPv6",
        message: `${what} lies in ${where}, which has enableExternalLBAddress; underlay LoadBalancer addresses must be IPv4`
      }
    ];
  const out = [];
  if (!rangeContainsRange(subnetRange, entry.range))
    out.push({
      reason: "OutsideUnderlaySubnet",
      message: `${what} reaches beyond ${where}, which has enableExternalLBAddress; the pool must lie inside the underlay subnet`
    });
  const inside2 = rangeIntersection(entry.range, subnetRange);
  const missing = inside2 ? RangeSet.of([inside2]).subtract(excluded).toArray() : [];
  if (missing.length > 0)
    out.push({
      reason: "NotExcluded",
      message: `${what} is not reserved in excludeIps of Subnet ${nameOf(subnet2)} (not excluded: ${missing.map(formatRange).join(", ")}); Kube-OVN would hand these addresses to pods`
    });
  return out;
}

// webhooks/rules/metallb/underlay-pool.ts
var RULE58 = "metallb/underlay-pool";
function check32(ctx) {
  const out = [];
  for (const entry of parsePoolAddresses(ctx.object).entries) {
    for (const hit of ctx.view.overlapping(SUBNET, SUBNET_CIDR_INDEX, entry.range)) {
      if (!lendsLoadBalancerAddresses(hit.object)) continue;
      for (const problem of underlayProblems(
        entry,
        nameOf(ctx.object),
        hit.object,
        hit.range,
        excludedRanges(hit.object)
      ))
        out.push(
          deny(
            RULE58,
            `spec.addresses[${entry.index}]`,
            problem.message,
            problem.reason,
            `Subnet ${nameOf(hit.object)}`
          )
        );
    }
  }
  return out;
}
var underlayPoolRule = {
  id: RULE58,
  kinds: [IP_ADDRESS_POOL],
  reasons: UNDERLAY_REASONS,
  guide: "Kube-OVN Underlay + MetalLB LoadBalancer \u670D\u52A1\u914D\u7F6E",
  check: check32
};

// webhooks/rules/metallb/underlay-subnet.ts
var RULE59 = "metallb/underlay-subnet";
function check33(ctx) {
  const subnet2 = ctx.object;
  if (!lendsLoadBalancerAddresses(subnet2)) return [];
  const excluded = excludedRanges(subnet2);
  const out = [];
  for (const subnetRange of subnetRanges(subnet2)) {
    const pools = new Map(
      ctx.view.overlapping(IP_ADDRESS_POOL, POOL_ADDRESS_INDEX, subnetRange).filter((hit) => hit.object.metadata.namespace === ctx.settings.metallbNamespace).map((hit) => [nameOf(hit.object), hit.object])
    );
    for (const pool of pools.values()) {
      for (const entry of parsePoolAddresses(pool).entries) {
        if (entry.range.family !== subnetRange.family) continue;
        if (entry.range.last < subnetRange.first || entry.range.first > subnetRange.last) continue;
        for (const problem of underlayProblems(entry, nameOf(pool), subnet2, subnetRange, excluded))
          out.push(
            deny(
              RULE59,
              problem.reason === "NotExcluded" ? "spec.excludeIps" : "spec.cidrBlock",
              problem.message,
              problem.reason,
              describeObject(pool)
            )
          );
      }
    }
  }
  return out;
}
var underlaySubnetRule = {
  id: RULE59,
  kinds: [SUBNET],
  reasons: UNDERLAY_REASONS,
  guide: "Kube-OVN Underlay + MetalLB LoadBalancer \u670D\u52A1\u914D\u7F6E",
  check: check33
};

// webhooks/rules/metallb/index.ts
var metallbFamily = {
  name: "metallb",
  rules: [
    metallbNamespaceRule,
    ipAddressPoolRule,
    underlayPoolRule,
    underlaySubnetRule,
    l2AdvertisementRule,
    bgpAdvertisementRule,
    bgpPeerRule,
    communityRule,
    serviceAnnotationsRule,
    lbIpSharingRule
  ],
  mutators: [],
  equalityIndexes: [
    servicePoolIndex,
    serviceAllocatedPoolIndex,
    loadBalancerIpIndex,
    advertisementPeerIndex,
    ...advertisementPoolIndexes
  ],
  rangeIndexes: [poolRangeIndex, subnetCidrIndex],
  reads: [IP_ADDRESS_POOL, L2_ADVERTISEMENT, BGP_ADVERTISEMENT, BGP_PEER, COMMUNITY, SUBNET, NODE, SERVICE]
};

// webhooks/rules/service/lib/elb-autocreate.ts
var enums = {
  type: ["public", "inner"],
  bandwidth_chargemode: ["bandwidth", "traffic"],
  bandwidth_sharetype: ["PER", "WHOLE"]
};
var stringFields = [
  "name",
  "bandwidth_name",
  "eip_type",
  "l4_flavor_name",
  "l7_flavor_name",
  "elb_virsubnet_ids",
  "vip_subnet_cidr_id",
  "vip_address",
  "ipv6_vip_virsubnet_id"
];
function isRecord(value) {
  return !!value && typeof value === "object" && !Array.isArray(value);
}
function parseObject(text2) {
  let value;
  try {
    value = JSON.parse(text2);
  } catch (error) {
    const fragments = /}\s*,\s*{/.test(text2) ? "; it looks like several objects: merge them into one" : "";
    const reason = error instanceof Error ? error.message : String(error);
    return `is not one JSON object (${reason})${fragments}`;
  }
  return isRecord(value) ? value : "must be a JSON object";
}
function elbAutocreateProblems(text2) {
  const parsed = parseObject(text2);
  if (typeof parsed === "string") return [parsed];
  const out = [];
  for (const [key, allowed] of Object.entries(enums)) {
    const value = parsed[key];
    if (value !== void 0 && (typeof value !== "string" || !allowed.includes(value)))
      out.push(`${key} ${JSON.stringify(value)} is not one of ${allowed.join(", ")}`);
  }
  for (const key of stringFields) {
    const value = parsed[key];
    if (value !== void 0 && typeof value !== "string") out.push(`${key} must be a string`);
  }
  const size2 = parsed["bandwidth_size"];
  if (size2 !== void 0 && !(typeof size2 === "number" && Number.isInteger(size2) && size2 >= 1))
    out.push("bandwidth_size must be a positive integer (Mbit/s)");
  const zones = parsed["available_zone"];
  if (zones !== void 0 && !(Array.isArray(zones) && zones.every((z37) => typeof z37 === "string")))
    out.push("available_zone must be a list of zone names");
  return out;
}

// webhooks/rules/service/cloud-annotations.ts
var RULE60 = "service/cloud-annotations";
var documentedValues = {
  "service.beta.kubernetes.io/aws-load-balancer-type": ["external"],
  "service.beta.kubernetes.io/aws-load-balancer-nlb-target-type": ["instance", "ip"],
  "service.beta.kubernetes.io/aws-load-balancer-scheme": ["internal", "internet-facing"],
  "service.beta.kubernetes.io/aws-load-balancer-ip-address-type": ["ipv4", "dualstack"],
  "kubernetes.io/elb.class": ["union", "performance"],
  "service.beta.kubernetes.io/azure-load-balancer-internal": ["true", "false"],
  "networking.gke.io/load-balancer-type": ["Internal"],
  "cloud.google.com/l4-rbs": ["enabled"]
};
var ELB_AUTOCREATE = "kubernetes.io/elb.autocreate";
function valueFinding(annotation, value, allowed) {
  if (allowed.includes(value)) return void 0;
  const caseOnly = allowed.find((a) => a.toLowerCase() === value.toLowerCase());
  const hint = caseOnly ? `; values are case-sensitive, write ${JSON.stringify(caseOnly)}` : "";
  return deny(
    RULE60,
    `metadata.annotations[${annotation}]`,
    `${JSON.stringify(value)} is not one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}${hint}`,
    "InvalidAnnotationValue"
  );
}
function check34(ctx) {
  const out = [];
  for (const [annotation, value] of Object.entries(ctx.object.metadata.annotations ?? {})) {
    const allowed = documentedValues[annotation];
    if (allowed) {
      const finding2 = valueFinding(annotation, value, allowed);
      if (finding2) out.push(finding2);
    }
    if (annotation === ELB_AUTOCREATE)
      for (const problem of elbAutocreateProblems(value))
        out.push(deny(RULE60, `metadata.annotations[${ELB_AUTOCREATE}]`, problem, "InvalidAnnotationValue"));
  }
  return out;
}
var serviceCloudAnnotationsRule = {
  id: RULE60,
  kinds: [SERVICE],
  reasons: ["InvalidAnnotationValue"],
  guide: "LoadBalancer \u7C7B\u578B Service \u6CE8\u89E3",
  check: check34
};

// webhooks/rules/service/lib/service-model.ts
function serviceType(service) {
  return service.spec?.type ?? "ClusterIP";
}
function externallyAccessible(service) {
  const type = serviceType(service);
  return type === "LoadBalancer" || type === "NodePort" || type === "ClusterIP" && (service.spec?.externalIPs ?? []).length > 0;
}
function nodePortsOf(service) {
  const out = [];
  (service.spec?.ports ?? []).forEach((port2, index2) => {
    if (port2.nodePort === void 0 || port2.nodePort === 0) return;
    out.push({ index: index2, nodePort: port2.nodePort, protocol: port2.protocol ?? "TCP" });
  });
  return out;
}

// webhooks/rules/service/indexes.ts
var NODE_PORT_INDEX = "node-port";
function nodePortKey(nodePort, protocol2) {
  return `${nodePort}/${protocol2}`;
}
var nodePortIndex = equalityIndex(
  SERVICE,
  NODE_PORT_INDEX,
  (service) => serviceType(service) === "ClusterIP" || serviceType(service) === "ExternalName" ? [] : nodePortsOf(service).map((use) => nodePortKey(use.nodePort, use.protocol))
);

// webhooks/rules/service/ports.ts
var RULE61 = "service/ports";
var NODE_PORT_MIN = 3e4;
var NODE_PORT_MAX = 32767;
function sameObject2(a, b) {
  return a.metadata.name === b.metadata.name && (a.metadata.namespace ?? "") === (b.metadata.namespace ?? "");
}
function nodePortFindings(ctx) {
  const out = [];
  const type = serviceType(ctx.object);
  if (type === "ClusterIP" || type === "ExternalName") return out;
  for (const use of nodePortsOf(ctx.object)) {
    const field = `spec.ports[${use.index}].nodePort`;
    if (use.nodePort < NODE_PORT_MIN || use.nodePort > NODE_PORT_MAX) {
      out.push(
        deny(
          RULE61,
          field,
          `nodePort ${use.nodePort} is outside the node port range ${NODE_PORT_MIN}-${NODE_PORT_MAX}`,
          "NodePortOutOfRange"
        )
      );
      continue;
    }
    const key = nodePortKey(use.nodePort, use.protocol);
    for (const other of ctx.view.byIndex(SERVICE, NODE_PORT_INDEX, key)) {
      if (sameObject2(other, ctx.object)) continue;
      out.push(
        deny(
          RULE61,
          field,
          `nodePort ${key} is already allocated to ${describeObject(other)}`,
          "NodePortConflict",
          describeObject(other)
        )
      );
    }
  }
  return out;
}
function trafficPolicyFindings(service) {
  if (service.spec?.externalTrafficPolicy !== "Local" || externallyAccessible(service)) return [];
  return [
    deny(
      RULE61,
      "spec.externalTrafficPolicy",
      `externalTrafficPolicy Local needs type NodePort or LoadBalancer (or externalIPs), not ${serviceType(service)}`,
      "TrafficPolicyNotExternal"
    )
  ];
}
function check35(ctx) {
  return [...nodePortFindings(ctx), ...trafficPolicyFindings(ctx.object)];
}
var servicePortsRule = {
  id: RULE61,
  kinds: [SERVICE],
  reasons: ["NodePortOutOfRange", "NodePortConflict", "TrafficPolicyNotExternal"],
  guide: "\u914D\u7F6E\u670D\u52A1",
  check: check35
};

// webhooks/rules/service/index.ts
var serviceFamily = {
  name: "service",
  rules: [servicePortsRule, serviceCloudAnnotationsRule],
  mutators: [],
  equalityIndexes: [nodePortIndex],
  reads: [SERVICE]
};

// webhooks/rules/index.ts
var ruleFamilies = [
  gatewayFamily,
  kubeovnFamily,
  certificatesFamily,
  metallbFamily,
  serviceFamily,
  ingressFamily,
  albFamily,
  keepalivedFamily
];

// webhooks/review/rule-index.ts
var defaultOperations = ["CREATE", "UPDATE"];
function addByOperation(target, item) {
  for (const operation of item.operations ?? defaultOperations) {
    const list = target.get(operation);
    if (list) list.push(item);
    else target.set(operation, [item]);
  }
}
var RuleIndex = class {
  constructor(families) {
    this.families = families;
    const ids = /* @__PURE__ */ new Set();
    for (const family of families) {
      for (const item of [...family.rules, ...family.mutators]) {
        if (ids.has(item.id)) throw new Error(`rule id ${item.id} is registered twice`);
        ids.add(item.id);
      }
      for (const rule of family.rules) {
        for (const kind2 of rule.kinds) addByOperation(this.entry(kind2.groupKind).rules, rule);
      }
      for (const mutator of family.mutators) {
        for (const kind2 of mutator.kinds) addByOperation(this.entry(kind2.groupKind).mutators, mutator);
      }
    }
  }
  families;
  byKind = /* @__PURE__ */ new Map();
  entry(kind2) {
    let entry = this.byKind.get(kind2);
    if (!entry) {
      entry = { rules: /* @__PURE__ */ new Map(), mutators: /* @__PURE__ */ new Map() };
      this.byKind.set(kind2, entry);
    }
    return entry;
  }
  rulesFor(kind2, operation) {
    return this.byKind.get(kind2)?.rules.get(operation) ?? [];
  }
  mutatorsFor(kind2, operation) {
    return this.byKind.get(kind2)?.mutators.get(operation) ?? [];
  }
  /** Whether any rule or mutator looks at this kind. */
  covers(kind2) {
    return this.byKind.has(kind2);
  }
  /** Every kind the rules read from the view or review: what the store must cache. */
  kindsToCache() {
    const kinds = new Set(this.byKind.keys());
    for (const family of this.families) for (const kind2 of family.reads) kinds.add(kind2.groupKind);
    return [...kinds].sort();
  }
  /** Adds every family's indexes to the store; an index declared by two families is added once. */
  registerIndexes(store) {
    const seen = /* @__PURE__ */ new Set();
    const firstTime = (kind2, name, type) => {
      const key = `${type}|${kind2}|${name}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    };
    for (const family of this.families) {
      for (const spec of family.equalityIndexes ?? []) {
        if (firstTime(spec.kind, spec.name, "equality")) store.addEqualityIndex(spec);
      }
      for (const spec of family.rangeIndexes ?? []) {
        if (firstTime(spec.kind, spec.name, "range")) store.addRangeIndex(spec);
      }
    }
  }
};

// webhooks/review/default-index.ts
var index;
function defaultRuleIndex() {
  index ??= new RuleIndex(ruleFamilies);
  return index;
}

// shared/kube/known-kinds.ts
var KINDS_OF_GROUP = {
  "gateway.networking.k8s.io": [
    "BackendTLSPolicy",
    "GRPCRoute",
    "Gateway",
    "GatewayClass",
    "HTTPRoute",
    "ListenerSet",
    "ReferenceGrant",
    "TCPRoute",
    "TLSRoute",
    "UDPRoute"
  ],
  "gateway.envoyproxy.io": [
    "Backend",
    "BackendTrafficPolicy",
    "ClientTrafficPolicy",
    "EnvoyExtensionPolicy",
    "EnvoyPatchPolicy",
    "EnvoyProxy",
    "HTTPRouteFilter",
    "SecurityPolicy"
  ],
  "metallb.io": [
    "BFDProfile",
    "BGPAdvertisement",
    "BGPPeer",
    "Community",
    "ConfigurationState",
    "IPAddressPool",
    "L2Advertisement",
    "ServiceBGPStatus",
    "ServiceL2Status"
  ],
  "kubeovn.io": [
    "IP",
    "IPPool",
    "IptablesDnatRule",
    "IptablesEIP",
    "IptablesFIPRule",
    "IptablesSnatRule",
    "OvnDnatRule",
    "OvnEip",
    "OvnFip",
    "OvnSnatRule",
    "ProviderNetwork",
    "QoSPolicy",
    "SecurityGroup",
    "Subnet",
    "SwitchLBRule",
    "Vip",
    "Vlan",
    "Vpc",
    "VpcDns",
    "VpcEgressGateway",
    "VpcNatGateway"
  ],
  "k8s.cni.cncf.io": ["NetworkAttachmentDefinition"],
  "networking.k8s.io": ["Ingress", "IngressClass", "IPAddress", "NetworkPolicy", "ServiceCIDR"]
};
function kindProblem(object) {
  const kinds = KINDS_OF_GROUP[groupOf(object.apiVersion)];
  if (!kinds || kinds.includes(object.kind)) return void 0;
  const meant = kinds.find((kind2) => kind2.toLowerCase() === object.kind.toLowerCase());
  const hint = meant ? ` (kinds are case-sensitive: did you mean "${meant}"?)` : "";
  return `no matches for kind "${object.kind}" in version "${groupOf(object.apiVersion)}/${versionOf(object.apiVersion)}"${hint}`;
}

// shared/kube/model/model-view.ts
var readLists = /* @__PURE__ */ new WeakMap();
var ModelView = class {
  constructor(store, onMalformed = () => {
  }) {
    this.store = store;
    this.onMalformed = onMalformed;
  }
  store;
  onMalformed;
  read(kind2, object) {
    const reading = kind2.read(object);
    if (reading.issues.length > 0) this.onMalformed(object, reading.issues);
    return reading.object;
  }
  get(kind2, namespace2, name) {
    const stored = this.store.get(kind2.groupKind, namespace2, name);
    return stored && this.read(kind2, stored);
  }
  list(kind2, namespace2) {
    return this.readAll(kind2, this.store.list(kind2.groupKind, namespace2));
  }
  byIndex(kind2, index2, value) {
    return this.readAll(kind2, this.store.byIndex(kind2.groupKind, index2, value));
  }
  overlapping(kind2, index2, range) {
    const hits = [];
    for (const hit of this.store.overlapping(kind2.groupKind, index2, range)) {
      const object = this.read(kind2, hit.object);
      if (object) hits.push({ object, range: hit.range });
    }
    return hits;
  }
  /** Secret contents by name: read on demand, not cached cluster-wide. */
  async readSecret(namespace2, name) {
    const stored = await this.store.readSecret(namespace2, name);
    return stored && this.read(SECRET, stored);
  }
  readAll(kind2, stored) {
    let listed = readLists.get(stored);
    if (!listed) {
      const objects2 = [];
      let clean = true;
      for (const object of stored) {
        const reading = kind2.read(object);
        if (reading.issues.length > 0) clean = false;
        if (reading.object) objects2.push(reading.object);
      }
      listed = { objects: objects2, clean };
      readLists.set(stored, listed);
    }
    if (!listed.clean) for (const object of stored) this.read(kind2, object);
    return listed.objects;
  }
};

// webhooks/review/json-patch.ts
var JsonPatchError = class extends Error {
  constructor(operation, detail) {
    super(`cannot ${operation.op} ${operation.path}: ${detail}`);
    this.operation = operation;
    this.name = "JsonPatchError";
  }
  operation;
};
function isRecord2(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function parsePointer(pointer) {
  if (pointer === "") return [];
  if (!pointer.startsWith("/"))
    throw new Error(`JSON pointer ${JSON.stringify(pointer)} must start with "/"`);
  return pointer.slice(1).split("/").map((token) => token.replaceAll("~1", "/").replaceAll("~0", "~"));
}
function isContainer(value) {
  return typeof value === "object" && value !== null;
}
function arrayIndex(operation, array, token, forAdd) {
  if (forAdd && token === "-") return array.length;
  if (!/^(0|[1-9][0-9]*)$/.test(token))
    throw new JsonPatchError(operation, `"${token}" is not an array index`);
  const index2 = Number(token);
  const limit = forAdd ? array.length : array.length - 1;
  if (index2 > limit) throw new JsonPatchError(operation, `index ${index2} is out of bounds`);
  return index2;
}
function applyOne(document, operation) {
  const tokens = parsePointer(operation.path);
  if (tokens.length === 0) {
    if (operation.op === "remove") throw new JsonPatchError(operation, "cannot remove the whole document");
    return structuredClone(operation.value);
  }
  let parent = document;
  for (const token of tokens.slice(0, -1)) {
    if (Array.isArray(parent)) parent = parent[arrayIndex(operation, parent, token, false)];
    else if (isRecord2(parent) && Object.hasOwn(parent, token)) parent = parent[token];
    else throw new JsonPatchError(operation, `parent "${token}" does not exist`);
  }
  if (!isContainer(parent)) throw new JsonPatchError(operation, "parent is not an object or array");
  const last = tokens[tokens.length - 1];
  const value = structuredClone(operation.value);
  if (Array.isArray(parent)) {
    const index2 = arrayIndex(operation, parent, last, operation.op === "add");
    if (operation.op === "add") parent.splice(index2, 0, value);
    else if (operation.op === "replace") parent[index2] = value;
    else parent.splice(index2, 1);
    return document;
  }
  if (operation.op !== "add" && !Object.hasOwn(parent, last)) {
    throw new JsonPatchError(operation, `member "${last}" does not exist`);
  }
  if (operation.op === "remove") delete parent[last];
  else parent[last] = value;
  return document;
}
function applyJsonPatch(document, operations) {
  let result2 = structuredClone(document);
  for (const operation of operations) result2 = applyOne(result2, operation);
  return result2;
}

// shared/kube/sizes.ts
var MIB = 1024 * 1024;
var REQUEST_BODY_LIMIT = 3 * MIB;
var STORED_OBJECT_LIMIT = 1.5 * MIB;
var DATA_LIMIT = MIB;
function formatMebibytes(bytes) {
  return `${Number((bytes / MIB).toFixed(1))} MiB`;
}
function describeExcess(bytes, limit) {
  const mib = Number((bytes / MIB).toFixed(1));
  if (mib > limit / MIB) return { size: `${mib} MiB`, limit: formatMebibytes(limit) };
  return { size: `${bytes} bytes`, limit: `${formatMebibytes(limit)} (${limit} bytes)` };
}
var NEEDS_ESCAPE = /["\\\u0000-\u001f]/;
var NOT_ESCAPED = /[^"\\\u0000-\u001f]+/g;
var SURROGATE = /[\uD800-\uDFFF]/;
var LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
function escapeExtra(code) {
  if (code === 34 || code === 92 || code >= 8 && code <= 13 && code !== 11) return 1;
  return code < 32 ? 5 : 0;
}
function shortStringSize(text2) {
  const length = text2.length;
  let bytes = length + 2;
  for (let i = 0; i < length; i++) {
    const code = text2.charCodeAt(i);
    if (code < 128) {
      if (code < 32 || code === 34 || code === 92) bytes += escapeExtra(code);
    } else if (code < 2048) bytes += 1;
    else if (code < 55296 || code > 57343) bytes += 2;
    else if (code <= 56319 && i + 1 < length && (text2.charCodeAt(i + 1) & 64512) === 56320) {
      bytes += 2;
      i++;
    } else bytes += 5;
  }
  return bytes;
}
function jsonStringSize(text2) {
  if (text2.length < 256) return shortStringSize(text2);
  let bytes = Buffer.byteLength(text2, "utf8") + 2;
  if (NEEDS_ESCAPE.test(text2)) {
    for (const char of text2.replace(NOT_ESCAPED, "")) bytes += escapeExtra(char.charCodeAt(0));
  }
  if (SURROGATE.test(text2)) bytes += 3 * (text2.match(LONE_SURROGATE)?.length ?? 0);
  return bytes;
}
function hasToJson(value) {
  return typeof value.toJSON === "function";
}
var SizeWalk = class {
  constructor(cap) {
    this.cap = cap;
  }
  cap;
  bytes = 0;
  /** Adds the size of `value` as JSON.stringify would write it; false when it writes nothing. */
  value(input, key) {
    let value = input;
    if (typeof value === "object" && value !== null && hasToJson(value)) value = value.toJSON(String(key));
    switch (typeof value) {
      case "string":
        this.bytes += jsonStringSize(value);
        return true;
      case "number":
        this.bytes += Number.isFinite(value) ? String(value).length : 4;
        return true;
      case "boolean":
        this.bytes += value ? 4 : 5;
        return true;
      case "bigint":
        this.bytes += String(value).length;
        return true;
      case "object":
        if (value === null) this.bytes += 4;
        else if (Array.isArray(value)) this.array(value);
        else this.object(value);
        return true;
      default:
        return false;
    }
  }
  array(items) {
    this.bytes += items.length > 0 ? 1 + items.length : 2;
    for (let i = 0; i < items.length && this.bytes <= this.cap; i++) {
      if (!this.value(items[i], i)) this.bytes += 4;
    }
  }
  object(record2) {
    this.bytes += 2;
    let members = 0;
    const fields = record2;
    for (const key of Object.keys(fields)) {
      if (this.bytes > this.cap) return;
      if (!this.value(fields[key], key)) continue;
      this.bytes += jsonStringSize(key) + (members > 0 ? 2 : 1);
      members++;
    }
  }
};
function jsonSize(value, cap = Number.POSITIVE_INFINITY) {
  const walk2 = new SizeWalk(cap);
  walk2.value(value, "");
  return walk2.bytes;
}
function base64DecodedSize(text2) {
  const compact2 = text2.includes("\n") || text2.includes("\r") ? text2.replace(/[\r\n]/g, "") : text2;
  const padding = compact2.endsWith("==") ? 2 : compact2.endsWith("=") ? 1 : 0;
  return Math.max(0, Math.floor(compact2.length * 3 / 4) - padding);
}
function stringEntries(value) {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return [];
  return Object.entries(value).filter((entry) => typeof entry[1] === "string");
}
function dataSize(object) {
  const kind2 = groupKindOf(object);
  if (kind2 === "/ConfigMap") {
    let bytes = 0;
    for (const [, text2] of stringEntries(object.data)) bytes += Buffer.byteLength(text2, "utf8");
    for (const [, text2] of stringEntries(object.binaryData)) bytes += base64DecodedSize(text2);
    return bytes;
  }
  if (kind2 === "/Secret") {
    const plain = new Map(stringEntries(object.stringData));
    let bytes = 0;
    for (const [key, text2] of stringEntries(object.data)) {
      if (!plain.has(key)) bytes += base64DecodedSize(text2);
    }
    for (const text2 of plain.values()) bytes += Buffer.byteLength(text2, "utf8");
    return bytes;
  }
  return void 0;
}

// webhooks/review/size-check.ts
function sizeViolations(object, sizeBound) {
  if (sizeBound !== void 0 && sizeBound <= Math.min(STORED_OBJECT_LIMIT, DATA_LIMIT)) return [];
  const findings = [];
  const size2 = jsonSize(object, REQUEST_BODY_LIMIT);
  if (size2 > REQUEST_BODY_LIMIT) {
    const limit = formatMebibytes(REQUEST_BODY_LIMIT);
    findings.push(
      deny(
        "size",
        "",
        `object is more than ${limit}; the API server accepts request bodies of at most ${limit}`
      )
    );
  } else if (size2 > STORED_OBJECT_LIMIT) {
    const excess = describeExcess(size2, STORED_OBJECT_LIMIT);
    findings.push(
      deny("size", "", `object is ${excess.size}; the API server stores at most ${excess.limit} per object`)
    );
  }
  const data = dataSize(object);
  if (data !== void 0 && data > DATA_LIMIT) {
    const excess = describeExcess(data, DATA_LIMIT);
    findings.push(
      deny(
        "size",
        "data",
        `${object.kind} data is ${excess.size}; the API server accepts at most ${excess.limit} of data per ${object.kind}`
      )
    );
  }
  return findings;
}

// webhooks/review/engine.ts
function modelled(object) {
  const model = modelOf(object);
  return model ? model.read(object) : { object, issues: [], warnings: [] };
}
function malformedNeighbourSink(findings) {
  const told = /* @__PURE__ */ new Set();
  return (object, issues) => {
    if (told.has(object)) return;
    told.add(object);
    findings.push(malformedNeighbour(object, issues));
  };
}
function result(findings, patch, object, failures) {
  const denied = findings.some((f) => f.severity === "deny");
  return {
    allowed: !denied,
    code: failures.length > 0 ? 500 : denied ? 403 : 200,
    message: denied ? denyMessage(findings) : "",
    findings,
    warnings: warningMessages(findings),
    patch,
    object,
    failures
  };
}
async function runMutators(ctx, index2, failures) {
  let object = ctx.object;
  const patch = [];
  for (const mutator of index2.mutatorsFor(groupKindOf(object), ctx.operation)) {
    try {
      const operations = await mutator.mutate({ ...ctx, object });
      if (operations.length === 0) continue;
      object = applyJsonPatch(object, operations);
      patch.push(...operations);
    } catch (error) {
      failures.push({ rule: mutator.id, error });
    }
  }
  return { object, patch };
}
async function reviewObject(input, options = {}) {
  const index2 = options.rules ?? defaultRuleIndex();
  const { operation, view, settings: settings2, oldObject } = input;
  const reviewed = operation === "DELETE" ? oldObject ?? input.object : input.object;
  if (!reviewed) return result([], [], void 0, []);
  if (operation === "CREATE" || operation === "UPDATE") {
    const tooLarge = sizeViolations(reviewed, input.sizeBound);
    if (tooLarge.length > 0) return result(tooLarge, [], reviewed, []);
  }
  const noSuchKind = operation === "DELETE" ? void 0 : kindProblem(reviewed);
  if (noSuchKind) return result(schemaViolations([{ path: "kind", message: noSuchKind }]), [], reviewed, []);
  const reading = modelled(reviewed);
  const written = operation === "CREATE" || operation === "UPDATE";
  const kept = written && options.stage !== "mutate" ? keptUnknownFields(reading.warnings) : [];
  if (written && reading.issues.length > 0)
    return result([...schemaViolations(reading.issues), ...kept], [], reviewed, []);
  if (!reading.object) return result([], [], reviewed, []);
  const failures = [];
  const findings = [...kept];
  const models2 = new ModelView(view, malformedNeighbourSink(findings));
  const old = oldObject && modelled(oldObject).object;
  const base = {
    operation,
    object: reading.object,
    oldObject: old,
    view: models2,
    settings: settings2
  };
  const { object: mutated, patch } = await runMutators(base, index2, failures);
  if (options.stage !== "mutate") {
    const object = mutated === reading.object ? mutated : modelled(mutated).object ?? mutated;
    const ctx = { ...base, object };
    for (const rule of index2.rulesFor(groupKindOf(object), operation)) {
      try {
        findings.push(...await rule.check(ctx));
      } catch (error) {
        failures.push({ rule: rule.id, error });
      }
    }
  }
  findings.push(...failures.map((f) => ruleFailure(f.rule, f.error)));
  return result(findings, failures.length > 0 ? [] : patch, mutated, failures);
}

// webhooks/server/app.ts
import Fastify, { LogController } from "fastify";

// webhooks/server/admission-review.ts
import { z as z36 } from "zod";

// webhooks/server/errors.ts
import createError from "@fastify/error";
var BadAdmissionReviewError = createError(
  "ACPNET_BAD_ADMISSION_REVIEW",
  "%s",
  400
);

// webhooks/server/admission-review.ts
var admissionApiVersion = "admission.k8s.io/v1";
var kubeObject2 = z36.looseObject({
  apiVersion: z36.string().min(1),
  kind: z36.string().min(1),
  metadata: z36.looseObject({}).optional()
});
var admissionRequest = z36.looseObject({
  uid: z36.string().min(1, "must not be empty"),
  kind: z36.looseObject({ group: z36.string(), version: z36.string(), kind: z36.string().min(1) }),
  operation: z36.enum(["CREATE", "UPDATE", "DELETE", "CONNECT"]),
  namespace: z36.string().optional(),
  name: z36.string().optional(),
  object: kubeObject2.nullable().optional(),
  oldObject: kubeObject2.nullable().optional(),
  dryRun: z36.boolean().optional()
});
function isRecord3(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function normalize(value, namespace2) {
  if (!value) return void 0;
  const metadata = { ...value.metadata ?? {} };
  if (namespace2 && !metadata.namespace) metadata.namespace = namespace2;
  return { ...value, metadata };
}
function parseAdmissionReview(body5) {
  if (!isRecord3(body5))
    throw new BadAdmissionReviewError("the body must be a JSON object (an AdmissionReview)");
  if (body5.apiVersion !== admissionApiVersion) {
    throw new BadAdmissionReviewError(
      `apiVersion must be ${admissionApiVersion}, got ${JSON.stringify(body5.apiVersion ?? null)}`
    );
  }
  if (body5.kind !== "AdmissionReview") {
    throw new BadAdmissionReviewError(
      `kind must be AdmissionReview, got ${JSON.stringify(body5.kind ?? null)}`
    );
  }
  if (body5.request === void 0 || body5.request === null) {
    throw new BadAdmissionReviewError("AdmissionReview has no request");
  }
  const parsed = admissionRequest.safeParse(body5.request);
  if (!parsed.success) {
    const issues = formatZodIssues(parsed.error.issues, body5.request).map(
      (i) => `request.${i.path}: ${i.message}`
    );
    throw new BadAdmissionReviewError(`invalid AdmissionReview: ${issues.join("; ")}`);
  }
  const request = parsed.data;
  const namespace2 = request.namespace ?? "";
  const object = normalize(request.object, namespace2);
  const oldObject = normalize(request.oldObject, namespace2);
  if ((request.operation === "CREATE" || request.operation === "UPDATE") && !object) {
    throw new BadAdmissionReviewError(
      `invalid AdmissionReview: request.object is required for ${request.operation}`
    );
  }
  return {
    uid: request.uid,
    operation: request.operation,
    groupKind: `${request.kind.group}/${request.kind.kind}`,
    namespace: namespace2,
    name: request.name ?? object?.metadata.name ?? oldObject?.metadata.name ?? "",
    object,
    oldObject
  };
}
function admissionResponse(uid, result2, withPatch) {
  const response = { uid, allowed: result2.allowed };
  if (!result2.allowed) {
    response.status = {
      code: result2.code,
      message: result2.message,
      reason: result2.code === 500 ? "InternalError" : "Forbidden"
    };
  }
  if (result2.warnings.length > 0) response.warnings = result2.warnings;
  if (withPatch && result2.allowed && result2.patch.length > 0) {
    response.patchType = "JSONPatch";
    response.patch = Buffer.from(JSON.stringify(result2.patch)).toString("base64");
  }
  return { apiVersion: admissionApiVersion, kind: "AdmissionReview", response };
}

// webhooks/server/serving-tls.ts
import { watch } from "node:fs";
import { readFile as readFile2 } from "node:fs/promises";
import { hostname as hostname2, networkInterfaces } from "node:os";
import path2 from "node:path";
import { createSecureContext } from "node:tls";

// shared/tls/self-signed.ts
import "reflect-metadata";
import { randomBytes, webcrypto } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import * as x509 from "@peculiar/x509";
x509.cryptoProvider.set(globalThis.crypto);
var DAY_MS2 = 864e5;
var signing = { name: "ECDSA", namedCurve: "P-256", hash: "SHA-256" };
async function createSelfSignedCertificate(options) {
  const names = [
    ...options.dnsNames.map((value) => ({ type: "dns", value })),
    ...(options.ipAddresses ?? []).map((value) => ({ type: "ip", value }))
  ];
  if (names.length === 0)
    throw new Error("a self-signed certificate needs at least one DNS name or IP address");
  const now = options.now ?? /* @__PURE__ */ new Date();
  const keys = await webcrypto.subtle.generateKey(signing, true, ["sign", "verify"]);
  const serial = randomBytes(16);
  serial[0] = (serial[0] ?? 0) & 127;
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial.toString("hex"),
    name: [{ CN: [options.dnsNames[0] ?? options.ipAddresses?.[0] ?? "acpnet"] }, { O: ["acpnet"] }],
    notBefore: new Date(now.getTime() - 6e4),
    notAfter: new Date(now.getTime() + (options.validityDays ?? 365) * DAY_MS2),
    keys,
    signingAlgorithm: signing,
    extensions: [
      new x509.BasicConstraintsExtension(false, void 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension(names)
    ]
  });
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey("pkcs8", keys.privateKey));
  return { certPem: `${certificate.toString("pem")}
`, keyPem: toPem("PRIVATE KEY", pkcs8) };
}
function toPem(label2, der) {
  const lines = der.toString("base64").match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label2}-----
${lines.join("\n")}
-----END ${label2}-----
`;
}
async function reusable(certFile, keyFile, options) {
  try {
    const [leaf] = parseCertificateChain(await readFile(certFile));
    const key = parsePrivateKey(await readFile(keyFile));
    if (!leaf || !keyMatchesCertificate(key, leaf)) return false;
    const validity = certificateValidity(leaf, options.now ?? /* @__PURE__ */ new Date());
    if (validity.state !== "valid" || validity.daysUntilExpiry < EXPIRY_WARNING_DAYS) return false;
    const hosts = [...options.dnsNames, ...options.ipAddresses ?? []];
    return hosts.every((host) => certificateCoversHost(leaf, host));
  } catch {
    return false;
  }
}
async function ensureSelfSignedFiles(dir, options) {
  const certFile = path.join(dir, "tls.crt");
  const keyFile = path.join(dir, "tls.key");
  if (await reusable(certFile, keyFile, options)) return { certFile, keyFile, created: false };
  const pair = await createSelfSignedCertificate(options);
  await mkdir(dir, { recursive: true, mode: 448 });
  await writeFile(keyFile, pair.keyPem, { mode: 384 });
  await writeFile(certFile, pair.certPem, { mode: 420 });
  return { certFile, keyFile, created: true };
}

// webhooks/server/serving-tls.ts
var minTlsVersion = "TLSv1.2";
async function loadTlsMaterial(files) {
  const [cert, key] = await Promise.all([readFile2(files.certFile), readFile2(files.keyFile)]);
  try {
    createSecureContext({ cert, key, minVersion: minTlsVersion });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(`${files.certFile} and ${files.keyFile} are not a usable certificate and key: ${detail}`);
  }
  return { cert, key };
}
function selfSignedDnsNames() {
  const host = hostname2().toLowerCase();
  const valid = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(host);
  return valid && host !== "localhost" ? ["localhost", host] : ["localhost"];
}
function selfSignedIpAddresses() {
  const addresses2 = /* @__PURE__ */ new Set(["127.0.0.1", "::1"]);
  for (const entries of Object.values(networkInterfaces())) {
    for (const entry of entries ?? []) {
      if (entry.family === "IPv6" && entry.scopeid) continue;
      addresses2.add(entry.address);
    }
  }
  return [...addresses2];
}
async function resolveServingFiles(options) {
  if (options.certFile && options.keyFile) {
    return { certFile: options.certFile, keyFile: options.keyFile, selfSigned: false };
  }
  if (options.certFile || options.keyFile) {
    throw new Error("--tls-cert and --tls-key must be given together");
  }
  const files = await ensureSelfSignedFiles(options.dir, {
    dnsNames: options.dnsNames ?? selfSignedDnsNames(),
    ipAddresses: selfSignedIpAddresses()
  });
  return { certFile: files.certFile, keyFile: files.keyFile, selfSigned: true };
}
function watchServingCertificate(options) {
  const { files, logger } = options;
  let last = options.current;
  let timer;
  let closed = false;
  const reload = async () => {
    try {
      const next = await loadTlsMaterial(files);
      if (closed || next.cert.equals(last.cert) && next.key.equals(last.key)) return;
      options.install({ cert: next.cert, key: next.key, minVersion: minTlsVersion });
      last = next;
      logger.info({ certFile: files.certFile }, "serving certificate reloaded");
      options.onReload?.("success");
    } catch (error) {
      logger.warn({ err: error }, "serving certificate not reloaded; keeping the previous one");
      options.onReload?.("failure");
    }
  };
  const schedule = () => {
    if (closed) return;
    clearTimeout(timer);
    timer = setTimeout(() => void reload(), options.debounceMs ?? 100);
  };
  const dirs = [
    .../* @__PURE__ */ new Set([path2.dirname(path2.resolve(files.certFile)), path2.dirname(path2.resolve(files.keyFile))])
  ];
  const watchers = dirs.map((dir) => {
    const watcher = watch(dir, { persistent: false }, schedule);
    watcher.on("error", (error) => logger.warn({ err: error, dir }, "certificate directory watch failed"));
    return watcher;
  });
  return {
    close() {
      closed = true;
      clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
    }
  };
}

// webhooks/server/app.ts
var defaultBodyLimit = REQUEST_BODY_LIMIT + STORED_OBJECT_LIMIT + MIB / 2;
var defaultRequestTimeoutMs = 3e4;
function reviewFailure(error) {
  const detail = error instanceof Error ? error.message : String(error);
  return {
    allowed: false,
    code: 500,
    message: `review failed: ${detail}`,
    findings: [],
    warnings: [],
    patch: [],
    object: void 0,
    failures: [{ rule: "review", error }]
  };
}
function verdictOf(result2) {
  if (result2.code === 500) return "error";
  return result2.allowed ? "allowed" : "denied";
}
function clientErrorMessage(error, bodyLimit) {
  switch (error.code) {
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return `request body is larger than the ${formatMebibytes(bodyLimit)} limit`;
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return "request body is empty; expected an AdmissionReview";
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return "content-type must be application/json (an AdmissionReview)";
    case "FST_ERR_CTP_INVALID_JSON_BODY":
      return `request body is not valid JSON: ${error.message}`;
    default:
      if (error instanceof SyntaxError) return `request body is not valid JSON: ${error.message}`;
      return error.message;
  }
}
function declaredBodyLength(request) {
  const declared = Number(request.headers["content-length"]);
  return Number.isSafeInteger(declared) && declared >= 0 ? declared : void 0;
}
function buildWebhookApp(options) {
  const bodyLimit = options.bodyLimit ?? defaultBodyLimit;
  const { metrics, settings: settings2, view } = options;
  const app = Fastify({
    https: { cert: options.tls.cert, key: options.tls.key, minVersion: minTlsVersion },
    loggerInstance: options.logger,
    // Reviews log themselves with the request uid; per-request access lines would double them.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit,
    requestTimeout: options.requestTimeoutMs ?? defaultRequestTimeoutMs,
    return503OnClosing: true,
    forceCloseConnections: "idle"
  });
  app.removeContentTypeParser("text/plain");
  app.setErrorHandler((error, request, reply) => {
    const status3 = error.statusCode ?? 500;
    if (status3 >= 500) request.log.error({ err: error }, "request failed");
    else request.log.info({ statusCode: status3, reason: error.message }, "request refused");
    const message = status3 >= 500 ? "internal error" : clientErrorMessage(error, bodyLimit);
    void reply.code(status3).send({ statusCode: status3, message });
  });
  const handle = (stage) => async (request, reply) => {
    const started = process.hrtime.bigint();
    const parsed = parseAdmissionReview(request.body);
    const log = request.log.child({
      uid: parsed.uid,
      kind: parsed.groupKind,
      operation: parsed.operation,
      namespace: parsed.namespace,
      name: parsed.name
    });
    const result2 = await options.review(
      {
        operation: parsed.operation,
        object: parsed.object,
        oldObject: parsed.oldObject,
        view,
        settings: settings2,
        sizeBound: declaredBodyLength(request)
      },
      stage
    ).catch((error) => reviewFailure(error));
    for (const failure of result2.failures) {
      metrics.ruleErrors.inc({ rule: failure.rule });
      log.error({ rule: failure.rule, err: failure.error }, "rule failed; review denied");
    }
    const verdict = verdictOf(result2);
    const kind2 = kindModel(parsed.groupKind) ? parsed.groupKind : "other";
    metrics.reviews.inc({ endpoint: stage, kind: kind2, operation: parsed.operation, verdict });
    metrics.duration.observe({ endpoint: stage }, Number(process.hrtime.bigint() - started) / 1e9);
    if (verdict === "denied") log.info({ message: result2.message }, "denied");
    else log.debug({ verdict, warnings: result2.warnings.length, patch: result2.patch.length }, "reviewed");
    return reply.send(admissionResponse(parsed.uid, result2, stage === "mutate"));
  };
  app.post("/validate", handle("validate"));
  app.post("/mutate", handle("mutate"));
  app.get("/healthz", async () => ({ status: "ok" }));
  app.get(
    "/readyz",
    async (_request, reply) => options.isReady() ? { status: "ready" } : reply.code(503).send({ status: "not ready", message: "store caches are not synced yet" })
  );
  app.get(
    "/metrics",
    async (_request, reply) => reply.type(metrics.registry.contentType).send(await metrics.registry.metrics())
  );
  return app;
}

// webhooks/server/metrics.ts
import { Counter, collectDefaultMetrics, Histogram, Registry } from "prom-client";
function createWebhookMetrics(options = {}) {
  const registry = new Registry();
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry, prefix: "acpnet_" });
  return {
    registry,
    reviews: new Counter({
      name: "acpnet_webhook_reviews_total",
      help: "Admission reviews answered, by endpoint, kind, operation and verdict.",
      labelNames: ["endpoint", "kind", "operation", "verdict"],
      registers: [registry]
    }),
    duration: new Histogram({
      name: "acpnet_webhook_review_duration_seconds",
      help: "Time from a parsed AdmissionReview to its answer.",
      labelNames: ["endpoint"],
      buckets: [5e-4, 1e-3, 25e-4, 5e-3, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry]
    }),
    ruleErrors: new Counter({
      name: "acpnet_webhook_rule_errors_total",
      help: "Rules or mutators that threw; each failed its review closed.",
      labelNames: ["rule"],
      registers: [registry]
    }),
    certificateReloads: new Counter({
      name: "acpnet_webhook_certificate_reloads_total",
      help: "Serving certificate reloads after the files changed, by result.",
      labelNames: ["result"],
      registers: [registry]
    })
  };
}

// webhooks/server/start.ts
async function startWebhooks(options) {
  const files = await resolveServingFiles({
    certFile: options.certFile,
    keyFile: options.keyFile,
    dir: options.selfSignedDir
  });
  if (files.selfSigned)
    options.logger.info({ certFile: files.certFile }, "serving a self-signed certificate");
  const tls = await loadTlsMaterial(files);
  const metrics = options.metrics ?? createWebhookMetrics();
  const review = options.review ?? ((input, stage) => reviewObject(input, { rules: options.rules, stage }));
  const app = buildWebhookApp({
    tls,
    view: options.view,
    isReady: options.isReady,
    settings: options.settings,
    review,
    metrics,
    logger: options.logger,
    bodyLimit: options.bodyLimit,
    requestTimeoutMs: options.requestTimeoutMs
  });
  await app.listen({ port: options.port, host: options.host ?? "0.0.0.0" });
  const watcher = watchServingCertificate({
    files,
    current: tls,
    install: (context) => app.server.setSecureContext(context),
    logger: options.logger,
    onReload: (result2) => metrics.certificateReloads.inc({ result: result2 })
  });
  const address = app.server.address();
  const port2 = typeof address === "object" && address ? address.port : options.port;
  let closing;
  return {
    app,
    port: port2,
    url: `https://${options.host && options.host !== "0.0.0.0" ? options.host : "localhost"}:${port2}`,
    certFile: files.certFile,
    close() {
      closing ??= (async () => {
        watcher.close();
        await app.close();
      })();
      return closing;
    }
  };
}

// bench/support/fleet.ts
var gatewayApi = "gateway.networking.k8s.io/v1";
function namespaceOf(index2, namespaces2) {
  return `team-${index2 % namespaces2}`;
}
function gateway(name, namespace2, listeners2, hostBase) {
  return {
    apiVersion: gatewayApi,
    kind: "Gateway",
    metadata: { name, namespace: namespace2 },
    spec: {
      gatewayClassName: "eg",
      listeners: Array.from({ length: listeners2 }, (_, i) => ({
        name: `http-${i}`,
        protocol: "HTTP",
        port: 8e3 + i,
        hostname: `l${i}.${hostBase}`,
        allowedRoutes: { namespaces: { from: "Same" } }
      }))
    }
  };
}
function httpRoute(name, namespace2, parent, hostname3) {
  return {
    apiVersion: gatewayApi,
    kind: "HTTPRoute",
    metadata: { name, namespace: namespace2 },
    spec: {
      parentRefs: [{ name: parent, sectionName: "http-0" }],
      hostnames: [hostname3],
      rules: [
        {
          matches: [{ path: { type: "PathPrefix", value: "/" } }],
          backendRefs: [{ name: `svc-${name}`, port: 8080 }]
        }
      ]
    }
  };
}
function fleet(size2) {
  const objects2 = [];
  for (let n = 0; n < size2.namespaces; n++) {
    objects2.push({ apiVersion: "v1", kind: "Namespace", metadata: { name: `team-${n}` } });
  }
  for (let g = 0; g < size2.gateways; g++) {
    objects2.push(gateway(`gw-${g}`, namespaceOf(g, size2.namespaces), 2, `gw-${g}.example.com`));
  }
  for (let r = 0; r < size2.routes; r++) {
    const g = r % size2.gateways;
    objects2.push(
      httpRoute(`route-${r}`, namespaceOf(g, size2.namespaces), `gw-${g}`, `l0.gw-${g}.example.com`)
    );
  }
  return objects2;
}

// bench/support/webhook-process.ts
var settings = {
  serviceCidrs: [parseCidr("10.96.0.0/12")],
  platformNamespace: "cpaas-system",
  metallbNamespace: "metallb-system",
  now: () => /* @__PURE__ */ new Date()
};
var allow = async () => ({
  allowed: true,
  code: 200,
  message: "",
  findings: [],
  warnings: [],
  patch: [],
  object: void 0,
  failures: []
});
async function main(mode2, size2) {
  const rules = defaultRuleIndex();
  const store = new MemoryStore();
  let syncMs = 0;
  if (mode2 === "acpnet") {
    const syncStarted = performance.now();
    rules.registerIndexes(store);
    store.load(fleet(size2));
    await store.start(rules.kindsToCache());
    syncMs = performance.now() - syncStarted;
  }
  const server = await startWebhooks({
    port: 0,
    host: "127.0.0.1",
    selfSignedDir: await mkdtemp(path3.join(tmpdir(), "acpnet-bench-")),
    view: store,
    isReady: () => true,
    settings,
    rules,
    logger: pino({ level: "warn" }),
    ...mode2 === "null" ? { review: allow } : {}
  });
  const ready = {
    type: "ready",
    url: server.url,
    certFile: server.certFile,
    readyMs: performance.now(),
    syncMs,
    cachedObjects: store.size()
  };
  process.send?.(ready);
  process.on("message", (message) => {
    if (message === "rss")
      process.send?.({ type: "rss", rss: process.memoryUsage().rss });
    if (message === "stop") void server.close().then(() => process.exit(0));
  });
}
var [mode, gateways, routes, namespaces] = process.argv.slice(2);
if (mode !== "acpnet" && mode !== "null") throw new Error(`mode must be acpnet or null, got ${mode}`);
await main(mode, { gateways: Number(gateways), routes: Number(routes), namespaces: Number(namespaces) });
