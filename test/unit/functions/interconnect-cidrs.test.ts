/**
 * interconnect-cidrs through the runtime (EventProcessor on a MemoryStore, as replay runs it): the
 * cases of test/fixtures/functions/interconnect-cidrs/cases.yaml, the same events in every order
 * give the same ConfigMaps, and a row event the planner cannot read is refused naming the field.
 */
import { describe, expect, it } from '@jest/globals';
import type { CloudEvent } from 'cloudevents';
import { interconnectCidrs } from '../../../functions/interconnect-cidrs/index.js';
import { createLogger } from '../../../functions/runtime/logger.js';
import { EventProcessor } from '../../../functions/runtime/processor.js';
import { buildChangeEvent } from '../../../shared/events/apiserver.js';
import { EventFormatError } from '../../../shared/events/errors.js';
import { buildRowEvent, type RowChange } from '../../../shared/events/ovsdb-row.js';
import { readZonesState, zoneNames } from '../../../shared/interconnect/zones-state.js';
import { MemoryStore } from '../../../shared/kube/memory-store.js';
import type { KubeObject } from '../../../shared/kube/object.js';
import { readYaml } from './harness.js';

interface RowSpec {
  table: 'zone' | 'route';
  uuid: number;
  change: RowChange['change'];
  sequence: number;
  name?: string;
  zone?: number;
  prefix?: string;
}
interface ConfigSpec {
  config: Record<string, string>;
  deleted?: boolean;
}
type EventSpec = RowSpec | ConfigSpec;
interface Case {
  name: string;
  events: EventSpec[];
  expect: { cidrs: Record<string, string>; zones?: string[] };
}

const cases = readYaml<Case[]>('interconnect-cidrs/cases.yaml');
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function cloudEvent(spec: EventSpec, index: number): CloudEvent<unknown> {
  if ('config' in spec) {
    const object: KubeObject = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {
        name: 'ovn-ic-config',
        namespace: 'kube-system',
        uid: 'config-1',
        resourceVersion: String(index + 1),
      },
      data: spec.config,
    };
    return buildChangeEvent(spec.deleted ? 'delete' : 'add', object, {
      source: 'test://kube',
      time: '2026-01-01T00:00:00Z',
    });
  }
  const row =
    spec.table === 'zone'
      ? { name: spec.name }
      : { availability_zone: ['uuid', uuid(spec.zone ?? 0)], ip_prefix: spec.prefix };
  const versioned = { ...row, _version: ['uuid', uuid(9000 + index)] };
  const change: RowChange = {
    database: 'OVN_IC_Southbound',
    table: spec.table === 'zone' ? 'Availability_Zone' : 'Route',
    uuid: uuid(spec.uuid),
    change: spec.change,
    ...(spec.change === 'delete' ? { old: versioned } : { new: versioned }),
  };
  return buildRowEvent(change, {
    source: 'test://ovsdb',
    sequence: String(spec.sequence),
    time: '2026-01-01T00:00:00Z',
  });
}

async function run(events: readonly EventSpec[]): Promise<MemoryStore> {
  const store = new MemoryStore({ now: () => new Date('2026-01-01T00:00:00Z') });
  const processor = new EventProcessor({
    store,
    functions: [interconnectCidrs],
    mirror: true,
    logger: createLogger('silent'),
  });
  for (const [i, spec] of events.entries()) {
    const result = await processor.process(cloudEvent(spec, i));
    expect(result.outcome === 'processed' || result.outcome === 'stale').toBe(true);
  }
  return store;
}

const configMapData = (store: MemoryStore, name: string) =>
  store.get('/ConfigMap', 'kube-system', name)?.data;

describe('interconnect-cidrs', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const store = await run(c.events);
    expect(configMapData(store, 'acpnet-interconnect-cidrs') ?? {}).toEqual(c.expect.cidrs);
    if (c.expect.zones) {
      const zones = readZonesState(
        configMapData(store, 'acpnet-interconnect-zones') as Record<string, string>,
      );
      expect(zoneNames(zones)).toEqual(c.expect.zones);
    }
  });

  it('ends in the same ConfigMaps whatever order the row events arrive in', async () => {
    const rows = cases[0]!.events.filter((e): e is RowSpec => 'table' in e);
    const config = cases[0]!.events.filter((e): e is ConfigSpec => 'config' in e);
    const expected = await run([...config, ...rows]);
    const orders = [
      [...rows].reverse(),
      [...rows.slice(3), ...rows.slice(0, 3)],
      [rows[4]!, rows[0]!, rows[6]!, rows[2]!, rows[1]!, rows[5]!, rows[3]!],
    ];
    for (const order of orders) {
      const store = await run([...config, ...order]);
      for (const name of ['acpnet-interconnect-cidrs', 'acpnet-interconnect-zones']) {
        expect(configMapData(store, name)).toEqual(configMapData(expected, name));
      }
    }
  });

  it('refuses a Route change without its prefix as a permanent error naming the field, and writes nothing', async () => {
    const store = new MemoryStore();
    const processor = new EventProcessor({
      store,
      functions: [interconnectCidrs],
      mirror: true,
      logger: createLogger('silent'),
    });
    const event = buildRowEvent(
      {
        database: 'OVN_IC_Southbound',
        table: 'Route',
        uuid: uuid(21),
        change: 'insert',
        new: { availability_zone: ['uuid', uuid(2)] },
      },
      { source: 'test://ovsdb', sequence: '1' },
    );
    const sent = processor.process(event);
    await expect(sent).rejects.toBeInstanceOf(EventFormatError);
    await expect(sent).rejects.toThrow('data.new.ip_prefix: must be a string, got nothing');
    expect(store.list('/ConfigMap')).toEqual([]);
  });
});
