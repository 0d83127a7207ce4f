import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { parseAllDocuments } from 'yaml';
import { KINDS_OF_GROUP, kindProblem } from '../../../shared/kube/known-kinds.js';
import { MemoryStore } from '../../../shared/kube/memory-store.js';
import { reviewObject } from '../../../webhooks/review/engine.js';
import { goModuleDir } from '../../support/go-modules.js';
import { settings } from '../rules/support/fixture-cases.js';

const repoRoot = path.resolve(import.meta.dirname, '../../..');

/** `group -> kinds` of every CRD the harness installs (infra/kube/crd-sources.txt), Gateway API experimental. */
function crdKinds(): Map<string, Set<string>> {
  const kinds = new Map<string, Set<string>>();
  const sources = readFileSync(path.join(repoRoot, 'infra/kube/crd-sources.txt'), 'utf8').split('\n');
  for (const line of sources) {
    const [module, version, inside] = line.trim().split(/\s+/);
    if (!module || module.startsWith('#') || !version || !inside) continue;
    const target = path.join(goModuleDir(module, version), inside.replace('{channel}', 'experimental'));
    const files = statSync(target).isDirectory()
      ? readdirSync(target)
          .filter((f) => f.endsWith('.yaml'))
          .map((f) => path.join(target, f))
      : [target];
    for (const file of files) {
      for (const doc of parseAllDocuments(readFileSync(file, 'utf8'))) {
        const crd = doc.toJS() as {
          kind?: string;
          spec?: { group?: string; names?: { kind?: string } };
        } | null;
        if (crd?.kind !== 'CustomResourceDefinition' || !crd.spec?.group || !crd.spec.names?.kind) continue;
        const set = kinds.get(crd.spec.group) ?? new Set<string>();
        set.add(crd.spec.names.kind);
        kinds.set(crd.spec.group, set);
      }
    }
  }
  return kinds;
}

describe('kinds of the groups acpnet knows in full', () => {
  const fromCrds = crdKinds();
  const crdGroups = Object.keys(KINDS_OF_GROUP).filter((group) => fromCrds.has(group));

  it('covers every CRD group it names', () => {
    expect(crdGroups.sort()).toEqual(
      [
        'gateway.envoyproxy.io',
        'gateway.networking.k8s.io',
        'k8s.cni.cncf.io',
        'kubeovn.io',
        'metallb.io',
        'route.openshift.io',
      ].sort(),
    );
  });

  it.each(crdGroups)('%s lists exactly the kinds its CRDs serve', (group) => {
    expect([...(KINDS_OF_GROUP[group] ?? [])].sort()).toEqual([...(fromCrds.get(group) ?? [])].sort());
  });
});

describe('an object of a kind that does not exist', () => {
  it.each([
    [
      'kubeovn.io/v1',
      'subnet',
      /no matches for kind "subnet" in version "kubeovn.io\/v1".*did you mean "Subnet"/,
    ],
    [
      'metallb.io/v1beta1',
      'AddressPool',
      /no matches for kind "AddressPool" in version "metallb.io\/v1beta1"$/,
    ],
    ['gateway.networking.k8s.io/v1', 'HttpRoute', /did you mean "HTTPRoute"/],
  ])('%s %s is refused as the API server would', async (apiVersion, kind, message) => {
    expect(kindProblem({ apiVersion, kind })).toMatch(message);
    const object = { apiVersion, kind, metadata: { name: 'x', namespace: 'demo' }, spec: {} };
    const result = await reviewObject({ operation: 'CREATE', object, view: new MemoryStore(), settings });
    expect(result.allowed).toBe(false);
    expect(result.findings).toEqual([expect.objectContaining({ rule: 'schema', field: 'kind' })]);
  });

  it.each([
    ['kubeovn.io/v1', 'VpcNatGateway'],
    ['crd.alauda.io/v1', 'SomePlatformKind'],
    ['v1', 'ServiceAccount'],
    ['example.com/v1', 'Widget'],
  ])('%s %s (a real kind, or a group not judged) is not refused for its kind', (apiVersion, kind) => {
    expect(kindProblem({ apiVersion, kind })).toBeUndefined();
  });
});
