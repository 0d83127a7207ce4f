import { describe, expect, it } from '@jest/globals';
import { findZone } from '../../../shared/interconnect/zone.js';
import {
  planZoneCleanup,
  rowsByTable,
  zoneSnapshotQuery,
} from '../../../shared/interconnect/zone-cleanup.js';
import { encodeOperations } from '../../../shared/ovsdb/operations.js';
import { decodeRow, type Row } from '../../../shared/ovsdb/row.js';
import { type DatabaseSchema, tableOf } from '../../../shared/ovsdb/schema.js';
import { icSouthbound, icSouthboundWith } from './ic-schema.js';

/** Readable fake uuids: uuid(1) = 00000000-0000-4000-8000-000000000001. */
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const ref = (n: number) => ['uuid', uuid(n)];

const AZ_A = 1;
const AZ_B = 2;

/** Two zones as ovn-ic leaves them: a Gateway with its Encap, a Route and a Port_Binding each. */
function twoZones(): Record<string, Record<string, unknown>[]> {
  return {
    Availability_Zone: [
      { _uuid: ref(AZ_A), name: 'az-a' },
      { _uuid: ref(AZ_B), name: 'az-b-with-hyphens' },
    ],
    Encap: [
      { _uuid: ref(11), type: 'geneve', ip: '10.0.0.1', gateway_name: 'gw-a' },
      { _uuid: ref(12), type: 'geneve', ip: '10.0.0.2', gateway_name: 'gw-b' },
    ],
    Gateway: [
      { _uuid: ref(21), name: 'gw-a', hostname: 'node-a1', availability_zone: ref(AZ_A), encaps: ref(11) },
      { _uuid: ref(22), name: 'gw-b', hostname: 'node-b1', availability_zone: ref(AZ_B), encaps: ref(12) },
    ],
    Route: [
      {
        _uuid: ref(31),
        ip_prefix: '10.16.0.0/16',
        nexthop: '169.254.100.1',
        transit_switch: 'ts',
        availability_zone: ref(AZ_A),
      },
      {
        _uuid: ref(32),
        ip_prefix: '10.17.0.0/16',
        nexthop: '169.254.100.2',
        transit_switch: 'ts',
        availability_zone: ref(AZ_B),
      },
    ],
    Port_Binding: [
      {
        _uuid: ref(41),
        logical_port: 'ts-az-a',
        transit_switch: 'ts',
        availability_zone: ref(AZ_A),
        encap: ref(11),
      },
      {
        _uuid: ref(42),
        logical_port: 'ts-az-b-with-hyphens',
        transit_switch: 'ts',
        availability_zone: ref(AZ_B),
        encap: ref(12),
      },
    ],
  };
}

function decode(schema: DatabaseSchema, json: Record<string, Record<string, unknown>[]>): Map<string, Row[]> {
  return new Map(
    Object.entries(json).map(([table, rows]) => [
      table,
      rows.map((row) => decodeRow(tableOf(schema, table), row)),
    ]),
  );
}

const zoneB = { uuid: uuid(AZ_B), name: 'az-b-with-hyphens' };

describe('findZone', () => {
  const schema = icSouthbound();
  const rows = decode(schema, twoZones());
  const zones = rows.get('Availability_Zone')!;
  const gateways = rows.get('Gateway')!;

  it('finds a zone by its name, hyphens and all', () => {
    expect(findZone(zones, gateways, { az: 'az-b-with-hyphens' })).toEqual({ kind: 'found', zone: zoneB });
  });

  it("finds a zone through a Gateway's hostname", () => {
    expect(findZone(zones, gateways, { node: 'node-b1' })).toEqual({ kind: 'found', zone: zoneB });
  });

  it('says why there is nothing to find', () => {
    expect(findZone(zones, gateways, { az: 'az-c' })).toEqual({
      kind: 'missing',
      reason: 'no availability zone is named az-c',
    });
    expect(findZone(zones, gateways, { node: 'node-c1' })).toMatchObject({
      kind: 'missing',
      reason: expect.stringMatching(/^no Gateway has hostname node-c1/),
    });
  });

  it('refuses to guess when a node has Gateways in two zones (a node reused by a new cluster)', () => {
    const reused = twoZones();
    reused.Gateway!.push({
      _uuid: ref(23),
      name: 'gw-b2',
      hostname: 'node-a1',
      availability_zone: ref(AZ_B),
      encaps: ref(12),
    });
    const r = decode(schema, reused);
    expect(findZone(r.get('Availability_Zone')!, r.get('Gateway')!, { node: 'node-a1' })).toEqual({
      kind: 'ambiguous',
      zones: [
        { uuid: uuid(AZ_A), name: 'az-a' },
        { uuid: uuid(AZ_B), name: 'az-b-with-hyphens' },
      ],
    });
  });
});

