import { describe, expect, it } from '@jest/globals';
import {
  formatCidr,
  formatRange,
  NetParseError,
  parseCidrOrMetallbRange,
  parseDualStackCidrs,
  parseIpCidrOrKubeOvnRange,
  parseIpOrKubeOvnRange,
  parseKubeOvnRange,
  parseList,
  parseMetallbRange,
} from '../../../shared/net/index.js';
import type { IPRange } from '../../../shared/net/range.js';

function failure(parse: () => unknown): NetParseError {
  try {
    parse();
  } catch (error) {
    if (error instanceof NetParseError) return error;
    throw error;
  }
  throw new Error('expected a NetParseError');
}

describe('Kube-OVN a..b ranges', () => {
  it.each([
    ['10.16.0.1..10.16.0.10', '10.16.0.1-10.16.0.10'],
    ['10.16.0.0..10.16.0.255', '10.16.0.0/24'],
    ['10.16.0.5..10.16.0.5', '10.16.0.5'],
    ['fd00::1..fd00::2', 'fd00::1-fd00::2'],
  ])('%s is %s', (text, formatted) => {
    expect(formatRange(parseKubeOvnRange(text))).toBe(formatted);
  });

  it.each([
    ['10.16.0.10..10.16.0.1', 'start is greater than its end'],
    ['10.16.0.1..fd00::1', 'mixes IPv4 and IPv6'],
    ['10.16.0.1..', 'empty address'],
    ['10.16.0.1..10.16.0.2..10.16.0.3', 'expected a range "first..last"'],
    ['10.16.0.1-10.16.0.3', 'expected a range "first..last"'],
    ['10.16.0.x..10.16.0.3', '"10.16.0.x": not a valid IP address'],
  ])('refuses %p: %s', (text, reason) => {
    const error = failure(() => parseKubeOvnRange(text));
    expect(error.token).toBe(text);
    expect(error.message).toContain(reason);
  });
});

describe('MetalLB a-b ranges and CIDRs', () => {
  it.each([
    ['192.168.10.0/24', '192.168.10.0/24'],
    ['192.168.10.0-192.168.10.9', '192.168.10.0-192.168.10.9'],
    ['192.168.10.0 - 192.168.10.9', '192.168.10.0-192.168.10.9'],
    ['fc00:f853:ccd:e799::-fc00:f853:ccd:e799::ff', 'fc00:f853:ccd:e799::/120'],
  ])('%s is %s', (text, formatted) => {
    expect(formatRange(parseCidrOrMetallbRange(text))).toBe(formatted);
  });

  it.each([
    ['192.168.10.1', 'not a single address'],
    ['192.168.10.9-192.168.10.0', 'start is greater'],
    ['192.168.10.0-192.168.10.1-192.168.10.2', 'expected a range "first-last"'],
    ['192.168.10.0/40', 'exceeds 32'],
  ])('refuses %p: %s', (text, reason) => {
    const error = failure(() => parseCidrOrMetallbRange(text));
    expect(error.token).toBe(text);
    expect(error.message).toContain(reason);
  });

  it('parses a bare a-b', () => {
    expect(parseMetallbRange('10.0.0.1-10.0.0.2')).toEqual({
      family: 4,
      first: 0x0a000001n,
      last: 0x0a000002n,
    });
  });
});

describe('IP, CIDR or a..b entries', () => {
  it.each([
    ['10.16.0.1', '10.16.0.1'],
    ['10.16.0.1..10.16.0.3', '10.16.0.1-10.16.0.3'],
    ['10.16.0.0/30', '10.16.0.0/30'],
    ['fd00::/126', 'fd00::/126'],
  ])('%s is %s', (text, formatted) => {
    expect(formatRange(parseIpCidrOrKubeOvnRange(text))).toBe(formatted);
  });

  it('refuses a CIDR where only an IP or range is accepted', () => {
    expect(failure(() => parseIpOrKubeOvnRange('10.16.0.0/30')).token).toBe('10.16.0.0/30');
  });
});

describe('comma-separated lists', () => {
  it('reports the index of the bad entry', () => {
    const error = failure(() => parseList('10.0.0.1,10.0.0.2..10.0.0.1,10.0.0.3', parseIpOrKubeOvnRange));
    expect(error.index).toBe(1);
    expect(error.token).toBe('10.0.0.2..10.0.0.1');
    expect(error.message).toContain('entry 1');
  });

  it('refuses empty entries', () => {
    const error = failure(() => parseList('10.0.0.1,,10.0.0.2', parseIpOrKubeOvnRange));
    expect(error.index).toBe(1);
    expect(error.message).toContain('empty entry');
  });

  it('returns every entry in order', () => {
    const ranges: IPRange[] = parseList('10.0.0.1,fd00::1', parseIpOrKubeOvnRange);
    expect(ranges.map(formatRange)).toEqual(['10.0.0.1', 'fd00::1']);
  });
});

describe('dual-stack CIDR lists', () => {
  it.each([
    ['10.16.0.0/16', ['10.16.0.0/16']],
    ['10.16.0.0/16,fd00:10:16::/64', ['10.16.0.0/16', 'fd00:10:16::/64']],
    ['fd00:10:16::/64,10.16.0.0/16', ['fd00:10:16::/64', '10.16.0.0/16']],
  ])('%s', (text, cidrs) => {
    expect(parseDualStackCidrs(text).map(formatCidr)).toEqual(cidrs);
  });

  it.each([
    ['10.16.0.0/16,10.17.0.0/16', 1, '10.17.0.0/16', 'at most one per family'],
    ['fd00::/64,fd01::/64', 1, 'fd01::/64', 'at most one per family'],
    ['10.16.0.0/16,fd00::/64,10.17.0.0/16', 2, '10.17.0.0/16', 'more than two'],
    ['10.16.0.0/16, fd00::/64', 1, ' fd00::/64', 'invalid CIDR address'],
    ['10.16.0.0/16,', 1, '', 'empty entry'],
    ['', 0, '', 'empty entry'],
    ['10.16.0.0/16,fd00::/200', 1, 'fd00::/200', 'exceeds 128'],
  ])('refuses %p at index %d (token %p): %s', (text, index, token, reason) => {
    const error = failure(() => parseDualStackCidrs(text));
    expect(error.index).toBe(index);
    expect(error.token).toBe(token);
    expect(error.message).toContain(reason);
  });
});
