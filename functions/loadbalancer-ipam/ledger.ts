import type { GroupKind } from '../../shared/kube/object.js';
import type { RangeIndexSpec, ReadView, ResourceStore } from '../../shared/kube/store.js';
import { HeldCounts } from './held-counts.js';
import { claimed, heldByKubeOvn, heldByService } from './indexes.js';
import { PoolAllocators } from './pool-allocators.js';
import type { Pool } from './pools.js';

/** The range indexes that say who holds an address: Service statuses, IPAddresses, Kube-OVN IPs. */
const SOURCES: readonly RangeIndexSpec[] = [heldByService, claimed, heldByKubeOvn];

const idOf = (kind: GroupKind, namespace: string, name: string) => `${kind}\n${namespace}\n${name}`;

/**
 * The addresses stored objects hold, and per pool an allocator of those nobody holds, kept across
 * events for one store. Derived only from the store: built from it on first use, then every object
 * the store's watch says changed is read again from the store before the next plan and counted
 * anew. Planning never writes to it, so a restart, a replay or another replica's claims come out
 * the same as one long run.
 */
export class Ledger {
  private readonly counts = new HeldCounts();
  private readonly allocators = new PoolAllocators();
  /** Objects the store changed since the last plan, by id. */
  private readonly changed = new Map<string, { source: RangeIndexSpec; namespace: string; name: string }>();
  private built = false;

  /** Follows the store's changes of every kind whose objects hold addresses. */
  watch(store: ResourceStore): void {
    for (const source of SOURCES) {
      store.watch(source.kind, ({ object }) => {
        const { namespace = '', name = '' } = object.metadata;
        if (this.built) this.changed.set(idOf(source.kind, namespace, name), { source, namespace, name });
      });
    }
  }

  /** The pools' allocators, as the store holds addresses now. */
  allocatorsFor(store: ReadView, pools: readonly Pool[]): PoolAllocators {
    if (!this.built) this.build(store);
    for (const [id, { source, namespace, name }] of this.changed) {
      const stored = store.get(source.kind, namespace, name);
      this.allocators.apply(this.counts.set(id, stored ? source.ranges(stored) : []));
    }
    this.changed.clear();
    this.allocators.reconcile(pools, this.counts);
    return this.allocators;
  }

  private build(store: ReadView): void {
    for (const source of SOURCES) {
      for (const object of store.list(source.kind)) {
        const { namespace = '', name = '' } = object.metadata;
        this.counts.set(idOf(source.kind, namespace, name), source.ranges(object));
      }
    }
    this.built = true;
  }
}

const ledgers = new WeakMap<object, Ledger>();

/** Keeps a ledger for `store` from now on (EventFunction.attach: before its caches start). */
export function attachLedger(store: ResourceStore): void {
  if (ledgers.has(store)) return;
  const ledger = new Ledger();
  ledger.watch(store);
  ledgers.set(store, ledger);
}

/** The ledger of the store behind `store`; a store never attached gets one built for this plan alone. */
export function ledgerOf(store: ReadView): Ledger {
  return ledgers.get(store) ?? new Ledger();
}
