import { describe, expect, it } from '@jest/globals';
import { connectedZoneRefusal } from '../../../shared/interconnect/connected-zone.js';
import { isZoneRouterPort, isZoneSwitchPort } from '../../../shared/interconnect/names.js';
import { planNorthboundCleanup } from '../../../shared/interconnect/northbound-cleanup.js';
import type { ConfigMap } from '../../../shared/kube/schemas/core.js';
import { encodeOperations } from '../../../shared/ovsdb/operations.js';
import { decodeRow, type Row } from '../../../shared/ovsdb/row.js';
import { parseSchema, tableOf } from '../../../shared/ovsdb/schema.js';

/** The columns of OVN_Northbound 7.0.0 the plan reads. */
const stringMap = { key: 'string', value: 'string', min: 0, max: 'unlimited' };
const refs = (table: string) => ({ key: { type: 'uuid', refTable: table }, min: 0, max: 'unlimited' });
const schema = parseSchema({
  name: 'OVN_Northbound',
  version: '7.0.0',
  tables: {
    NB_Global: { isRoot: true, columns: { name: { type: 'string' } } },
    Logical_Switch: {
      isRoot: true,
      columns: {
        name: { type: 'string' },
        other_config: { type: stringMap },
        ports: { type: refs('Logical_Switch_Port') },
      },
    },
    Logical_Switch_Port: { columns: { name: { type: 'string' } } },
    Logical_Router: {
      isRoot: true,
      columns: {
        name: { type: 'string' },
        ports: { type: refs('Logical_Router_Port') },
        static_routes: { type: refs('Logical_Router_Static_Route') },
      },
    },
    Logical_Router_Port: { columns: { name: { type: 'string' } } },
    Logical_Router_Static_Route: {
      columns: {
        ip_prefix: { type: 'string' },
        nexthop: { type: 'string' },
        route_table: { type: 'string' },
        external_ids: { type: stringMap },
      },
    },
  },
});

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const ref = (n: number) => ['uuid', uuid(n)];
const set = (...ns: number[]) => ['set', ns.map(ref)];

type Tables = Record<string, Record<string, unknown>[]>;

/** A Kube-OVN cluster joined as zone az-b-with-hyphens to transit switch ts. */
function cluster(): Tables {
  return {
    NB_Global: [{ _uuid: ref(1), name: 'az-b-with-hyphens' }],
    Logical_Switch: [
      { _uuid: ref(10), name: 'ts', other_config: ['map', [['interconn-ts', 'ts']]], ports: set(11, 12) },
      { _uuid: ref(20), name: 'ovn-default', other_config: ['map', []], ports: set(21) },
    ],
    Logical_Switch_Port: [
      { _uuid: ref(11), name: 'ts-az-a' },
      { _uuid: ref(12), name: 'ts-az-b-with-hyphens' },
      { _uuid: ref(21), name: 'ovn-default-ovn-cluster' },
    ],
    Logical_Router: [{ _uuid: ref(30), name: 'ovn-cluster', ports: set(31, 32), static_routes: set(41, 42) }],
    Logical_Router_Port: [
      { _uuid: ref(31), name: 'az-b-with-hyphens-ts' },
      { _uuid: ref(32), name: 'ovn-cluster-ovn-default' },
    ],
    Logical_Router_Static_Route: [
      {
        _uuid: ref(41),
        ip_prefix: '10.16.0.0/16',
        nexthop: '169.254.100.1',
        route_table: '',
        external_ids: ['map', [['ic-learned-route', uuid(99)]]],
      },
      {
        _uuid: ref(42),
        ip_prefix: '0.0.0.0/0',
        nexthop: '100.64.0.1',
        route_table: '',
        external_ids: ['map', []],
      },
    ],
  };
}

function decode(json: Tables): Map<string, Row[]> {
  return new Map(
    Object.entries(json).map(([table, rows]) => [
      table,
      rows.map((row) => decodeRow(tableOf(schema, table), row)),
    ]),
  );
}

