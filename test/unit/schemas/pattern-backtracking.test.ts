import { describe, expect, it } from '@jest/globals';
import { schemaFor } from '../../../shared/kube/registry.js';
import { headerValuePattern } from '../../../shared/kube/schemas/gateway-api/common.js';

// Upstream's forms of these patterns backtrack exponentially: each of these inputs used to block
// the webhook for hours. They must be answered at once (a hang fails the test by its timeout).
describe('schema patterns that do not backtrack exponentially', () => {
  it('a long header value ending in a newline is refused', () => {
    expect(headerValuePattern.test(`${'a'.repeat(40)}\n`)).toBe(false);
    expect(headerValuePattern.test('a b\tc')).toBe(true);
    expect(headerValuePattern.test('a  b')).toBe(false);
  });

  it('a CORS origin with a long label that does not match is refused', () => {
    const schema = schemaFor('gateway.envoyproxy.io/v1alpha1', 'SecurityPolicy');
    const policy = (origin: string) => ({
      apiVersion: 'gateway.envoyproxy.io/v1alpha1',
      kind: 'SecurityPolicy',
      metadata: { name: 'cors', namespace: 'demo' },
      spec: {
        targetRefs: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', name: 'r' }],
        cors: { allowOrigins: [origin] },
      },
    });
    expect(schema?.safeParse(policy(`https://${'a'.repeat(60)}!`)).success).toBe(false);
    expect(schema?.safeParse(policy('https://*.example.com')).success).toBe(true);
  }, 10_000);
});
