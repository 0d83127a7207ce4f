import { describe, expect, it } from '@jest/globals';
import { parseGoDuration } from '../../../../shared/kube/go-duration.js';
import { labelSelectorProblems } from '../../../../shared/kube/label-selector-problems.js';
import { parseCidrRange, parseMetallbRange } from '../../../../shared/net/syntax.js';
import { parseCommunity } from '../../../../webhooks/rules/metallb/lib/community-value.js';
import { shortestCoveringPrefix } from '../../../../webhooks/rules/metallb/lib/covering-prefix.js';

describe('Go durations (BGPPeer timers)', () => {
  it.each([
    ['90s', 90],
    ['1m30s', 90],
    ['1h', 3600],
    ['1.5s', 1.5],
    ['500ms', 0.5],
    ['0', 0],
    ['+3s', 3],
    ['-3s', -3],
    ['2h45m', 9900],
  ])('%p is %p seconds', (text, seconds) => {
    expect(parseGoDuration(text)).toBeCloseTo(seconds, 9);
  });

  it.each(['', '30', 's', '1d', '1 s', '1s2', 'ninety', '1..5s', '--3s'])('%p is not a duration', (text) => {
    expect(parseGoDuration(text)).toBeUndefined();
  });
});

describe('BGP communities', () => {
  it.each(['0:0', '65535:65282', 'large:1:2:3', 'large:4294967295:4294967295:0'])('%p is a value', (text) => {
    expect(parseCommunity(text)).toEqual({ kind: 'value' });
  });

  it.each([
    ['65536:1', '"65536"'],
    ['1:-1', '"-1"'],
    ['a:b', '"a"'],
    ['1:', '""'],
    ['large:1:2:4294967296', '"4294967296"'],
    ['huge:1:2:3', 'invalid marker'],
  ])('%p is invalid, naming %p', (text, part) => {
    const parsed = parseCommunity(text);
    expect(parsed.kind).toBe('invalid');
    expect(parsed.kind === 'invalid' ? parsed.reason : '').toContain(part);
  });

  it.each(['NO_ADVERTISE', 'a:b:c', ''])('%p may be an alias', (text) => {
    expect(parseCommunity(text)).toEqual({ kind: 'alias' });
  });
});

describe('shortest covering prefix (aggregation check)', () => {
  it.each([
    ['10.0.0.0/24', 24],
    ['13.1.1.1/24', 24],
    ['10.0.0.0-10.0.0.191', 25],
    ['10.0.0.1-10.0.0.1', 32],
    ['10.0.0.1-10.0.0.254', 26],
    ['0.0.0.0/0', 0],
    ['fd00::/120', 120],
    ['fd00::1-fd00::ffff', 113],
  ])('%p -> /%p', (text, prefix) => {
    const range = text.includes('/') ? parseCidrRange(text) : parseMetallbRange(text);
    expect(shortestCoveringPrefix(range)).toBe(prefix);
  });
});

describe('label selector problems', () => {
  it.each([
    [{}, []],
    [{ matchLabels: { 'kubernetes.io/hostname': '192.168.66.210' } }, []],
    [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a', 'b'] }] }, []],
    [{ matchExpressions: [{ key: 'zone', operator: 'DoesNotExist' }] }, []],
    [{ matchLabels: { '-bad': 'x' } }, ['matchLabels[-bad]']],
    [{ matchLabels: { ok: 'not valid!' } }, ['matchLabels[ok]']],
    [
      { matchExpressions: [{ key: 'zone', operator: 'in', values: ['a'] }] },
      ['matchExpressions[0].operator'],
    ],
    [
      { matchExpressions: [{ key: 'zone', operator: 'In', values: ['a', 'a'] }] },
      ['matchExpressions[0].values[1]'],
    ],
    [{ matchExpressions: [{ key: '', operator: 'Exists' }] }, ['matchExpressions[0].key']],
  ])('%j -> %j', (selector, fields) => {
    expect(labelSelectorProblems(selector).map((p) => p.field)).toEqual(fields);
  });
});
