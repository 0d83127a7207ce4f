import { describe, expect, it } from '@jest/globals';
import type { EventFunction } from '../../../functions/runtime/contract.js';
import { createLogger } from '../../../functions/runtime/logger.js';
import { EventProcessor } from '../../../functions/runtime/processor.js';
import { EventFormatError } from '../../../shared/events/errors.js';
import { MemoryStore } from '../../../shared/kube/memory-store.js';
import type { KubeObject } from '../../../shared/kube/object.js';
import { INGRESS } from '../../../shared/kube/schemas/ingress.js';
import { cloudEvent } from './harness.js';

const ingress = (spec: unknown): KubeObject => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'Ingress',
  metadata: { name: 'web', namespace: 'demo', uid: 'u-1', resourceVersion: '7' },
  spec,
});

/** Plans a status patch of an Ingress other than the one in the event. */
const patchesAnother: EventFunction = {
  name: 'patches-another',
  consumes: [INGRESS],
  reads: [],
  plan: () => [
    {
      op: 'patchStatus',
      apiVersion: 'networking.k8s.io/v1',
      key: { groupKind: INGRESS.groupKind, namespace: 'demo', name: 'gone' },
      status: { loadBalancer: { ingress: [{ ip: '192.0.2.1' }] } },
    },
  ],
};

function processor(dryRun: boolean, functions: readonly EventFunction[] = [patchesAnother]): EventProcessor {
  const store = new MemoryStore();
  return new EventProcessor({ store, functions, mirror: true, dryRun, logger: createLogger('silent') });
}

describe('the function runtime refuses what can never succeed', () => {
  it('an event whose object does not conform to its schema is a permanent error naming the field', async () => {
    const event = cloudEvent({ type: 'add', object: ingress({ rules: { host: 'a.example.com' } }) }, 0);
    const refused = processor(false).process(event);
    await expect(refused).rejects.toBeInstanceOf(EventFormatError);
    await expect(processor(false).process(event)).rejects.toMatchObject({ field: 'data.spec.rules' });
  });

  it('a delete needs only the identity: a malformed body does not stop it', async () => {
    const event = cloudEvent({ type: 'delete', object: ingress({ rules: { host: 'a.example.com' } }) }, 0);
    await expect(processor(false).process(event)).resolves.toMatchObject({ outcome: 'processed' });
  });

  it.each([false, true])(
    'a status patch of an object that does not exist is not emitted (dry run: %s)',
    async (dryRun) => {
      const event = cloudEvent({ type: 'add', object: ingress({ rules: [] }) }, 0);
      const result = await processor(dryRun).process(event);
      expect(result.effects).toEqual([]);
    },
  );
});

describe('a delete whose identity is not made of strings', () => {
  it('is refused as malformed (400, never retried), not failed as transient', async () => {
    const store = new MemoryStore();
    const event = cloudEvent({ type: 'delete', object: ingress([]) }, 0);
    const data = event.data as KubeObject;
    const broken = event.cloneWith({ data: { ...data, metadata: { ...data.metadata, uid: 9 } } }, false);
    const refusing = new EventProcessor({
      store,
      functions: [],
      mirror: true,
      logger: createLogger('silent'),
    });
    await expect(refusing.process(broken)).rejects.toMatchObject({
      name: 'EventFormatError',
      field: 'data.metadata.uid',
    });
  });
});
