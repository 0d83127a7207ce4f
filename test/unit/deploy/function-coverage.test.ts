/**
 * The shipped function deployments keep up with the function registry: every kind a function
 * consumes reaches it (ApiServerSource and a Trigger per kind on Knative; the bridge, which watches
 * what the functions consume, without Knative), and each function's ClusterRole grants exactly what
 * it reads and writes in both overlays, nothing next to it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { parseAllDocuments } from 'yaml';
import { allFunctions } from '../../../functions/registry.js';
import type { KindModel } from '../../../shared/kube/model/kind-model.js';
import { groupOf } from '../../../shared/kube/object.js';

const overlays = path.resolve(import.meta.dirname, '../../../infra/deploy/overlays');

interface PolicyRule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
}
type Manifest = Record<string, unknown> & { kind: string; metadata: { name: string } };

function documents(file: string): Manifest[] {
  return parseAllDocuments(readFileSync(path.join(overlays, file), 'utf8')).map((d) => d.toJS() as Manifest);
}

function clusterRole(file: string, name: string): PolicyRule[] {
  const role = documents(file).find((d) => d.kind === 'ClusterRole' && d.metadata.name === name);
  if (!role) throw new Error(`no ClusterRole ${name} in ${file}`);
  return role['rules'] as PolicyRule[];
}

/** Every (group, resource, verb) a role grants, as `group/resource verb`. */
function grants(rules: readonly PolicyRule[]): string[] {
  return [
    ...new Set(
      rules.flatMap((r) =>
        r.apiGroups.flatMap((g) => r.resources.flatMap((res) => r.verbs.map((v) => `${g}/${res} ${v}`))),
      ),
    ),
  ].sort();
}

const resourceOf = (kind: KindModel) => `${kind.group}/${kind.plural}`;
const readVerbs = ['get', 'list', 'watch'];

/** What each function writes: the runtime's effects (apply, createIfAbsent, delete, patchStatus). */
const writes: Record<string, Record<string, readonly string[]>> = {
  'ingress-sync': {
    'crd.alauda.io/frontends': ['create', 'patch', 'delete'],
    'crd.alauda.io/rules': ['create', 'patch', 'delete'],
    'networking.k8s.io/ingressclasses': ['create', 'patch', 'delete'],
    'networking.k8s.io/ingresses/status': ['patch'],
  },
  'bgp-hosts': { '/nodes': ['patch'] },
  'keepalived-hosts': {
    '/configmaps': ['patch'],
    '/events': ['create'],
  },
  'pod-ipam': {
    '/pods': ['patch'],
    '/events': ['create'],
    'kubeovn.io/ips': ['create', 'patch', 'delete'],
    'kubeovn.io/subnets/status': ['patch'],
    'kubeovn.io/ippools/status': ['patch'],
    'kubeovn.io/vpc-egress-gateways': ['patch'],
    'acpnet.io/ipclaims': ['create', 'delete'],
  },
  'loadbalancer-ipam': {
    '/services': ['patch'],
    '/services/status': ['patch'],
    'networking.k8s.io/ipaddresses': ['create', 'patch', 'delete'],
    '/events': ['create', 'get'],
  },
  'route-migration': {
    'route.openshift.io/routes/status': ['patch'],
    'gateway.networking.k8s.io/gateways': ['patch'],
    'gateway.networking.k8s.io/httproutes': ['create', 'patch', 'delete'],
    'gateway.networking.k8s.io/tlsroutes': ['create', 'patch', 'delete'],
    'gateway.networking.k8s.io/referencegrants': ['create', 'patch', 'delete'],
    'gateway.networking.k8s.io/backendtlspolicies': ['create', 'patch', 'delete'],
    'gateway.envoyproxy.io/backendtrafficpolicies': ['create', 'patch', 'delete'],
    'gateway.envoyproxy.io/securitypolicies': ['create', 'patch', 'delete'],
    'gateway.envoyproxy.io/clienttrafficpolicies': ['create', 'patch', 'delete'],
    '/configmaps': ['create', 'patch', 'delete'],
    // Secrets are read by name (never listed or cached), written as TLS Secrets of Routes' certificates.
    '/secrets': ['get', 'create', 'patch', 'delete'],
  },
};

/** What each function writes in one namespace only, granted by its Role `acpnet-<function>` there. */
const namespacedWrites: Record<string, Record<string, Record<string, readonly string[]>>> = {
  'bgp-hosts': {
    'metallb-system': { 'metallb.io/bgpadvertisements': ['patch'], '/events': ['create'] },
    'kube-system': { 'apps/daemonsets': ['patch'], '/events': ['create'] },
  },
};

