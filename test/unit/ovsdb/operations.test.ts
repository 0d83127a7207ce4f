import { describe, expect, it } from '@jest/globals';
import { NamedUuid, OvsdbSet, stringMap, Uuid } from '../../../shared/ovsdb/datum.js';
import { byUuid, encodeOperations, type Operation } from '../../../shared/ovsdb/operations.js';
import { icSouthbound } from './ic-schema.js';

const AZ = '11111111-2222-4333-8444-555555555555';

describe('transaction operations', () => {
  it('writes every operation in its RFC 7047 form', () => {
    const operations: Operation[] = [
      { op: 'insert', table: 'Availability_Zone', row: { name: 'az-a' }, uuidName: 'az' },
      {
        op: 'insert',
        table: 'Encap',
        row: { type: 'geneve', ip: '10.0.0.1', gateway_name: 'gw' },
        uuidName: 'encap',
      },
      {
        op: 'insert',
        table: 'Gateway',
        row: {
          name: 'gw',
          hostname: 'node-a',
          availability_zone: new NamedUuid('az'),
          encaps: new OvsdbSet([new NamedUuid('encap')]),
        },
      },
      {
        op: 'select',
        table: 'Route',
        where: [['availability_zone', '==', new Uuid(AZ)]],
        columns: ['ip_prefix'],
      },
      { op: 'update', table: 'Gateway', where: [['name', '==', 'gw']], row: { hostname: 'node-b' } },
      {
        op: 'mutate',
        table: 'Route',
        where: [byUuid(AZ)],
        mutations: [['external_ids', 'insert', stringMap({ k: 'v' })]],
      },
      { op: 'delete', table: 'Port_Binding', where: [['tunnel_key', '>', 5]] },
      {
        op: 'wait',
        table: 'Availability_Zone',
        where: [['name', '==', 'az-a']],
        columns: ['name'],
        until: '==',
        rows: [{ name: 'az-a' }],
        timeout: 0,
      },
      { op: 'comment', comment: 'why' },
      { op: 'commit', durable: false },
      { op: 'abort' },
      { op: 'assert', lock: 'ic' },
    ];
    expect(encodeOperations(operations, icSouthbound())).toEqual([
      { op: 'insert', table: 'Availability_Zone', row: { name: 'az-a' }, 'uuid-name': 'az' },
      {
        op: 'insert',
        table: 'Encap',
        row: { type: 'geneve', ip: '10.0.0.1', gateway_name: 'gw' },
        'uuid-name': 'encap',
      },
      {
        op: 'insert',
        table: 'Gateway',
        row: {
          name: 'gw',
          hostname: 'node-a',
          availability_zone: ['named-uuid', 'az'],
          encaps: ['set', [['named-uuid', 'encap']]],
        },
      },
      {
        op: 'select',
        table: 'Route',
        where: [['availability_zone', '==', ['uuid', AZ]]],
        columns: ['ip_prefix'],
      },
      { op: 'update', table: 'Gateway', where: [['name', '==', 'gw']], row: { hostname: 'node-b' } },
      {
        op: 'mutate',
        table: 'Route',
        where: [['_uuid', '==', ['uuid', AZ]]],
        mutations: [['external_ids', 'insert', ['map', [['k', 'v']]]]],
      },
      { op: 'delete', table: 'Port_Binding', where: [['tunnel_key', '>', 5]] },
      {
        op: 'wait',
        table: 'Availability_Zone',
        where: [['name', '==', 'az-a']],
        columns: ['name'],
        until: '==',
        rows: [{ name: 'az-a' }],
        timeout: 0,
      },
      { op: 'comment', comment: 'why' },
      { op: 'commit', durable: false },
      { op: 'abort' },
      { op: 'assert', lock: 'ic' },
    ]);
  });

  it('names the operation, the table and the column of a mistake, before anything is sent', () => {
    const schema = icSouthbound();
    const check = (operation: Operation) => () =>
      encodeOperations([{ op: 'comment', comment: 'x' }, operation], schema);
    expect(check({ op: 'delete', table: 'Chassis', where: [] })).toThrow(
      'OVN_IC_Southbound has no table Chassis',
    );
    expect(check({ op: 'insert', table: 'Route', row: { prefix: 'x' } })).toThrow(
      'table Route has no column prefix',
    );
    expect(check({ op: 'insert', table: 'Route', row: { tunnel: 1 } })).toThrow(
      'table Route has no column tunnel',
    );
    expect(check({ op: 'insert', table: 'Port_Binding', row: { tunnel_key: 'one' } })).toThrow(
      'operation 1 (insert Port_Binding) column tunnel_key: expected integer, got "one"',
    );
    expect(check({ op: 'update', table: 'Route', where: [], row: { _uuid: new Uuid(AZ) } })).toThrow(
      'operation 1 (update Route): column _uuid cannot be written',
    );
    expect(check({ op: 'select', table: 'Route', where: [['nexthop', '==', 5]] })).toThrow(
      'operation 1 (select Route) condition on nexthop: expected string, got 5',
    );
    expect(check({ op: 'select', table: 'Route', where: [], columns: ['via'] })).toThrow(
      'table Route has no column via',
    );
    expect(
      check({ op: 'mutate', table: 'Route', where: [], mutations: [['_uuid', 'delete', new Uuid(AZ)]] }),
    ).toThrow('operation 1 (mutate Route): column _uuid is not mutable');
    expect(() => encodeOperations([{ op: 'insert', table: 'Route', row: {}, uuidName: 'bad name' }])).toThrow(
      '"bad name" is not a uuid-name',
    );
  });

  it('allows a map to lose keys named by a set of keys', () => {
    const operation: Operation = {
      op: 'mutate',
      table: 'Route',
      where: [],
      mutations: [['external_ids', 'delete', new OvsdbSet(['ic-learned-route'])]],
    };
    expect(encodeOperations([operation], icSouthbound())[0]).toMatchObject({
      mutations: [['external_ids', 'delete', ['set', ['ic-learned-route']]]],
    });
  });

  it('writes without checking when no schema is given', () => {
    expect(encodeOperations([{ op: 'delete', table: 'Anything', where: [['x', 'includes', 1]] }])).toEqual([
      { op: 'delete', table: 'Anything', where: [['x', 'includes', 1]] },
    ]);
  });
});
