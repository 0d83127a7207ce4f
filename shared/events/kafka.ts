import { type CloudEvent, Kafka } from 'cloudevents';
import { checkedEvent, decodeWith, parseStructuredJson, requireBinaryHeaders } from './cloud-event.js';
import { EventFormatError } from './errors.js';

export type KafkaMode = 'binary' | 'structured';

/** A Kafka record as the runtime sees it, independent of the client library. */
export interface KafkaRecord {
  key: string | null;
  value: Buffer | string | null;
  headers: Record<string, string>;
}

/** Decodes the CloudEvents Kafka binding: binary (`ce_*` headers) or structured (`content-type`). */
export function decodeKafkaRecord(record: KafkaRecord): CloudEvent<unknown> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(record.headers)) headers[name.toLowerCase()] = value;
  if (record.value === null) throw new EventFormatError('record has no value (tombstone)');
  const value = typeof record.value === 'string' ? record.value : record.value.toString('utf8');
  const message = { headers, key: record.key ?? '', value, body: value };
  if (!Kafka.isEvent(message)) {
    throw new EventFormatError(
      'no CloudEvent in the record (neither ce_id header nor application/cloudevents+json)',
    );
  }
  const contentType = headers['content-type'] ?? '';
  if (contentType.startsWith('application/cloudevents-batch')) {
    throw new EventFormatError('batched CloudEvents are not supported');
  }
  if (contentType.startsWith('application/cloudevents')) {
    if (!contentType.startsWith('application/cloudevents+json')) {
      throw new EventFormatError(
        `unsupported structured encoding ${JSON.stringify(contentType)}`,
        'content-type',
      );
    }
    const event = parseStructuredJson(value);
    return record.key ? event.cloneWith({ partitionkey: record.key }, false) : event;
  }
  requireBinaryHeaders(headers, 'ce_');
  const decoded = decodeWith(() => Kafka.toEvent<unknown>(message));
  if (Array.isArray(decoded)) throw new EventFormatError('batched CloudEvents are not supported');
  const event = checkedEvent(decoded);
  // The SDK stores the record key as `partitionkey`; an empty key is no key.
  return record.key ? event : event.cloneWith({ partitionkey: undefined }, false);
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
