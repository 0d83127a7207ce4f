/**
 * The shipped function deployments keep up with the function registry: every kind a function
 * consumes reaches it (an ApiServerSource and a Trigger per kind on Knative; the bridge, which
 * watches what the functions consume, without Knative), every OVSDB table it follows reaches it (the
 * OVSDB bridge, and on Knative a KafkaSource and a Trigger), each process runs only its function,
 * and each function is granted exactly what it reads and writes in both overlays: cluster-wide
 * kinds in its ClusterRole, the few objects of a scoped kind by name in a Role of their namespace.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { parseAllDocuments } from 'yaml';
import { allFunctions } from '../../../functions/registry.js';
import type { EventFunction, ObjectScope } from '../../../functions/runtime/contract.js';
import { OVSDB_ROW_CHANGED } from '../../../shared/events/ovsdb-row.js';
import type { KindModel } from '../../../shared/kube/model/kind-model.js';
import { groupOf } from '../../../shared/kube/object.js';

const overlays = path.resolve(import.meta.dirname, '../../../infra/deploy/overlays');

interface PolicyRule {
  apiGroups: string[];
  resources: string[];
  resourceNames?: string[];
  verbs: string[];
}
type Manifest = Record<string, unknown> & { kind: string; metadata: { name: string; namespace?: string } };

function documents(file: string): Manifest[] {
  return parseAllDocuments(readFileSync(path.join(overlays, file), 'utf8')).map((d) => d.toJS() as Manifest);
}

function overlayDocuments(overlay: string): Manifest[] {
  const kustomization = documents(`${overlay}/kustomization.yaml`)[0] as unknown as { resources: string[] };
  return kustomization.resources
    .filter((file) => !file.startsWith('..'))
    .flatMap((file) => documents(`${overlay}/${file}`));
}

function rulesOf(docs: readonly Manifest[], kind: 'ClusterRole' | 'Role', name: string, namespace?: string) {
  const role = docs.find(
    (d) =>
      d.kind === kind &&
      d.metadata.name === name &&
      (namespace === undefined || d.metadata.namespace === namespace),
  );
  return (role?.['rules'] as PolicyRule[] | undefined) ?? [];
}

/** Every (group, resource, verb[, name]) a role grants, as `group/resource verb[ name]`. */
function grants(rules: readonly PolicyRule[]): string[] {
  return [
    ...new Set(
      rules.flatMap((r) =>
        r.apiGroups.flatMap((g) =>
          r.resources.flatMap((res) =>
            r.verbs.flatMap((v) =>
              r.resourceNames ? r.resourceNames.map((n) => `${g}/${res} ${v} ${n}`) : [`${g}/${res} ${v}`],
            ),
          ),
        ),
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

/** Writes in one namespace (of named objects, or where RBAC cannot name them): `group/resource verb[ name]`. */
const scopedWrites: Record<string, Record<string, readonly string[]>> = {
  'bgp-hosts': {
    'metallb-system': ['metallb.io/bgpadvertisements patch', '/events create'],
    'kube-system': ['apps/daemonsets patch kube-ovn-speaker', '/events create'],
  },
  'interconnect-cidrs': {
    'kube-system': ['create', 'patch'].flatMap((verb) =>
      ['acpnet-interconnect-cidrs', 'acpnet-interconnect-zones'].map((name) => `/configmaps ${verb} ${name}`),
    ),
  },
};

function scopesOf(fn: EventFunction): ObjectScope[] {
  return [...(fn.scopes ?? [])];
}

function isScoped(fn: EventFunction, kind: KindModel): boolean {
  return scopesOf(fn).some((scope) => scope.kind.groupKind === kind.groupKind);
}

function clusterWideExpected(fn: EventFunction): string[] {
  const kinds = [...fn.consumes, ...fn.reads].filter((kind) => !isScoped(fn, kind));
  return [
    ...new Set([
      ...kinds.flatMap((kind) => readVerbs.map((v) => `${resourceOf(kind)} ${v}`)),
      ...Object.entries(writes[fn.name] ?? {}).flatMap(([resource, verbs]) =>
        verbs.map((v) => `${resource} ${v}`),
      ),
    ]),
  ].sort();
}

function namespacedExpected(fn: EventFunction): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const scope of scopesOf(fn)) {
    const lines = scope.names.flatMap((name) =>
      readVerbs.map((v) => `${resourceOf(scope.kind)} ${v} ${name}`),
    );
    out.set(scope.namespace, [...(out.get(scope.namespace) ?? []), ...lines]);
  }
  for (const [namespace, lines] of Object.entries(scopedWrites[fn.name] ?? {})) {
    out.set(namespace, [...(out.get(namespace) ?? []), ...lines]);
  }
  return new Map([...out].map(([namespace, lines]) => [namespace, [...new Set(lines)].sort()]));
}

/** The consumed objects of a scoped kind (not the read-only ones), by namespace. */
function consumedScopes(fn: EventFunction): ObjectScope[] {
  return scopesOf(fn).filter((scope) => !scope.readOnly);
}

function triggerSpecs(docs: readonly Manifest[], fn: EventFunction) {
  return docs
    .filter((d) => d.kind === 'Trigger')
    .map((t) => t['spec'] as { filters: Record<string, unknown>[]; subscriber: { ref: { name: string } } })
    .filter((spec) => spec.subscriber.ref.name === `acpnet-${fn.name}`);
}

describe.each(allFunctions.map((fn) => [fn.name, fn] as const))('function %s', (name, fn) => {
  it.each(['knative', 'without-knative'])(
    '%s: its ClusterRole grants what it reads and writes cluster-wide, nothing more',
    (overlay) => {
      expect(grants(rulesOf(documents(`${overlay}/${name}.yaml`), 'ClusterRole', `acpnet-${name}`))).toEqual(
        clusterWideExpected(fn),
      );
    },
  );

  it.each(['knative', 'without-knative'])(
    '%s: its Roles grant the objects of scoped kinds by name, nothing more',
    (overlay) => {
      const docs = documents(`${overlay}/${name}.yaml`);
      for (const [namespace, expected] of namespacedExpected(fn)) {
        expect({ namespace, grants: grants(rulesOf(docs, 'Role', `acpnet-${name}`, namespace)) }).toEqual({
          namespace,
          grants: expected,
        });
      }
    },
  );

  it.each(['knative', 'without-knative'])('%s: its process runs only this function', (overlay) => {
    const docs = documents(`${overlay}/${name}.yaml`);
    const workload = docs.find(
      (d) => (d.kind === 'Deployment' || d.kind === 'Service') && d.metadata.name === `acpnet-${name}`,
    );
    const args = JSON.stringify(workload?.['spec']);
    expect(args).toContain(`--functions=${name}`);
    if (overlay === 'without-knative' && name !== 'ingress-sync')
      expect(args).toContain(`--kafka-group=acpnet-${name}`);
  });

  const unscoped = fn.consumes
    .filter((kind) => !isScoped(fn, kind))
    .map((kind) => [kind.groupKind, kind] as const);
  const named = consumedScopes(fn).flatMap((scope) =>
    scope.names.map((n) => [`${scope.namespace}/${n}`, scope, n] as const),
  );
  const tables = (fn.consumesRows ?? []).map((rows) => [`${rows.database}/${rows.table}`, rows] as const);
  // jest refuses an empty table: a function without such inputs has no such case.
  const each = <T extends readonly unknown[]>(cases: readonly T[]) =>
    cases.length > 0 ? it.each(cases as T[]) : () => undefined;

  each(unscoped)(
    'knative: %s events reach it (ApiServerSource, its RBAC, a Trigger for all change types)',
    (_groupKind, kind) => {
      const source = documents('knative/apiserversource.yaml').find((d) => d.kind === 'ApiServerSource');
      const spec = source?.['spec'] as { resources: { apiVersion: string; kind: string }[] } | undefined;
      const watched = (spec?.resources ?? []).find(
        (r) => r.kind === kind.kind && groupOf(r.apiVersion) === kind.group,
      );
      expect(Object.keys(kind.versions)).toContain(watched?.apiVersion.split('/').at(-1));
      expect(
        grants(rulesOf(documents('knative/apiserversource.yaml'), 'ClusterRole', 'acpnet-events')),
      ).toEqual(expect.arrayContaining(readVerbs.map((v) => `${resourceOf(kind)} ${v}`)));
      const trigger = triggerSpecs(documents(`knative/${name}.yaml`), fn).find((spec) =>
        spec.filters.some((f) => (f['exact'] as { kind?: string } | undefined)?.kind === kind.kind),
      );
      const types = JSON.stringify(trigger);
      for (const change of ['add', 'update', 'delete'])
        expect(types).toContain(`dev.knative.apiserver.resource.${change}`);
    },
  );

  each(named)(
    'knative: the events of %s reach it (an ApiServerSource of its namespace, RBAC there, a Trigger naming it)',
    (_object, scope, objectName) => {
      const docs = overlayDocuments('knative');
      const source = docs.find((d) => {
        const spec = d['spec'] as
          | { resources?: { kind: string }[]; namespaceSelector?: { matchLabels?: Record<string, string> } }
          | undefined;
        return (
          d.kind === 'ApiServerSource' &&
          spec?.resources?.some((r) => r.kind === scope.kind.kind) === true &&
          spec.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'] === scope.namespace
        );
      });
      expect(source?.['spec']).toMatchObject({ mode: 'Resource', serviceAccountName: 'acpnet-events' });
      const binding = docs.find(
        (d) =>
          d.kind === 'RoleBinding' &&
          d.metadata.namespace === scope.namespace &&
          JSON.stringify(d['subjects']).includes('"acpnet-events"'),
      );
      const roleName = (binding?.['roleRef'] as { name: string } | undefined)?.name ?? '';
      expect(grants(rulesOf(docs, 'Role', roleName, scope.namespace))).toEqual(
        expect.arrayContaining(readVerbs.map((v) => `${resourceOf(scope.kind)} ${v}`)),
      );
      const trigger = triggerSpecs(documents(`knative/${name}.yaml`), fn).find((spec) =>
        spec.filters.some((f) => {
          const exact = f['exact'] as Record<string, string> | undefined;
          return (
            exact?.kind === scope.kind.kind &&
            exact.name === objectName &&
            exact.namespace === scope.namespace
          );
        }),
      );
      const types = JSON.stringify(trigger);
      for (const change of ['add', 'update', 'delete'])
        expect(types).toContain(`dev.knative.apiserver.resource.${change}`);
    },
  );

  each(tables)(
    'knative: row events of %s reach it (OVSDB bridge to Kafka, a KafkaSource into the Broker, an ordered Trigger)',
    (_table, rows) => {
      const docs = overlayDocuments('knative');
      const bridge = docs.find(
        (d) => d.kind === 'Deployment' && JSON.stringify(d['spec']).includes('"ovsdb-bridge"'),
      );
      expect(bridge).toBeDefined();
      const kafkaSource = docs.find((d) => d.kind === 'KafkaSource');
      expect(kafkaSource?.['spec']).toMatchObject({ sink: { ref: { kind: 'Broker', name: 'acpnet' } } });
      const trigger = docs.find((d) => {
        if (d.kind !== 'Trigger') return false;
        const spec = JSON.stringify(d['spec']);
        return (
          spec.includes(`"acpnet-${name}"`) &&
          spec.includes(OVSDB_ROW_CHANGED) &&
          spec.includes(`"database":"${rows.database}"`) &&
          spec.includes(`"table":"${rows.table}"`)
        );
      });
      expect(trigger?.metadata).toMatchObject({
        annotations: { 'kafka.eventing.knative.dev/delivery.order': 'ordered' },
      });
    },
  );

  each(unscoped)('without-knative: the bridge may watch %s', (_groupKind, kind) => {
    expect(grants(rulesOf(documents('without-knative/bridge.yaml'), 'ClusterRole', 'acpnet-bridge'))).toEqual(
      expect.arrayContaining(readVerbs.map((v) => `${resourceOf(kind)} ${v}`)),
    );
  });

  each(named)('without-knative: the bridge may watch %s by name', (_object, scope, objectName) => {
    const docs = documents('without-knative/bridge.yaml');
    const binding = docs.find(
      (d) =>
        d.kind === 'RoleBinding' &&
        d.metadata.namespace === scope.namespace &&
        JSON.stringify(d['subjects']).includes('"acpnet-bridge"'),
    );
    const roleName = (binding?.['roleRef'] as { name: string } | undefined)?.name ?? '';
    expect(grants(rulesOf(docs, 'Role', roleName, scope.namespace))).toEqual(
      readVerbs.map((v) => `${resourceOf(scope.kind)} ${v} ${objectName}`).sort(),
    );
  });

  each(tables)('without-knative: the OVSDB bridge publishes row events of %s to the consumers topic', () => {
    const bridge = documents('without-knative/ovsdb-bridge.yaml').find((d) => d.kind === 'Deployment');
    const spec = JSON.stringify(bridge?.['spec']);
    expect(spec).toContain('"ovsdb-bridge"');
    expect(spec).toContain('--topic=$(KAFKA_TOPIC)');
  });
});
