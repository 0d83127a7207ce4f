import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import type { ZodType } from 'zod';
import { metallbDefinitions } from '../../../../shared/kube/schemas/metallb.js';
import { goModuleDir } from '../../../support/go-modules.js';

// The CRDs of the MetalLB release the platform installs (infra/kube/crd-sources.txt), read from
// the Go module cache (fetched through the module proxy when this machine lacks them).
const crdDir = path.join(goModuleDir('go.universe.tf/metallb', 'v0.16.2'), 'config/crd/bases');

interface OpenApi {
  type?: string;
  properties?: Record<string, OpenApi>;
  items?: OpenApi;
  required?: string[];
  minimum?: number;
  maximum?: number;
  enum?: string[];
}

interface ZodDef {
  type: string;
  innerType?: ZodType;
  element?: ZodType;
  shape?: Record<string, ZodType>;
  catchall?: ZodType;
  schema?: ZodType;
}

const defOf = (schema: ZodType): ZodDef => (schema as unknown as { def: ZodDef }).def;

/** Strips optional/default wrappers and refinement pipes down to the field's own schema. */
function unwrap(schema: ZodType): { schema: ZodType; optional: boolean } {
  let current = schema;
  let optional = false;
  for (;;) {
    const def = defOf(current);
    if ((def.type === 'optional' || def.type === 'default') && def.innerType) {
      optional = true;
      current = def.innerType;
    } else return { schema: current, optional };
  }
}

/** Where the schema refuses what the CRD accepts, or accepts what its bounds and enums refuse. */
function differences(crd: OpenApi, schema: ZodType, at: string): string[] {
  const mine = unwrap(schema).schema;
  const def = defOf(mine);
  if (crd.type === 'array' && crd.items && def.type === 'array' && def.element)
    return differences(crd.items, def.element, `${at}[]`);
  if (crd.type === 'integer') {
    const out: string[] = [];
    const probe = (value: number, accepted: boolean) => {
      if (mine.safeParse(value).success !== accepted)
        out.push(`${at}=${value} should be ${accepted ? 'accepted' : 'refused'}`);
    };
    if (crd.minimum !== undefined) [probe(crd.minimum, true), probe(crd.minimum - 1, false)];
    if (crd.maximum !== undefined) [probe(crd.maximum, true), probe(crd.maximum + 1, false)];
    return out;
  }
  if (crd.enum) return crd.enum.filter((v) => !mine.safeParse(v).success).map((v) => `${at}=${v} is refused`);
  if (!crd.properties || def.type !== 'object' || !def.shape) return [];
  if (def.catchall && defOf(def.catchall).type === 'unknown') return [];
  const out: string[] = [];
  for (const [key, child] of Object.entries(crd.properties)) {
    const field = def.shape[key];
    if (!field) out.push(`${at}.${key} is refused`);
    else out.push(...differences(child, field, `${at}.${key}`));
  }
  for (const key of crd.required ?? []) {
    const field = def.shape[key];
    if (field && unwrap(field).optional) out.push(`${at}.${key} is not required`);
  }
  return out;
}

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
    const spec = crdVersion?.schema.openAPIV3Schema.properties?.['spec'];
    const mine = defOf(schema).shape?.['spec'];
    expect(spec && mine ? differences(spec, mine, 'spec') : ['spec missing']).toEqual([]);
  });
});
