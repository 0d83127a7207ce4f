import { describe, expect, it } from '@jest/globals';
import { type CloudEvent, Kafka, type KafkaMessage } from 'cloudevents';
import fc from 'fast-check';
import { buildChangeEvent, decodeChangeEvent } from '../../../shared/events/apiserver.js';
import { EventFormatError } from '../../../shared/events/errors.js';
import { decodeKafkaRecord, encodeKafkaRecord, type KafkaRecord } from '../../../shared/events/kafka.js';
import type { KubeObject } from '../../../shared/kube/object.js';

const service: KubeObject = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web', namespace: 'shop', uid: 'u-7', resourceVersion: '9' },
  spec: { ports: [{ port: 80 }] },
};

/** What the SDK decodes from the same record: the reference the direct decoder must agree with. */
function sdkDecode(record: KafkaRecord): Record<string, unknown> {
  const value = typeof record.value === 'string' ? record.value : String(record.value);
  const message: KafkaMessage<string> = {
    headers: record.headers,
    key: record.key ?? '',
    value,
    body: value,
  };
  const event = Kafka.toEvent<unknown>(message) as CloudEvent<unknown>;
  const attributes: Record<string, unknown> = { ...event };
  for (const name of Object.keys(attributes)) if (attributes[name] === undefined) delete attributes[name];
  if (!record.key) delete attributes.partitionkey;
  return attributes;
}

function withoutUndefined(event: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(event).filter(([, value]) => value !== undefined));
}

const events = [
  [
    'a namespaced Resource-mode add',
    buildChangeEvent('add', service, { source: 'https://k8s/api', time: '2026-03-01T10:00:00.123Z' }),
  ],
  [
    'a Reference-mode delete',
    buildChangeEvent('delete', service, { source: 's', mode: 'ref', time: '2026-03-01T10:00:00.000Z' }),
  ],
  [
    'a cluster-scoped update',
    buildChangeEvent(
      'update',
      { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'alb' } },
      { source: 's', time: '2026-03-01T10:00:00.000Z' },
    ),
  ],
] as const;

describe('Kafka decoder', () => {
  it.each(events)('decodes %s in binary mode as the SDK does', (_what, event) => {
    const record = encodeKafkaRecord(event, 'binary');
    const decoded = decodeKafkaRecord({ ...record, value: Buffer.from(String(record.value)) });
    expect(withoutUndefined(decoded)).toEqual(sdkDecode(record));
    expect(decodeChangeEvent(decoded)).toEqual(decodeChangeEvent(event));
  });

  it.each(events)('decodes %s in structured mode to the event that was sent', (_what, event) => {
    const record = encodeKafkaRecord(event, 'structured');
    const decoded = decodeKafkaRecord(record);
    expect(withoutUndefined(decoded)).toEqual(withoutUndefined(event.toJSON()));
    expect(decodeChangeEvent(decoded)).toEqual(decodeChangeEvent(event));
  });

  it('takes the partition key from the record key, not from a ce_partitionkey header', () => {
    const headers = { ce_id: '1', ce_source: 's', ce_specversion: '1.0', ce_type: 't', ce_partitionkey: 'h' };
    expect(decodeKafkaRecord({ key: 'k', value: '{}', headers }).partitionkey).toBe('k');
    expect(decodeKafkaRecord({ key: null, value: '{}', headers }).partitionkey).toBeUndefined();
  });

  it('keeps a non-JSON binary body as text and normalises ce_time to UTC', () => {
    const decoded = decodeKafkaRecord({
      key: null,
      value: 'plain',
      headers: {
        CE_ID: '1',
        ce_source: 's',
        ce_specversion: '1.0',
        ce_type: 't',
        ce_time: '2026-03-01T12:00:00+02:00',
        'Content-Type': 'text/plain',
      },
    });
    expect(decoded).toMatchObject({
      data: 'plain',
      datacontenttype: 'text/plain',
      time: '2026-03-01T10:00:00.000Z',
    });
  });

  it('decodes structured data_base64 into bytes', () => {
    const decoded = decodeKafkaRecord({
      key: null,
      value: JSON.stringify({ specversion: '1.0', id: '1', source: 's', type: 't', data_base64: 'e30=' }),
      headers: { 'content-type': 'application/cloudevents+json; charset=utf-8' },
    });
    expect(Buffer.from(decoded.data as Uint8Array).toString('utf8')).toBe('{}');
  });

  it('refuses anything it cannot decode with an EventFormatError, never another error', () => {
    const headerName = fc.constantFrom(
      'ce_id',
      'ce_source',
      'ce_type',
      'ce_specversion',
      'ce_time',
      'ce_x',
      'content-type',
    );
    const headerValue = fc.oneof(
      fc.string(),
      fc.constantFrom('1.0', 'application/json', 'application/cloudevents+json', '2026-01-01T00:00:00Z'),
    );
    fc.assert(
      fc.property(
        fc.dictionary(headerName, headerValue),
        fc.option(fc.oneof(fc.string(), fc.json()), { nil: null }),
        fc.option(fc.string(), { nil: null }),
        (headers, value, key) => {
          try {
            decodeKafkaRecord({ key, value, headers });
          } catch (error) {
            expect(error).toBeInstanceOf(EventFormatError);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
