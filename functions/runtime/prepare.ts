import type { ResourceStore } from '../../shared/kube/store.js';
import type { EventFunction } from './contract.js';
import { EventProcessor } from './processor.js';

const registered = new WeakMap<ResourceStore, Set<string>>();

/**
 * Registers the functions' indexes and attaches the functions that keep derived state (once per
 * store), then starts the store's caches for their kinds.
 */
export async function prepareStore(store: ResourceStore, functions: readonly EventFunction[]): Promise<void> {
  const done = registered.get(store) ?? new Set<string>();
  registered.set(store, done);
  for (const fn of functions) {
    if (fn.attach && !done.has(`attach|${fn.name}`)) {
      fn.attach(store);
      done.add(`attach|${fn.name}`);
    }
    for (const index of fn.indexes ?? []) {
      const id = `${index.kind}|${index.name}`;
      if (done.has(id)) continue;
      store.addEqualityIndex(index);
      done.add(id);
    }
    for (const index of fn.rangeIndexes ?? []) {
      const id = `range|${index.kind}|${index.name}`;
      if (done.has(id)) continue;
      store.addRangeIndex(index);
      done.add(id);
    }
  }
  await store.start(EventProcessor.kindsOf(functions));
}
