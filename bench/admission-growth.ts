/**
 * Admission cost against a growing cluster: an Ingress CREATE reviewed against 100 → 10,000 existing
 * Ingresses, and an HTTPRoute CREATE against 100 → 10,000 existing routes attached to the same
 * Gateway, through every rule family (schema included). Each review alternates a new access point
 * (admitted) with one that an existing object already serves (denied). Prints the median time per
 * review per size and the growth from the smallest to the largest size (goal: ≤ 3×).
 */
import os from 'node:os';
import { MemoryStore } from '../shared/kube/memory-store.js';
import type { KubeObject } from '../shared/kube/object.js';
import { parseCidr } from '../shared/net/cidr.js';
import { defaultRuleIndex } from '../webhooks/review/default-index.js';
import { reviewObject } from '../webhooks/review/engine.js';
import type { AdmissionSettings } from '../webhooks/rules/types.js';
import { reportFigure } from './support/figures.js';
import { gateway, httpRoute } from './support/fleet.js';
import { formatMicros, median, type TimedRound, timedRound } from './support/per-review.js';

const sizes = (process.env.BENCH_GROWTH_SIZES ?? '100,1000,10000').split(',').map(Number);
const rounds = 5;
const minMillis = 200;
const minReviews = 20;
const namespace = 'shop';

const settings: AdmissionSettings = {
  serviceCidrs: [parseCidr('10.96.0.0/12')],
  platformNamespace: 'cpaas-system',
  metallbNamespace: 'metallb-system',
  now: () => new Date('2026-01-01T00:00:00Z'),
};
const rules = defaultRuleIndex();

function ingress(name: string, host: string): KubeObject {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name, namespace },
    spec: {
      ingressClassName: 'nginx',
      rules: [
        {
          host,
          http: {
            paths: [
              { path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } },
            ],
          },
        },
      ],
    },
  };
}

/** The fleet's Gateway, its first listener widened to every host under shop.example.com. */
function wildcardGateway(): KubeObject {
  const edge = gateway('edge', namespace, 2, 'shop.example.com');
  const listeners = (edge.spec as { listeners: { hostname: string }[] }).listeners;
  listeners[0]!.hostname = '*.shop.example.com';
  return edge;
}

function common(): KubeObject[] {
  return [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web', namespace },
      spec: { ports: [{ port: 80 }], selector: { app: 'web' } },
    },
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'IngressClass',
      metadata: { name: 'nginx' },
      spec: { controller: 'k8s.io/ingress-nginx' },
    },
    wildcardGateway(),
  ];
}

interface Scenario {
  title: string;
  figure: string;
  existing(n: number): KubeObject[];
  /** Even i: a new host; odd i: the host of an existing object (Ingress: denied as a duplicate access point; HTTPRoute: admitted, Gateway API resolves it by precedence). */
  candidate(i: number, n: number): KubeObject;
}

const scenarios: Scenario[] = [
  {
    title: 'Ingress CREATE against N Ingresses in its namespace',
    figure: 'Ingress',
    existing: (n) => Array.from({ length: n }, (_, i) => ingress(`app-${i}`, `app-${i}.shop.example.com`)),
    candidate: (i, n) =>
      ingress(
        `candidate-${i}`,
        i % 2 === 0 ? `new-${i}.shop.example.com` : `app-${(i * 7919) % n}.shop.example.com`,
      ),
  },
  {
    title: 'HTTPRoute CREATE against N HTTPRoutes on the same Gateway',
    figure: 'HTTPRoute',
    existing: (n) =>
      Array.from({ length: n }, (_, i) =>
        httpRoute(`route-${i}`, namespace, 'edge', `r${i}.shop.example.com`),
      ),
    candidate: (i, n) =>
      httpRoute(
        `candidate-${i}`,
        namespace,
        'edge',
        i % 2 === 0 ? `new-${i}.shop.example.com` : `r${(i * 7919) % n}.shop.example.com`,
      ),
  },
];

async function storeOf(objects: KubeObject[]): Promise<MemoryStore> {
  const store = new MemoryStore({ now: settings.now, onError: (error) => console.error(error) });
  rules.registerIndexes(store);
  store.load(objects);
  await store.start(rules.kindsToCache());
  return store;
}

/**
 * Median time per review at every size, the sizes' rounds interleaved so load from elsewhere on the
 * machine falls on all of them alike.
 */
async function measure(scenario: Scenario): Promise<{ n: number; micros: number; deniedShare: number }[]> {
  const reviewers = await Promise.all(
    sizes.map(async (n) => {
      const store = await storeOf([...common(), ...scenario.existing(n)]);
      return async (i: number) =>
        (
          await reviewObject(
            { operation: 'CREATE', object: scenario.candidate(i, n), view: store, settings },
            { rules },
          )
        ).allowed;
    }),
  );
  for (const review of reviewers) for (let i = 0; i < 500; i++) await review(i);
  const results: TimedRound[][] = sizes.map(() => []);
  for (let r = 0; r < rounds; r++) {
    for (const [s, review] of reviewers.entries())
      results[s]!.push(await timedRound(review, r * 1000, minMillis, minReviews));
  }
  return sizes.map((n, s) => ({
    n,
    micros: median(results[s]!.map((x) => x.micros)),
    deniedShare: results[s]![0]!.deniedShare,
  }));
}

async function main(): Promise<void> {
  for (const scenario of scenarios) {
    console.log(scenario.title);
    console.log(`${'N'.padStart(8)}  ${'per review'.padStart(11)}  denied`);
    const results = await measure(scenario);
    for (const { n, micros, deniedShare } of results)
      console.log(
        `${String(n).padStart(8)}  ${formatMicros(micros).padStart(11)}  ${(deniedShare * 100).toFixed(0)}%`,
      );
    const growth = results[results.length - 1]!.micros / results[0]!.micros;
    reportFigure({
      name: `${scenario.figure} admission growth N=${sizes[0]}→${sizes[sizes.length - 1]}`,
      value: growth,
      unit: 'x',
      goal: '≤ 3',
    });
    console.log(`growth N=${sizes[sizes.length - 1]}/N=${sizes[0]}: ${growth.toFixed(2)}x (goal ≤ 3x)\n`);
  }
  console.log(
    'published for comparison: ingress-nginx admission takes over 3 s per Ingress create at 1,000 Ingresses (ingress-nginx #11115) and about 20 s at 270 Ingresses with a large configuration (#11255)',
  );
  const load = os.loadavg().map((l) => l.toFixed(1));
  console.log(
    `load average during the run: ${load.join(' ')} on ${os.availableParallelism()} CPUs (medians of ${rounds} interleaved rounds)`,
  );
}

await main();
