/**
 * Subnet admission against N existing subnets: the store's interval index beside a linear scan of
 * every subnet's (pre-parsed) ranges, in the same run. Prints time per review for both and the
 * growth from N=100 to N=100,000.
 */
import os from 'node:os';
import { MemoryStore } from '../shared/kube/memory-store.js';
import type { GroupKind, KubeObject } from '../shared/kube/object.js';
import type { RangeHit, RangeIndexSpec, ReadView } from '../shared/kube/store.js';
import { parseCidr } from '../shared/net/cidr.js';
import type { IPRange } from '../shared/net/range.js';
import { rangesOverlap } from '../shared/net/ranges.js';
import { reviewObject } from '../webhooks/review/engine.js';
import { RuleIndex } from '../webhooks/review/rule-index.js';
import { kubeovnFamily } from '../webhooks/rules/kubeovn/index.js';
import type { AdmissionSettings } from '../webhooks/rules/types.js';
import { reportFigure } from './support/figures.js';
import { formatMicros, median, type TimedRound, timedRound } from './support/per-review.js';

const sizes = [100, 1_000, 10_000, 100_000];
const rounds = 5;
const minMillis = 150;
const minReviews = 10;

const settings: AdmissionSettings = {
  serviceCidrs: [parseCidr('172.30.0.0/16')],
  platformNamespace: 'cpaas-system',
  metallbNamespace: 'metallb-system',
  now: () => new Date('2026-01-01T00:00:00Z'),
};

/** The i-th /26 of 10.0.0.0/8 (room for 262,144), skipping nothing special: 10/8 is plain unicast. */
function slash26(i: number): string {
  const base = 0x0a000000 + i * 64;
  return `${base >>> 24}.${(base >>> 16) & 255}.${(base >>> 8) & 255}.${base & 255}/26`;
}

function subnet(name: string, cidrBlock: string): KubeObject {
  return {
    apiVersion: 'kubeovn.io/v1',
    kind: 'Subnet',
    metadata: { name },
    spec: { cidrBlock, protocol: 'IPv4' },
  };
}

function storeOf(n: number): MemoryStore {
  const store = new MemoryStore({ now: settings.now, onError: (error) => console.error(error) });
  for (const spec of kubeovnFamily.rangeIndexes ?? []) store.addRangeIndex(spec);
  for (const spec of kubeovnFamily.equalityIndexes ?? []) store.addEqualityIndex(spec);
  // Every fourth /26 is used, so the reviewed subnets land both in gaps and on existing ones.
  store.load(Array.from({ length: n }, (_, i) => subnet(`subnet-${i}`, slash26(i * 4))));
  return store;
}

/** The same view, but `overlapping` walks every stored range: the baseline without an index. */
class LinearScanView implements ReadView {
  private readonly entries = new Map<string, { range: IPRange; object: KubeObject }[]>();

  constructor(
    private readonly inner: ReadView,
    specs: readonly RangeIndexSpec[],
  ) {
    for (const spec of specs) {
      const entries = inner
        .list(spec.kind)
        .flatMap((object) => spec.ranges(object).map((range) => ({ range, object })));
      this.entries.set(`${spec.kind}|${spec.name}`, entries);
    }
  }

  get<T extends KubeObject>(kind: GroupKind, namespace: string, name: string): T | undefined {
    return this.inner.get<T>(kind, namespace, name);
  }
  list<T extends KubeObject>(kind: GroupKind, namespace?: string): readonly T[] {
    return this.inner.list<T>(kind, namespace);
  }
  byIndex<T extends KubeObject>(kind: GroupKind, index: string, value: string): readonly T[] {
    return this.inner.byIndex<T>(kind, index, value);
  }
  overlapping<T extends KubeObject>(kind: GroupKind, index: string, range: IPRange): readonly RangeHit<T>[] {
    const hits: RangeHit<T>[] = [];
    for (const entry of this.entries.get(`${kind}|${index}`) ?? []) {
      if (rangesOverlap(entry.range, range)) hits.push({ object: entry.object as T, range: entry.range });
    }
    return hits;
  }
  readSecret(namespace: string, name: string): Promise<KubeObject | undefined> {
    return this.inner.readSecret(namespace, name);
  }
}

