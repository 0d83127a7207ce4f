/**
 * The RBAC of each component, applied to a real API server, grants what the component uses and
 * nothing next to it (checked with `kubectl auth can-i` impersonating each ServiceAccount).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { parseAllDocuments } from 'yaml';
import {
  installUpstreamCrds,
  KUBE_SETUP_TIMEOUT_MS,
  type KubeApiServer,
  kubectl,
  kubectlOk,
  useKubeApiServer,
} from '../../support/kube-harness.js';

jest.setTimeout(180_000);

const deployDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../infra/deploy');
const rbacKinds = new Set([
  'Namespace',
  'ServiceAccount',
  'ClusterRole',
  'ClusterRoleBinding',
  'Role',
  'RoleBinding',
]);

let server: KubeApiServer;

beforeAll(async () => {
  server = await useKubeApiServer();
  // can-i maps resource names through discovery: the CRDs must be served for their answers to mean anything.
  await installUpstreamCrds(server.kubeconfig);
  for (const overlay of ['overlays/knative', 'overlays/without-knative']) {
    const rendered = await kubectlOk(server.kubeconfig, ['kustomize', path.join(deployDir, overlay)]);
    const rbac = parseAllDocuments(rendered)
      .map((doc) => doc.toJS() as { kind: string })
      .filter((obj) => rbacKinds.has(obj.kind));
    await kubectlOk(server.kubeconfig, ['apply', '--server-side', '--field-manager=acpnet-test', '-f', '-'], {
      stdin: rbac.map((obj) => JSON.stringify(obj)).join('\n'),
    });
  }
}, KUBE_SETUP_TIMEOUT_MS);

afterAll(async () => {
  await server?.stop();
});

type Case = [serviceAccount: string, verb: string, resource: string, allowed: boolean];

const cases: Case[] = [
  ['acpnet-webhook', 'get', 'secrets', true],
  ['acpnet-webhook', 'list', 'secrets', false],
  ['acpnet-webhook', 'watch', 'gateways.gateway.networking.k8s.io', true],
  ['acpnet-webhook', 'list', 'subnets.kubeovn.io', true],
  ['acpnet-webhook', 'list', 'ipaddresspools.metallb.io', true],
  ['acpnet-webhook', 'list', 'domains.crd.alauda.io', true],
  ['acpnet-webhook', 'create', 'gateways.gateway.networking.k8s.io', false],
  ['acpnet-webhook', 'delete', 'frontends.crd.alauda.io', false],
  // Kube-OVN fixed-address rules look up the Pods holding an address; reading is all it may do.
  ['acpnet-webhook', 'list', 'pods', true],
  ['acpnet-webhook', 'delete', 'pods', false],
  ['acpnet-ingress-sync', 'watch', 'ingresses.networking.k8s.io', true],
  ['acpnet-ingress-sync', 'create', 'rules.crd.alauda.io', true],
  ['acpnet-ingress-sync', 'patch', 'frontends.crd.alauda.io', true],
  ['acpnet-ingress-sync', 'delete', 'rules.crd.alauda.io', true],
  ['acpnet-ingress-sync', 'patch', 'ingresses.networking.k8s.io/status', true],
  ['acpnet-ingress-sync', 'update', 'ingresses.networking.k8s.io', false],
  ['acpnet-ingress-sync', 'delete', 'alaudaloadbalancer2.crd.alauda.io', false],
  ['acpnet-ingress-sync', 'get', 'secrets', false],
  // Service, Namespace and IngressClass events re-plan the Ingresses that read them.
  ['acpnet-ingress-sync', 'watch', 'services', true],
  ['acpnet-ingress-sync', 'watch', 'namespaces', true],
  ['acpnet-ingress-sync', 'watch', 'ingressclasses.networking.k8s.io', true],
  ['acpnet-ingress-sync', 'delete', 'services', false],
  ['acpnet-ingress-sync', 'patch', 'namespaces', false],
  // Each ALB2's IngressClass: applied (create, patch) and deleted with the ALB2, never updated.
  ['acpnet-ingress-sync', 'create', 'ingressclasses.networking.k8s.io', true],
  ['acpnet-ingress-sync', 'patch', 'ingressclasses.networking.k8s.io', true],
  ['acpnet-ingress-sync', 'delete', 'ingressclasses.networking.k8s.io', true],
  ['acpnet-ingress-sync', 'update', 'ingressclasses.networking.k8s.io', false],
  ['acpnet-events', 'watch', 'alaudaloadbalancer2.crd.alauda.io', true],
  ['acpnet-events', 'create', 'ingresses.networking.k8s.io', false],
  ['acpnet-events', 'watch', 'services', true],
  ['acpnet-events', 'watch', 'namespaces', true],
  ['acpnet-events', 'watch', 'ingressclasses.networking.k8s.io', true],
  ['acpnet-bridge', 'list', 'services', true],
  ['acpnet-bridge', 'watch', 'namespaces', true],
  ['acpnet-bridge', 'watch', 'ingressclasses.networking.k8s.io', true],
  ['acpnet-bridge', 'create', 'ingressclasses.networking.k8s.io', false],
  ['acpnet-bridge', 'get', 'secrets', false],
  ['acpnet-bridge', 'create', 'configmaps', false],
  // The interconnect functions: kube-system ConfigMaps by name only, nothing cluster-wide.
  ['acpnet-interconnect-cleanup', 'list', 'configmaps', false],
  ['acpnet-interconnect-cidrs', 'list', 'configmaps', false],
  ['acpnet-interconnect-cidrs', 'create', 'configmaps', false],
  ['acpnet-ovsdb-bridge', 'list', 'configmaps', false],
];

type NamedCase = [serviceAccount: string, verb: string, object: string, namespace: string, allowed: boolean];

const named: NamedCase[] = [
  ['acpnet-interconnect-cleanup', 'watch', 'configmaps/ovn-ic-config', 'kube-system', true],
  ['acpnet-interconnect-cleanup', 'get', 'configmaps/acpnet-interconnect-cidrs', 'kube-system', false],
  ['acpnet-interconnect-cleanup', 'patch', 'configmaps/ovn-ic-config', 'kube-system', false],
  [
    'acpnet-interconnect-cleanup',
    'patch',
    'configmaps/acpnet-tombstones-interconnect-cleanup',
    'acpnet',
    true,
  ],
  ['acpnet-interconnect-cidrs', 'list', 'configmaps/ovn-ic-config', 'kube-system', true],
  ['acpnet-interconnect-cidrs', 'patch', 'configmaps/ovn-ic-config', 'kube-system', false],
  ['acpnet-interconnect-cidrs', 'create', 'configmaps/acpnet-interconnect-cidrs', 'kube-system', true],
  ['acpnet-interconnect-cidrs', 'patch', 'configmaps/acpnet-interconnect-zones', 'kube-system', true],
  ['acpnet-interconnect-cidrs', 'create', 'configmaps/kube-proxy', 'kube-system', false],
  ['acpnet-interconnect-cidrs', 'delete', 'configmaps/acpnet-interconnect-cidrs', 'kube-system', false],
  ['acpnet-bridge', 'watch', 'configmaps/ovn-ic-config', 'kube-system', true],
  ['acpnet-bridge', 'get', 'configmaps/kube-proxy', 'kube-system', false],
  // The Knative ApiServerSource of kube-system cannot watch by name: it reads that namespace's ConfigMaps.
  ['acpnet-events', 'list', 'configmaps/kube-proxy', 'kube-system', true],
  ['acpnet-events', 'list', 'configmaps/anything', 'default', false],
];

describe('component RBAC', () => {
  it.each(cases)('%s may %s %s: %s', async (serviceAccount, verb, resource, allowed) => {
    const [plainResource, subresource] = resource.split('/');
    const result = await kubectl(server.kubeconfig, [
      'auth',
      'can-i',
      verb,
      plainResource ?? resource,
      ...(subresource ? [`--subresource=${subresource}`] : []),
      '--all-namespaces',
      `--as=system:serviceaccount:acpnet:${serviceAccount}`,
    ]);
    expect({ answer: result.stdout.trim(), stderr: result.stderr.replace(/^Warning:.*\n/gm, '') }).toEqual({
      answer: allowed ? 'yes' : 'no',
      stderr: '',
    });
  });
});

describe('RBAC of named objects', () => {
  it.each(named)('%s may %s %s in %s: %s', async (serviceAccount, verb, object, namespace, allowed) => {
    const result = await kubectl(server.kubeconfig, [
      'auth',
      'can-i',
      verb,
      object,
      '-n',
      namespace,
      `--as=system:serviceaccount:acpnet:${serviceAccount}`,
    ]);
    expect({ answer: result.stdout.trim(), stderr: result.stderr.replace(/^Warning:.*\n/gm, '') }).toEqual({
      answer: allowed ? 'yes' : 'no',
      stderr: '',
    });
  });
});
