import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CloudEvent } from 'cloudevents';
import { parse } from 'yaml';
import { ingressSync } from '../../../functions/ingress-sync/index.js';
import type { EventFunction, PlanContext } from '../../../functions/runtime/contract.js';
import { createLogger } from '../../../functions/runtime/logger.js';
import { prepareStore } from '../../../functions/runtime/prepare.js';
import { EventProcessor, type ProcessResult } from '../../../functions/runtime/processor.js';
import { buildChangeEvent, type ChangeType } from '../../../shared/events/apiserver.js';
import { MemoryStore } from '../../../shared/kube/memory-store.js';
import type { KubeObject } from '../../../shared/kube/object.js';

export const fixtureDir = path.resolve(import.meta.dirname, '../../fixtures/functions');

export function readYaml<T>(relative: string): T {
  return parse(readFileSync(path.join(fixtureDir, relative), 'utf8')) as T;
}

/** The context of a planner called directly, without OVSDB. */
export const offlineContext: PlanContext = {
  settings: {},
  ovsdb: (remote) => Promise.reject(new Error(`no OVSDB in this test (asked for ${remote})`)),
};

export interface EventSpec {
  type: ChangeType;
  object: KubeObject;
  id?: string;
}

export function cloudEvent(spec: EventSpec, index: number): CloudEvent<unknown> {
  return buildChangeEvent(spec.type, spec.object, {
    source: 'test://ingress-sync',
    id: spec.id ?? `evt-${index}`,
    time: '2026-01-01T00:00:00Z',
  });
}

export async function newRuntime(
  state: readonly KubeObject[],
  functions: readonly EventFunction[] = [ingressSync],
): Promise<{ store: MemoryStore; processor: EventProcessor }> {
  const store = new MemoryStore({ now: () => new Date('2026-01-01T00:00:00Z') });
  store.load(state);
  await prepareStore(store, functions);
  const processor = new EventProcessor({ store, functions, mirror: true, logger: createLogger('silent') });
  return { store, processor };
}

export async function feed(
  processor: EventProcessor,
  events: readonly EventSpec[],
): Promise<ProcessResult[]> {
  const results: ProcessResult[] = [];
  for (const [i, spec] of events.entries()) results.push(await processor.process(cloudEvent(spec, i)));
  return results;
}

/** The objects of the given kinds as comparable plain data (name, labels, owners, spec, status). */
export function snapshot(store: MemoryStore, kinds: readonly `${string}/${string}`[]): unknown[] {
  return kinds.flatMap((kind) =>
    store
      .list(kind)
      .map((o) => ({
        kind: o.kind,
        namespace: o.metadata.namespace,
        name: o.metadata.name,
        resourceVersion: o.metadata.resourceVersion,
        labels: o.metadata.labels,
        spec: o.spec,
        status: o.status,
      }))
      .sort((a, b) => `${a.namespace}/${a.name}`.localeCompare(`${b.namespace}/${b.name}`)),
  );
}
