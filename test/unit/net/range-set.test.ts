import { describe, expect, it } from '@jest/globals';
import { parseAddress, parseIpCidrOrKubeOvnRange, parseList, RangeSet } from '../../../shared/net/index.js';

const set = (text: string): RangeSet =>
  text === '' ? RangeSet.empty : RangeSet.of(parseList(text, parseIpCidrOrKubeOvnRange));

describe('RangeSet', () => {
  it.each([
    ['10.0.0.0/25,10.0.0.128/25', '10.0.0.0/24'],
    ['10.0.0.5,10.0.0.1..10.0.0.4', '10.0.0.1-10.0.0.5'],
    ['fd00::/64,10.0.0.0/24,10.0.0.0/25', '10.0.0.0/24,fd00::/64'],
    ['10.0.0.1,10.0.0.3', '10.0.0.1,10.0.0.3'],
  ])('normalises %s to %s', (input, normalised) => {
    expect(set(input).toString()).toBe(normalised);
  });

  it.each([
    ['union', '10.0.0.0/25', '10.0.0.128/25', '10.0.0.0/24'],
    ['union', '10.0.0.0/24', 'fd00::/120', '10.0.0.0/24,fd00::/120'],
    ['subtract', '10.0.0.0/24', '10.0.0.0/25', '10.0.0.128/25'],
    ['subtract', '10.0.0.0/24', '10.0.0.1..10.0.0.254', '10.0.0.0,10.0.0.255'],
    ['subtract', '10.0.0.0/24', 'fd00::/64', '10.0.0.0/24'],
    ['subtract', '10.0.0.0/30', '10.0.0.0/24', ''],
    ['intersect', '10.0.0.0/24', '10.0.0.128/25,10.0.1.0/24', '10.0.0.128/25'],
    ['intersect', '10.0.0.0/24,fd00::/64', 'fd00::/120', 'fd00::/120'],
    ['intersect', '10.0.0.0/24', '10.0.1.0/24', ''],
  ] as const)('%s of %s and %s is %p', (op, a, b, result) => {
    expect(set(a)[op](set(b)).toString()).toBe(result);
  });

  it('answers contains, overlaps, size and isEmpty', () => {
    const s = set('10.0.0.0/24,10.0.2.0/24,fd00::/64');
    expect(s.contains(parseAddress('10.0.2.9'))).toBe(true);
    expect(s.contains(parseAddress('10.0.1.9'))).toBe(false);
    expect(s.contains(parseIpCidrOrKubeOvnRange('10.0.0.0/25'))).toBe(true);
    expect(s.contains(parseIpCidrOrKubeOvnRange('10.0.0.0/22'))).toBe(false);
    expect(s.overlaps(parseIpCidrOrKubeOvnRange('10.0.0.0/22'))).toBe(true);
    expect(s.overlaps(parseIpCidrOrKubeOvnRange('10.0.1.0/24'))).toBe(false);
    expect(s.size()).toBe(512n + (1n << 64n));
    expect(s.size(4)).toBe(512n);
    expect(s.isEmpty()).toBe(false);
    expect(RangeSet.empty.isEmpty()).toBe(true);
    expect(s.toArray()).toHaveLength(3);
  });

  it('compares by content', () => {
    expect(set('10.0.0.0/25,10.0.0.128/25').equals(set('10.0.0.0/24'))).toBe(true);
    expect(set('10.0.0.0/25').equals(set('10.0.0.0/24'))).toBe(false);
  });
});
