import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { stringify } from 'yaml';
import { allFunctions } from '../../../functions/registry.js';
import { createLogger } from '../../../functions/runtime/logger.js';
import { prepareStore } from '../../../functions/runtime/prepare.js';
import { EventProcessor } from '../../../functions/runtime/processor.js';
import { diffObjects, OUTPUT_DIR, startStateLoop } from '../../../functions/runtime/state-loop.js';
import { MemoryStore } from '../../../shared/kube/memory-store.js';
import type { KubeObject } from '../../../shared/kube/object.js';
import { readYaml } from './harness.js';

const state = readYaml<KubeObject[]>('ingress-sync/state.yaml');

function ingress(paths: readonly string[]): KubeObject {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: 'shop', namespace: 'demo' },
    spec: {
      ingressClassName: 'alb-demo',
      rules: [
        {
          http: {
            paths: paths.map((p) => ({
              path: p,
              pathType: 'Prefix',
              backend: { service: { name: 'web', port: { number: 80 } } },
            })),
          },
        },
      ],
    },
  };
}

function ruleFiles(dir: string): string[] {
  const out = path.join(dir, OUTPUT_DIR, 'cpaas-system');
  return existsSync(out) ? readdirSync(out).filter((f) => f.startsWith('Rule-')) : [];
}

async function until(check: () => boolean): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('the state loop did not react to the file change');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('serve --state loop', () => {
  it.each([
    ['an added object', new Map(), new Map([['k', ingress(['/a'])]]), ['add']],
    ['a changed object', new Map([['k', ingress(['/a'])]]), new Map([['k', ingress(['/b'])]]), ['update']],
    ['an unchanged object', new Map([['k', ingress(['/a'])]]), new Map([['k', ingress(['/a'])]]), []],
    ['a removed object', new Map([['k', ingress(['/a'])]]), new Map(), ['delete']],
  ])('diffs %s', (_what, before, after, types) => {
    expect(diffObjects(before, after).map((c) => c.type)).toEqual(types);
  });

  it('turns manifests into add events, file edits into updates and deletes, and writes .acpnet-out', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'acpnet-state-'));
    writeFileSync(path.join(dir, 'cluster.yaml'), state.map((o) => stringify(o)).join('---\n'));
    writeFileSync(path.join(dir, 'ingress.yaml'), stringify(ingress(['/a', '/b'])));
    const store = new MemoryStore();
    await prepareStore(store, allFunctions);
    const logger = createLogger('silent');
    const sink = new EventProcessor({ store, functions: allFunctions, mirror: true, logger });
    const loop = startStateLoop({ dir, sink, store, logger, debounceMs: 50 });
    try {
      await loop.ready;
      expect(ruleFiles(dir)).toHaveLength(2);
      writeFileSync(path.join(dir, 'ingress.yaml'), stringify(ingress(['/a'])));
      await until(() => ruleFiles(dir).length === 1);
      rmSync(path.join(dir, 'ingress.yaml'));
      await until(() => ruleFiles(dir).length === 0);
      expect(store.get('networking.k8s.io/Ingress', 'demo', 'shop')).toBeUndefined();
    } finally {
      loop.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
