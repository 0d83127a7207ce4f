/**
 * The cost users see in `kubectl apply`: a real kube-apiserver (test/support/kube-harness.ts, with
 * the upstream CRDs) and `acpnet serve webhooks` in its own process, with acpnet's shipped webhook
 * configurations registered ("with") or not ("without"), interleaved round by round. Each round
 * and mode creates Gateways and HTTPRoutes through the REST API at 8 in flight, then runs one
 * `kubectl apply --dry-run=server` of 100 new objects (one after the other, as kubectl does).
 *
 * "with" calls the webhook at this host's own non-loopback address, so the API server speaks
 * HTTP/1.1 to it as it does to every in-cluster Service (it offers HTTP/2 to loopback URLs only).
 * Variants: "h2" calls it at 127.0.0.1 (HTTP/2), "all-mutate-calls" registers the mutating webhooks
 * without their matchConditions (every object sent to /mutate, as before they had them).
 *
 * BENCH_APPLY_ROUNDS (12), BENCH_APPLY_OBJECTS (creates per kind, 100), BENCH_APPLY_DRY_RUN_OBJECTS
 * (100), BENCH_APPLY_VARIANTS ("h2,all-mutate-calls"; empty for none), BENCH_APPLY_KUBECONFIG (an
 * API server with the upstream CRDs already installed, instead of starting one).
 */
import { networkInterfaces } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { KubeObject } from '../shared/kube/object.js';
import { startWebhookServer } from '../test/e2e/support/webhook-server.js';
import {
  installUpstreamCrds,
  type KubeApiServer,
  kubectl,
  kubectlOk,
  startKubeApiServer,
} from '../test/support/kube-harness.js';
import { print, ratios, type Sample } from './support/apply-ratios.js';
import { reportFigure } from './support/figures.js';
import { gateway, httpRoute } from './support/fleet.js';
import { type KubeCreator, kubeCreator } from './support/kube-creates.js';
import { median } from './support/per-review.js';
import {
  type ReviewCounts,
  register,
  reviewCounts,
  type Target,
  unregister,
} from './support/shipped-webhooks.js';

const rounds = Number(process.env.BENCH_APPLY_ROUNDS ?? 12);
const creates = Number(process.env.BENCH_APPLY_OBJECTS ?? 100);
const dryRunObjects = Number(process.env.BENCH_APPLY_DRY_RUN_OBJECTS ?? 100);
const knownVariants = ['h2', 'all-mutate-calls'] as const;
const variants = (process.env.BENCH_APPLY_VARIANTS ?? knownVariants.join(',')).split(',').filter(Boolean);
for (const variant of variants)
  if (!(knownVariants as readonly string[]).includes(variant))
    throw new Error(`BENCH_APPLY_VARIANTS: unknown variant ${variant} (known: ${knownVariants.join(', ')})`);
const inFlight = 8;
const namespace = 'bench-apply';
const batchLabel = 'acpnet-bench-batch';

type Mode = 'without' | 'with' | 'h2' | 'all-mutate-calls';

/** The first non-loopback IPv4 address of this host: the API server calls it over HTTP/1.1. */
function hostAddress(): string | undefined {
  for (const entries of Object.values(networkInterfaces()))
    for (const entry of entries ?? []) if (entry.family === 'IPv4' && !entry.internal) return entry.address;
  return undefined;
}

function batch(object: KubeObject): KubeObject {
  return { ...object, metadata: { ...object.metadata, labels: { [batchLabel]: 'yes' } } };
}

function gateways(tag: string, count: number): KubeObject[] {
  return Array.from({ length: count }, (_, i) =>
    batch(gateway(`gw-${tag}-${i}`, namespace, 2, `gw-${tag}-${i}.example.com`)),
  );
}

function routes(tag: string, count: number): KubeObject[] {
  return Array.from({ length: count }, (_, i) =>
    batch(httpRoute(`rt-${tag}-${i}`, namespace, 'edge', `rt-${tag}-${i}.apps.example.com`)),
  );
}

async function dryRunApply(kubeconfig: string, objects: readonly KubeObject[]): Promise<number> {
  const stdin = JSON.stringify({ apiVersion: 'v1', kind: 'List', items: objects });
  const started = performance.now();
  await kubectlOk(kubeconfig, ['apply', '--dry-run=server', '-f', '-'], { stdin });
  return performance.now() - started;
}

async function measure(
  kubeconfig: string,
  creator: KubeCreator,
  tag: string,
  counts: () => Promise<ReviewCounts>,
): Promise<Sample> {
  const before = await counts();
  const gw = await creator.createAll(gateways(tag, creates), inFlight);
  const rt = await creator.createAll(routes(tag, creates), inFlight);
  const half = Math.ceil(dryRunObjects / 2);
  const dryRunMs = await dryRunApply(kubeconfig, [
    ...gateways(`${tag}-dry`, half),
    ...routes(`${tag}-dry`, dryRunObjects - half),
  ]);
  const after = await counts();
  await kubectlOk(kubeconfig, [
    'delete',
    'gateways,httproutes',
    '-n',
    namespace,
    '-l',
    batchLabel,
    '--wait=false',
  ]);
  const objects = 2 * creates + dryRunObjects;
  return {
    mutatePerObject: (after.mutate - before.mutate) / objects,
    validatePerObject: (after.validate - before.validate) / objects,
    handlerMsPerCall:
      (1000 * (after.handlerSeconds - before.handlerSeconds)) /
      Math.max(1, after.mutate + after.validate - before.mutate - before.validate),
    gatewayMs: gw.elapsedMs,
    gatewayP50: median(gw.latenciesMs),
    routeMs: rt.elapsedMs,
    routeP50: median(rt.latenciesMs),
    dryRunMs,
  };
}

