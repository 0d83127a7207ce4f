import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { metallbDefinitions } from '../../../../shared/kube/schemas/metallb.js';
import { type OpenApi, specDifferences } from '../../../support/crd-compare.js';
import { goModuleDir } from '../../../support/go-modules.js';

// The CRDs of the MetalLB release the platform installs (infra/kube/crd-sources.txt), read from
// the Go module cache (fetched through the module proxy when this machine lacks them).
const crdDir = path.join(goModuleDir('go.universe.tf/metallb', 'v0.16.2'), 'config/crd/bases');

interface Crd {
  spec: {
    names: { kind: string; plural: string };
    versions: { name: string; served: boolean; schema: { openAPIV3Schema: OpenApi } }[];
  };
}

function readCrd(plural: string): Crd {
  return parse(readFileSync(path.join(crdDir, `metallb.io_${plural}.yaml`), 'utf8')) as Crd;
}

describe('metallb.io schemas match the MetalLB v0.16.2 CRDs', () => {
  it.each(metallbDefinitions.map((d) => [d.kind, d] as const))(
    '%s serves the CRD versions',
    (_kind, definition) => {
      const crd = readCrd(definition.plural);
      expect(crd.spec.names.kind).toBe(definition.kind);
      const served = crd.spec.versions.filter((v) => v.served).map((v) => v.name);
      expect(Object.keys(definition.versions).sort()).toEqual(served.sort());
    },
  );

  it.each(
    metallbDefinitions.flatMap((d) =>
      Object.entries(d.versions).map(([v, s]) => [`${d.kind}/${v}`, d.plural, v, s] as const),
    ),
  )('%s accepts every field and honours the bounds', (_key, plural, version, schema) => {
    const crdVersion = readCrd(plural).spec.versions.find((v) => v.name === version);
    expect(specDifferences(crdVersion?.schema.openAPIV3Schema, schema, { integerBounds: true })).toEqual([]);
  });
});
