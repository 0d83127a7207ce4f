/**
 * OVSDB's JSON-RPC (RFC 7047) has no framing: messages are JSON objects written one after the other
 * on the stream, split anywhere by TCP. This splitter finds where each top-level value ends by
 * tracking bracket depth and string state over bytes (every structural character is ASCII, so a
 * UTF-8 sequence split between chunks is never misread), then parses the complete value.
 */

export class JsonStreamError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JsonStreamError';
  }
}

const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

function isWhitespace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

function describeByte(byte: number): string {
  const hex = `0x${byte.toString(16).padStart(2, '0')}`;
  return byte >= 0x20 && byte < 0x7f ? `${JSON.stringify(String.fromCharCode(byte))} (${hex})` : hex;
}

/**
 * Splits a byte stream into JSON values. Only objects and arrays may appear at the top level (RFC
 * 7047 messages are objects); anything else, a value longer than `maxValueBytes`, or text that is
 * not JSON is a JsonStreamError, after which the splitter refuses further input.
 */
export class JsonValueSplitter {
  private parts: Buffer[] = [];
  private partBytes = 0;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private failure: JsonStreamError | undefined;

  constructor(private readonly maxValueBytes: number) {}

  /** Bytes held for a value not yet complete. */
  get pendingBytes(): number {
    return this.partBytes;
  }

  /** Feeds one chunk and returns every value it completes, in order. */
  push(chunk: Uint8Array): unknown[] {
    if (this.failure) throw this.failure;
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    const values: unknown[] = [];
    let start = this.depth > 0 ? 0 : -1;
    for (let i = 0; i < bytes.length; i++) {
      const byte = bytes[i]!;
      if (this.depth === 0) {
        if (isWhitespace(byte)) continue;
        if (byte !== OPEN_BRACE && byte !== OPEN_BRACKET) {
          throw this.fail(`unexpected ${describeByte(byte)} between messages (a message is a JSON object)`);
        }
        start = i;
        this.depth = 1;
        continue;
      }
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (byte === BACKSLASH) this.escaped = true;
        else if (byte === QUOTE) this.inString = false;
        continue;
      }
      if (byte === QUOTE) this.inString = true;
      else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) this.depth++;
      else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
        this.depth--;
        if (this.depth === 0) {
          this.checkSize(i + 1 - start);
          values.push(this.complete(bytes.subarray(start, i + 1)));
          start = -1;
        }
      }
    }
    if (this.depth > 0) {
      const rest = bytes.subarray(start);
      this.checkSize(rest.length);
      this.parts.push(rest);
      this.partBytes += rest.length;
    }
    return values;
  }

  private checkSize(moreBytes: number): void {
    if (this.partBytes + moreBytes > this.maxValueBytes) {
      throw this.fail(`a message exceeds the limit of ${this.maxValueBytes} bytes`);
    }
  }

  private complete(tail: Buffer): unknown {
    const text = (this.parts.length === 0 ? tail : Buffer.concat([...this.parts, tail])).toString('utf8');
    this.parts = [];
    this.partBytes = 0;
    try {
      return JSON.parse(text);
    } catch (error) {
      const excerpt = text.length > 80 ? `${text.slice(0, 80)}...` : text;
      throw this.fail(`invalid JSON (${(error as Error).message}): ${excerpt}`);
    }
  }

  private fail(message: string): JsonStreamError {
    this.failure = new JsonStreamError(message);
    this.parts = [];
    this.partBytes = 0;
    return this.failure;
  }
}
