/**
 * Each function's ServiceAccount may keep the runtime's tombstones (functions/runtime/tombstones.ts)
 * in its one ConfigMap of the namespace acpnet: get and patch by name, create in the namespace (RBAC
 * cannot narrow a POST's create by name), and no cluster-wide grant on ConfigMaps.
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

describe.each(cases)('tombstone RBAC of overlays/%s, function %s', (overlay, name, fn) => {
  const docs = manifests(overlay, name);

  it('grants get/patch on its tombstone ConfigMap (one process, one function) by name and create in the namespace acpnet', () => {
    const role = docs.find((d) => d.kind === 'Role' && d.metadata.name === `acpnet-${name}-tombstones`);
    expect(role?.metadata.namespace).toBe(TOMBSTONE_NAMESPACE);
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
      { kind: 'ServiceAccount', name: `acpnet-${name}`, namespace: TOMBSTONE_NAMESPACE },
    ]);
  });

  it('grants nothing on ConfigMaps cluster-wide (those it reads, it reads by name in their namespace)', () => {
    for (const role of docs.filter((d) => d.kind === 'ClusterRole')) {
      expect(configMapRules(role.rules)).toEqual([]);
    }
  });
});
