import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { JsonStreamError, JsonValueSplitter } from '../../../shared/ovsdb/json-stream.js';

const MiB = 1024 * 1024;

function feed(splitter: JsonValueSplitter, ...chunks: (string | Buffer)[]): unknown[] {
  return chunks.flatMap((chunk) => splitter.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk));
}

describe('JsonValueSplitter', () => {
  it('splits concatenated messages, with or without whitespace between them', () => {
    const splitter = new JsonValueSplitter(MiB);
    expect(feed(splitter, '{"id":1}{"id":2}\n  [3]\r\n\t{"id":4}')).toEqual([
      { id: 1 },
      { id: 2 },
      [3],
      { id: 4 },
    ]);
  });

  it('holds a message split across chunks until it is complete', () => {
    const splitter = new JsonValueSplitter(MiB);
    expect(feed(splitter, '{"method":"upd')).toEqual([]);
    expect(splitter.pendingBytes).toBe(14);
    expect(feed(splitter, 'ate","params":[')).toEqual([]);
    expect(feed(splitter, '1]}{"id"')).toEqual([{ method: 'update', params: [1] }]);
    expect(feed(splitter, ':null}')).toEqual([{ id: null }]);
    expect(splitter.pendingBytes).toBe(0);
  });

  it('is not misled by brackets, braces and escaped quotes inside strings', () => {
    const splitter = new JsonValueSplitter(MiB);
    const message = { details: 'a "quoted" {brace} [bracket] \\ backslash \\"', ok: ['}', ']'] };
    expect(feed(splitter, JSON.stringify(message))).toEqual([message]);
  });

  it('reads a UTF-8 character split between two chunks', () => {
    const splitter = new JsonValueSplitter(MiB);
    const bytes = Buffer.from(JSON.stringify({ name: '互联-区域' }));
    const cut = bytes.indexOf(0xe4) + 1; // inside the first three-byte character
    expect(feed(splitter, bytes.subarray(0, cut))).toEqual([]);
    expect(feed(splitter, bytes.subarray(cut))).toEqual([{ name: '互联-区域' }]);
  });

  it('gives the same messages however the stream is cut (property)', () => {
    const message = fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 4 });
    fc.assert(
      fc.property(
        fc.array(message, { maxLength: 5 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        (messages, cuts) => {
          const bytes = Buffer.from(messages.map((m) => JSON.stringify(m)).join(' '));
          const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
          const chunks = [0, ...points].map((start, i) =>
            bytes.subarray(start, [...points, bytes.length][i]),
          );
          const splitter = new JsonValueSplitter(MiB);
          expect(feed(splitter, ...chunks)).toEqual(messages.map((m) => JSON.parse(JSON.stringify(m))));
        },
      ),
    );
  });

  it('refuses garbage between messages, naming the byte', () => {
    const splitter = new JsonValueSplitter(MiB);
    expect(() => feed(splitter, '{"id":1}garbage')).toThrow(
      new JsonStreamError('unexpected "g" (0x67) between messages (a message is a JSON object)'),
    );
  });

  it('refuses top-level scalars and binary noise', () => {
    expect(() => feed(new JsonValueSplitter(MiB), '42')).toThrow(/unexpected "4" \(0x34\)/);
    expect(() => feed(new JsonValueSplitter(MiB), Buffer.from([0x00, 0xff]))).toThrow(/unexpected 0x00/);
  });

  it('refuses a message that is balanced but not JSON', () => {
    expect(() => feed(new JsonValueSplitter(MiB), '{"id":}')).toThrow(/invalid JSON .*: \{"id":\}/);
    expect(() => feed(new JsonValueSplitter(MiB), '{"a":[1}]')).toThrow(/invalid JSON/);
    expect(() => feed(new JsonValueSplitter(MiB), "{'single':1}")).toThrow(/invalid JSON/);
  });

  it('refuses a message larger than its limit before it is complete', () => {
    const splitter = new JsonValueSplitter(1024);
    expect(feed(splitter, `{"data":"${'x'.repeat(500)}`)).toEqual([]);
    expect(() => feed(splitter, 'x'.repeat(600))).toThrow('a message exceeds the limit of 1024 bytes');
    // The limit holds for a whole message arriving in one chunk as well.
    expect(() => feed(new JsonValueSplitter(10), '{"data":"0123456789"}')).toThrow(/exceeds the limit of 10/);
  });

  it('accepts a message of exactly its limit', () => {
    const text = '{"a":"xyz"}';
    expect(feed(new JsonValueSplitter(text.length), text)).toEqual([{ a: 'xyz' }]);
  });

  it('refuses everything after a failure, and holds nothing', () => {
    const splitter = new JsonValueSplitter(MiB);
    expect(() => feed(splitter, '{"a":1} x')).toThrow(JsonStreamError);
    expect(splitter.pendingBytes).toBe(0);
    expect(() => feed(splitter, '{"b":2}')).toThrow(/unexpected "x"/);
  });

  it('keeps a truncated message pending (the session fails it when the stream ends)', () => {
    const splitter = new JsonValueSplitter(MiB);
    expect(feed(splitter, '{"id":1,"result":[{"rows":[')).toEqual([]);
    expect(splitter.pendingBytes).toBeGreaterThan(0);
  });
});