function role(file: string, name: string, namespace: string): PolicyRule[] {
  const found = documents(file).find(
    (d) =>
      d.kind === 'Role' &&
      d.metadata.name === name &&
      (d.metadata as { namespace?: string }).namespace === namespace,
  );
  if (!found) throw new Error(`no Role ${namespace}/${name} in ${file}`);
  return found['rules'] as PolicyRule[];
}

describe.each(allFunctions.map((fn) => [fn.name, fn] as const))('function %s', (name, fn) => {
  const consumed = fn.consumes;
  const expected = [
    ...new Set([
      ...[...fn.consumes, ...fn.reads].flatMap((kind) => readVerbs.map((v) => `${resourceOf(kind)} ${v}`)),
      ...Object.entries(writes[name] ?? {}).flatMap(([resource, verbs]) =>
        verbs.map((v) => `${resource} ${v}`),
      ),
    ]),
  ].sort();

  it.each(['knative', 'without-knative'])(
    '%s: its ClusterRole grants what it reads and writes, nothing more',
    (overlay) => {
      expect(grants(clusterRole(`${overlay}/${name}.yaml`, `acpnet-${name}`))).toEqual(expected);
    },
  );

  const namespaced = Object.entries(namespacedWrites[name] ?? {});
  const roleCases = ['knative', 'without-knative'].flatMap((overlay) =>
    namespaced.map(([namespace, writes]) => [overlay, namespace, writes] as const),
  );
  // Jest refuses an empty table: a function that writes in no single namespace has no such case.
  if (roleCases.length > 0)
    it.each(roleCases)(
      '%s: its Role in %s grants what it writes there, nothing more',
      (overlay, namespace, writes) => {
        const granted = grants(role(`${overlay}/${name}.yaml`, `acpnet-${name}`, namespace));
        const wanted = Object.entries(writes).flatMap(([resource, verbs]) =>
          verbs.map((v) => `${resource} ${v}`),
        );
        expect(granted).toEqual(wanted.sort());
      },
    );

  it.each(['knative', 'without-knative'])('%s: its workload runs this function alone', (overlay) => {
    const workload = documents(`${overlay}/${name}.yaml`).find(
      (d) => d.kind === (overlay === 'knative' ? 'Service' : 'Deployment'),
    );
    const spec = workload?.['spec'] as { template: { spec: { containers: { args: string[] }[] } } };
    expect(spec.template.spec.containers[0]?.args).toContain(`--functions=${name}`);
  });

  it.each(consumed.map((kind) => [kind.groupKind, kind] as const))(
    'knative: %s events reach it (ApiServerSource, its RBAC, a Trigger for all change types)',
    (_groupKind, kind) => {
      const source = documents('knative/apiserversource.yaml').find((d) => d.kind === 'ApiServerSource');
      const spec = source?.['spec'] as { resources: { apiVersion: string; kind: string }[] } | undefined;
      const resources = spec?.resources ?? [];
      const watched = resources.find((r) => r.kind === kind.kind && groupOf(r.apiVersion) === kind.group);
      expect(Object.keys(kind.versions)).toContain(watched?.apiVersion.split('/').at(-1));
      expect(grants(clusterRole('knative/apiserversource.yaml', 'acpnet-events'))).toEqual(
        expect.arrayContaining(readVerbs.map((v) => `${resourceOf(kind)} ${v}`)),
      );
      const triggers = documents(`knative/${name}.yaml`).filter((d) => d.kind === 'Trigger');
      const trigger = triggers.find((t) => {
        const spec = t['spec'] as {
          filters: Record<string, unknown>[];
          subscriber: { ref: { name: string } };
        };
        return (
          spec.subscriber.ref.name === `acpnet-${name}` &&
          spec.filters.some((f) => (f['exact'] as { kind?: string } | undefined)?.kind === kind.kind)
        );
      });
      const types = JSON.stringify(trigger?.['spec']);
      for (const change of ['add', 'update', 'delete'])
        expect(types).toContain(`dev.knative.apiserver.resource.${change}`);
    },
  );

  it.each(consumed.map((kind) => [kind.groupKind, kind] as const))(
    'without-knative: the bridge may watch %s',
    (_groupKind, kind) => {
      expect(grants(clusterRole('without-knative/bridge.yaml', 'acpnet-bridge'))).toEqual(
        expect.arrayContaining(readVerbs.map((v) => `${resourceOf(kind)} ${v}`)),
      );
    },
  );
});
