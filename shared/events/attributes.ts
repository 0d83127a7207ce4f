import type { CloudEventV1 } from 'cloudevents';
import { EventFormatError } from './errors.js';

/**
 * A decoded CloudEvent as plain attributes. Kafka decoding builds these directly: constructing and
 * schema-validating an SDK CloudEvent per record cost most of the consumer's time.
 */
export type EventAttributes = CloudEventV1<unknown>;

const requiredAttributes = ['id', 'source', 'type', 'specversion'] as const;
const optionalStringAttributes = ['datacontenttype', 'dataschema', 'subject', 'time'] as const;
const attributeName = /^[a-z0-9]+$/;
const rfc3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
const absoluteUri = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*$/;
const whitespaceOrControl = /[\s\p{Cc}]/u;

/** Checks what CloudEvents 1.0 requires of the attributes (the same rules as the SDK's schema). */
export function validateAttributes(event: Record<string, unknown>): EventAttributes {
  for (const attribute of requiredAttributes) {
    const value = event[attribute];
    if (typeof value !== 'string' || value.length === 0) {
      throw new EventFormatError('required CloudEvents attribute is missing', attribute);
    }
  }
  if (event.specversion !== '1.0') {
    throw new EventFormatError(`unsupported specversion ${JSON.stringify(event.specversion)}`, 'specversion');
  }
  if (whitespaceOrControl.test(event.source as string)) {
    throw new EventFormatError(`not a URI reference: ${JSON.stringify(event.source)}`, 'source');
  }
  for (const attribute of optionalStringAttributes) {
    const value = event[attribute];
    if (value !== undefined && value !== null && (typeof value !== 'string' || value.length === 0)) {
      throw new EventFormatError('must be a non-empty string', attribute);
    }
  }
  if (typeof event.dataschema === 'string' && !absoluteUri.test(event.dataschema)) {
    throw new EventFormatError(`not an absolute URI: ${JSON.stringify(event.dataschema)}`, 'dataschema');
  }
  if (typeof event.time === 'string' && !rfc3339.test(event.time)) {
    throw new EventFormatError(`not an RFC 3339 timestamp: ${JSON.stringify(event.time)}`, 'time');
  }
  for (const name in event) {
    if (name !== 'data_base64' && !attributeName.test(name)) {
      throw new EventFormatError(
        `invalid attribute name ${JSON.stringify(name)} (lower-case letters and digits only)`,
      );
    }
  }
  return event as EventAttributes;
}

/** `Date#toISOString` output: a valid one needs no normalising. */
const canonicalTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Normalises a timestamp to ISO 8601 UTC, as the SDK does for binary-mode `ce_time`. */
export function isoTime(value: string): string {
  const millis = Date.parse(value);
  if (Number.isNaN(millis)) {
    throw new EventFormatError(`not an RFC 3339 timestamp: ${JSON.stringify(value)}`, 'time');
  }
  return canonicalTime.test(value) ? value : new Date(millis).toISOString();
}

/** Parses JSON, reporting a syntax error as a format error on `field`. */
export function parseJson(text: string, field?: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new EventFormatError(`malformed JSON: ${(error as Error).message}`, field);
  }
}
