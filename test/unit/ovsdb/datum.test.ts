import { describe, expect, it } from '@jest/globals';
import {
  checkDatum,
  decodeDatum,
  encodeDatum,
  NamedUuid,
  OvsdbMap,
  OvsdbSet,
  stringMap,
  Uuid,
} from '../../../shared/ovsdb/datum.js';
import { OvsdbDataError } from '../../../shared/ovsdb/errors.js';
import { decodeRow } from '../../../shared/ovsdb/row.js';
import type { ColumnType } from '../../../shared/ovsdb/schema.js';
import { columnOf, tableOf } from '../../../shared/ovsdb/schema.js';
import { icSouthbound } from './ic-schema.js';

const U1 = '11111111-2222-4333-8444-555555555555';
const U2 = '66666666-7777-4888-9999-aaaaaaaaaaaa';

const scalarString: ColumnType = { key: { type: 'string' }, min: 1, max: 1 };
const optionalRef: ColumnType = { key: { type: 'uuid', refTable: 'Encap', refType: 'weak' }, min: 0, max: 1 };
const refSet: ColumnType = {
  key: { type: 'uuid', refTable: 'Encap' },
  min: 1,
  max: Number.POSITIVE_INFINITY,
};
const strings: ColumnType = {
  key: { type: 'string' },
  value: { type: 'string' },
  min: 0,
  max: Number.POSITIVE_INFINITY,
};

describe('OVSDB values', () => {
  it('writes atoms, uuids, named uuids, sets and maps in their JSON forms', () => {
    expect(encodeDatum('ts')).toBe('ts');
    expect(encodeDatum(7)).toBe(7);
    expect(encodeDatum(false)).toBe(false);
    expect(encodeDatum(new Uuid(U1.toUpperCase()))).toEqual(['uuid', U1]);
    expect(encodeDatum(new NamedUuid('row_1'))).toEqual(['named-uuid', 'row_1']);
    expect(encodeDatum(new OvsdbSet([]))).toEqual(['set', []]);
    expect(encodeDatum(new OvsdbSet([new Uuid(U1), new Uuid(U2)]))).toEqual([
      'set',
      [
        ['uuid', U1],
        ['uuid', U2],
      ],
    ]);
    expect(encodeDatum(stringMap({ 'ic-learned-route': U1 }))).toEqual(['map', [['ic-learned-route', U1]]]);
  });

  it('refuses what OVSDB cannot carry', () => {
    expect(() => new Uuid('not-a-uuid')).toThrow('"not-a-uuid" is not a UUID');
    expect(() => new NamedUuid('1st')).toThrow('"1st" is not a uuid-name');
    expect(() => encodeDatum(Number.NaN)).toThrow('NaN is not a number OVSDB can carry');
  });

  it('reads a set column as a set, even when the wire carries one bare atom', () => {
    const one = decodeDatum(refSet, ['uuid', U1], 'Gateway column encaps');
    expect(one).toEqual(new OvsdbSet([new Uuid(U1)]));
    const empty = decodeDatum(optionalRef, ['set', []], 'Port_Binding column encap');
    expect(empty).toEqual(new OvsdbSet([]));
  });

  it('reads a scalar column as its atom, from a bare atom or a set of one', () => {
    expect(decodeDatum(scalarString, 'ts', 'x')).toBe('ts');
    expect(decodeDatum(scalarString, ['set', ['ts']], 'x')).toBe('ts');
    expect(() => decodeDatum(scalarString, ['set', []], 'Route column nexthop')).toThrow(
      'Route column nexthop: expected one string, got 0',
    );
  });

  it('reads maps, and looks entries up by key', () => {
    const map = decodeDatum(
      strings,
      [
        'map',
        [
          ['a', '1'],
          ['b', '2'],
        ],
      ],
      'x',
    );
    expect(map).toBeInstanceOf(OvsdbMap);
    expect((map as OvsdbMap).get('b')).toBe('2');
    expect((map as OvsdbMap).has('c')).toBe(false);
  });

  it('names the column and the value when the wire does not fit the type', () => {
    expect(() => decodeDatum(scalarString, 5, 'Route column nexthop')).toThrow(
      new OvsdbDataError('Route column nexthop: expected string, got 5'),
    );
    expect(() => decodeDatum(refSet, ['uuid', 'zzz'], 'Gateway column encaps')).toThrow(
      '"zzz" is not a UUID',
    );
    expect(() => decodeDatum(refSet, ['uid', U1], 'Gateway column encaps')).toThrow(
      'Gateway column encaps: expected uuid, got ["uid","11111111-2222-4333-8444-555555555555"]',
    );
    expect(() => decodeDatum(strings, ['set', []], 'Route column external_ids')).toThrow(
      'Route column external_ids: expected a map, got ["set",[]]',
    );
    expect(() => decodeDatum(strings, ['map', [['a']]], 'Route column external_ids')).toThrow(
      'Route column external_ids: map entry 0 is not a [key, value] pair',
    );
    expect(() => decodeDatum(strings, ['map', [['a', 1]]], 'Route column external_ids')).toThrow(
      'Route column external_ids value: expected string, got 1',
    );
    const integer: ColumnType = { key: { type: 'integer' }, min: 1, max: 1 };
    expect(() => decodeDatum(integer, 1.5, 'Port_Binding column tunnel_key')).toThrow(
      'expected integer, got 1.5',
    );
  });

  it('checks a value against its column before it is sent', () => {
    expect(() => checkDatum(refSet, new OvsdbSet([]), 'Gateway column encaps')).toThrow(
      'Gateway column encaps: expected at least 1 values, got 0',
    );
    expect(() => checkDatum(optionalRef, new OvsdbSet([new Uuid(U1), new Uuid(U2)]), 'c')).toThrow(
      'c: expected 0 to 1 values, got 2',
    );
    expect(() => checkDatum(scalarString, 3, 'Route column nexthop')).toThrow('expected string, got 3');
    expect(() => checkDatum(strings, 'x', 'Route column external_ids')).toThrow('expected a map');
    expect(() => checkDatum(scalarString, stringMap({}), 'c')).toThrow(
      'a map given for a column that is not one',
    );
    expect(() => checkDatum(refSet, new NamedUuid('gw'), 'c')).not.toThrow();
    // An operand (a condition's or a mutation's) is not bound by the column's size.
    expect(() => checkDatum(refSet, new OvsdbSet([]), 'c', false)).not.toThrow();
  });
});

