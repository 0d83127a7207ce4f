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
  // Roles of bgp-hosts live in metallb-system (MetalLB creates it where it is installed).
  await kubectlOk(server.kubeconfig, ['apply', '--server-side', '--field-manager=acpnet-test', '-f', '-'], {
    stdin: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: metallb-system\n',
  });
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
  ['acpnet-ingress-sync', 'patch', 'configmaps', false],
  // keepalived-hosts: server-side applies alive.yaml into the keepalived ConfigMaps (any namespace),
  // reads the ALBs, their Pods and the Nodes, and reports unusable templates with Events.
  ['acpnet-keepalived-hosts', 'watch', 'configmaps', true],
  ['acpnet-keepalived-hosts', 'patch', 'configmaps', true],
  ['acpnet-keepalived-hosts', 'create', 'configmaps', false],
  ['acpnet-keepalived-hosts', 'update', 'configmaps', false],
  ['acpnet-keepalived-hosts', 'delete', 'configmaps', false],
  ['acpnet-keepalived-hosts', 'watch', 'pods', true],
  ['acpnet-keepalived-hosts', 'patch', 'pods', false],
  ['acpnet-keepalived-hosts', 'watch', 'nodes', true],
  ['acpnet-keepalived-hosts', 'patch', 'nodes', false],
  ['acpnet-keepalived-hosts', 'watch', 'alaudaloadbalancer2.crd.alauda.io', true],
  ['acpnet-keepalived-hosts', 'patch', 'alaudaloadbalancer2.crd.alauda.io', false],
  ['acpnet-keepalived-hosts', 'create', 'events', true],
  ['acpnet-keepalived-hosts', 'delete', 'events', false],
  ['acpnet-keepalived-hosts', 'get', 'secrets', false],
  ['acpnet-keepalived-hosts', 'create', 'rules.crd.alauda.io', false],
  ['acpnet-events', 'watch', 'configmaps', true],
  ['acpnet-events', 'watch', 'pods', true],
  ['acpnet-events', 'watch', 'nodes', true],
  // pod-ipam: reads what decides an address, writes claims, IP objects, annotations and status.
  ['acpnet-pod-ipam', 'watch', 'pods', true],
  ['acpnet-pod-ipam', 'patch', 'pods', true],
  ['acpnet-pod-ipam', 'create', 'pods', false],
  ['acpnet-pod-ipam', 'delete', 'pods', false],
  ['acpnet-pod-ipam', 'update', 'pods/status', false],
  ['acpnet-pod-ipam', 'create', 'events', true],
  ['acpnet-pod-ipam', 'watch', 'subnets.kubeovn.io', true],
  ['acpnet-pod-ipam', 'patch', 'subnets.kubeovn.io/status', true],
  ['acpnet-pod-ipam', 'patch', 'subnets.kubeovn.io', false],
  ['acpnet-pod-ipam', 'patch', 'ippools.kubeovn.io/status', true],
  ['acpnet-pod-ipam', 'create', 'ips.kubeovn.io', true],
  ['acpnet-pod-ipam', 'delete', 'ips.kubeovn.io', true],
  ['acpnet-pod-ipam', 'create', 'ipclaims.acpnet.io', true],
  ['acpnet-pod-ipam', 'delete', 'ipclaims.acpnet.io', true],
  ['acpnet-pod-ipam', 'update', 'ipclaims.acpnet.io', false],
  ['acpnet-pod-ipam', 'patch', 'vpc-egress-gateways.kubeovn.io', true],
  ['acpnet-pod-ipam', 'watch', 'statefulsets.apps', true],
  ['acpnet-pod-ipam', 'watch', 'network-attachment-definitions.k8s.cni.cncf.io', true],
  ['acpnet-pod-ipam', 'get', 'secrets', false],
  ['acpnet-events', 'watch', 'pods', true],
  ['acpnet-events', 'watch', 'subnets.kubeovn.io', true],
  ['acpnet-bridge', 'watch', 'vpc-egress-gateways.kubeovn.io', true],
  ['acpnet-bridge', 'patch', 'pods', false],
  ['acpnet-events', 'watch', 'alaudaloadbalancer2.crd.alauda.io', true],
  ['acpnet-events', 'create', 'ingresses.networking.k8s.io', false],
  ['acpnet-events', 'watch', 'services', true],
  ['acpnet-events', 'watch', 'namespaces', true],
  ['acpnet-events', 'watch', 'ingressclasses.networking.k8s.io', true],
  ['acpnet-events', 'watch', 'ipaddresspools.metallb.io', true],
  ['acpnet-events', 'watch', 'ipaddresses.networking.k8s.io', true],
  ['acpnet-loadbalancer-ipam', 'watch', 'services', true],
  ['acpnet-loadbalancer-ipam', 'patch', 'services/status', true],
  ['acpnet-loadbalancer-ipam', 'patch', 'services', true],
  ['acpnet-loadbalancer-ipam', 'update', 'services', false],
  ['acpnet-loadbalancer-ipam', 'delete', 'services', false],
  ['acpnet-loadbalancer-ipam', 'watch', 'ipaddresspools.metallb.io', true],
  ['acpnet-loadbalancer-ipam', 'patch', 'ipaddresspools.metallb.io', false],
  ['acpnet-loadbalancer-ipam', 'create', 'ipaddresses.networking.k8s.io', true],
  ['acpnet-loadbalancer-ipam', 'delete', 'ipaddresses.networking.k8s.io', true],
  ['acpnet-loadbalancer-ipam', 'update', 'ipaddresses.networking.k8s.io', false],
  ['acpnet-loadbalancer-ipam', 'create', 'events', true],
  ['acpnet-loadbalancer-ipam', 'delete', 'events', false],
  ['acpnet-loadbalancer-ipam', 'list', 'ips.kubeovn.io', true],
  ['acpnet-loadbalancer-ipam', 'create', 'ips.kubeovn.io', false],
  ['acpnet-loadbalancer-ipam', 'get', 'secrets', false],
  ['acpnet-ingress-sync', 'patch', 'services/status', false],
  ['acpnet-bridge', 'watch', 'ipaddresses.networking.k8s.io', true],
  ['acpnet-bridge', 'list', 'services', true],
  ['acpnet-bridge', 'watch', 'namespaces', true],
  ['acpnet-bridge', 'watch', 'ingressclasses.networking.k8s.io', true],
  ['acpnet-bridge', 'create', 'ingressclasses.networking.k8s.io', false],
  ['acpnet-bridge', 'get', 'secrets', false],
  ['acpnet-bridge', 'create', 'configmaps', false],
  // bgp-hosts: the speaker label on nodes; reads MetalLB's objects and DaemonSets everywhere.
  ['acpnet-bgp-hosts', 'patch', 'nodes', true],
  ['acpnet-bgp-hosts', 'update', 'nodes', false],
  ['acpnet-bgp-hosts', 'delete', 'nodes', false],
  ['acpnet-bgp-hosts', 'watch', 'bgppeers.metallb.io', true],
  ['acpnet-bgp-hosts', 'watch', 'daemonsets.apps', true],
  ['acpnet-bgp-hosts', 'patch', 'bgppeers.metallb.io', false],
  ['acpnet-bgp-hosts', 'patch', 'bgpadvertisements.metallb.io', false],
  ['acpnet-bgp-hosts', 'patch', 'daemonsets.apps', false],
  ['acpnet-bgp-hosts', 'create', 'events', false],
  ['acpnet-bgp-hosts', 'get', 'secrets', false],
  ['acpnet-events', 'watch', 'nodes', true],
  ['acpnet-events', 'watch', 'bgpadvertisements.metallb.io', true],
  ['acpnet-events', 'watch', 'daemonsets.apps', true],
  ['acpnet-bridge', 'watch', 'ipaddresspools.metallb.io', true],
  ['acpnet-bridge', 'watch', 'daemonsets.apps', true],
  ['acpnet-bridge', 'watch', 'configmaps', true],
  ['acpnet-bridge', 'watch', 'pods', true],
  ['acpnet-bridge', 'watch', 'nodes', true],
  ['acpnet-bridge', 'patch', 'configmaps', false],
  // route-migration: Routes, their Services and Gateways in; the objects made from Routes out.
  ['acpnet-route-migration', 'watch', 'routes.route.openshift.io', true],
  ['acpnet-route-migration', 'patch', 'routes.route.openshift.io/status', true],
  ['acpnet-route-migration', 'update', 'routes.route.openshift.io', false],
  ['acpnet-route-migration', 'create', 'httproutes.gateway.networking.k8s.io', true],
  ['acpnet-route-migration', 'delete', 'securitypolicies.gateway.envoyproxy.io', true],
  ['acpnet-route-migration', 'patch', 'gateways.gateway.networking.k8s.io', true],
  ['acpnet-route-migration', 'create', 'gateways.gateway.networking.k8s.io', false],
  ['acpnet-route-migration', 'get', 'secrets', true],
  ['acpnet-route-migration', 'list', 'secrets', false],
  ['acpnet-route-migration', 'delete', 'services', false],
  ['acpnet-events', 'watch', 'routes.route.openshift.io', true],
  ['acpnet-bridge', 'watch', 'routes.route.openshift.io', true],
  ['acpnet-bridge', 'watch', 'gateways.gateway.networking.k8s.io', true],
  ['acpnet-webhook', 'watch', 'routes.route.openshift.io', true],
  ['acpnet-webhook', 'patch', 'routes.route.openshift.io', false],
  // The interconnect functions: kube-system ConfigMaps by name only, nothing cluster-wide.
  ['acpnet-interconnect-cleanup', 'list', 'configmaps', false],
  ['acpnet-interconnect-cidrs', 'list', 'configmaps', false],
  ['acpnet-interconnect-cidrs', 'create', 'configmaps', false],
  ['acpnet-ovsdb-bridge', 'list', 'configmaps', false],
];

