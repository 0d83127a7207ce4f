import { type CloudEvent, HTTP } from 'cloudevents';
import { checkedEvent, decodeWith, parseStructuredJson, requireBinaryHeaders } from './cloud-event.js';
import { EventFormatError } from './errors.js';

export type HttpMode = 'binary' | 'structured';

export interface HttpMessage {
  headers: Record<string, string>;
  body: string;
}

/** Decodes an HTTP request (binary `ce-*` headers or structured `application/cloudevents+json`). */
export function decodeHttpEvent(
  headers: Readonly<Record<string, string | string[] | undefined>>,
  body: string | Buffer | undefined,
): CloudEvent<unknown> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  }
  const text = body === undefined ? '' : typeof body === 'string' ? body : body.toString('utf8');
  const contentType = flat['content-type'] ?? '';
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
    return parseStructuredJson(text);
  }
  if (!Object.keys(flat).some((name) => name.startsWith('ce-'))) {
    throw new EventFormatError(
      'no CloudEvent in the request (neither ce-* headers nor application/cloudevents+json)',
    );
  }
  requireBinaryHeaders(flat, 'ce-');
  const decoded = decodeWith(() => HTTP.toEvent<unknown>({ headers: flat, body: text }));
  if (Array.isArray(decoded)) throw new EventFormatError('batched CloudEvents are not supported');
  return checkedEvent(decoded);
}

/** Encodes an event for an HTTP POST in the given content mode. */
export function encodeHttpEvent(event: CloudEvent<unknown>, mode: HttpMode): HttpMessage {
  const message = mode === 'binary' ? HTTP.binary(event) : HTTP.structured(event);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers)) {
    if (value !== undefined) headers[name] = String(value);
  }
  const body = message.body;
  return { headers, body: typeof body === 'string' ? body : JSON.stringify(body) };
}
