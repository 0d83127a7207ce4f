/**
 * interconnect-cleanup's decisions that need no database: which events mean the cluster left, the
 * refusal of a zone whose cluster is connected, and where the IC southbound database is found. The
 * cleanup itself runs on a real ovsdb-server (test/integration/functions/interconnect.test.ts).
 */
import { describe, expect, it } from '@jest/globals';
import { interconnectCleanup } from '../../../functions/interconnect-cleanup/index.js';
import { leftZone } from '../../../functions/interconnect-cleanup/plan.js';
import type { PlanContext, ResolvedEvent } from '../../../functions/runtime/contract.js';
import { createLogger } from '../../../functions/runtime/logger.js';
import { EventProcessor } from '../../../functions/runtime/processor.js';
import { buildChangeEvent, type ChangeType } from '../../../shared/events/apiserver.js';
import { EventRefusedError, PermanentEventError } from '../../../shared/events/errors.js';
import { MemoryStore } from '../../../shared/kube/memory-store.js';
import { ModelView } from '../../../shared/kube/model/model-view.js';
import type { KubeObject } from '../../../shared/kube/object.js';
import type { ConfigMap } from '../../../shared/kube/schemas/core.js';

function config(data: Record<string, string>, uid = 'cfg-1'): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'ovn-ic-config', namespace: 'kube-system', uid, resourceVersion: '3' },
    data,
  };
}

function resolved(type: ChangeType, object: KubeObject): ResolvedEvent {
  return {
    id: 'e',
    source: 's',
    type,
    mode: 'resource',
    ref: { apiVersion: 'v1', kind: 'ConfigMap', namespace: 'kube-system', name: 'ovn-ic-config' },
    object,
  };
}

/** A context that records which databases the planner asked for, and has none. */
function recordingContext(settings: PlanContext['settings'] = {}) {
  const asked: string[] = [];
  const context: PlanContext = {
    settings,
    ovsdb: (remote) => {
      asked.push(remote);
      return Promise.reject(new Error(`no database in this test (${remote})`));
    },
  };
  return { asked, context };
}

describe('interconnect-cleanup', () => {
  it.each([
    ['a delete', 'delete', { 'enable-ic': 'true', 'az-name': 'az1' }, 'az1'],
    ['enable-ic set to "false"', 'update', { 'enable-ic': 'false', 'az-name': 'az1' }, 'az1'],
    ['a config added disabled', 'add', { 'enable-ic': 'false', 'az-name': ' az1 ' }, 'az1'],
    ['a connected config', 'update', { 'enable-ic': 'true', 'az-name': 'az1' }, undefined],
    ['enable-ic left out (Kube-OVN leaves only on "false")', 'update', { 'az-name': 'az1' }, undefined],
    ['a delete of a config without az-name', 'delete', { 'enable-ic': 'true' }, undefined],
  ] as const)('%s: the zone left is %p', (_what, type, data, zone) => {
    const object = config(data);
    expect(leftZone(resolved(type, object), object as ConfigMap)).toBe(zone);
  });

  it('asks the database ovn-ic-config names, as Kube-OVN writes it (hosts in brackets, ic-sb-port)', async () => {
    const { asked, context } = recordingContext();
    const event = resolved(
      'delete',
      config({ 'az-name': 'az1', 'ic-db-host': '192.168.39.22,fd00::22', 'ic-sb-port': '16646' }),
    );
    await expect(interconnectCleanup.plan(event, new ModelView(new MemoryStore()), context)).rejects.toThrow(
      'no database',
    );
    expect(asked).toEqual(['tcp:[192.168.39.22]:16646,tcp:[fd00::22]:16646']);
  });

  it('asks --ic-sb instead when it is set', async () => {
    const { asked, context } = recordingContext({ icSouthbound: 'ssl:ic-sb.example:6646' });
    const event = resolved('delete', config({ 'az-name': 'az1', 'ic-db-host': '192.168.39.22' }));
    await expect(interconnectCleanup.plan(event, new ModelView(new MemoryStore()), context)).rejects.toThrow(
      'no database',
    );
    expect(asked).toEqual(['ssl:ic-sb.example:6646']);
  });

  it('refuses, as a permanent error naming the zone, the delete of a config re-created connected', async () => {
    const store = new MemoryStore();
    store.load([config({ 'enable-ic': 'true', 'az-name': 'az1', 'ic-db-host': '10.0.0.1' }, 'cfg-2')]);
    const processor = new EventProcessor({
      store,
      functions: [interconnectCleanup],
      mirror: false,
      logger: createLogger('silent'),
    });
    const event = buildChangeEvent(
      'delete',
      config({ 'enable-ic': 'true', 'az-name': 'az1', 'ic-db-host': '10.0.0.1' }),
      { source: 's' },
    );
    const sent = processor.process(event);
    await expect(sent).rejects.toBeInstanceOf(EventRefusedError);
    await expect(sent).rejects.toBeInstanceOf(PermanentEventError);
    await expect(sent).rejects.toThrow(
      'refused: availability zone az1 belongs to a cluster still connected to the interconnect: kube-system/ovn-ic-config has enable-ic "true" and az-name "az1"',
    );
    processor.close();
  });

  it('leaves other ConfigMaps, in kube-system or named ovn-ic-config elsewhere, to others', async () => {
    const store = new MemoryStore();
    const processor = new EventProcessor({
      store,
      functions: [interconnectCleanup],
      mirror: true,
      logger: createLogger('silent'),
    });
    for (const [namespace, name] of [
      ['kube-system', 'other'],
      ['default', 'ovn-ic-config'],
    ] as const) {
      const object = {
        ...config({ 'enable-ic': 'false', 'az-name': 'az1' }),
        metadata: { name, namespace, uid: name },
      };
      expect((await processor.process(buildChangeEvent('delete', object, { source: 's' }))).outcome).toBe(
        'ignored',
      );
    }
    processor.close();
  });
});