describe('rows', () => {
  const gateway = tableOf(icSouthbound(), 'Gateway');

  it('reads a select result through the table schema, with typed accessors', () => {
    const row = decodeRow(gateway, {
      _uuid: ['uuid', U1],
      name: 'gw-a',
      hostname: 'node-a',
      availability_zone: ['uuid', U2],
      encaps: ['uuid', U2],
      external_ids: ['map', [['k', 'v']]],
    });
    expect(row.uuid).toBe(U1);
    expect(row.string('name')).toBe('gw-a');
    expect(row.uuidRef('availability_zone')).toBe(U2);
    expect(row.uuids('encaps')).toEqual([U2]);
    expect(row.stringMap('external_ids')).toEqual({ k: 'v' });
    expect(row.stringMap('absent')).toEqual({});
  });

  it('names the row and the column a reader expected otherwise', () => {
    const row = decodeRow(gateway, { _uuid: ['uuid', U1], name: 'gw-a' });
    expect(() => row.string('hostname')).toThrow(`Gateway ${U1} column hostname: not in the row`);
    expect(() => row.integer('name')).toThrow(`Gateway ${U1} column name: not a number`);
    expect(() => decodeRow(gateway, { chassis: 'x' })).toThrow('table Gateway has no column chassis');
    expect(() => decodeRow(gateway, [])).toThrow('Gateway: a row must be an object');
    expect(columnOf(gateway, 'name').mutable).toBe(true);
  });
});
