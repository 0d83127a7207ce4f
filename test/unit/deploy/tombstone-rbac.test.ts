/**
 * Each function's ServiceAccount may keep the runtime's tombstones (functions/runtime/tombstones.ts)
 * in its one ConfigMap of the namespace acpnet: get and patch by name, create in the namespace
 * (RBAC cannot narrow create by name). Cluster-wide it gets on ConfigMaps only what the function
 * itself reads and writes there, and never create.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { parseAllDocuments } from 'yaml';
import { allFunctions } from '../../../functions/registry.js';
import {
  consumerOf,
  TOMBSTONE_NAMESPACE,
  tombstoneConfigMapName,
} from '../../../functions/runtime/tombstones.js';

const overlays = path.resolve(import.meta.dirname, '../../../infra/deploy/overlays');

interface PolicyRule {
  apiGroups: string[];
  resources: string[];
  resourceNames?: string[];
  verbs: string[];
}
interface Manifest {
  kind: string;
  metadata: { name: string; namespace?: string };
  rules?: PolicyRule[];
  roleRef?: { kind: string; name: string };
  subjects?: { kind: string; name: string; namespace?: string }[];
}

/** What each function does with ConfigMaps outside its tombstones. */
const clusterWideConfigMapVerbs: Record<string, string[]> = {
  'ingress-sync': [],
  // The keepalived ConfigMaps: read them, server-side apply their alive.yaml.
  'keepalived-hosts': ['get', 'list', 'watch', 'patch'],
  'bgp-hosts': [],
  // The destination CAs of reencrypt Routes, in the Routes' namespaces.
  'route-migration': ['get', 'list', 'watch', 'create', 'patch', 'delete'],
};

function manifests(overlay: string, fn: string): Manifest[] {
  return parseAllDocuments(readFileSync(path.join(overlays, overlay, `${fn}.yaml`), 'utf8')).map(
    (d) => d.toJS() as Manifest,
  );
}

const configMapRules = (rules: readonly PolicyRule[] = []) =>
  rules.filter((r) => r.apiGroups.includes('') && r.resources.includes('configmaps'));

const cases = ['knative', 'without-knative'].flatMap((overlay) =>
  allFunctions.map((fn) => [overlay, fn.name, fn] as const),
);

describe.each(cases)('tombstone RBAC of overlays/%s for %s', (overlay, _name, fn) => {
  const docs = manifests(overlay, fn.name);

  it('grants get/patch on the tombstone ConfigMap by name and create in the namespace acpnet', () => {
    const role = docs.find((d) => d.kind === 'Role' && d.metadata.name === `acpnet-${fn.name}-tombstones`);
    expect(role?.metadata.namespace).toBe(TOMBSTONE_NAMESPACE);
    // Each deployment runs one function (--functions), so its consumer is that function alone.
    expect(configMapRules(role?.rules)).toEqual([
      {
        apiGroups: [''],
        resources: ['configmaps'],
        resourceNames: [tombstoneConfigMapName(consumerOf([fn]))],
        verbs: ['get', 'patch'],
      },
      { apiGroups: [''], resources: ['configmaps'], verbs: ['create'] },
    ]);
    const binding = docs.find((d) => d.kind === 'RoleBinding' && d.roleRef?.name === role?.metadata.name);
    expect(binding?.metadata.namespace).toBe(TOMBSTONE_NAMESPACE);
    expect(binding?.subjects).toEqual([
      { kind: 'ServiceAccount', name: `acpnet-${fn.name}`, namespace: TOMBSTONE_NAMESPACE },
    ]);
  });

  it('grants cluster-wide on ConfigMaps only what the function reads and writes', () => {
    const verbs = docs
      .filter((d) => d.kind === 'ClusterRole')
      .flatMap((role) => configMapRules(role.rules).flatMap((rule) => rule.verbs));
    expect(verbs.sort()).toEqual([...(clusterWideConfigMapVerbs[fn.name] ?? [])].sort());
  });

  it('runs that function alone', () => {
    const text = readFileSync(path.join(overlays, overlay, `${fn.name}.yaml`), 'utf8');
    expect(text).toContain(`- --functions=${fn.name}\n`);
  });
});