describe('planNorthboundCleanup', () => {
  it("removes the transit switch (its ports go with it), the zone's router port and the learned routes, in one transaction", () => {
    const plan = planNorthboundCleanup(decode(cluster()), 'az-b-with-hyphens');
    expect(plan.refusal).toBeUndefined();
    expect(plan.rows.map((r) => [r.action, r.table, r.label, r.via])).toEqual([
      ['delete', 'Logical_Switch', 'ts', 'transit switch'],
      ['collected', 'Logical_Switch_Port', 'ts-az-a', 'Logical_Switch ts'],
      ['collected', 'Logical_Switch_Port', 'ts-az-b-with-hyphens', 'Logical_Switch ts'],
      ['detached', 'Logical_Router_Port', 'az-b-with-hyphens-ts', 'Logical_Router ovn-cluster'],
      [
        'detached',
        'Logical_Router_Static_Route',
        '10.16.0.0/16 via 169.254.100.1 (learned)',
        'Logical_Router ovn-cluster',
      ],
    ]);
    expect(encodeOperations(plan.operations, schema)).toEqual([
      {
        op: 'comment',
        comment: 'acpnet interconnect clean: transit switches and learned routes of zone az-b-with-hyphens',
      },
      { op: 'delete', table: 'Logical_Switch', where: [['_uuid', '==', ref(10)]] },
      {
        op: 'mutate',
        table: 'Logical_Router',
        where: [['_uuid', '==', ref(30)]],
        mutations: [
          ['ports', 'delete', set(31)],
          ['static_routes', 'delete', set(41)],
        ],
      },
    ]);
  });

  it('recognises transit switches by name as Kube-OVN names them, and zone ports on other switches', () => {
    const json = cluster();
    json.Logical_Switch![0] = { _uuid: ref(10), name: 'ts1', other_config: ['map', []], ports: set(11) };
    json.Logical_Switch![1]!.ports = set(21, 12);
    json.Logical_Switch_Port![1]!.name = 'ts1-az-b-with-hyphens';
    const plan = planNorthboundCleanup(decode(json), 'az-b-with-hyphens');
    expect(plan.rows.map((r) => [r.action, r.label])).toEqual([
      ['delete', 'ts1'],
      ['collected', 'ts-az-a'],
      ['detached', 'ts1-az-b-with-hyphens'],
      ['detached', 'az-b-with-hyphens-ts'],
      ['detached', '10.16.0.0/16 via 169.254.100.1 (learned)'],
    ]);
    expect(encodeOperations(plan.operations, schema)).toContainEqual({
      op: 'mutate',
      table: 'Logical_Switch',
      where: [['_uuid', '==', ref(20)]],
      mutations: [['ports', 'delete', set(12)]],
    });
  });

  it("uses the database's own zone when none is given", () => {
    expect(planNorthboundCleanup(decode(cluster()), undefined).zone).toBe('az-b-with-hyphens');
  });

  it('refuses a database that belongs to another zone', () => {
    const plan = planNorthboundCleanup(decode(cluster()), 'az-a');
    expect(plan.refusal).toBe(
      'the northbound database belongs to availability zone az-b-with-hyphens (NB_Global name), not az-a',
    );
    expect(plan.operations).toEqual([]);
  });

  it('has nothing to do once everything is gone', () => {
    const json = cluster();
    json.Logical_Switch = json.Logical_Switch!.slice(1);
    json.Logical_Router![0]!.ports = set(32);
    json.Logical_Router![0]!.static_routes = set(42);
    const plan = planNorthboundCleanup(decode(json), 'az-b-with-hyphens');
    expect(plan.rows).toEqual([]);
    expect(plan.operations).toEqual([]);
  });
});

describe('transit port names', () => {
  const transit = new Set(['ts']);
  it('splits switch ports at the first hyphen and router ports at the last (zone names have hyphens)', () => {
    expect(isZoneSwitchPort('ts-az-b-with-hyphens', 'az-b-with-hyphens', transit)).toBe(true);
    expect(isZoneSwitchPort('ts-az-b-with-hyphens', 'with-hyphens', transit)).toBe(false);
    expect(isZoneSwitchPort('ts2-az-a', 'az-a', transit)).toBe(true);
    expect(isZoneSwitchPort('ovn-default-az-a', 'az-a', transit)).toBe(false);
    expect(isZoneRouterPort('az-b-with-hyphens-ts', 'az-b-with-hyphens', transit)).toBe(true);
    expect(isZoneRouterPort('az-b-with-hyphens-ts', 'az-b', transit)).toBe(false);
    expect(isZoneRouterPort('ovn-cluster-ovn-default', 'ovn-cluster', transit)).toBe(false);
  });
});

describe('connectedZoneRefusal', () => {
  const config = (data: Record<string, string>): ConfigMap => ({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { namespace: 'kube-system', name: 'ovn-ic-config' },
    data,
  });

  it('refuses the zone of a cluster whose ovn-ic-config is enabled, naming it', () => {
    expect(connectedZoneRefusal(config({ 'enable-ic': 'true', 'az-name': 'az-a' }), 'az-a')).toBe(
      'availability zone az-a belongs to a cluster still connected to the interconnect: kube-system/ovn-ic-config ' +
        'has enable-ic "true" and az-name "az-a"; leave the interconnect first (delete the ConfigMap or set enable-ic to "false")',
    );
  });

  it('allows a cluster that left, or that is connected as another zone, or has no ovn-ic-config', () => {
    expect(connectedZoneRefusal(config({ 'enable-ic': 'false', 'az-name': 'az-a' }), 'az-a')).toBeUndefined();
    expect(
      connectedZoneRefusal(config({ 'enable-ic': 'true', 'az-name': 'az-new' }), 'az-a'),
    ).toBeUndefined();
    expect(connectedZoneRefusal(undefined, 'az-a')).toBeUndefined();
  });
});
