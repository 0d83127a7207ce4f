import { CloudEvent, type CloudEventV1, ValidationError } from 'cloudevents';
import { EventFormatError } from './errors.js';

export type { CloudEvent };

/** Attributes a CloudEvents 1.0 event must carry; the SDK's lenient parsers do not all check them. */
const requiredAttributes = ['id', 'source', 'type', 'specversion'] as const;

/** Binary mode: every required attribute must arrive as a header (`ce-id`, or `ce_id` on Kafka). */
export function requireBinaryHeaders(headers: Readonly<Record<string, string>>, prefix: 'ce-' | 'ce_'): void {
  for (const attribute of requiredAttributes) {
    if (!headers[`${prefix}${attribute}`]) {
      throw new EventFormatError(
        `required CloudEvents attribute is missing (header ${prefix}${attribute})`,
        attribute,
      );
    }
  }
}

/** Validates an event the SDK parsed without checking, turning SDK errors into EventFormatError. */
export function checkedEvent(parsed: CloudEventV1<unknown>): CloudEvent<unknown> {
  const event =
    parsed instanceof CloudEvent ? parsed : decodeWith(() => new CloudEvent<unknown>(parsed, false));
  for (const attribute of requiredAttributes) {
    const value = event[attribute];
    if (typeof value !== 'string' || value.length === 0) {
      throw new EventFormatError('required CloudEvents attribute is missing', attribute);
    }
  }
  if (event.specversion !== '1.0') {
    throw new EventFormatError(`unsupported specversion ${JSON.stringify(event.specversion)}`, 'specversion');
  }
  try {
    event.validate();
  } catch (error) {
    throw asFormatError(error);
  }
  return event;
}

/** Runs an SDK decoder; its ValidationError, JSON SyntaxError and RangeError (bad time) are format errors. */
export function decodeWith<T>(decode: () => T): T {
  try {
    return decode();
  } catch (error) {
    throw asFormatError(error);
  }
}

function asFormatError(error: unknown): Error {
  if (error instanceof EventFormatError) return error;
  if (error instanceof ValidationError) {
    const detail =
      Array.isArray(error.errors) && error.errors.length > 0 ? `: ${JSON.stringify(error.errors)}` : '';
    return new EventFormatError(`${error.message}${detail}`);
  }
  if (error instanceof SyntaxError) return new EventFormatError(`malformed JSON: ${error.message}`);
  if (error instanceof RangeError)
    return new EventFormatError(`malformed attribute: ${error.message}`, 'time');
  return error instanceof Error ? error : new Error(String(error));
}

/** Parses one structured-mode JSON CloudEvent (a JSONL line, an HTTP structured body). */
export function parseStructuredJson(text: string): CloudEvent<unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new EventFormatError(`malformed JSON: ${(error as Error).message}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new EventFormatError('a structured CloudEvent must be a JSON object');
  }
  const attrs = parsed as Record<string, unknown>;
  // The SDK would invent a missing id; a recorded event without one is broken.
  for (const attribute of requiredAttributes) {
    if (typeof attrs[attribute] !== 'string' || attrs[attribute] === '') {
      throw new EventFormatError('required CloudEvents attribute is missing', attribute);
    }
  }
  if (typeof attrs.time === 'string' && Number.isNaN(Date.parse(attrs.time))) {
    throw new EventFormatError(`not an RFC 3339 timestamp: ${JSON.stringify(attrs.time)}`, 'time');
  }
  return checkedEvent(
    decodeWith(
      () =>
        new CloudEvent<unknown>(attrs as Record<string, unknown> & { type: string; source: string }, false),
    ),
  );
}
