import { describe, expect, it } from '@jest/globals';
import { cachedForm } from '../../../shared/kube/kube-store/cached-form.js';
import type { KubeObject } from '../../../shared/kube/object.js';

function withManagers(...managers: string[]): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: 'cm',
      namespace: 'demo',
      managedFields: managers.map((manager) => ({
        manager,
        operation: 'Apply',
        fieldsType: 'FieldsV1',
        fieldsV1: { 'f:data': { 'f:key': {} } },
      })),
    },
    data: { key: 'value' },
  };
}

describe('the cached form of an object', () => {
  it.each<[string, string[], string[] | undefined]>([
    [
      'keeps acpnet managers and drops the others',
      ['kubectl', 'acpnet-ingress-sync', 'kube-controller-manager'],
      ['acpnet-ingress-sync'],
    ],
    [
      'drops managedFields when only other managers wrote',
      ['kubectl-client-side-apply', 'kubectl-edit'],
      undefined,
    ],
    [
      'keeps every entry when all are acpnet managers',
      ['acpnet-bgp-hosts', 'acpnet-pod-ipam'],
      ['acpnet-bgp-hosts', 'acpnet-pod-ipam'],
    ],
  ])('%s', (_name, managers, expected) => {
    const form = cachedForm(withManagers(...managers));
    const entries = form.metadata.managedFields as { manager: string }[] | undefined;
    expect(entries?.map((entry) => entry.manager)).toEqual(expected);
    expect(form.data).toEqual({ key: 'value' });
    expect(form.metadata.name).toBe('cm');
  });

  it('returns the object itself when there is nothing to drop', () => {
    const bare: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' } };
    expect(cachedForm(bare)).toBe(bare);
    const own = withManagers('acpnet-ingress-sync');
    expect(cachedForm(own)).toBe(own);
  });

  it('leaves the object it was given unchanged', () => {
    const original = withManagers('kubectl', 'acpnet-ingress-sync');
    cachedForm(original);
    expect(original.metadata.managedFields).toHaveLength(2);
  });
});