describe('planZoneCleanup on OVN_IC_Southbound 1.1.1', () => {
  const schema = icSouthbound();

  it("removes the zone's Gateways (their non-root Encaps go with them), Routes, Port_Bindings, then the zone, in one transaction", () => {
    const plan = planZoneCleanup(schema, zoneB, decode(schema, twoZones()));
    expect(plan.rows.map((r) => [r.action, r.table, r.label, r.via])).toEqual([
      ['delete', 'Gateway', 'gw-b (hostname node-b1)', 'Gateway.availability_zone'],
      ['collected', 'Encap', 'geneve 10.0.0.2', 'Gateway gw-b (hostname node-b1)'],
      ['delete', 'Route', '10.17.0.0/16 via 169.254.100.2 on ts', 'Route.availability_zone'],
      ['delete', 'Port_Binding', 'ts-az-b-with-hyphens on ts', 'Port_Binding.availability_zone'],
      ['delete', 'Availability_Zone', 'az-b-with-hyphens', 'the zone'],
    ]);
    expect(encodeOperations(plan.operations, schema)).toEqual([
      {
        op: 'comment',
        comment: `acpnet interconnect clean: availability zone az-b-with-hyphens (${uuid(AZ_B)})`,
      },
      { op: 'delete', table: 'Gateway', where: [['availability_zone', '==', ref(AZ_B)]] },
      { op: 'delete', table: 'Route', where: [['availability_zone', '==', ref(AZ_B)]] },
      { op: 'delete', table: 'Port_Binding', where: [['availability_zone', '==', ref(AZ_B)]] },
      { op: 'delete', table: 'Availability_Zone', where: [['_uuid', '==', ref(AZ_B)]] },
    ]);
  });

  it('gives the same plan from the filtered rows its snapshot query reads as from whole tables', () => {
    const all = decode(schema, twoZones());
    const query = zoneSnapshotQuery(schema, zoneB);
    expect(encodeOperations(query, schema)).toEqual([
      { op: 'select', table: 'Gateway', where: [] },
      { op: 'select', table: 'Encap', where: [] },
      { op: 'select', table: 'Route', where: [['availability_zone', '==', ref(AZ_B)]] },
      { op: 'select', table: 'Port_Binding', where: [['availability_zone', '==', ref(AZ_B)]] },
    ]);
    const filtered = rowsByTable(
      query,
      query.map((operation) => {
        if (operation.op !== 'select') return {};
        const rows = all.get(operation.table) ?? [];
        return {
          rows:
            operation.where.length === 0
              ? rows
              : rows.filter((r) => r.uuidRef('availability_zone') === zoneB.uuid),
        };
      }),
    );
    expect(planZoneCleanup(schema, zoneB, filtered)).toEqual(planZoneCleanup(schema, zoneB, all));
  });

  it('plans only the zone itself when nothing refers to it any more', () => {
    const json = twoZones();
    json.Gateway = json.Gateway!.filter((g) => g.name !== 'gw-b');
    json.Route = json.Route!.slice(0, 1);
    json.Port_Binding = json.Port_Binding!.slice(0, 1);
    const plan = planZoneCleanup(schema, zoneB, decode(schema, json));
    expect(plan.rows.map((r) => r.table)).toEqual(['Availability_Zone']);
    expect(plan.operations.map((o) => o.op)).toEqual(['comment', 'delete']);
  });

  it('keeps an Encap a Gateway of another zone still uses', () => {
    const json = twoZones();
    json.Gateway![0]!.encaps = ['set', [ref(11), ref(12)]];
    const plan = planZoneCleanup(schema, zoneB, decode(schema, json));
    expect(plan.rows.filter((r) => r.table === 'Encap')).toEqual([]);
  });
});

