import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { CloudEvent } from 'cloudevents';
import { parse } from 'yaml';
import { EventFormatError } from '../../../shared/events/errors.js';
import { decodeHttpEvent, encodeHttpEvent } from '../../../shared/events/http.js';
import { decodeKafkaRecord, encodeKafkaRecord } from '../../../shared/events/kafka.js';
import {
  buildRowEvent,
  decodeRowEvent,
  OVSDB_ROW_CHANGED,
  type RowChange,
  wireString,
  wireUuid,
} from '../../../shared/events/ovsdb-row.js';

interface BrokenRow {
  what: string;
  data: unknown;
  subject?: string;
  extensions?: Record<string, string>;
  error: string;
}

const broken = (
  parse(readFileSync(path.resolve(import.meta.dirname, '../../fixtures/events/broken.yaml'), 'utf8')) as {
    ovsdbRow: BrokenRow[];
  }
).ovsdbRow;

const ZONE = '0a3e4f86-0000-4000-8000-000000000001';
const insert: RowChange = {
  database: 'OVN_IC_Southbound',
  table: 'Route',
  uuid: '5b1f2a3c-0000-4000-8000-000000000001',
  change: 'insert',
  new: {
    _version: ['uuid', '77777777-0000-4000-8000-000000000001'],
    availability_zone: ['uuid', ZONE],
    ip_prefix: '10.16.0.0/16',
  },
};

describe('io.acpnet.ovsdb.row.changed', () => {
  const event = buildRowEvent(insert, { source: 'acpnet://ovsdb-bridge', sequence: '1700000000000001' });

  it('carries the row, its identity in the id, subject and partition key, and the sequence', () => {
    expect(event).toMatchObject({
      type: OVSDB_ROW_CHANGED,
      id: '5b1f2a3c-0000-4000-8000-000000000001/77777777-0000-4000-8000-000000000001/insert',
      subject: 'Route/5b1f2a3c-0000-4000-8000-000000000001',
      database: 'OVN_IC_Southbound',
      table: 'Route',
      partitionkey: 'OVN_IC_Southbound/Route/5b1f2a3c-0000-4000-8000-000000000001',
      sequence: '1700000000000001',
    });
    expect(decodeRowEvent(event)).toMatchObject({ ...insert, sequence: '1700000000000001' });
  });

  it.each(['binary', 'structured'] as const)('survives the Kafka and HTTP bindings in %s mode', (mode) => {
    const record = encodeKafkaRecord(event, mode);
    expect(record.key).toBe('OVN_IC_Southbound/Route/5b1f2a3c-0000-4000-8000-000000000001');
    expect(decodeRowEvent(decodeKafkaRecord(record))).toMatchObject(insert);
    const message = encodeHttpEvent(event, mode);
    expect(decodeRowEvent(decodeHttpEvent(message.headers, message.body))).toMatchObject(insert);
  });

  it('names a delete by the version of the row it removed', () => {
    const deleted = buildRowEvent(
      { ...insert, change: 'delete', old: insert.new!, new: undefined },
      { source: 's', sequence: '2' },
    );
    expect(deleted.id).toBe(
      '5b1f2a3c-0000-4000-8000-000000000001/77777777-0000-4000-8000-000000000001/delete',
    );
  });

  it.each(broken.map((c) => [c.what, c] as const))('refuses %s, naming the field', (_what, c) => {
    const refused = new CloudEvent<unknown>(
      {
        specversion: '1.0',
        id: 'x',
        source: 's',
        type: OVSDB_ROW_CHANGED,
        data: c.data,
        ...(c.subject ? { subject: c.subject } : {}),
        ...(c.extensions ?? {}),
      },
      false,
    );
    expect(() => decodeRowEvent(refused)).toThrow(EventFormatError);
    expect(() => decodeRowEvent(refused)).toThrow(new RegExp(c.error));
  });

  it.each([
    ['a uuid', ['uuid', ZONE], ZONE],
    ['a one-element set', ['set', [['uuid', ZONE]]], ZONE],
    ['an empty set', ['set', []], undefined],
  ])('reads a reference column holding %s', (_what, value, expected) => {
    expect(wireUuid({ availability_zone: value }, 'availability_zone', 'data.new')).toBe(expected);
  });

  it.each([
    [
      'a string',
      () => wireUuid({ availability_zone: ZONE }, 'availability_zone', 'data.new'),
      /^data.new.availability_zone: must be a uuid reference/,
    ],
    [
      'a missing column',
      () => wireString({}, 'ip_prefix', 'data.new'),
      /^data.new.ip_prefix: must be a string, got nothing/,
    ],
    [
      'a number',
      () => wireString({ ip_prefix: 7 }, 'ip_prefix', 'data.old'),
      /^data.old.ip_prefix: must be a string, got 7/,
    ],
  ])('refuses a column holding %s, naming it', (_what, read, error) => {
    expect(read).toThrow(EventFormatError);
    expect(read).toThrow(error);
  });
});
