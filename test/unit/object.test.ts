import { describe, expect, it } from '@jest/globals';
import { describeObject, groupKindOf, groupOf, versionOf } from '../../shared/kube/object.js';

describe('object identity', () => {
  it.each([
    ['gateway.networking.k8s.io/v1', 'gateway.networking.k8s.io', 'v1'],
    ['v1', '', 'v1'],
  ])('%s splits into group %p and version %p', (apiVersion, group, version) => {
    expect(groupOf(apiVersion)).toBe(group);
    expect(versionOf(apiVersion)).toBe(version);
  });
  it('qualifies kinds by group and names objects in messages', () => {
    expect(groupKindOf({ apiVersion: 'v1', kind: 'Secret' })).toBe('/Secret');
    expect(describeObject({ kind: 'Gateway', metadata: { namespace: 'default', name: 'eg' } })).toBe(
      'Gateway default/eg',
    );
  });
});
