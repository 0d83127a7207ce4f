import fc from 'fast-check';
import { expandDeepMarkers } from './hostile-values.js';

/** One HTTP request for fastify's `inject`: what a client anywhere on the network could send. */
export interface HttpCase {
  method: 'POST' | 'GET' | 'PUT' | 'DELETE';
  url: string;
  headers: Record<string, string>;
  body: string | Buffer;
}

/** JSON text of a generated value, deep markers expanded. */
export function jsonText(value: unknown): string {
  return expandDeepMarkers(JSON.stringify(value) ?? 'null');
}

/** Bytes that are not UTF-8: a lone continuation byte, a truncated sequence, an overlong NUL, 0xFF. */
export const invalidUtf8 = fc.constantFrom(
  Buffer.from([0x80]),
  Buffer.from([0xc3]),
  Buffer.from([0xe2, 0x82]),
  Buffer.from([0xc0, 0x80]),
  Buffer.from([0xff, 0xfe]),
  Buffer.from([0xed, 0xa0, 0x80]),
);

/** The body spoiled the way transports and hand-written clients spoil it, or left as it is. */
export function spoiledBody(text: string): fc.Arbitrary<string | Buffer> {
  const at = fc.nat({ max: Math.max(text.length - 1, 0) });
  return fc.oneof(
    { arbitrary: fc.constant(text), weight: 40 },
    { arbitrary: at.map((i) => text.slice(0, i)), weight: 1 },
    { arbitrary: fc.constant(`\uFEFF${text}`), weight: 1 },
    { arbitrary: at.map((i) => `${text.slice(0, i)}\u0000${text.slice(i)}`), weight: 1 },
    {
      arbitrary: fc
        .tuple(at, invalidUtf8)
        .map(([i, bytes]) =>
          Buffer.concat([Buffer.from(text.slice(0, i)), bytes, Buffer.from(text.slice(i))]),
        ),
      weight: 1,
    },
    { arbitrary: fc.constantFrom('', ' ', 'null', '[]', '{', 'apiVersion: v1', '{"a":1}{"b":2}'), weight: 1 },
  );
}

/** Mostly JSON, sometimes every other type a client could claim, and sometimes none. */
export function contentTypes(json: string): fc.Arbitrary<string | undefined> {
  return fc.oneof(
    { arbitrary: fc.constant(json), weight: 24 },
    {
      arbitrary: fc.constantFrom(
        undefined,
        '',
        'text/plain',
        'application/xml',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/octet-stream',
        `${json}; charset=utf-16`,
        'application/JSON',
        'application/json-patch+json',
        '*/*',
        ';;;',
      ),
      weight: 2,
    },
  );
}

/** A request made of the parts; no content-type header at all when `contentType` is undefined. */
export function httpCase(
  method: HttpCase['method'],
  url: string,
  contentType: string | undefined,
  body: string | Buffer,
  extraHeaders: Record<string, string> = {},
): HttpCase {
  const headers = { ...extraHeaders };
  if (contentType !== undefined) headers['content-type'] = contentType;
  return { method, url, headers, body };
}
