import { describe, expect, it } from '@jest/globals';
import { differences } from '../../../functions/runtime/ovsdb-bridge.js';
import type { PublishedRow } from '../../../functions/runtime/row-publishers.js';
import { Uuid } from '../../../shared/ovsdb/datum.js';
import { Row } from '../../../shared/ovsdb/row.js';
import type { RowChange } from '../../../shared/ovsdb/updates.js';

const DB = 'OVN_IC_Southbound';
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const version = (n: number) => new Uuid(`11111111-0000-4000-8000-${String(n).padStart(12, '0')}`);

function current(table: string, n: number, v: number, prefix: string): RowChange {
  return {
    table,
    uuid: uuid(n),
    kind: 'initial',
    new: new Row(
      table,
      uuid(n),
      new Map<string, string | Uuid>([
        ['ip_prefix', prefix],
        ['_version', version(v)],
      ]),
    ),
  };
}

function told(n: number, v: number, prefix: string, deleted = false): [string, PublishedRow] {
  return [
    `${DB}/Route/${uuid(n)}`,
    { row: { ip_prefix: prefix, _version: ['uuid', version(v).value] }, deleted },
  ];
}

describe('what the OVSDB bridge publishes after (re)connecting', () => {
  it('rows new or changed since the last word, and rows gone; nothing for rows unchanged', () => {
    const known = new Map([
      told(1, 1, '10.1.0.0/24'),
      told(2, 1, '10.2.0.0/24'),
      told(3, 1, '10.3.0.0/24'),
      told(4, 1, '10.4.0.0/24', true),
      // Another table, not monitored here: left alone.
      [`${DB}/Gateway/${uuid(9)}`, { row: {}, deleted: false }] as [string, PublishedRow],
    ]);
    const rows = [
      current('Route', 1, 1, '10.1.0.0/24'),
      current('Route', 2, 2, '10.2.9.0/24'),
      current('Route', 4, 2, '10.4.0.0/24'),
      current('Route', 5, 1, '10.5.0.0/24'),
    ];
    const changes = differences(DB, new Set(['Route']), rows, known);
    expect(
      changes.map((c) => `${c.change} ${c.uuid.slice(-1)} ${String(c.new?.ip_prefix ?? c.old?.ip_prefix)}`),
    ).toEqual([
      'modify 2 10.2.9.0/24',
      'insert 4 10.4.0.0/24',
      'insert 5 10.5.0.0/24',
      'delete 3 10.3.0.0/24',
    ]);
    expect(changes[0]?.old).toEqual({ ip_prefix: '10.2.0.0/24', _version: ['uuid', version(1).value] });
  });

  it('publishes every row on a first run with no record', () => {
    const rows = [current('Route', 1, 1, '10.1.0.0/24')];
    expect(differences(DB, new Set(['Route']), rows, new Map()).map((c) => c.change)).toEqual(['insert']);
  });
});
