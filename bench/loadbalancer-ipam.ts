// npm run bench:loadbalancer-ipam — Services of type LoadBalancer through loadbalancer-ipam on a
// MemoryStore, beside the same events through the runtime with a function that plans nothing (the
// baseline: decoding, mirroring, dedup), in the same run; then with a pool already mostly held.
import { loadBalancerIpam } from '../functions/loadbalancer-ipam/index.js';
import type { EventFunction } from '../functions/runtime/contract.js';
import { createLogger } from '../functions/runtime/logger.js';
import { prepareStore } from '../functions/runtime/prepare.js';
import { EventProcessor } from '../functions/runtime/processor.js';
import { buildChangeEvent } from '../shared/events/apiserver.js';
import { MemoryStore } from '../shared/kube/memory-store.js';
import type { KubeObject } from '../shared/kube/object.js';
import { SERVICE } from '../shared/kube/schemas/core.js';

const logger = createLogger('silent');
const SERVICES = Number(process.env.BENCH_LB_SERVICES ?? 2_000);

const pool: KubeObject = {
  apiVersion: 'metallb.io/v1beta1',
  kind: 'IPAddressPool',
  metadata: { name: 'bench', namespace: 'metallb-system' },
  spec: { addresses: ['10.200.0.0/16'], avoidBuggyIPs: true },
};

function service(i: number, held?: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: `svc-${i}`, namespace: `ns-${i % 50}`, uid: `uid-${i}`, resourceVersion: '1' },
    spec: {
      type: 'LoadBalancer',
      ports: [{ port: 80 }],
      clusterIP: '10.96.0.10',
      clusterIPs: ['10.96.0.10'],
    },
    ...(held ? { status: { loadBalancer: { ingress: [{ ip: held }] } } } : {}),
  };
}

const nothing: EventFunction = { name: 'nothing', consumes: [SERVICE], reads: [], plan: () => [] };

/** Events per second of `count` Service adds through `fn`, onto a store holding `state`. */
async function rate(fn: EventFunction, state: KubeObject[], first: number, count: number): Promise<number> {
  const store = new MemoryStore();
  store.load(state);
  await prepareStore(store, [fn]);
  const processor = new EventProcessor({ store, functions: [fn], mirror: true, logger });
  const events = Array.from({ length: count }, (_, i) =>
    buildChangeEvent('add', service(first + i), { source: 'bench', id: `e${i}` }),
  );
  const started = process.hrtime.bigint();
  for (const event of events) await processor.process(event);
  return count / (Number(process.hrtime.bigint() - started) / 1e9);
}

/** `held` Services already holding every other address from the start of the pool. */
function heldState(held: number): KubeObject[] {
  return Array.from({ length: held }, (_, i) => {
    const n = 2 * i + 1;
    return service(1_000_000 + i, `10.200.${Math.floor(n / 254)}.${(n % 254) + 1}`);
  });
}

const baseline = await rate(nothing, [pool], 0, SERVICES);
const empty = await rate(loadBalancerIpam, [pool], 0, SERVICES);
console.log(
  `${SERVICES} Service adds: runtime alone ${Math.round(baseline)}/s; loadbalancer-ipam into an empty /16 ${Math.round(empty)}/s (${(empty / baseline).toFixed(2)}x the runtime alone)`,
);
for (const held of [2_000, 10_000]) {
  const busy = await rate(loadBalancerIpam, [pool, ...heldState(held)], 0, Math.min(SERVICES, 1_000));
  console.log(
    `  with ${held} addresses already held in the pool, every other one: ${Math.round(busy)}/s (${(busy / baseline).toFixed(2)}x)`,
  );
}
