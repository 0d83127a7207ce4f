import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { pino } from 'pino';
import { openReplayStore } from '../../../cli/replay-store.js';
import { openMemoryStore } from '../../../cli/store.js';
import { parseManifests } from '../../../shared/kube/manifests.js';
import { runCli } from '../cli/run-cli.js';

const ROUTE = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: web
  namespace: default
  annotations: null
spec:
  parentRefs: ~
  hostnames: [example.com]
  rules: null
`;

const ALB_RULE = `apiVersion: crd.alauda.io/v1
kind: Rule
metadata:
  name: alb-demo-00080-test
  namespace: cpaas-system
  labels:
    alb2.cpaas.io/frontend: alb-demo-00080
    alb2.cpaas.io/name: alb-demo
spec:
  priority: 4
  dslx:
    - type: URL
      values:
        - [STARTS_WITH, /]
  serviceGroup: null
`;

describe('explicit nulls are dropped as the API server drops them', () => {
  it('removes null members of mappings at any depth, in a List too, and keeps null items of sequences', () => {
    const text = `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: ConfigMap
    metadata: { name: a, labels: null, annotations: { keep: x, drop: ~ } }
    data:
      empty:
      nested: { deeper: { gone: null, kept: [null, { inner: null, x: 1 }] } }
`;
    const { manifests, errors } = parseManifests(text, 'nulls.yaml');
    expect(errors).toEqual([]);
    expect(manifests[0]?.object).toEqual({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'a', annotations: { keep: 'x' } },
      data: { nested: { deeper: { kept: [null, { x: 1 }] } } },
    });
  });

  it('reads a null metadata as absent metadata', () => {
    const { errors } = parseManifests('apiVersion: v1\nkind: ConfigMap\nmetadata: null\n', 'm.yaml');
    expect(errors.map((e) => e.message)).toEqual(['m.yaml:1: document 1: metadata.name is missing']);
  });

  describe('through acpnet validate', () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(path.join(tmpdir(), 'acpnet-nulls-'));
      await writeFile(path.join(dir, 'route.yaml'), ROUTE);
      await writeFile(path.join(dir, 'rule.yaml'), ALB_RULE);
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('admits an HTTPRoute with rules: null as if it had no rules', async () => {
      const withNulls = await runCli(['validate', '--output', 'json', path.join(dir, 'route.yaml')]);
      const without = await runCli(
        ['validate', '--output', 'json', '-'],
        ROUTE.replace(/^.*: (null|~)\n/gm, ''),
      );
      expect(withNulls.stderr).toBe('');
      expect(withNulls.code).toBe(0);
      const report = JSON.parse(withNulls.stdout) as { results: { allowed: boolean; denials: unknown[] }[] };
      expect(report.results.map((r) => [r.allowed, r.denials])).toEqual([[true, []]]);
      expect(JSON.parse(without.stdout).summary).toEqual(JSON.parse(withNulls.stdout).summary);
    }, 60_000);

    it('admits an ALB Rule with serviceGroup: null as if it had none', async () => {
      const run = await runCli(['validate', path.join(dir, 'rule.yaml')]);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('admitted');
      expect(run.stdout).not.toContain('serviceGroup');
    }, 60_000);
  });

  describe('--state of serve and replay reads through the same reader', () => {
    let state: string;
    beforeAll(async () => {
      state = await mkdtemp(path.join(tmpdir(), 'acpnet-nulls-state-'));
      await writeFile(path.join(state, 'route.yaml'), ROUTE);
    });
    afterAll(async () => {
      await rm(state, { recursive: true, force: true });
    });

    it.each([
      ['serve', async () => openMemoryStore(state, pino({ level: 'silent' }))],
      ['replay', async () => (await openReplayStore(state)).store],
    ])('%s loads the object without its null members', async (_command, open) => {
      const store = await open();
      const route = store.get('gateway.networking.k8s.io/HTTPRoute', 'default', 'web');
      expect(route?.spec).toEqual({ hostnames: ['example.com'] });
      expect(route?.metadata.annotations).toBeUndefined();
    });
  });
});
