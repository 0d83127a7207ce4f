/**
 * One webhook server for bench:webhook, in a process of its own: `acpnet` (every rule family over a
 * store of the fleet) or `null` (the same server stack answering a constant allow, no store).
 * Reports over IPC when it is ready, and its RSS when asked.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pino } from 'pino';
import { MemoryStore } from '../../shared/kube/memory-store.js';
import { parseCidr } from '../../shared/net/cidr.js';
import { defaultRuleIndex } from '../../webhooks/review/default-index.js';
import type { ReviewResult } from '../../webhooks/review/engine.js';
import type { AdmissionSettings } from '../../webhooks/rules/types.js';
import { startWebhooks } from '../../webhooks/server/start.js';
import { type FleetSize, fleet } from './fleet.js';

export type ServerMode = 'acpnet' | 'null';

export interface ReadyMessage {
  type: 'ready';
  url: string;
  certFile: string;
  /** Milliseconds from process start to listening and ready, the store's sync included. */
  readyMs: number;
  /** Milliseconds the store took to load and index its objects. */
  syncMs: number;
  cachedObjects: number;
}

export interface RssMessage {
  type: 'rss';
  rss: number;
}

const settings: AdmissionSettings = {
  serviceCidrs: [parseCidr('10.96.0.0/12')],
  platformNamespace: 'cpaas-system',
  metallbNamespace: 'metallb-system',
  now: () => new Date(),
};

const allow = async (): Promise<ReviewResult> => ({
  allowed: true,
  code: 200,
  message: '',
  findings: [],
  warnings: [],
  patch: [],
  object: undefined,
  failures: [],
});

async function main(mode: ServerMode, size: FleetSize): Promise<void> {
  const rules = defaultRuleIndex();
  const store = new MemoryStore();
  let syncMs = 0;
  if (mode === 'acpnet') {
    const syncStarted = performance.now();
    rules.registerIndexes(store);
    store.load(fleet(size));
    await store.start(rules.kindsToCache());
    syncMs = performance.now() - syncStarted;
  }
  const server = await startWebhooks({
    port: 0,
    host: '127.0.0.1',
    selfSignedDir: await mkdtemp(path.join(tmpdir(), 'acpnet-bench-')),
    view: store,
    isReady: () => true,
    settings,
    rules,
    logger: pino({ level: 'warn' }),
    ...(mode === 'null' ? { review: allow } : {}),
  });
  const ready: ReadyMessage = {
    type: 'ready',
    url: server.url,
    certFile: server.certFile,
    readyMs: performance.now(),
    syncMs,
    cachedObjects: store.size(),
  };
  process.send?.(ready);
  process.on('message', (message) => {
    if (message === 'rss')
      process.send?.({ type: 'rss', rss: process.memoryUsage().rss } satisfies RssMessage);
    if (message === 'stop') void server.close().then(() => process.exit(0));
  });
}

const [mode, gateways, routes, namespaces] = process.argv.slice(2);
if (mode !== 'acpnet' && mode !== 'null') throw new Error(`mode must be acpnet or null, got ${mode}`);
await main(mode, { gateways: Number(gateways), routes: Number(routes), namespaces: Number(namespaces) });
