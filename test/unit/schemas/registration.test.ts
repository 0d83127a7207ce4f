import { describe, expect, it } from '@jest/globals';
import { kindModel, schemaFor } from '../../../shared/kube/registry.js';

/** Every kind and version the platform's manifests and the corpora use is registered. */
const served: [string, string][] = [
  ['gateway.networking.k8s.io/v1', 'GatewayClass'],
  ['gateway.networking.k8s.io/v1beta1', 'GatewayClass'],
  ['gateway.networking.k8s.io/v1', 'Gateway'],
  ['gateway.networking.k8s.io/v1beta1', 'Gateway'],
  ['gateway.networking.k8s.io/v1', 'ListenerSet'],
  ['gateway.networking.k8s.io/v1alpha1', 'ListenerSet'],
  ['gateway.networking.k8s.io/v1', 'HTTPRoute'],
  ['gateway.networking.k8s.io/v1beta1', 'HTTPRoute'],
  ['gateway.networking.k8s.io/v1', 'GRPCRoute'],
  ['gateway.networking.k8s.io/v1alpha2', 'GRPCRoute'],
  ['gateway.networking.k8s.io/v1', 'TLSRoute'],
  ['gateway.networking.k8s.io/v1alpha3', 'TLSRoute'],
  ['gateway.networking.k8s.io/v1alpha2', 'TLSRoute'],
  ['gateway.networking.k8s.io/v1', 'TCPRoute'],
  ['gateway.networking.k8s.io/v1alpha2', 'TCPRoute'],
  ['gateway.networking.k8s.io/v1', 'UDPRoute'],
  ['gateway.networking.k8s.io/v1alpha2', 'UDPRoute'],
  ['gateway.networking.k8s.io/v1', 'ReferenceGrant'],
  ['gateway.networking.k8s.io/v1beta1', 'ReferenceGrant'],
  ['gateway.networking.k8s.io/v1alpha2', 'ReferenceGrant'],
  ['gateway.networking.k8s.io/v1', 'BackendTLSPolicy'],
  ['gateway.networking.k8s.io/v1alpha3', 'BackendTLSPolicy'],
  ['gateway.networking.k8s.io/v1alpha2', 'BackendTLSPolicy'],
  ['gateway.envoyproxy.io/v1alpha1', 'EnvoyProxy'],
  ['gateway.envoyproxy.io/v1alpha1', 'SecurityPolicy'],
  ['gateway.envoyproxy.io/v1alpha1', 'ClientTrafficPolicy'],
  ['gateway.envoyproxy.io/v1alpha1', 'BackendTrafficPolicy'],
  ['v1', 'Namespace'],
  ['v1', 'Secret'],
  ['v1', 'ConfigMap'],
  ['v1', 'Service'],
  ['route.openshift.io/v1', 'Route'],
];

describe('kind registration', () => {
  it.each(served)('%s %s has a schema', (apiVersion, kind) => {
    expect(schemaFor(apiVersion, kind)).toBeDefined();
  });

  it.each([
    ['gateway.networking.k8s.io/Gateway', true],
    ['gateway.networking.k8s.io/GatewayClass', false],
    ['/Namespace', false],
    ['/Service', true],
    ['gateway.envoyproxy.io/EnvoyProxy', true],
  ] as const)('%s namespaced: %s', (groupKind, namespaced) => {
    expect(kindModel(groupKind)?.namespaced).toBe(namespaced);
  });

  it('a schema checks the apiVersion it is registered under', () => {
    const schema = schemaFor('gateway.networking.k8s.io/v1beta1', 'HTTPRoute');
    const result = schema?.safeParse({
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'HTTPRoute',
      metadata: { name: 'a' },
      spec: {},
    });
    expect(result?.success).toBe(false);
  });
});
