import { describe, expect, it } from '@jest/globals';
import { denyMessage, formatFinding, warningMessages } from '../../../webhooks/rules/findings.js';
import type { Finding } from '../../../webhooks/rules/types.js';

const base: Finding = { severity: 'deny', rule: 'r', field: 'spec.x', message: 'is wrong' };

describe('formatFinding', () => {
  it.each<[Partial<Finding>, string]>([
    [{}, 'spec.x: is wrong'],
    [{ reason: 'HostnameConflict' }, 'spec.x: is wrong (HostnameConflict)'],
    [{ conflictsWith: 'Gateway a/b' }, 'spec.x: is wrong [conflicts with Gateway a/b]'],
    [
      { reason: 'HostnameConflict', conflictsWith: 'Gateway a/b' },
      'spec.x: is wrong (HostnameConflict) [conflicts with Gateway a/b]',
    ],
    [{ field: '' }, 'is wrong'],
  ])('%j -> %s', (extra, text) => {
    expect(formatFinding({ ...base, ...extra })).toBe(text);
  });

  it('joins deny findings and lists warnings apart', () => {
    const findings: Finding[] = [
      base,
      { ...base, severity: 'warn', message: 'looks odd' },
      { ...base, field: 'spec.y', message: 'missing' },
    ];
    expect(denyMessage(findings)).toBe('spec.x: is wrong; spec.y: missing');
    expect(warningMessages(findings)).toEqual(['spec.x: looks odd']);
  });
});