/** Grants of one namespace (and, with a name, of one object): Roles, which --all-namespaces does not show. */
type ScopedCase = [
  serviceAccount: string,
  verb: string,
  resource: string,
  namespace: string,
  allowed: boolean,
];

const scopedCases: ScopedCase[] = [
  ['acpnet-bgp-hosts', 'patch', 'bgpadvertisements.metallb.io', 'metallb-system', true],
  ['acpnet-bgp-hosts', 'update', 'bgpadvertisements.metallb.io', 'metallb-system', false],
  ['acpnet-bgp-hosts', 'patch', 'bgpadvertisements.metallb.io', 'default', false],
  ['acpnet-bgp-hosts', 'create', 'events', 'metallb-system', true],
  ['acpnet-bgp-hosts', 'create', 'events', 'kube-system', true],
  ['acpnet-bgp-hosts', 'create', 'events', 'default', false],
  ['acpnet-bgp-hosts', 'patch', 'daemonsets.apps/kube-ovn-speaker', 'kube-system', true],
  ['acpnet-bgp-hosts', 'patch', 'daemonsets.apps/kube-proxy', 'kube-system', false],
  ['acpnet-bgp-hosts', 'delete', 'daemonsets.apps/kube-ovn-speaker', 'kube-system', false],
  ['acpnet-bgp-hosts', 'patch', 'daemonsets.apps/kube-ovn-speaker', 'default', false],
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
  ['acpnet-bridge', 'patch', 'configmaps/ovn-ic-config', 'kube-system', false],
  // The Knative ApiServerSource of kube-system cannot watch by name: it reads that namespace's ConfigMaps.
  ['acpnet-events', 'list', 'configmaps/kube-proxy', 'kube-system', true],
  ['acpnet-events', 'patch', 'configmaps/ovn-ic-config', 'kube-system', false],
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

  it.each(scopedCases)(
    '%s may %s %s in %s: %s',
    async (serviceAccount, verb, resource, namespace, allowed) => {
      const result = await kubectl(server.kubeconfig, [
        'auth',
        'can-i',
        verb,
        resource,
        '-n',
        namespace,
        `--as=system:serviceaccount:acpnet:${serviceAccount}`,
      ]);
      expect({ answer: result.stdout.trim(), stderr: result.stderr.replace(/^Warning:.*\n/gm, '') }).toEqual({
        answer: allowed ? 'yes' : 'no',
        stderr: '',
      });
    },
  );
});
