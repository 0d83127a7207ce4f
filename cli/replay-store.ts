import { loadManifests } from '../shared/kube/manifests.js';
import { MemoryStore } from '../shared/kube/memory-store.js';
import { withDefaultNamespace } from './admit-sequence.js';
import { UnusableInputError } from './input-error.js';

/** A clock that only moves when told: to each replayed event's time, never backwards. */
export class EventClock {
  private current = new Date(0);

  now(): Date {
    return this.current;
  }

  advanceTo(time: string | undefined): void {
    const next = time === undefined ? Number.NaN : Date.parse(time);
    if (Number.isFinite(next) && next > this.current.getTime()) this.current = new Date(next);
  }
}

/** The replay store: --state loaded at the epoch, timestamps then taken from the events. */
export async function openReplayStore(
  stateDir: string | undefined,
): Promise<{ store: MemoryStore; clock: EventClock }> {
  const clock = new EventClock();
  const store = new MemoryStore({ now: () => clock.now() });
  if (stateDir !== undefined) {
    const { manifests, errors } = await loadManifests([stateDir]);
    if (errors.length > 0) throw new UnusableInputError(errors.map((e) => `--state: ${e.message}`));
    store.load(manifests.map((m) => withDefaultNamespace(m.object)));
  }
  return { store, clock };
}
