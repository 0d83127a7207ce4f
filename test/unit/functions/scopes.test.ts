import { describe, expect, it } from '@jest/globals';
import { interconnectCidrs } from '../../../functions/interconnect-cidrs/index.js';
import { interconnectCleanup } from '../../../functions/interconnect-cleanup/index.js';
import type { EventFunction } from '../../../functions/runtime/contract.js';
import { cacheTargetsOf, inScope } from '../../../functions/runtime/scopes.js';
import { CONFIG_MAP } from '../../../shared/kube/schemas/core.js';

const wholeConfigMaps: EventFunction = {
  name: 'all-configmaps',
  consumes: [CONFIG_MAP],
  reads: [],
  plan: () => [],
};

describe('cache scopes', () => {
  it('caches the named ConfigMaps of kube-system only, never every ConfigMap, for the interconnect functions', () => {
    // Each is deployed alone (serve functions --functions NAME), so its process caches only these.
    expect(cacheTargetsOf([interconnectCleanup, interconnectCidrs], 'all')).toEqual([
      {
        kind: '/ConfigMap',
        namespace: 'kube-system',
        names: ['acpnet-interconnect-cidrs', 'acpnet-interconnect-zones', 'ovn-ic-config'],
      },
    ]);
  });

  it('gives the bridge only what is consumed: ovn-ic-config, not the ConfigMaps a function only reads', () => {
    expect(cacheTargetsOf([interconnectCleanup, interconnectCidrs], 'consumes')).toEqual([
      { kind: '/ConfigMap', namespace: 'kube-system', names: ['ovn-ic-config'] },
    ]);
  });

  it('caches a kind whole when one function needs it whole', () => {
    expect(cacheTargetsOf([interconnectCidrs, wholeConfigMaps], 'all')).toEqual(['/ConfigMap']);
  });

  it.each([
    ['kube-system', 'ovn-ic-config', true],
    ['kube-system', 'acpnet-interconnect-zones', false],
    ['kube-system', 'other', false],
    ['default', 'ovn-ic-config', false],
  ] as const)('hands interconnect-cidrs the events of %s/%s: %p', (namespace, name, expected) => {
    expect(inScope(interconnectCidrs, { groupKind: '/ConfigMap', namespace, name })).toBe(expected);
  });

  it('hands a function every object of a kind it does not scope', () => {
    expect(inScope(wholeConfigMaps, { groupKind: '/ConfigMap', namespace: 'x', name: 'y' })).toBe(true);
  });
});
