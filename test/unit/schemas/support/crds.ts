import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { goModuleDir } from '../../../support/go-modules.js';

const repoRoot = path.resolve(import.meta.dirname, '../../../..');

/** The part of an OpenAPI v3 schema node of a CRD that these tests read. */
export interface CrdSchemaNode {
  type?: string;
  properties?: Record<string, CrdSchemaNode>;
  items?: CrdSchemaNode;
  additionalProperties?: CrdSchemaNode | boolean;
  'x-kubernetes-preserve-unknown-fields'?: boolean;
}

export interface CrdVersions {
  group: string;
  kind: string;
  /** version -> openAPIV3Schema */
  versions: Map<string, CrdSchemaNode>;
}

interface CrdDocument {
  kind?: string;
  spec?: {
    group?: string;
    names?: { kind?: string };
    versions?: { name: string; schema?: { openAPIV3Schema?: CrdSchemaNode } }[];
  };
}

function yamlFiles(target: string): string[] {
  return statSync(target).isDirectory()
    ? readdirSync(target)
        .filter((f) => f.endsWith('.yaml'))
        .map((f) => path.join(target, f))
    : [target];
}

/**
 * Every CRD the harness installs (infra/kube/crd-sources.txt, Gateway API experimental, read from
 * the Go module cache, infra/kube/crds-local/ and acpnet's own in infra/deploy/base/crds/), by
 * `group/kind`.
 */
export function installedCrds(): Map<string, CrdVersions> {
  const files: string[] = [];
  const sources = readFileSync(path.join(repoRoot, 'infra/kube/crd-sources.txt'), 'utf8').split('\n');
  for (const line of sources) {
    const [module, version, inside] = line.trim().split(/\s+/);
    if (!module || module.startsWith('#') || !version || !inside) continue;
    files.push(
      ...yamlFiles(path.join(goModuleDir(module, version), inside.replace('{channel}', 'experimental'))),
    );
  }
  files.push(...yamlFiles(path.join(repoRoot, 'infra/kube/crds-local')));
  files.push(...yamlFiles(path.join(repoRoot, 'infra/deploy/base/crds')));
  const crds = new Map<string, CrdVersions>();
  for (const file of files) {
    for (const doc of parseAllDocuments(readFileSync(file, 'utf8'))) {
      const crd = doc.toJS() as CrdDocument | null;
      const group = crd?.spec?.group;
      const kind = crd?.spec?.names?.kind;
      if (crd?.kind !== 'CustomResourceDefinition' || !group || !kind) continue;
      const versions = new Map<string, CrdSchemaNode>();
      for (const v of crd.spec?.versions ?? [])
        if (v.schema?.openAPIV3Schema) versions.set(v.name, v.schema.openAPIV3Schema);
      crds.set(`${group}/${kind}`, { group, kind, versions });
    }
  }
  return crds;
}
