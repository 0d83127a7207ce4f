import { describe, expect, it } from '@jest/globals';
import {
  formatAddress,
  isIpAddress,
  isV4Mapped,
  NetParseError,
  parseAddress,
  unmapV4,
} from '../../../shared/net/index.js';

describe('parseAddress / formatAddress', () => {
  it.each([
    ['10.0.0.1', 4, 0x0a000001n, '10.0.0.1'],
    ['0.0.0.0', 4, 0n, '0.0.0.0'],
    ['255.255.255.255', 4, 0xffffffffn, '255.255.255.255'],
    ['::', 6, 0n, '::'],
    ['::1', 6, 1n, '::1'],
    ['FD00:0:0::0001', 6, (0xfd00n << 112n) | 1n, 'fd00::1'],
    ['2001:db8:0:0:1:0:0:1', 6, 0x20010db8000000000001000000000001n, '2001:db8::1:0:0:1'],
    ['::ffff:10.1.2.3', 6, (0xffffn << 32n) | 0x0a010203n, '::ffff:10.1.2.3'],
    ['::ffff:a01:203', 6, (0xffffn << 32n) | 0x0a010203n, '::ffff:10.1.2.3'],
  ])('%s parses as IPv%d %p and formats as %s', (text, family, value, formatted) => {
    const address = parseAddress(text);
    expect(address).toEqual({ family, value });
    expect(formatAddress(address.family, address.value)).toBe(formatted);
  });

  it.each([
    ['', 'empty address'],
    [' 10.0.0.1', 'whitespace'],
    ['10.0.0', 'not a valid IP address'],
    ['10.0.0.256', 'not a valid IP address'],
    ['010.0.0.1', 'not a valid IP address'],
    ['0x0a.0.0.1', 'not a valid IP address'],
    ['10.0.0.1/24', 'not a valid IP address'],
    ['fe80::1%eth0', 'zone'],
    ['1::2::3', 'not a valid IPv6 address'],
    ['12345::', 'not a valid IPv6 address'],
    ['gateway', 'not a valid IP address'],
  ])('refuses %p (%s) quoting the token', (text, reason) => {
    expect(() => parseAddress(text)).toThrow(NetParseError);
    try {
      parseAddress(text);
    } catch (error) {
      expect((error as NetParseError).token).toBe(text);
      expect((error as NetParseError).message).toContain(reason);
      expect((error as NetParseError).message).toContain(JSON.stringify(text));
    }
  });

  it('tells addresses from other text', () => {
    expect(isIpAddress('10.0.0.1')).toBe(true);
    expect(isIpAddress('fd00::1')).toBe(true);
    expect(isIpAddress('pool-a')).toBe(false);
  });

  it('unmaps IPv4-mapped IPv6 addresses and leaves others alone', () => {
    const mapped = parseAddress('::ffff:192.168.1.1');
    expect(isV4Mapped(mapped)).toBe(true);
    expect(unmapV4(mapped)).toEqual(parseAddress('192.168.1.1'));
    const plain = parseAddress('fd00::1');
    expect(isV4Mapped(plain)).toBe(false);
    expect(unmapV4(plain)).toBe(plain);
  });
});
