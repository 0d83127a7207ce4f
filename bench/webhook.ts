/**
 * HTTPS load on POST /validate: a 16-listener Gateway reviewed against a store of 5,000 Gateways and
 * 20,000 HTTPRoutes, beside a "null webhook" (the same server stack answering a constant allow) in
 * the same run. Loopback only; bounded concurrency and request count.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { MemoryStore } from '../shared/kube/memory-store.js';
import { parseCidr } from '../shared/net/cidr.js';
import { defaultRuleIndex } from '../webhooks/review/default-index.js';
import type { ReviewResult } from '../webhooks/review/engine.js';
import type { AdmissionSettings } from '../webhooks/rules/types.js';
import { type RunningWebhooks, startWebhooks } from '../webhooks/server/start.js';
import { fleet, gateway } from './support/fleet.js';
import { type LoadRun, type LoadSummary, runLoad, summarize } from './support/load.js';

const size = { gateways: 5_000, routes: 20_000, namespaces: 500 };
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 32);
const requests = Number(process.env.BENCH_REQUESTS ?? 4_000);
const warmup = Math.min(500, requests);
const rounds = 4;

const settings: AdmissionSettings = {
  serviceCidrs: [parseCidr('10.96.0.0/12')],
  platformNamespace: 'cpaas-system',
  metallbNamespace: 'metallb-system',
  now: () => new Date(),
};

function reviewBody(): string {
  const object = gateway('bench-edge', 'team-7', 16, 'bench.example.com');
  return JSON.stringify({
    apiVersion: 'admission.k8s.io/v1',
    kind: 'AdmissionReview',
    request: {
      uid: 'bench',
      kind: { group: 'gateway.networking.k8s.io', version: 'v1', kind: 'Gateway' },
      resource: { group: 'gateway.networking.k8s.io', version: 'v1', resource: 'gateways' },
      operation: 'CREATE',
      namespace: 'team-7',
      name: 'bench-edge',
      object,
    },
  });
}

function report(name: string, result: LoadSummary): void {
  console.log(
    `${name.padEnd(14)} ${result.perSecond.toFixed(0).padStart(6)} reviews/s  p50 ${result.p50ms.toFixed(2)} ms  p99 ${result.p99ms.toFixed(2)} ms  (${result.requests} requests in ${result.seconds.toFixed(2)} s; ${JSON.stringify(result.outcomes)})`,
  );
}

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'acpnet-bench-'));
  const rules = defaultRuleIndex();
  const store = new MemoryStore();
  rules.registerIndexes(store);
  const loadStarted = Date.now();
  store.load(fleet(size));
  await store.start(rules.kindsToCache());
  console.log(
    `store: ${store.size('gateway.networking.k8s.io/Gateway')} Gateways, ${store.size('gateway.networking.k8s.io/HTTPRoute')} HTTPRoutes (loaded in ${Date.now() - loadStarted} ms)`,
  );
  console.log(
    `load: ${requests} requests per server in ${rounds} interleaved rounds after ${warmup} warm-up, ${concurrency} in flight, HTTPS keep-alive on loopback`,
  );
  const logger = pino({ level: 'warn' });
  const common = {
    port: 0,
    host: '127.0.0.1',
    selfSignedDir: dir,
    view: store,
    isReady: () => true,
    settings,
    rules,
    logger,
  };
  const real = await startWebhooks(common);
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
  const baseline = await startWebhooks({ ...common, review: allow });
  const ca = await readFile(real.certFile);
  const body = reviewBody();
  try {
    const load = (server: RunningWebhooks, count: number) =>
      runLoad({ url: `${server.url}/validate`, body, ca, concurrency, requests: count });
    await load(baseline, warmup);
    await load(real, warmup);
    // Interleaved rounds, so load from anything else on the machine falls on both alike.
    const nullRuns: LoadRun[] = [];
    const realRuns: LoadRun[] = [];
    for (let round = 0; round < rounds; round++) {
      nullRuns.push(await load(baseline, requests / rounds));
      realRuns.push(await load(real, requests / rounds));
    }
    const nullResult = summarize(nullRuns);
    const realResult = summarize(realRuns);
    report('null webhook', nullResult);
    report('acpnet', realResult);
    console.log(
      `ratio acpnet/null: throughput ${(realResult.perSecond / nullResult.perSecond).toFixed(2)}, p50 ${(realResult.p50ms / nullResult.p50ms).toFixed(2)}x, p99 ${(realResult.p99ms / nullResult.p99ms).toFixed(2)}x`,
    );
  } finally {
    await Promise.all([real.close(), baseline.close()]);
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
