/** A problem with TLS input (PEM text, a certificate, a key) that a user can fix; the message says what. */
export class TlsInputError extends Error {
  constructor(
    message: string,
    /** Index of the PEM block at fault (0-based), when one is. */
    readonly blockIndex?: number,
  ) {
    super(message);
    this.name = 'TlsInputError';
  }
}

export const BINARY_NOT_SUPPORTED = 'binary files are not supported';

export interface PemBlock {
  /** Position among the blocks of the input, 0-based. */
  index: number;
  /** The label between BEGIN and the dashes, e.g. "CERTIFICATE", "RSA PRIVATE KEY". */
  label: string;
  /** RFC 1421 headers such as Proc-Type and DEK-Info (legacy encrypted keys). */
  headers: Readonly<Record<string, string>>;
  der: Buffer;
  /** 1-based line of the BEGIN line. */
  line: number;
}

const beginLine = /^-----BEGIN ([A-Z0-9 ]+)-----$/;
const endLine = /^-----END ([A-Z0-9 ]+)-----$/;
const headerLine = /^([A-Za-z][A-Za-z0-9-]*):\s*(.*)$/;
const base64Line = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * True for content that is not text: DER, PKCS#12 and other binary files. Text means valid UTF-8
 * without control characters other than tab, CR and LF.
 */
export function isBinaryContent(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return true;
  }
  return hasControlCharacters(text);
}

export function hasControlCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f) return true;
  }
  return false;
}

function blockName(index: number, label: string): string {
  return `PEM block ${index} (${label})`;
}

/**
 * Splits PEM text into its blocks. Text between blocks (such as openssl's "Bag Attributes") is
 * ignored. Throws TlsInputError for binary input, empty input, no block at all, a block without
 * its END line, mismatched labels and bodies that are not base64.
 */
export function parsePemBlocks(input: string | Uint8Array): PemBlock[] {
  if (typeof input !== 'string' && isBinaryContent(input)) throw new TlsInputError(BINARY_NOT_SUPPORTED);
  const text = typeof input === 'string' ? input : new TextDecoder().decode(input);
  if (hasControlCharacters(text)) throw new TlsInputError(BINARY_NOT_SUPPORTED);
  if (text.trim() === '') throw new TlsInputError('is empty: expected PEM text');

  const lines = text.split(/\r?\n/);
  const blocks: PemBlock[] = [];
  let open: { label: string; line: number; headers: Record<string, string>; body: string[] } | undefined;
  let inHeaders = false;

  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    const lineNo = i + 1;
    if (!open) {
      const begin = beginLine.exec(line);
      if (begin) {
        open = { label: begin[1] ?? '', line: lineNo, headers: {}, body: [] };
        inHeaders = true;
      }
      continue;
    }
    const name = blockName(blocks.length, open.label);
    if (beginLine.test(line)) {
      throw new TlsInputError(`${name} starting at line ${open.line} has no END line`, blocks.length);
    }
    const end = endLine.exec(line);
    if (end) {
      if (end[1] !== open.label) {
        throw new TlsInputError(
          `${name} ends with "-----END ${end[1]}-----" at line ${lineNo}`,
          blocks.length,
        );
      }
      const body = open.body.join('');
      if (body.length === 0 || body.length % 4 === 1) {
        throw new TlsInputError(`${name} has an empty or truncated base64 body`, blocks.length);
      }
      blocks.push({
        index: blocks.length,
        label: open.label,
        headers: open.headers,
        der: Buffer.from(body, 'base64'),
        line: open.line,
      });
      open = undefined;
      continue;
    }
    if (inHeaders) {
      const header = headerLine.exec(line);
      if (header) {
        open.headers[header[1] ?? ''] = header[2] ?? '';
        continue;
      }
      inHeaders = false;
      if (line === '') continue;
    }
    if (line === '') continue;
    if (line.startsWith('-----END ') && line.includes('-----BEGIN ')) {
      throw new TlsInputError(
        `${name} has its END and the next BEGIN on one line (line ${lineNo}): put each on its own line`,
        blocks.length,
      );
    }
    if (!base64Line.test(line)) {
      throw new TlsInputError(`${name} has a line that is not base64 at line ${lineNo}`, blocks.length);
    }
    open.body.push(line);
  }

  if (open) {
    throw new TlsInputError(
      `${blockName(blocks.length, open.label)} starting at line ${open.line} has no END line`,
      blocks.length,
    );
  }
  if (blocks.length === 0) throw new TlsInputError('contains no PEM block ("-----BEGIN ...-----")');
  return blocks;
}

export function describeBlock(block: Pick<PemBlock, 'index' | 'label'>): string {
  return blockName(block.index, block.label);
}
