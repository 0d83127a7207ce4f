import type { KubeObject } from './object.js';
import { groupKindOf } from './object.js';

/** Sizes as the API server and etcd count them: limits, and measures that stop once over a limit. */

export const MIB = 1024 * 1024;

/** The API server refuses request bodies larger than this (apiserver `MaxRequestBodyBytes`). */
export const REQUEST_BODY_LIMIT = 3 * MIB;

/**
 * etcd refuses a write larger than this (its `--max-request-bytes` default), so no object larger
 * than this is ever stored. Measured here on the object's JSON: exact for custom resources, which
 * are stored as JSON, and on the safe side for built-in kinds, stored as protobuf.
 */
export const STORED_OBJECT_LIMIT = 1.5 * MIB;

/** A ConfigMap's data and binaryData, or a Secret's data, hold at most this many bytes (`MaxSecretSize`). */
export const DATA_LIMIT = MIB;

/** `1.5 MiB`, `3 MiB`: at most one decimal. */
export function formatMebibytes(bytes: number): string {
  return `${Number((bytes / MIB).toFixed(1))} MiB`;
}

/**
 * How a size over `limit` reads next to it: in MiB with at most one decimal, or in bytes (beside the
 * limit in bytes) where the decimal would not show that it is over.
 */
export function describeExcess(bytes: number, limit: number): { size: string; limit: string } {
  const mib = Number((bytes / MIB).toFixed(1));
  if (mib > limit / MIB) return { size: `${mib} MiB`, limit: formatMebibytes(limit) };
  return { size: `${bytes} bytes`, limit: `${formatMebibytes(limit)} (${limit} bytes)` };
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: JSON escapes exactly these characters.
const NEEDS_ESCAPE = /["\\\u0000-\u001f]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: everything JSON writes as it is.
const NOT_ESCAPED = /[^"\\\u0000-\u001f]+/g;
const SURROGATE = /[\uD800-\uDFFF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Bytes JSON adds to write a character below 0x80 escaped: `\"`, `\\`, `\n`..., or `\u00XX`. */
function escapeExtra(code: number): number {
  if (code === 0x22 || code === 0x5c || (code >= 8 && code <= 13 && code !== 11)) return 1;
  return code < 0x20 ? 5 : 0;
}

/** Short strings, the most common by far, are counted in a loop: cheaper than native calls. */
function shortStringSize(text: string): number {
  const length = text.length;
  let bytes = length + 2;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      if (code < 0x20 || code === 0x22 || code === 0x5c) bytes += escapeExtra(code);
    } else if (code < 0x800) bytes += 1;
    else if (code < 0xd800 || code > 0xdfff) bytes += 2;
    else if (code <= 0xdbff && i + 1 < length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 2;
      i++;
    } else bytes += 5;
  }
  return bytes;
}

/** Bytes of `JSON.stringify(text)` in UTF-8, without building it. */
export function jsonStringSize(text: string): number {
  if (text.length < 256) return shortStringSize(text);
  let bytes = Buffer.byteLength(text, 'utf8') + 2;
  if (NEEDS_ESCAPE.test(text)) {
    for (const char of text.replace(NOT_ESCAPED, '')) bytes += escapeExtra(char.charCodeAt(0));
  }
  // A lone surrogate is written `\uXXXX` (6 bytes) where UTF-8 would use a 3-byte replacement.
  if (SURROGATE.test(text)) bytes += 3 * (text.match(LONE_SURROGATE)?.length ?? 0);
  return bytes;
}

function hasToJson(value: object): value is { toJSON(key: string): unknown } {
  return typeof (value as { toJSON?: unknown }).toJSON === 'function';
}

/** Counts JSON bytes until the count passes `cap`. */
class SizeWalk {
  bytes = 0;

  constructor(private readonly cap: number) {}

  /** Adds the size of `value` as JSON.stringify would write it; false when it writes nothing. */
  value(input: unknown, key: string | number): boolean {
    let value = input;
    if (typeof value === 'object' && value !== null && hasToJson(value)) value = value.toJSON(String(key));
    switch (typeof value) {
      case 'string':
        this.bytes += jsonStringSize(value);
        return true;
      case 'number':
        this.bytes += Number.isFinite(value) ? String(value).length : 4;
        return true;
      case 'boolean':
        this.bytes += value ? 4 : 5;
        return true;
      case 'bigint':
        this.bytes += String(value).length;
        return true;
      case 'object':
        if (value === null) this.bytes += 4;
        else if (Array.isArray(value)) this.array(value);
        else this.object(value);
        return true;
      default:
        return false;
    }
  }

  private array(items: readonly unknown[]): void {
    this.bytes += items.length > 0 ? 1 + items.length : 2;
    for (let i = 0; i < items.length && this.bytes <= this.cap; i++) {
      if (!this.value(items[i], i)) this.bytes += 4;
    }
  }

  private object(record: object): void {
    this.bytes += 2;
    let members = 0;
    const fields = record as Record<string, unknown>;
    for (const key of Object.keys(fields)) {
      if (this.bytes > this.cap) return;
      if (!this.value(fields[key], key)) continue;
      this.bytes += jsonStringSize(key) + (members > 0 ? 2 : 1);
      members++;
    }
  }
}

/**
 * The UTF-8 byte length of `JSON.stringify(value)`, counted without building the text. Counting
 * stops once past `cap`: the result is then some number above `cap`, not the full size, so a huge
 * object costs no more than `cap` bytes of walking.
 */
export function jsonSize(value: unknown, cap = Number.POSITIVE_INFINITY): number {
  const walk = new SizeWalk(cap);
  walk.value(value, '');
  return walk.bytes;
}

/** Bytes a base64 text decodes to (line breaks ignored, as Go's decoder does). */
export function base64DecodedSize(text: string): number {
  const compact = text.includes('\n') || text.includes('\r') ? text.replace(/[\r\n]/g, '') : text;
  const padding = compact.endsWith('==') ? 2 : compact.endsWith('=') ? 1 : 0;
  return Math.max(0, Math.floor((compact.length * 3) / 4) - padding);
}

function stringEntries(value: unknown): [string, string][] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  return Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
}

/**
 * The data size the API server limits to DATA_LIMIT, counted as it counts it (values only, keys
 * not): a ConfigMap's `data` in UTF-8 plus its `binaryData` decoded; a Secret's `data` decoded,
 * where a `stringData` key replaces the `data` key of the same name. Undefined for other kinds.
 */
export function dataSize(object: KubeObject): number | undefined {
  const kind = groupKindOf(object);
  if (kind === '/ConfigMap') {
    let bytes = 0;
    for (const [, text] of stringEntries(object.data)) bytes += Buffer.byteLength(text, 'utf8');
    for (const [, text] of stringEntries(object.binaryData)) bytes += base64DecodedSize(text);
    return bytes;
  }
  if (kind === '/Secret') {
    const plain = new Map(stringEntries(object.stringData));
    let bytes = 0;
    for (const [key, text] of stringEntries(object.data)) {
      if (!plain.has(key)) bytes += base64DecodedSize(text);
    }
    for (const text of plain.values()) bytes += Buffer.byteLength(text, 'utf8');
    return bytes;
  }
  return undefined;
}
