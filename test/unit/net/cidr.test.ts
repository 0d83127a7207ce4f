import { describe, expect, it } from '@jest/globals';
import {
  cidrRange,
  exactPrefix,
  formatAddress,
  formatCidr,
  formatRange,
  NetParseError,
  parseCidr,
  rangeContainsAddress,
  rangeContainsRange,
  rangeIntersection,
  rangeSize,
  rangesOverlap,
} from '../../../shared/net/index.js';
import type { IPRange } from '../../../shared/net/range.js';

const r = (text: string): IPRange => cidrRange(parseCidr(text));

describe('parseCidr', () => {
  it.each([
    ['10.16.0.0/16', 4, 16, '10.16.0.0', '10.16.255.255', false],
    ['10.16.3.4/16', 4, 16, '10.16.0.0', '10.16.255.255', true],
    ['0.0.0.0/0', 4, 0, '0.0.0.0', '255.255.255.255', false],
    ['192.168.1.7/32', 4, 32, '192.168.1.7', '192.168.1.7', false],
    ['fd00:10:16::/64', 6, 64, 'fd00:10:16::', 'fd00:10:16:0:ffff:ffff:ffff:ffff', false],
    ['fd00::1/120', 6, 120, 'fd00::', 'fd00::ff', true],
    ['::/0', 6, 0, '::', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', false],
  ])('%s: IPv%d /%d, network %s, last %s, host bits %p', (text, family, prefix, network, last, hostBits) => {
    const cidr = parseCidr(text);
    expect(cidr.family).toBe(family);
    expect(cidr.prefix).toBe(prefix);
    expect(formatAddress(cidr.family, cidr.network)).toBe(network);
    expect(formatAddress(cidr.family, cidr.last)).toBe(last);
    expect(cidr.hostBitsSet).toBe(hostBits);
  });

  it.each([
    ['10.16.0.0', 'missing "/prefix"'],
    ['10.16.0.0/', 'invalid prefix length'],
    ['10.16.0.0/33', 'exceeds 32'],
    ['fd00::/129', 'exceeds 128'],
    ['10.16.0.0/016', 'invalid prefix length'],
    ['10.16.0.0/-1', 'invalid prefix length'],
    ['10.16.0.0/1x', 'invalid prefix length'],
    ['10.16.0/16', 'invalid CIDR address'],
    ['/16', 'invalid CIDR address'],
    ['10.16.0.0/16/8', 'invalid prefix length'],
  ])('refuses %p: %s', (text, reason) => {
    expect(() => parseCidr(text)).toThrow(NetParseError);
    expect(() => parseCidr(text)).toThrow(reason);
    expect(() => parseCidr(text)).toThrow(JSON.stringify(text));
  });

  it('formats with host bits cleared', () => {
    expect(formatCidr(parseCidr('10.16.3.4/16'))).toBe('10.16.0.0/16');
    expect(formatCidr(parseCidr('FD00::1/64'))).toBe('fd00::/64');
  });
});

describe('range helpers', () => {
  it.each([
    ['10.0.0.0/24', 256n],
    ['10.0.0.1/32', 1n],
    ['fd00::/64', 1n << 64n],
    ['::/0', 1n << 128n],
  ])('size of %s is %p', (text, size) => {
    expect(rangeSize(r(text))).toBe(size);
  });

  it.each([
    ['10.0.0.0/8', '10.1.0.0/16', true, true],
    ['10.1.0.0/16', '10.0.0.0/8', true, false],
    ['10.0.0.0/24', '10.0.1.0/24', false, false],
    ['10.0.0.0/8', 'fd00::/8', false, false],
    ['fd00::/16', 'fd00:1::/32', true, true],
  ])('%s vs %s: overlap %p, contains %p', (a, b, overlap, contains) => {
    expect(rangesOverlap(r(a), r(b))).toBe(overlap);
    expect(rangeContainsRange(r(a), r(b))).toBe(contains);
  });

  it('contains addresses of its own family only', () => {
    expect(rangeContainsAddress(r('10.0.0.0/8'), { family: 4, value: 0x0a000005n })).toBe(true);
    expect(rangeContainsAddress(r('10.0.0.0/8'), { family: 6, value: 0x0a000005n })).toBe(false);
  });

  it('intersects', () => {
    const both = rangeIntersection(r('10.0.0.0/23'), { family: 4, first: 0x0a000100n, last: 0x0a0002ffn });
    expect(both && formatRange(both)).toBe('10.0.1.0/24');
    expect(rangeIntersection(r('10.0.0.0/24'), r('10.0.1.0/24'))).toBeUndefined();
  });

  it.each([
    [{ family: 4, first: 0x0a000000n, last: 0x0a0000ffn }, '10.0.0.0/24', 24],
    [{ family: 4, first: 0x0a000001n, last: 0x0a000001n }, '10.0.0.1', 32],
    [{ family: 4, first: 0x0a000001n, last: 0x0a000010n }, '10.0.0.1-10.0.0.16', undefined],
    [{ family: 4, first: 0x0a000080n, last: 0x0a00017fn }, '10.0.0.128-10.0.1.127', undefined],
    [{ family: 6, first: 0n, last: (1n << 128n) - 1n }, '::/0', 0],
    [{ family: 6, first: 1n, last: 2n }, '::1-::2', undefined],
  ] as [IPRange, string, number | undefined][])('formats %p as %s', (range, text, prefix) => {
    expect(formatRange(range)).toBe(text);
    expect(exactPrefix(range)).toBe(prefix);
  });
});