describe('planZoneCleanup on other schemas', () => {
  it('deletes the Encaps explicitly where Encap is a root table', () => {
    const schema = icSouthboundWith((tables) => {
      tables.Encap!.isRoot = true;
    });
    const plan = planZoneCleanup(schema, zoneB, decode(schema, twoZones()));
    expect(plan.rows.find((r) => r.table === 'Encap')).toMatchObject({ action: 'delete', uuid: uuid(12) });
    expect(encodeOperations(plan.operations, schema)).toContainEqual({
      op: 'delete',
      table: 'Encap',
      where: [['_uuid', '==', ref(12)]],
    });
  });

  it('finds every table that refers to the zone strongly, and what refers to those rows in turn', () => {
    const schema = icSouthboundWith((tables) => {
      // A table a later OVN might add, and a table that hangs off it.
      tables.Zone_Policy = {
        isRoot: true,
        columns: {
          name: { type: 'string' },
          availability_zone: { type: { key: { type: 'uuid', refTable: 'Availability_Zone' } } },
        },
      };
      tables.Policy_Note = {
        isRoot: true,
        columns: {
          text: { type: 'string' },
          policy: { type: { key: { type: 'uuid', refTable: 'Zone_Policy' } } },
        },
      };
      // A weak reference does not block the delete: the server clears it.
      tables.Audit = {
        isRoot: true,
        columns: {
          zone: {
            type: { key: { type: 'uuid', refTable: 'Availability_Zone', refType: 'weak' }, min: 0, max: 1 },
          },
        },
      };
    });
    const json = {
      ...twoZones(),
      Zone_Policy: [
        { _uuid: ref(51), name: 'p-b', availability_zone: ref(AZ_B) },
        { _uuid: ref(52), name: 'p-a', availability_zone: ref(AZ_A) },
      ],
      Policy_Note: [
        { _uuid: ref(61), text: 'note-b', policy: ref(51) },
        { _uuid: ref(62), text: 'note-a', policy: ref(52) },
      ],
      Audit: [{ _uuid: ref(71), zone: ref(AZ_B) }],
    };
    const plan = planZoneCleanup(schema, zoneB, decode(schema, json));
    expect(plan.rows.map((r) => [r.action, r.table, r.uuid])).toEqual([
      ['delete', 'Gateway', uuid(22)],
      ['collected', 'Encap', uuid(12)],
      ['delete', 'Route', uuid(32)],
      ['delete', 'Port_Binding', uuid(42)],
      ['delete', 'Policy_Note', uuid(61)],
      ['delete', 'Zone_Policy', uuid(51)],
      ['delete', 'Availability_Zone', uuid(AZ_B)],
    ]);
    expect(encodeOperations(plan.operations, schema)).toEqual(
      expect.arrayContaining([
        { op: 'delete', table: 'Zone_Policy', where: [['availability_zone', '==', ref(AZ_B)]] },
        { op: 'delete', table: 'Policy_Note', where: [['_uuid', '==', ref(61)]] },
      ]),
    );
    expect(zoneSnapshotQuery(schema, zoneB).map((o) => ('table' in o ? o.table : ''))).toEqual(
      expect.arrayContaining(['Zone_Policy', 'Policy_Note']),
    );
  });

  it('only removes the reference from a set that may lose it, and deletes a row whose set would become too small', () => {
    const schema = icSouthboundWith((tables) => {
      tables.Peering = {
        isRoot: true,
        columns: {
          name: { type: 'string' },
          zones: { type: { key: { type: 'uuid', refTable: 'Availability_Zone' }, min: 1, max: 'unlimited' } },
        },
      };
      tables.Labels = {
        isRoot: true,
        columns: {
          name: { type: 'string' },
          by_zone: {
            type: {
              key: 'string',
              value: { type: 'uuid', refTable: 'Availability_Zone' },
              min: 0,
              max: 'unlimited',
            },
          },
        },
      };
    });
    const json = {
      ...twoZones(),
      Peering: [
        { _uuid: ref(81), name: 'both', zones: ['set', [ref(AZ_A), ref(AZ_B)]] },
        { _uuid: ref(82), name: 'only-b', zones: ref(AZ_B) },
      ],
      Labels: [
        {
          _uuid: ref(91),
          name: 'l',
          by_zone: [
            'map',
            [
              ['a', ref(AZ_A)],
              ['b', ref(AZ_B)],
            ],
          ],
        },
      ],
    };
    const plan = planZoneCleanup(schema, zoneB, decode(schema, json));
    expect(
      plan.rows.filter((r) => ['Peering', 'Labels'].includes(r.table)).map((r) => [r.action, r.label]),
    ).toEqual([
      ['unlinked', 'l'],
      ['unlinked', 'both'],
      ['delete', 'only-b'],
    ]);
    const encoded = encodeOperations(plan.operations, schema);
    expect(encoded).toContainEqual({ op: 'delete', table: 'Peering', where: [['_uuid', '==', ref(82)]] });
    expect(encoded).toContainEqual({
      op: 'mutate',
      table: 'Peering',
      where: [['_uuid', '==', ref(81)]],
      mutations: [['zones', 'delete', ['set', [ref(AZ_B)]]]],
    });
    expect(encoded).toContainEqual({
      op: 'mutate',
      table: 'Labels',
      where: [['_uuid', '==', ref(91)]],
      mutations: [['by_zone', 'delete', ['map', [['b', ref(AZ_B)]]]]],
    });
    // A map's values cannot be matched by a condition: its table is read whole.
    expect(encodeOperations(zoneSnapshotQuery(schema, zoneB), schema)).toEqual(
      expect.arrayContaining([
        { op: 'select', table: 'Labels', where: [] },
        { op: 'select', table: 'Peering', where: [['zones', 'includes', ['set', [ref(AZ_B)]]]] },
      ]),
    );
  });
});
