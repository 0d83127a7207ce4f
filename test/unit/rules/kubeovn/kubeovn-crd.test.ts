import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { parseAllDocuments } from 'yaml';
import { kubeOvnDefinitions } from '../../../../shared/kube/schemas/kubeovn.js';
import { type OpenApi, specDifferences } from '../../../support/crd-compare.js';
import { goModuleDir } from '../../../support/go-modules.js';

// The CRDs of the Kube-OVN release the platform installs, read from the Go module cache (see
// infra/kube/crd-sources.txt); the platform's own additions to Subnet are listed in the schema.
const crdFile = path.join(
  goModuleDir('github.com/kubeovn/kube-ovn', 'v1.14.10'),
  'charts/kube-ovn-v2/crds/kube-ovn-crd.yaml',
);

function crdSchemas(): Map<string, OpenApi> {
  const text = readFileSync(crdFile, 'utf8')
    .split('\n')
    .filter((line) => !/^\s*\{\{/.test(line))
    .join('\n');
  const out = new Map<string, OpenApi>();
  for (const doc of parseAllDocuments(text)) {
    const crd = doc.toJS() as {
      kind?: string;
      spec?: { names: { kind: string }; versions: { name: string; schema: { openAPIV3Schema: OpenApi } }[] };
    } | null;
    if (crd?.kind !== 'CustomResourceDefinition' || !crd.spec) continue;
    for (const version of crd.spec.versions) {
      out.set(`${crd.spec.names.kind}/${version.name}`, version.schema.openAPIV3Schema);
    }
  }
  return out;
}

describe('kubeovn.io schemas accept everything the Kube-OVN v1.14.10 CRDs accept', () => {
  const crds = crdSchemas();
  it.each(
    kubeOvnDefinitions.flatMap((d) =>
      Object.entries(d.versions).map(([v, s]) => [`${d.kind}/${v}`, s] as const),
    ),
  )('%s', (key, schema) => {
    const crd = crds.get(key);
    expect(crd).toBeDefined();
    expect(specDifferences(crd, schema)).toEqual([]);
  });
});
