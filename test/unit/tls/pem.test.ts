import { describe, expect, it } from '@jest/globals';
import {
  BINARY_NOT_SUPPORTED,
  isBinaryContent,
  parsePemBlocks,
  TlsInputError,
} from '../../../shared/tls/pem.js';

const body = Buffer.from('not really DER but base64 all the same').toString('base64');
const block = (label: string, content = body) =>
  `-----BEGIN ${label}-----\n${content}\n-----END ${label}-----\n`;

describe('parsePemBlocks', () => {
  it('splits blocks, keeps their order, labels, headers and lines, and ignores text between them', () => {
    const text = `Bag Attributes\n    localKeyID: 01\n${block('CERTIFICATE')}\n${'-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-256-CBC,00\n\n'}${body}\n-----END RSA PRIVATE KEY-----\n`;
    const blocks = parsePemBlocks(text);
    expect(blocks.map((b) => [b.index, b.label, b.line])).toEqual([
      [0, 'CERTIFICATE', 3],
      [1, 'RSA PRIVATE KEY', 7],
    ]);
    expect(blocks[1]?.headers).toEqual({ 'Proc-Type': '4,ENCRYPTED', 'DEK-Info': 'AES-256-CBC,00' });
    expect(blocks[0]?.der.toString()).toBe('not really DER but base64 all the same');
  });

  it('accepts CRLF line endings and bytes holding PEM text', () => {
    const blocks = parsePemBlocks(Buffer.from(block('CERTIFICATE').replace(/\n/g, '\r\n')));
    expect(blocks).toHaveLength(1);
  });

  it.each([
    ['empty text', '', 'is empty: expected PEM text', undefined],
    ['blank text', '  \n\n', 'is empty: expected PEM text', undefined],
    ['text without a block', 'hello world', 'contains no PEM block ("-----BEGIN ...-----")', undefined],
    [
      'a block without END',
      `-----BEGIN CERTIFICATE-----\n${body}\n`,
      'PEM block 0 (CERTIFICATE) starting at line 1 has no END line',
      0,
    ],
    [
      'a second BEGIN inside a block',
      `${block('CERTIFICATE')}-----BEGIN CERTIFICATE-----\n${body}\n${block('CERTIFICATE')}`,
      'PEM block 1 (CERTIFICATE) starting at line 4 has no END line',
      1,
    ],
    [
      'mismatched END label',
      `-----BEGIN CERTIFICATE-----\n${body}\n-----END PRIVATE KEY-----\n`,
      'PEM block 0 (CERTIFICATE) ends with "-----END PRIVATE KEY-----" at line 3',
      0,
    ],
    [
      'a body line that is not base64',
      `${block('CERTIFICATE')}-----BEGIN CERTIFICATE-----\nnot base64 at all!\n-----END CERTIFICATE-----\n`,
      'PEM block 1 (CERTIFICATE) has a line that is not base64 at line 5',
      1,
    ],
    [
      'an empty body',
      block('CERTIFICATE', ''),
      'PEM block 0 (CERTIFICATE) has an empty or truncated base64 body',
      0,
    ],
    [
      'a truncated body',
      block('CERTIFICATE', 'QUJDRA=='.slice(0, 5)),
      'PEM block 0 (CERTIFICATE) has an empty or truncated base64 body',
      0,
    ],
    [
      'END and BEGIN on one line',
      block('CERTIFICATE').trim() + block('CERTIFICATE'),
      'PEM block 0 (CERTIFICATE) has its END and the next BEGIN on one line (line 3): put each on its own line',
      0,
    ],
    ['a NUL character in text', `${block('CERTIFICATE')}\u0000`, BINARY_NOT_SUPPORTED, undefined],
  ])('refuses %s', (_case, input, message, blockIndex) => {
    let error: unknown;
    try {
      parsePemBlocks(input);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(TlsInputError);
    expect((error as TlsInputError).message).toBe(message);
    expect((error as TlsInputError).blockIndex).toBe(blockIndex);
  });

  it('refuses DER bytes as binary', () => {
    const der = Buffer.from([0x30, 0x82, 0x01, 0x0a, 0x02, 0x82, 0x01, 0x01, 0x00]);
    expect(() => parsePemBlocks(der)).toThrow(BINARY_NOT_SUPPORTED);
  });
});

describe('isBinaryContent', () => {
  it.each([
    ['PEM text', Buffer.from(block('CERTIFICATE')), false],
    ['text with tabs and CRLF', Buffer.from('a\tb\r\nc'), false],
    ['UTF-8 text', Buffer.from('证书 ✓'), false],
    ['DER (invalid UTF-8)', Buffer.from([0x30, 0x82, 0x03, 0x01]), true],
    ['a NUL byte', Buffer.from([0x41, 0x00, 0x42]), true],
    ['a control character', Buffer.from([0x41, 0x07]), true],
  ])('%s -> %s', (_case, bytes, expected) => {
    expect(isBinaryContent(bytes)).toBe(expected);
  });
});