async function setUp(): Promise<{ server: KubeApiServer; kubeconfig: string }> {
  const given = process.env.BENCH_APPLY_KUBECONFIG;
  if (given)
    return {
      server: { kubeconfig: given, owned: false, stop: async () => {} } as KubeApiServer,
      kubeconfig: given,
    };
  const server = await startKubeApiServer();
  await installUpstreamCrds(server.kubeconfig);
  return { server, kubeconfig: server.kubeconfig };
}

async function main(): Promise<void> {
  const { server, kubeconfig } = await setUp();
  const address = hostAddress();
  const webhook = await startWebhookServer({
    kubeconfig,
    platformNamespace: 'cpaas-system',
    ipAddresses: address ? [address] : [],
  });
  const creator = await kubeCreator(kubeconfig);
  try {
    await kubectl(kubeconfig, ['create', 'namespace', namespace]);
    const edge = gateway('edge', namespace, 1, 'apps.example.com');
    (edge.spec as { listeners: { hostname: string }[] }).listeners[0]!.hostname = '*.apps.example.com';
    await kubectl(kubeconfig, ['apply', '-f', '-'], { stdin: JSON.stringify(edge) });

    const at = (host: string) => `https://${host}:${webhook.port}`;
    const counts = () => reviewCounts(at('127.0.0.1'), webhook.caPem);
    const targets: Record<Exclude<Mode, 'without'>, Target> = {
      with: { baseUrl: at(address ?? '127.0.0.1'), caPem: webhook.caPem },
      h2: { baseUrl: at('127.0.0.1'), caPem: webhook.caPem },
      'all-mutate-calls': {
        baseUrl: at(address ?? '127.0.0.1'),
        caPem: webhook.caPem,
        withoutMutateConditions: true,
      },
    };
    if (!address)
      console.log(
        'no non-loopback IPv4 address: "with" calls 127.0.0.1, where the API server may use HTTP/2',
      );
    const modes: Mode[] = ['without', 'with', ...(variants as Mode[])];
    const samples = new Map<Mode, Sample[]>(modes.map((m) => [m, []]));
    let current: Mode | undefined;
    const switchTo = async (mode: Mode) => {
      if (mode === current) return;
      await unregister(kubeconfig, namespace);
      if (mode !== 'without') await register(kubeconfig, namespace, targets[mode]);
      current = mode;
    };

    console.log(
      `${rounds} rounds (+1 warm-up) of ${creates} Gateways and ${creates} HTTPRoutes at ${inFlight} in flight and a dry-run apply of ${dryRunObjects}; modes ${modes.join(', ')}`,
    );
    for (let round = -1; round < rounds; round++) {
      // Alternating the order cancels drift within a round (caches warming, etcd compaction).
      const order = round % 2 === 0 ? modes : [...modes].reverse();
      const roundStarted = performance.now();
      for (const mode of order) {
        await switchTo(mode);
        const sample = await measure(kubeconfig, creator, `${round + 1}-${mode}`, counts);
        if (round >= 0) samples.get(mode)!.push(sample);
      }
      const seconds = ((performance.now() - roundStarted) / 1000).toFixed(0);
      process.stdout.write(
        `${round < 0 ? 'warm-up' : `round ${round + 1}/${rounds}`} done in ${seconds} s\n`,
      );
    }
    await switchTo('without');

    const without = samples.get('without')!;
    for (const mode of modes.slice(1))
      print(mode, ratios(without, samples.get(mode)!, dryRunObjects), samples.get(mode)!, dryRunObjects);
    const main = ratios(without, samples.get('with')!, dryRunObjects);
    reportFigure({
      name: 'apply: Gateway creates at 8 in flight, throughput with/without acpnet',
      value: median(main.gatewayThroughput),
      unit: 'x',
      goal: '≥ 0.95',
    });
    reportFigure({
      name: 'apply: HTTPRoute creates at 8 in flight, throughput with/without acpnet',
      value: median(main.routeThroughput),
      unit: 'x',
      goal: '≥ 0.95',
    });
    reportFigure({
      name: 'apply: Gateway create p50 with/without acpnet',
      value: median(main.gatewayP50),
      unit: 'x',
    });
    reportFigure({
      name: 'apply: HTTPRoute create p50 with/without acpnet',
      value: median(main.routeP50),
      unit: 'x',
    });
    reportFigure({
      name: `apply: kubectl apply --dry-run=server of ${dryRunObjects}, time with/without acpnet`,
      value: median(main.dryRunTime),
      unit: 'x',
    });
    reportFigure({
      name: 'apply: kubectl apply --dry-run=server, extra per object',
      value: median(main.extraMsPerObject),
      unit: 'ms',
      goal: '≤ 1',
    });
    for (const mode of modes.slice(2)) {
      const r = ratios(without, samples.get(mode)!, dryRunObjects);
      reportFigure({
        name: `apply (${mode}): kubectl apply --dry-run=server, extra per object`,
        value: median(r.extraMsPerObject),
        unit: 'ms',
      });
    }
  } finally {
    creator.close();
    await webhook.stop();
    await server.stop();
  }
}

await main();
