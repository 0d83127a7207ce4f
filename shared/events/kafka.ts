import { type CloudEvent, Kafka } from 'cloudevents';
import { type EventAttributes, isoTime, parseJson, validateAttributes } from './attributes.js';
import { EventFormatError } from './errors.js';

export type KafkaMode = 'binary' | 'structured';

/** A Kafka record as the runtime sees it, independent of the client library. */
export interface KafkaRecord {
  key: string | null;
  value: Buffer | string | null;
  headers: Record<string, string>;
}

const requiredHeaders = ['ce_id', 'ce_source', 'ce_type', 'ce_specversion'] as const;
/** `ce_` headers naming spec attributes; an empty one is absent. Every other `ce_` header is an extension. */
const specHeaders = new Set([
  'ce_id',
  'ce_type',
  'ce_source',
  'ce_specversion',
  'ce_time',
  'ce_subject',
  'ce_dataschema',
]);

/**
 * Decodes the CloudEvents Kafka binding: binary (`ce_*` headers) or structured (`content-type`
 * `application/cloudevents+json`). The record key becomes the `partitionkey` extension.
 */
export function decodeKafkaRecord(record: KafkaRecord): EventAttributes {
  const headers: Record<string, string> = {};
  for (const name in record.headers) headers[name.toLowerCase()] = record.headers[name] as string;
  const contentType = headers['content-type'] ?? '';
  if (!headers.ce_id && !contentType.startsWith('application/cloudevents')) {
    throw new EventFormatError(
      'no CloudEvent in the record (neither ce_id header nor application/cloudevents+json)',
    );
  }
  if (record.value === null) throw new EventFormatError('record has no value (tombstone)');
  const value = typeof record.value === 'string' ? record.value : record.value.toString('utf8');
  if (contentType.startsWith('application/cloudevents-batch')) {
    throw new EventFormatError('batched CloudEvents are not supported');
  }
  const event = contentType.startsWith('application/cloudevents')
    ? structuredAttributes(contentType, value)
    : binaryAttributes(headers, contentType, value);
  if (record.key) event.partitionkey = record.key;
  return validateAttributes(event);
}

function binaryAttributes(
  headers: Record<string, string>,
  contentType: string,
  value: string,
): Record<string, unknown> {
  for (const name of requiredHeaders) {
    if (!headers[name]) {
      throw new EventFormatError(`required CloudEvents attribute is missing (header ${name})`, name.slice(3));
    }
  }
  const event: Record<string, unknown> = {};
  if (contentType) event.datacontenttype = contentType;
  for (const name in headers) {
    if (!name.startsWith('ce_')) continue;
    const header = headers[name] as string;
    if (header === '' && specHeaders.has(name)) continue;
    event[name.slice(3)] = header;
  }
  event.time = typeof event.time === 'string' ? isoTime(event.time) : new Date().toISOString();
  // The record key, not a `ce_partitionkey` header, is the partition key.
  delete event.partitionkey;
  event.data = contentType.startsWith('application/json') ? parseJson(value, 'data') : value;
  return event;
}

function structuredAttributes(contentType: string, value: string): Record<string, unknown> {
  if (!contentType.startsWith('application/cloudevents+json')) {
    throw new EventFormatError(
      `unsupported structured encoding ${JSON.stringify(contentType)}`,
      'content-type',
    );
  }
  const parsed = parseJson(value);
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new EventFormatError('a structured CloudEvent must be a JSON object');
  }
  const event = parsed as Record<string, unknown>;
  for (const attribute of ['id', 'source', 'type', 'specversion'] as const) {
    if (typeof event[attribute] !== 'string' || event[attribute] === '') {
      throw new EventFormatError('required CloudEvents attribute is missing', attribute);
    }
  }
  if ('schemaurl' in event) throw new EventFormatError('not a CloudEvents 1.0 attribute', 'schemaurl');
  if (event.time === undefined || event.time === null || event.time === '') {
    event.time = new Date().toISOString();
  } else if (typeof event.time === 'string') {
    isoTime(event.time);
  }
  if (typeof event.data_base64 === 'string' && event.data_base64 !== '' && event.data === undefined) {
    event.data = Buffer.from(event.data_base64, 'base64');
  }
  return event;
}

/** Encodes an event as a Kafka record; the key is the event's `partitionkey` extension. */
export function encodeKafkaRecord(event: CloudEvent<unknown>, mode: KafkaMode): KafkaRecord {
  const message = mode === 'binary' ? Kafka.binary(event) : Kafka.structured(event);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers)) {
    if (value !== undefined && value !== null) headers[name] = String(value);
  }
  const body = message.value;
  const value =
    body === undefined || body === null ? null : typeof body === 'string' ? body : JSON.stringify(body);
  const key = message.key === undefined || message.key === null ? null : String(message.key);
  return { key, value, headers };
}
