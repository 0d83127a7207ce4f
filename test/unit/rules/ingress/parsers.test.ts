import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { ACCESS_POINT_INDEX, ingressEqualityIndexes } from '../../../../webhooks/rules/ingress/indexes.js';
import { parseAlbTlsAnnotation } from '../../../../webhooks/rules/ingress/lib/alb-tls-annotation.js';
import { hostProblem } from '../../../../webhooks/rules/ingress/lib/hostnames.js';

describe('parseAlbTlsAnnotation', () => {
  it('reads the guide’s example', () => {
    expect(parseAlbTlsAnnotation('qq.com=cpaas-system/dex.tls,qq1.com=cpaas-system/dex1.tls')).toEqual({
      entries: [
        { host: 'qq.com', namespace: 'cpaas-system', name: 'dex.tls' },
        { host: 'qq1.com', namespace: 'cpaas-system', name: 'dex1.tls' },
      ],
      problems: [],
    });
  });

  it.each([
    ['', 'entry 1 "" is not "host=namespace/secret"'],
    ['a.com=ns/s=x', 'entry 1 "a.com=ns/s=x"'],
    ['a.com=ns/', '"ns/" is not "namespace/secret"'],
    ['a.com=Ns/s', '"Ns/s" is not'],
    ['*.a.com=ns/s,=ns/s', 'entry 2 "=ns/s"'],
  ])('refuses %j', (text, message) => {
    expect(parseAlbTlsAnnotation(text).problems.join('\n')).toContain(message);
  });

  it('never throws on arbitrary text', () => {
    fc.assert(fc.property(fc.string(), (text) => Array.isArray(parseAlbTlsAnnotation(text).problems)));
  });
});

describe('hostProblem', () => {
  it.each(['demo.local', '*.foo.com', 'a-b.c'])('accepts %s', (host) =>
    expect(hostProblem(host)).toBeUndefined(),
  );
  it.each(['10.0.0.1', '::1', '*', '*.', 'a..b', '-a.com', 'a.*.com', 'UP.com', `${'a'.repeat(64)}.com`])(
    'refuses %s',
    (host) => expect(hostProblem(host)).toEqual(expect.stringContaining(`"${host}"`)),
  );
});

describe('access points of a stored Ingress', () => {
  it('reads a malformed stored Ingress without throwing and skips what is not there', () => {
    const broken = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'x', namespace: 'k-1', annotations: { 'alb.networking.cpaas.io/tls': '=,' } },
      spec: {
        rules: [
          null,
          { host: 7, http: { paths: 'nope' } },
          {
            http: {
              paths: [{ pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }],
            },
          },
        ],
        tls: 'x',
      },
    };
    const index = ingressEqualityIndexes.find((i) => i.name === ACCESS_POINT_INDEX);
    expect(index?.keys(broken)).toEqual(['k-1|_|http|/']);
  });
});
