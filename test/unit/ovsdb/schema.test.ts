import { describe, expect, it } from '@jest/globals';
import { OvsdbDataError } from '../../../shared/ovsdb/errors.js';
import { columnOf, isScalarType, parseSchema, referencesTo, tableOf } from '../../../shared/ovsdb/schema.js';
import { icSouthbound, icSouthboundJson } from './ic-schema.js';

describe('parseSchema', () => {
  it('types tables and columns from the server schema', () => {
    const schema = icSouthbound();
    expect(schema.name).toBe('OVN_IC_Southbound');
    expect(schema.version).toBe('1.1.1');
    const gateway = tableOf(schema, 'Gateway');
    expect(gateway.isRoot).toBe(true);
    expect(gateway.indexes).toEqual([['name']]);
    expect(columnOf(gateway, 'encaps').type).toEqual({
      key: { type: 'uuid', refTable: 'Encap', refType: 'strong' },
      min: 1,
      max: Number.POSITIVE_INFINITY,
    });
    expect(columnOf(gateway, 'hostname').type).toEqual({ key: { type: 'string' }, min: 1, max: 1 });
    expect(tableOf(schema, 'Encap').isRoot).toBe(false);
    expect(columnOf(tableOf(schema, 'Encap'), 'type').type.key.enum).toEqual(['geneve', 'stt', 'vxlan']);
    expect(columnOf(tableOf(schema, 'Port_Binding'), 'tunnel_key').type.key).toEqual({
      type: 'integer',
      minInteger: 1,
      maxInteger: 32767,
    });
    expect(tableOf(schema, 'IC_SB_Global').maxRows).toBe(1);
  });

  it('knows the columns every table has', () => {
    const table = tableOf(icSouthbound(), 'Route');
    expect(columnOf(table, '_uuid').type.key.type).toBe('uuid');
    expect(columnOf(table, '_version').type.key.type).toBe('uuid');
  });

  it('makes every table root in a schema from before isRoot (RFC 7047)', () => {
    const json = icSouthboundJson();
    for (const table of Object.values(json.tables as Record<string, Record<string, unknown>>))
      delete table.isRoot;
    const schema = parseSchema(json);
    expect([...schema.tables.values()].every((table) => table.isRoot)).toBe(true);
  });

  it('lists the references to a table, strong by default', () => {
    const refs = referencesTo(icSouthbound(), 'Availability_Zone');
    expect(refs.map((r) => [r.table, r.column, r.refType, isScalarType(r.type)])).toEqual([
      ['Gateway', 'availability_zone', 'strong', true],
      ['Route', 'availability_zone', 'strong', true],
      ['Port_Binding', 'availability_zone', 'strong', true],
    ]);
    expect(referencesTo(icSouthbound(), 'Encap').map((r) => [r.table, r.column, r.refType])).toEqual([
      ['Gateway', 'encaps', 'strong'],
      ['Port_Binding', 'encap', 'weak'],
    ]);
  });

  it('names the part that is not a schema', () => {
    /** The schema with the value at `path` replaced (undefined: removed). */
    const bad = (path: string[], value: unknown) => {
      const json: Record<string, unknown> = icSouthboundJson();
      let node = json;
      for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
      if (value === undefined) delete node[path.at(-1)!];
      else node[path.at(-1)!] = value;
      return () => parseSchema(json);
    };
    expect(() => parseSchema('nope')).toThrow(OvsdbDataError);
    expect(bad(['tables'], undefined)).toThrow('schema tables: expected an object');
    expect(bad(['tables', 'Route', 'columns', 'nexthop', 'type'], 'text')).toThrow(
      'schema tables.Route.columns.nexthop.type: expected one of integer, real, boolean, string, uuid, got "text"',
    );
    expect(bad(['tables', 'Gateway', 'columns', 'encaps', 'type', 'min'], 2)).toThrow(
      'schema tables.Gateway.columns.encaps.type.min: expected 0 or 1',
    );
    expect(bad(['tables', 'Gateway', 'columns', 'encaps', 'type', 'max'], 0)).toThrow(
      'schema tables.Gateway.columns.encaps.type.max: expected a positive integer or "unlimited"',
    );
    expect(bad(['tables', 'Gateway', 'columns', 'encaps', 'type', 'key', 'refTable'], 'Nowhere')).toThrow(
      'schema tables.Gateway.columns.encaps: refers to unknown table Nowhere',
    );
    expect(
      bad(['tables', 'Route', 'columns', 'nexthop', 'type'], { key: { type: 'string', refTable: 'Route' } }),
    ).toThrow('schema tables.Route.columns.nexthop.type.key: only uuid atoms may have a refTable');
  });

  it('says which table or column does not exist', () => {
    expect(() => tableOf(icSouthbound(), 'Chassis')).toThrow('OVN_IC_Southbound has no table Chassis');
    expect(() => columnOf(tableOf(icSouthbound(), 'Route'), 'prefix')).toThrow(
      'table Route has no column prefix',
    );
  });
});
