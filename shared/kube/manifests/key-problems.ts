import {
  type Alias,
  type Document,
  isAlias,
  isCollection,
  isMap,
  isScalar,
  isSeq,
  type Pair,
  Scalar,
  visit,
  type YAMLMap,
} from 'yaml';

function isMergeKey(key: unknown): boolean {
  if (!isScalar(key) || (key.type !== undefined && key.type !== Scalar.PLAIN)) return false;
  const { value } = key;
  return value === '<<' || (typeof value === 'symbol' && value.description === '<<');
}

function keyName(key: unknown): string | undefined {
  return isScalar(key) && typeof key.value !== 'symbol' ? String(key.value) : undefined;
}

type Resolve = (node: unknown) => unknown;

/**
 * Resolves aliases as `Alias.resolve` does (the last anchor of that name before the alias, in
 * document order) from one walk of the document: `Alias.resolve` walks the whole document per
 * alias, and a document of 500 merge keys took seconds.
 */
function aliasResolver(doc: Document.Parsed): Resolve {
  const anchors = new Map<string, unknown>();
  const targets = new Map<Alias, unknown>();
  visit(doc, {
    Node(_, node) {
      if (isAlias(node)) targets.set(node, anchors.get(node.source));
      else if (node.anchor) anchors.set(node.anchor, node);
    },
  });
  return (node) => (isAlias(node) ? targets.get(node) : node);
}

/** The mappings a merge key's value names: one mapping or alias, or a sequence of them. */
function mergeSources(resolve: Resolve, value: unknown): YAMLMap[] {
  const resolved = resolve(value);
  const items: unknown[] = isSeq(resolved) ? resolved.items : [resolved];
  return items.map(resolve).filter((item): item is YAMLMap => isMap(item));
}

/**
 * go-yaml v2 lets a merge key override the keys written before it in the same mapping, where the
 * merge key specification (and the yaml package) keeps them: such a mapping reads differently.
 */
function mergeOverride(resolve: Resolve, map: YAMLMap): string | undefined {
  const written = new Set<string>();
  for (const pair of map.items) {
    if (!isMergeKey(pair.key)) {
      const name = keyName(pair.key);
      if (name !== undefined) written.add(name);
      continue;
    }
    for (const source of mergeSources(resolve, pair.value)) {
      for (const merged of source.items) {
        const name = keyName(merged.key);
        if (name !== undefined && written.has(name))
          return `the merge key (<<) after "${name}" sets it again: kubectl keeps the merged value, YAML the written one; put << first`;
      }
    }
  }
  return undefined;
}

function badKey(resolve: Resolve, pair: Pair): string | undefined {
  const key = resolve(pair.key);
  if (key === null || (isScalar(key) && key.value === null)) return 'a mapping key may not be null';
  if (isCollection(key)) return 'a mapping key may not be a collection';
  return undefined;
}

/**
 * What sigs.k8s.io/yaml refuses or reads otherwise in a document's keys: a null or collection key
 * (the yaml package would make a string of either), a merge key overriding written keys.
 */
export function keyProblem(doc: Document.Parsed): string | undefined {
  let found: string | undefined;
  const resolve = aliasResolver(doc);
  visit(doc, {
    Map(_, map) {
      found = mergeOverride(resolve, map);
      return found ? visit.BREAK : undefined;
    },
    Pair(_, pair) {
      found = badKey(resolve, pair);
      return found ? visit.BREAK : undefined;
    },
  });
  return found;
}
