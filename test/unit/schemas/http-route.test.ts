import { describe, expect, it } from '@jest/globals';
import { validateSchema } from '../../../shared/kube/registry.js';
import { schemaCases } from './support/run-cases.js';
import { deepMerge, loadSchemaCases } from './support/schema-cases.js';

describe('HTTPRoute schema', () => {
  schemaCases('httproute.yaml');
});

describe('HTTPRoute list limits', () => {
  const base = loadSchemaCases('httproute.yaml').allowed[0]![1];
  const backendRefs = [{ name: 'web', port: 80 }];
  const rule = (matchCount: number) => ({
    matches: Array.from({ length: matchCount }, (_, i) => ({ path: { value: `/p${i}` } })),
    backendRefs,
  });
  const withSpec = (spec: unknown) => deepMerge(base, { spec }) as typeof base;

  it.each([
    ['16 hostnames', { hostnames: Array.from({ length: 16 }, (_, i) => `h${i}.example.com`) }],
    ['16 rules', { rules: Array.from({ length: 16 }, () => rule(1)) }],
    ['64 matches in one rule', { rules: [rule(64)] }],
    ['128 matches in total', { rules: [rule(64), rule(64)] }],
    [
      'a 4096-character header value',
      { rules: [{ matches: [{ headers: [{ name: 'x', value: 'v'.repeat(4096) }] }] }] },
    ],
  ])('allows %s', (_name, spec) => {
    expect(validateSchema(withSpec(spec))).toEqual([]);
  });

  it.each([
    [
      '17 hostnames',
      { hostnames: Array.from({ length: 17 }, (_, i) => `h${i}.example.com`) },
      'spec.hostnames',
      'at most',
    ],
    ['17 rules', { rules: Array.from({ length: 17 }, () => rule(1)) }, 'spec.rules', 'at most'],
    ['65 matches in one rule', { rules: [rule(65)] }, 'spec.rules[0].matches', 'at most'],
    ['129 matches in total', { rules: [rule(64), rule(64), rule(1)] }, 'spec.rules', 'must be less than 128'],
    [
      'a 4097-character header value',
      { rules: [{ matches: [{ headers: [{ name: 'x', value: 'v'.repeat(4097) }] }] }] },
      'spec.rules[0].matches[0].headers[0].value',
      'at most',
    ],
    [
      'a 257-character header name',
      { rules: [{ matches: [{ headers: [{ name: 'x'.repeat(257), value: 'v' }] }] }] },
      'spec.rules[0].matches[0].headers[0].name',
      'at most',
    ],
    [
      '17 headers set by one filter',
      {
        rules: [
          {
            filters: [
              {
                type: 'RequestHeaderModifier',
                requestHeaderModifier: {
                  set: Array.from({ length: 17 }, (_, i) => ({ name: `h${i}`, value: 'v' })),
                },
              },
            ],
            backendRefs,
          },
        ],
      },
      'spec.rules[0].filters[0].requestHeaderModifier.set',
      'at most',
    ],
  ])('denies %s', (_name, spec, path, message) => {
    expect(validateSchema(withSpec(spec))).toContainEqual(
      expect.objectContaining({ path, message: expect.stringContaining(message) }),
    );
  });
});
