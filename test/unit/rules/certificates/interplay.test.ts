import { describe, expect, it } from '@jest/globals';
import type { KubeObject } from '../../../../shared/kube/object.js';
import { reviewObject } from '../../../../webhooks/review/engine.js';
import { ruleFamilies } from '../../../../webhooks/rules/index.js';
import { daysFrom, issueCertificate } from '../../../support/certs.js';
import { NOW } from '../support/certificate-catalog.js';
import { settingsWith, storeWith } from '../support/fixture-cases.js';

const validCertificate = () =>
  issueCertificate({ dns: ['app.example.com'], notBefore: daysFrom(NOW, -1), notAfter: daysFrom(NOW, 100) });

const settings = settingsWith({ now: () => NOW });

const gateway: KubeObject = {
  apiVersion: 'gateway.networking.k8s.io/v1',
  kind: 'Gateway',
  metadata: { namespace: 'web', name: 'eg' },
  spec: {
    gatewayClassName: 'eg',
    listeners: [
      {
        name: 'https',
        port: 443,
        protocol: 'HTTPS',
        hostname: 'app.example.com',
        tls: { certificateRefs: [{ name: 'web-cert' }] },
      },
    ],
  },
};

describe('certificates beside the gateway family', () => {
  it.each([
    [
      'without tls.key',
      async () => ({ 'tls.crt': Buffer.from((await validCertificate()).certPem).toString('base64') }),
    ],
    ['with empty values', async () => ({ 'tls.crt': '', 'tls.key': '' })],
  ])('a listener Secret %s is reported once, by gateway/certificate-refs', async (_case, makeData) => {
    const data = await makeData();
    const store = storeWith(ruleFamilies, [], () => NOW);
    store.load([
      {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { namespace: 'web', name: 'web-cert' },
        type: 'kubernetes.io/tls',
        data,
      },
    ]);
    const result = await reviewObject({ operation: 'CREATE', object: gateway, view: store, settings });
    expect(result.allowed).toBe(false);
    const denials = result.findings.filter((f) => f.severity === 'deny');
    expect(denials.map((f) => [f.rule, f.field])).toEqual([
      ['gateway/certificate-refs', 'spec.listeners[0].tls.certificateRefs[0]'],
    ]);
  });
});
