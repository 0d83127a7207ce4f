import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { buildChangeEvent } from '../../../shared/events/apiserver.js';
import { encodeKafkaRecord, type KafkaRecord } from '../../../shared/events/kafka.js';
import type { KubeObject } from '../../../shared/kube/object.js';
import type { ReadView } from '../../../shared/kube/store.js';

export const stateFile = path.resolve(
  import.meta.dirname,
  '../../fixtures/functions/ingress-sync/state.yaml',
);

export function clusterState(): KubeObject[] {
  return parse(readFileSync(stateFile, 'utf8')) as KubeObject[];
}

function ingress(i: number, version: number, paths: readonly string[]): KubeObject {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: `app-${i}`, namespace: 'demo', uid: `uid-app-${i}`, resourceVersion: String(version) },
    spec: {
      ingressClassName: i % 2 === 0 ? 'alb-demo' : 'alb-request',
      rules: [
        {
          host: `app-${i}.example.com`,
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

/** Each Ingress is added, grows a path, then shrinks to one: 3 events per Ingress, keyed by ns/name. */
export function ingressRecords(count: number, source: string): KafkaRecord[] {
  const records: KafkaRecord[] = [];
  const versions: [string, readonly string[]][] = [
    ['add', ['/a', '/b']],
    ['update', ['/a', '/b', '/c']],
    ['update', ['/c']],
  ];
  for (const [v, [change, paths]] of versions.entries()) {
    for (let i = 0; i < count; i++) {
      const event = buildChangeEvent(change as 'add' | 'update', ingress(i, 10 + v, paths), { source });
      records.push(encodeKafkaRecord(event, (i + v) % 2 === 0 ? 'binary' : 'structured'));
    }
  }
  return records;
}

/** What ingress-sync produced, without store bookkeeping (resourceVersion, uid, managedFields). */
export function producedState(view: Pick<ReadView, 'list'>): unknown[] {
  const rules = view
    .list('crd.alauda.io/Rule')
    .map((r) => ({ name: r.metadata.name, labels: r.metadata.labels, spec: r.spec }));
  const frontends = view.list('crd.alauda.io/Frontend').map((f) => ({ name: f.metadata.name, spec: f.spec }));
  const statuses = view
    .list('networking.k8s.io/Ingress')
    .map((i) => ({ name: i.metadata.name, status: i.status, spec: i.spec }));
  const byName = (a: { name?: string }, b: { name?: string }) => (a.name ?? '').localeCompare(b.name ?? '');
  return [rules.sort(byName), frontends.sort(byName), statuses.sort(byName)];
}
