/**
 * Where a kind's CRD keeps unknown fields (x-kubernetes-preserve-unknown-fields), acpnet warns
 * about them instead of denying: each model's `preservesUnknownFields` must be exactly the objects
 * its CRD keeps unknown fields of, outside status, plus (`.**`) the objects acpnet types that the CRD
 * leaves undescribed inside those, which the API server keeps whole.
 */
import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { objectsAt } from '../../../shared/kube/model/schema-fields.js';
import { allKindModels } from '../../../shared/kube/registry.js';
import { type CrdSchemaNode, installedCrds } from './support/crds.js';

/** The objects of a CRD schema that keep unknown fields and describe some fields, by field path. */
function preservingObjects(node: CrdSchemaNode, at: string, out: Map<string, CrdSchemaNode>) {
  if (node['x-kubernetes-preserve-unknown-fields'] && node.properties) out.set(at, node);
  for (const [name, child] of Object.entries(node.properties ?? {})) {
    if (at === '' && name === 'status') continue;
    preservingObjects(child, at ? `${at}.${name}` : name, out);
  }
  if (node.items) preservingObjects(node.items, `${at}[*]`, out);
}

/** A strict object schema: the ones that report unknown fields. */
function refusesUnknownFields(object: z.core.$ZodObject): boolean {
  return object._zod.def.catchall instanceof z.core.$ZodNever;
}

function pathOf(pattern: string): (string | number)[] {
  return pattern
    .split('.')
    .flatMap((part) => part.split(/(\[\*\])/).filter(Boolean))
    .map((part) => (part === '[*]' ? 0 : part));
}

const crds = installedCrds();

describe.each(allKindModels().map((m) => [m.groupKind, m] as const))('%s', (_groupKind, model) => {
  const crd = crds.get(model.groupKind);

  if (!crd) {
    it('is a built-in kind: unknown fields are refused everywhere', () => {
      expect(model.preservesUnknownFields).toEqual([]);
    });
    return;
  }

  const served = Object.keys(model.versions).filter((v) => crd.versions.has(v));
  const preserving = new Map<string, CrdSchemaNode>();
  for (const version of served) {
    const root = crd.versions.get(version);
    if (root) preservingObjects(root, '', preserving);
  }

  it('warns exactly where its CRD keeps unknown fields', () => {
    expect(served.length).toBeGreaterThan(0);
    const exact = model.preservesUnknownFields.filter((p) => !p.endsWith('.**'));
    expect([...exact].sort()).toEqual([...preserving.keys()].sort());
  });

  it('keeps whole exactly the typed objects its CRD leaves undescribed where it keeps unknown fields', () => {
    const whole: string[] = [];
    for (const [at, node] of preserving) {
      for (const version of served) {
        const schema = model.versions[version];
        if (!schema) continue;
        for (const object of objectsAt(schema, pathOf(at))) {
          for (const name of Object.keys(object._zod.def.shape)) {
            if (node.properties?.[name]) continue;
            const field = pathOf(`${at}.${name}`);
            const objects = [...objectsAt(schema, field), ...objectsAt(schema, [...field, 0])];
            if (objects.some(refusesUnknownFields)) whole.push(`${at}.${name}.**`);
          }
        }
      }
    }
    const listed = model.preservesUnknownFields.filter((p) => p.endsWith('.**'));
    expect([...listed].sort()).toEqual([...new Set(whole)].sort());
  });
});
