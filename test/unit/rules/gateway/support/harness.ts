import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { MemoryStore } from '../../../../../shared/kube/memory-store.js';
import { ModelView } from '../../../../../shared/kube/model/model-view.js';
import type { KubeObject } from '../../../../../shared/kube/object.js';
import { gatewayFamily } from '../../../../../webhooks/rules/gateway/index.js';
import type { AdmissionContext, Operation } from '../../../../../webhooks/rules/types.js';
import { storeWith as familyStore, settings } from '../../support/fixture-cases.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../../../fixtures/gateway');

/** The `cases:` of a gateway table that is not admission cases (hostnames.yaml, conflict-verdicts.yaml...). */
export function loadFixture<T>(file: string): T[] {
  const doc = parse(readFileSync(path.join(FIXTURES, file), 'utf8')) as { cases: T[] };
  return doc.cases;
}

/** A MemoryStore with the gateway family's indexes, holding `objects`. */
export function storeWith(objects: readonly KubeObject[] = []): MemoryStore {
  return familyStore([gatewayFamily], objects);
}

export function contextFor(c: {
  operation?: Operation;
  state?: KubeObject[];
  object: KubeObject;
  oldObject?: KubeObject;
}): AdmissionContext {
  return {
    operation: c.operation ?? 'CREATE',
    object: c.object,
    oldObject: c.oldObject,
    view: new ModelView(storeWith(c.state)),
    settings,
  };
}
