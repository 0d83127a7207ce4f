import type { ObjectKey } from '../../shared/kube/object.js';
import { keyString } from '../../shared/kube/object.js';
import type { ApplyOptions, ResourceStore } from '../../shared/kube/store.js';

interface Lane {
  /** The newest plan whose status patch was written. */
  written: number;
  writing: Promise<unknown> | undefined;
  /** The newest plan waiting for `writing` to finish. */
  waiting: number | undefined;
}

/**
 * Status patches of one object by one field manager, newest plan first: a patch planned before
 * one already written is not sent, and of the patches waiting while one is in flight only the
 * newest is sent after it (one lane per object patched, kept for the process's life: a few numbers
 * each). A status is computed whole when its event is planned, and plans of one
 * process are made in order, so the newest says all the older ones would (a Subnet's counters
 * while many Pods are allocated at once). Events run one after another (replay) never wait.
 */
export class StatusPatches {
  private readonly lanes = new Map<string, Lane>();

  /** Whether the patch was written and changed the object. */
  async patch(
    store: ResourceStore,
    key: ObjectKey,
    status: Record<string, unknown>,
    options: ApplyOptions,
    plan: number,
  ): Promise<boolean> {
    const id = `${options.fieldManager}\u0000${keyString(key)}`;
    let lane = this.lanes.get(id);
    if (!lane) {
      lane = { written: 0, writing: undefined, waiting: undefined };
      this.lanes.set(id, lane);
    }
    if (plan <= lane.written) return false;
    while (lane.writing) {
      if (lane.waiting !== undefined && lane.waiting > plan) return false;
      lane.waiting = plan;
      await lane.writing.catch(() => undefined);
      if (lane.waiting !== plan) return false;
    }
    lane.waiting = undefined;
    const before = store.get(key.groupKind, key.namespace, key.name)?.metadata.resourceVersion;
    const writing = store.patchStatus(key, status, options);
    lane.writing = writing;
    try {
      const after = await writing;
      lane.written = Math.max(lane.written, plan);
      return after !== undefined && after.metadata.resourceVersion !== before;
    } finally {
      if (lane.writing === writing) lane.writing = undefined;
    }
  }
}
