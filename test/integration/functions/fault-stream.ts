/**
 * The event stream of the Kafka fault tests and the ledger that checks its effects.
 *
 * Each of `ingresses` Ingresses gets `versions` events in version order: an add, then updates, the
 * last one a delete for every `deleteEvery`-th Ingress. Version v has the single path `/v<v>`, so
 * its effect on the one Rule ingress-sync makes of the Ingress is a state of its own: the Rule is
 * created with url `/v0`, changed to `/v1`, ..., and deleted with the Ingress. Exactly-once effects
 * therefore mean that the Rule's change history, as a watch of the store sees it, is exactly that
 * sequence: a missing entry is an effect lost, an entry beyond it (a repeat, or an older url written
 * again after a newer one) an effect duplicated.
 */
import { buildChangeEvent } from '../../../shared/events/apiserver.js';
import { encodeKafkaRecord, type KafkaRecord } from '../../../shared/events/kafka.js';
import type { KubeObject } from '../../../shared/kube/object.js';
import type { WatchEventType } from '../../../shared/kube/store.js';

export interface StreamShape {
  /** Namespace of the Ingresses (its project must be served by the ALB named `ingressClass`). */
  namespace: string;
  ingressClass: string;
  ingresses: number;
  versions: number;
  /** Every n-th Ingress (0, n, 2n, ...) ends with a delete instead of its last update. */
  deleteEvery: number;
  /** CloudEvents source; event ids are `<uid>/<resourceVersion>/<type>`. */
  source: string;
  /** Backend Service and its port number. */
  service: { name: string; port: number };
}

export interface Stream {
  /** In publishing order: every Ingress's version 0, then every version 1, ... */
  records: KafkaRecord[];
  /** Per Ingress name, the change history its Rule must show. */
  expected: Map<string, string[]>;
}

const resourceVersionOf = (version: number) => String(1_000 + version);

function ingressAt(shape: StreamShape, index: number, version: number): KubeObject {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: {
      name: `ing-${index}`,
      namespace: shape.namespace,
      uid: `${shape.namespace}-ing-${index}`,
      resourceVersion: resourceVersionOf(version),
    },
    spec: {
      ingressClassName: shape.ingressClass,
      rules: [
        {
          host: `ing-${index}.example.com`,
          http: {
            paths: [
              {
                path: `/v${version}`,
                pathType: 'Prefix',
                backend: { service: { name: shape.service.name, port: { number: shape.service.port } } },
              },
            ],
          },
        },
      ],
    },
  };
}

export function buildStream(shape: StreamShape): Stream {
  const records: KafkaRecord[] = [];
  const expected = new Map<string, string[]>();
  const last = shape.versions - 1;
  for (let version = 0; version < shape.versions; version++) {
    for (let index = 0; index < shape.ingresses; index++) {
      const deletes = version === last && index % shape.deleteEvery === 0;
      const type = deletes ? 'delete' : version === 0 ? 'add' : 'update';
      const event = buildChangeEvent(type, ingressAt(shape, index, version), { source: shape.source });
      records.push(encodeKafkaRecord(event, (index + version) % 2 === 0 ? 'binary' : 'structured'));
      const history = expected.get(`ing-${index}`) ?? [];
      history.push(deletes ? 'DELETED' : `${version === 0 ? 'ADDED' : 'MODIFIED'} /v${version}`);
      expected.set(`ing-${index}`, history);
    }
  }
  return { records, expected };
}

const SOURCE_NAME_LABEL = 'alb2.cpaas.io/source-name';

/** The change history of Rules made from Ingresses, per Ingress, as a watch reports it. */
export class EffectLedger {
  readonly history = new Map<string, string[]>();
  private total = 0;

  /** Records one watch event of a Rule; Rules of other sources are not counted. */
  observe(type: WatchEventType, rule: KubeObject): void {
    const source = rule.metadata.labels?.[SOURCE_NAME_LABEL];
    if (source === undefined) return;
    const url = (rule.spec as { url?: string } | undefined)?.url;
    const entries = this.history.get(source) ?? [];
    entries.push(type === 'DELETED' ? 'DELETED' : `${type} ${url}`);
    this.history.set(source, entries);
    this.total += 1;
  }

  /** State changes observed so far. */
  get changes(): number {
    return this.total;
  }

  /**
   * Lost: expected entries that never happened; duplicated: entries beyond the expected ones
   * (counted per Ingress as multisets); outOfOrder: Ingresses whose history has the right entries
   * in another order.
   */
  compare(expected: ReadonlyMap<string, readonly string[]>): {
    lost: number;
    duplicated: number;
    outOfOrder: string[];
    examples: string[];
  } {
    let lost = 0;
    let duplicated = 0;
    const outOfOrder: string[] = [];
    const examples: string[] = [];
    const names = new Set([...expected.keys(), ...this.history.keys()]);
    for (const name of names) {
      const want = expected.get(name) ?? [];
      const got = this.history.get(name) ?? [];
      const missing = multisetMinus(want, got);
      const extra = multisetMinus(got, want);
      lost += missing;
      duplicated += extra;
      if (missing === 0 && extra === 0 && want.some((entry, i) => got[i] !== entry)) outOfOrder.push(name);
      if ((missing > 0 || extra > 0) && examples.length < 5) {
        examples.push(`${name}: expected ${want.join(', ')}; observed ${got.join(', ')}`);
      }
    }
    return { lost, duplicated, outOfOrder, examples };
  }
}

function multisetMinus(a: readonly string[], b: readonly string[]): number {
  const counts = new Map<string, number>();
  for (const entry of b) counts.set(entry, (counts.get(entry) ?? 0) + 1);
  let left = 0;
  for (const entry of a) {
    const n = counts.get(entry) ?? 0;
    if (n > 0) counts.set(entry, n - 1);
    else left += 1;
  }
  return left;
}

/** A small seeded generator (mulberry32), so a failing run can be repeated from its printed seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** `count` distinct points in [1, total), ascending. */
export function killPoints(random: () => number, count: number, total: number): number[] {
  const points = new Set<number>();
  while (points.size < count) points.add(1 + Math.floor(random() * (total - 1)));
  return [...points].sort((a, b) => a - b);
}
