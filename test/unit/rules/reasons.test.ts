import { describe, expect, it } from '@jest/globals';
import { reasons } from '../../../webhooks/rules/reasons.js';

describe('the reason catalogue', () => {
  it.each(Object.entries(reasons))('%s has a one-line meaning', (reason, meaning) => {
    expect(reason).toMatch(/^[A-Z][A-Za-z0-9]+$/);
    expect(meaning).toMatch(/^\S[^\n]*\.$/);
  });

  it('is sorted by name, so a reason is easy to find', () => {
    const names = Object.keys(reasons);
    expect(names).toEqual([...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
  });
});
