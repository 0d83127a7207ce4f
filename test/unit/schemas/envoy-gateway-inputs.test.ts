import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { groupKindOf, type KubeObject } from '../../../shared/kube/object.js';
import { kindModel, validateSchema } from '../../../shared/kube/registry.js';
import { envoyGatewayTranslatorCases, envoyGatewayTranslatorDir } from '../../support/corpora.js';

/** Envoy Gateway's translator inputs are maps of object lists; every known-kind object must pass the schemas. */
interface Rejection {
  file: string;
  kind: string;
  name: string;
  path: string;
  reason: string;
}

const corpus = envoyGatewayTranslatorDir();
const documented = parse(
  readFileSync(
    path.resolve(process.cwd(), 'test/fixtures/schemas/envoy-gateway-inputs-rejected.yaml'),
    'utf8',
  ),
) as Rejection[];

function collectObjects(value: unknown, out: KubeObject[]) {
  if (Array.isArray(value)) {
    for (const item of value) collectObjects(item, out);
  } else if (typeof value === 'object' && value !== null) {
    const candidate = value as Partial<KubeObject>;
    if (
      typeof candidate.apiVersion === 'string' &&
      typeof candidate.kind === 'string' &&
      candidate.metadata
    ) {
      out.push(candidate as KubeObject);
      return;
    }
    for (const nested of Object.values(value)) collectObjects(nested, out);
  }
}

const checked = envoyGatewayTranslatorCases().flatMap((file) => {
  const objects: KubeObject[] = [];
  collectObjects(parse(readFileSync(path.join(corpus, `${file}.in.yaml`), 'utf8')), objects);
  return objects
    .filter((o) => kindModel(groupKindOf(o)) !== undefined)
    .map((o) => ({ file, object: o, issues: validateSchema(o) }));
});

const key = (r: { file: string; kind: string; name: string; path: string }) =>
  `${r.file} ${r.kind} ${r.name} ${r.path}`;

describe('Envoy Gateway translator inputs against the schemas', () => {
  it('rejects exactly the documented objects, each at the documented field', () => {
    const rejected = checked
      .filter((c) => c.issues.length > 0)
      .map((c) =>
        key({
          file: c.file,
          kind: c.object.kind,
          name: c.object.metadata.name ?? '',
          path: c.issues[0]?.path ?? '',
        }),
      );
    expect(rejected.sort()).toEqual(documented.map(key).sort());
  });

  it('every documented rejection gives its reason', () => {
    for (const r of documented) expect(r.reason.length).toBeGreaterThan(10);
  });

  it('accepts every other object, Envoy Gateway policies included', () => {
    const accepted = checked.filter((c) => c.issues.length === 0);
    const policyKinds = new Set([
      'EnvoyProxy',
      'SecurityPolicy',
      'ClientTrafficPolicy',
      'BackendTrafficPolicy',
    ]);
    const policies = checked.filter((c) => policyKinds.has(c.object.kind));
    console.log(
      `envoy-gateway translator inputs: ${accepted.length}/${checked.length} objects accepted ` +
        `(${policies.filter((c) => c.issues.length === 0).length}/${policies.length} Envoy Gateway policies and proxies)`,
    );
    expect(accepted.length).toBe(checked.length - documented.length);
    // The selected cases of Envoy Gateway v1.9.1 hold 925 objects of kinds acpnet knows.
    expect(checked.length).toBe(925);
    expect(policies.length).toBeGreaterThan(100);
  });
});