const rules = new RuleIndex([kubeovnFamily]);

/** Alternates a subnet in a free gap (admitted) with one over an existing subnet (denied). */
function candidate(i: number, n: number): KubeObject {
  const slot = ((i * 7919) % n) * 4 + (i % 2 === 0 ? 2 : 0);
  return subnet(`candidate-${i}`, slash26(slot));
}

async function round(view: ReadView, n: number, offset: number): Promise<TimedRound> {
  return timedRound(
    async (i) =>
      (await reviewObject({ operation: 'CREATE', object: candidate(i, n), view, settings }, { rules }))
        .allowed,
    offset,
    minMillis,
    minReviews,
  );
}

/**
 * Median time per review over interleaved rounds of both views, so load from other processes on
 * the machine hits both alike.
 */
async function compare(indexed: ReadView, linear: ReadView, n: number) {
  for (let i = 0; i < 50; i++) {
    await reviewObject({ operation: 'CREATE', object: candidate(i, n), view: indexed, settings }, { rules });
    await reviewObject({ operation: 'CREATE', object: candidate(i, n), view: linear, settings }, { rules });
  }
  const a: TimedRound[] = [];
  const b: TimedRound[] = [];
  for (let r = 0; r < rounds; r++) {
    a.push(await round(indexed, n, r * 1000));
    b.push(await round(linear, n, r * 1000));
  }
  return {
    indexed: median(a.map((x) => x.micros)),
    linear: median(b.map((x) => x.micros)),
    deniedShare: a[0]!.deniedShare,
  };
}

async function main(): Promise<void> {
  // Let the JIT settle on the review path before the first (smallest) size is timed.
  const warm = storeOf(sizes[0]!);
  const warmLinear = new LinearScanView(warm, kubeovnFamily.rangeIndexes ?? []);
  for (let i = 0; i < 1000; i++) {
    await reviewObject(
      { operation: 'CREATE', object: candidate(i, sizes[0]!), view: warm, settings },
      { rules },
    );
    await reviewObject(
      { operation: 'CREATE', object: candidate(i, sizes[0]!), view: warmLinear, settings },
      { rules },
    );
  }
  const results: { n: number; indexed: number; linear: number }[] = [];
  console.log('Subnet CREATE admission (ipam rules, engine incl. schema) against N existing subnets');
  console.log(
    `${'N'.padStart(8)}  ${'indexed'.padStart(10)}  ${'linear scan'.padStart(12)}  ${'scan/index'.padStart(10)}  denied`,
  );
  for (const n of sizes) {
    const store = storeOf(n);
    const { indexed, linear, deniedShare } = await compare(
      store,
      new LinearScanView(store, kubeovnFamily.rangeIndexes ?? []),
      n,
    );
    results.push({ n, indexed, linear });
    console.log(
      `${String(n).padStart(8)}  ${formatMicros(indexed).padStart(10)}  ${formatMicros(linear).padStart(12)}  ${(linear / indexed).toFixed(1).padStart(9)}x  ${(deniedShare * 100).toFixed(0)}%`,
    );
  }
  const first = results[0]!;
  const last = results[results.length - 1]!;
  const load = os.loadavg().map((l) => l.toFixed(1));
  console.log(
    `load average during the run: ${load.join(' ')} on ${os.availableParallelism()} CPUs (medians of ${rounds} rounds)`,
  );
  reportFigure({
    name: `Subnet admission growth N=${first.n}→${last.n}, indexed`,
    value: last.indexed / first.indexed,
    unit: 'x',
  });
  reportFigure({
    name: `Subnet admission linear scan/index at N=${last.n}`,
    value: last.linear / last.indexed,
    unit: 'x',
  });
  console.log(
    `ratio N=${last.n}/N=${first.n}: indexed ${(last.indexed / first.indexed).toFixed(2)}x, linear scan ${(last.linear / first.linear).toFixed(1)}x`,
  );
}

await main();
