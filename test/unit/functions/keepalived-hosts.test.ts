/**
 * keepalived-hosts through the runtime on a MemoryStore: the case table
 * (test/fixtures/functions/keepalived-hosts/cases.yaml) feeds ConfigMap, ALB2, Pod and Node events
 * and checks what each event changed, the backends of every instance in the rendered alive.yaml,
 * and the Warning Events of templates that cannot be rendered.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { keepalivedHosts } from '../../../functions/keepalived-hosts/index.js';
import { describeTarget } from '../../../functions/runtime/applier.js';
import { buildChangeEvent } from '../../../shared/events/apiserver.js';
import type { KubeObject } from '../../../shared/kube/object.js';
import { type EventSpec, feed, fixtureDir, newRuntime, readYaml } from './harness.js';

interface ExpectedEvent {
  namespace: string;
  involved: string;
  type: string;
  reason: string;
  message: string;
}

interface Case {
  name: string;
  events: EventSpec[];
  expect: {
    effects: string[][];
    alive: Record<string, Record<string, string[]> | null>;
    events: ExpectedEvent[];
  };
}

const state = readYaml<KubeObject[]>('keepalived-hosts/state.yaml');
const cases = readYaml<Case[]>('keepalived-hosts/cases.yaml');

/** `ipvs.ips` of each instance of an alive.yaml, by instance name (or VIP). */
function backendsByInstance(text: string): Record<string, string[]> {
  const alive = parse(text) as {
    instances: { vip: { vip: string; name?: string; ipvs?: { ips: string[] } } }[];
  };
  return Object.fromEntries(alive.instances.map(({ vip }) => [vip.name ?? vip.vip, vip.ipvs?.ips ?? []]));
}

/** `apply Event ns/name.*` matches any Event name with that prefix (the rest is a hash). */
function matches(pattern: string): RegExp {
  return new RegExp(
    `^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\\\.\*/g, '\\.[0-9a-f]{16}')}$`,
  );
}

describe('keepalived-hosts', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, testCase) => {
    const { store, processor } = await newRuntime(state, [keepalivedHosts]);
    const results = await feed(processor, testCase.events);
    const effects = results.map((r) => r.effects.map((e) => `${e.op} ${describeTarget(e)}`));
    expect(effects).toHaveLength(testCase.expect.effects.length);
    testCase.expect.effects.forEach((expected, i) => {
      expect(effects[i]).toHaveLength(expected.length);
      expected.forEach((pattern, j) => {
        expect(effects[i]?.[j]).toMatch(matches(pattern));
      });
    });

    for (const [key, expected] of Object.entries(testCase.expect.alive)) {
      const [namespace = '', name = ''] = key.split('/');
      const alive = store.get('/ConfigMap', namespace, name)?.['data'] as Record<string, string> | undefined;
      const text = alive?.['alive.yaml'];
      expect(text === undefined ? null : backendsByInstance(text)).toEqual(expected);
    }

    const events = store.list('/Event').map((event) => {
      const involved = event['involvedObject'] as { kind: string; namespace: string; name: string };
      return {
        namespace: event.metadata.namespace,
        involved: `${involved.kind} ${involved.namespace}/${involved.name}`,
        type: event['type'],
        reason: event['reason'],
        message: event['message'],
      };
    });
    expect(events).toEqual(testCase.expect.events);
  });

  it('renders the whole alive.yaml, nested as the guide writes it, the same bytes every time', async () => {
    const [first] = cases;
    const golden = readFileSync(path.join(fixtureDir, 'keepalived-hosts/lb-hosts.alive.yaml'), 'utf8');
    for (let run = 0; run < 2; run++) {
      const { store, processor } = await newRuntime(state, [keepalivedHosts]);
      await feed(processor, first!.events);
      const data = store.get('/ConfigMap', 'cpaas-system', 'lb-hosts')?.['data'] as Record<string, string>;
      expect(data['alive.yaml']).toBe(golden);
      expect(data['template.yaml']).toBe(
        (first!.events[0]!.object['data'] as Record<string, string>)['template.yaml'],
      );
    }
  });

  it('changes nothing when the ConfigMap comes back holding what it rendered', async () => {
    const [first] = cases;
    const { store, processor } = await newRuntime(state, [keepalivedHosts]);
    await feed(processor, first!.events);
    const written = store.get('/ConfigMap', 'cpaas-system', 'lb-hosts')!;
    const echoed = { ...written, metadata: { ...written.metadata, resourceVersion: '201' } };
    const [result] = await feed(processor, [{ type: 'update', object: echoed, id: 'echo' }]);
    expect(result).toMatchObject({ outcome: 'processed', effects: [] });
  });

  it('reports a broken template once per template text, not again for each of its events', async () => {
    const broken = cases.find((c) => c.name.startsWith('a template that does not parse'))!;
    const { store, processor } = await newRuntime(state, [keepalivedHosts]);
    await feed(processor, broken.events);
    const again = { ...broken.events[0]!.object };
    again.metadata = {
      ...again.metadata,
      resourceVersion: '802',
      labels: { ...again.metadata.labels, x: 'y' },
    };
    const [result] = await feed(processor, [{ type: 'update', object: again, id: 'again' }]);
    expect(result?.effects).toEqual([]);
    expect(store.list('/Event')).toHaveLength(1);
  });

  it('re-plans every keepalived ConfigMap when a Pod is deleted by reference (its labels unknown)', async () => {
    const [first] = cases;
    const { store, processor } = await newRuntime(state, [keepalivedHosts]);
    await feed(processor, first!.events);
    const pod = state.find((o) => o.kind === 'Pod' && o.metadata.name === 'alb-demo-c')!;
    const byReference = buildChangeEvent(
      'delete',
      { ...pod, metadata: { ...pod.metadata, resourceVersion: '999' } },
      { source: 'test://keepalived-hosts', id: 'ref-delete', time: '2026-01-01T00:00:00Z', mode: 'ref' },
    );
    const result = await processor.process(byReference);
    expect(result.effects.map((e) => `${e.op} ${describeTarget(e)}`)).toEqual([
      'apply ConfigMap cpaas-system/lb-hosts',
    ]);
    const data = store.get('/ConfigMap', 'cpaas-system', 'lb-hosts')?.['data'] as Record<string, string>;
    expect(backendsByInstance(data['alive.yaml']!)['vip-1']).toEqual(['192.168.143.192']);
  });
});
