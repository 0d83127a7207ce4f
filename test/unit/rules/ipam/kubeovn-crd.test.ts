import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { parseAllDocuments } from 'yaml';
import type { ZodType } from 'zod';
import { kubeOvnDefinitions } from '../../../../shared/kube/schemas/kubeovn.js';
import { goModuleDir } from '../../../support/go-modules.js';

// The CRDs of the Kube-OVN release the platform installs, read from the Go module cache (see
// infra/kube/crd-sources.txt); the platform's own additions to Subnet are listed in the schema.
const crdFile = path.join(
  goModuleDir('github.com/kubeovn/kube-ovn', 'v1.14.10'),
  'charts/kube-ovn-v2/crds/kube-ovn-crd.yaml',
);

interface OpenApi {
  type?: string;
  properties?: Record<string, OpenApi>;
  items?: OpenApi;
  required?: string[];
  'x-kubernetes-preserve-unknown-fields'?: boolean;
}

interface ZodDef {
  type: string;
  innerType?: ZodType;
  element?: ZodType;
  shape?: Record<string, ZodType>;
  catchall?: ZodType;
}

const defOf = (schema: ZodType): ZodDef => (schema as unknown as { def: ZodDef }).def;

function unwrap(schema: ZodType): { schema: ZodType; optional: boolean } {
  let current = schema;
  let optional = false;
  for (;;) {
    const def = defOf(current);
    if ((def.type === 'optional' || def.type === 'nullable' || def.type === 'default') && def.innerType) {
      optional ||= def.type !== 'nullable';
      current = def.innerType;
    } else return { schema: current, optional };
  }
}

/** Paths of fields the CRD accepts that the schema would refuse, and required fields it would not require. */
function differences(crd: OpenApi, schema: ZodType, at: string): string[] {
  const out: string[] = [];
  const def = defOf(unwrap(schema).schema);
  if (crd.type === 'array' && crd.items && def.type === 'array' && def.element) {
    return differences(crd.items, def.element, `${at}[]`);
  }
  if (!crd.properties || def.type !== 'object' || !def.shape) return out;
  // A loose object (status, pass-through settings) accepts whatever the CRD has.
  if (def.catchall && defOf(def.catchall).type === 'unknown') return out;
  for (const [key, child] of Object.entries(crd.properties)) {
    const mine = def.shape[key];
    if (!mine) out.push(`${at}.${key} is refused`);
    else out.push(...differences(child, mine, `${at}.${key}`));
  }
  for (const key of crd.required ?? []) {
    const mine = def.shape[key];
    if (mine && unwrap(mine).optional) out.push(`${at}.${key} is not required`);
  }
  return out;
}

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
    const spec = crd?.properties?.['spec'];
    const mine = defOf(schema).shape?.['spec'];
    expect(spec && mine ? differences(spec, mine, 'spec') : ['spec missing']).toEqual([]);
  });
});
