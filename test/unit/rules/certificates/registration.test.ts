import { describe, expect, it } from '@jest/globals';
import { kindModel, validateSchema } from '../../../../shared/kube/registry.js';
import { certificatesFamily } from '../../../../webhooks/rules/certificates/index.js';
import { ruleFamilies } from '../../../../webhooks/rules/index.js';

describe('certificates family registration', () => {
  it('is one of the families the webhook and acpnet validate run', () => {
    expect(ruleFamilies).toContain(certificatesFamily);
  });

  it('declares the indexes its rules query and caches Domains', () => {
    expect(certificatesFamily.equalityIndexes?.map((i) => `${i.kind} ${i.name}`)).toEqual([
      'crd.alauda.io/Domain certificates/domain-name-by-cluster',
      'crd.alauda.io/Domain certificates/domain-secret-ref',
    ]);
    expect(certificatesFamily.reads.map((k) => k.groupKind)).toContain('crd.alauda.io/Domain');
    // Secrets are read by name when needed, never cached cluster-wide.
    expect(certificatesFamily.reads.map((k) => k.groupKind)).not.toContain('/Secret');
  });

  it('registers Domain v2 as a cluster-scoped kind', () => {
    expect(kindModel('crd.alauda.io/Domain')).toMatchObject({ plural: 'domains', namespaced: false });
  });

  it.each([
    [{ name: 'a.test.cn', kind: 'full' }, []],
    [{ name: 'a.test.cn' }, [{ path: 'spec.kind', message: expect.stringContaining('full') }]],
    [{ kind: 'full' }, [{ path: 'spec.name', message: expect.any(String) }]],
  ])('validates the Domain schema: %j', (spec, issues) => {
    const domain = { apiVersion: 'crd.alauda.io/v2', kind: 'Domain', metadata: { name: 'd' }, spec };
    expect(validateSchema(domain)).toEqual(issues);
  });

  it('refuses an unserved Domain version', () => {
    const domain = { apiVersion: 'crd.alauda.io/v1', kind: 'Domain', metadata: { name: 'd' }, spec: {} };
    expect(validateSchema(domain)).toEqual([
      { path: 'apiVersion', message: 'version v1 of Domain is not served (served: v2)' },
    ]);
  });
});
