/**
 * loadbalancer-ipam on a real kube-apiserver (infra/kube) with MetalLB's CRDs: two replicas, each its
 * own KubeStore and processor, plan the Services' events at the same time. Every Service of type
 * LoadBalancer gets an address in status.loadBalancer.ingress, no address twice (the API server
 * arbitrates: one IPAddress claim per address, status patches under the planned resourceVersion);
 * a delete releases to a waiting Service; sharing keys share; a replica started later never hands
 * out an address already held.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { KubeConfig } from '@kubernetes/client-node';
import { loadBalancerIpam } from '../../../functions/loadbalancer-ipam/index.js';
import { createLogger } from '../../../functions/runtime/logger.js';
import { prepareStore } from '../../../functions/runtime/prepare.js';
import { EventProcessor } from '../../../functions/runtime/processor.js';
import { buildChangeEvent, type ChangeType } from '../../../shared/events/apiserver.js';
import { KubeStore } from '../../../shared/kube/kube-store.js';
import type { KubeObject } from '../../../shared/kube/object.js';
import { ConflictError } from '../../../shared/kube/store.js';
import {
  installUpstreamCrds,
  KUBE_SETUP_TIMEOUT_MS,
  type KubeApiServer,
  kubectl,
  kubectlOk,
  useKubeApiServer,
} from '../../support/kube-harness.js';

jest.setTimeout(300_000);

const id = randomBytes(3).toString('hex');
const namespace = `lb-${id}`;
const poolName = `lb-${id}`;
// A /27 of the benchmarking range, its own for this run: 198.18.<n>.32 - .63.
const block = Number.parseInt(id.slice(0, 2), 16);
const poolPrefix = `198.18.${block}`;
const SERVICES = 36;

let server: KubeApiServer;
let kubeConfig: KubeConfig;
const stores: KubeStore[] = [];
let eventCount = 0;
let redeliveries = 0;

interface Replica {
  store: KubeStore;
  processor: EventProcessor;
}

async function replica(): Promise<Replica> {
  const store = new KubeStore({ kubeConfig, backoff: { initialMs: 100, maxMs: 1000 }, onError: () => {} });
  stores.push(store);
  await prepareStore(store, [loadBalancerIpam]);
  const processor = new EventProcessor({
    store,
    functions: [loadBalancerIpam],
    mirror: false,
    logger: createLogger('silent'),
  });
  return { store, processor };
}

async function apply(objects: readonly KubeObject[]): Promise<void> {
  await kubectlOk(server.kubeconfig, ['apply', '--server-side', '--field-manager=lb-test', '-f', '-'], {
    stdin: objects.map((o) => JSON.stringify(o)).join('\n'),
  });
}

/** The Service as the API server has it now (clusterIPs, resourceVersion), read directly. */
async function read(name: string, ns = namespace): Promise<KubeObject> {
  const object = await stores[0]!.readObject({ groupKind: '/Service', namespace: ns, name });
  if (!object) throw new Error(`Service ${ns}/${name} not found`);
  return object;
}

/**
 * An event through a replica as its runtime would take it: a transient failure (the conflicts kept
 * coming after the re-plans) is delivered again, as Kafka's retries and Knative's broker do.
 */
async function deliver(to: Replica, type: ChangeType, object: KubeObject): Promise<void> {
  const cloudEvent = event(type, object);
  for (let attempt = 1; ; attempt++) {
    try {
      await to.processor.process(cloudEvent);
      return;
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt >= 5) throw error;
      redeliveries += 1;
    }
  }
}

interface ServiceShape {
  namespace?: string;
  sharing?: string;
  port?: number;
  protocol?: 'TCP' | 'UDP';
}

function service(name: string, shape: ServiceShape = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name,
      namespace: shape.namespace ?? namespace,
      ...(shape.sharing ? { annotations: { 'metallb.io/allow-shared-ip': shape.sharing } } : {}),
    },
    spec: {
      type: 'LoadBalancer',
      selector: { app: name },
      ports: [{ port: shape.port ?? 80, protocol: shape.protocol ?? 'TCP' }],
    },
  };
}

function event(type: ChangeType, object: KubeObject) {
  eventCount += 1;
  return buildChangeEvent(type, object, {
    source: 'test://lb-apiserver',
    id: `lb-${id}-${eventCount}`,
    time: new Date().toISOString(),
  });
}

interface ServiceState {
  name: string;
  ips: string[];
}

async function servicesNow(): Promise<ServiceState[]> {
  const list = JSON.parse(
    await kubectlOk(server.kubeconfig, ['get', 'services', '-n', namespace, '-o', 'json']),
  );
  return (list.items as KubeObject[]).map((s) => ({
    name: s.metadata.name ?? '',
    ips: (
      (s['status'] as { loadBalancer?: { ingress?: { ip: string }[] } })?.loadBalancer?.ingress ?? []
    ).map((i) => i.ip),
  }));
}

async function claimsNow(): Promise<Record<string, string>> {
  const list = JSON.parse(
    await kubectlOk(server.kubeconfig, [
      'get',
      'ipaddresses.networking.k8s.io',
      '-l',
      'ipaddress.kubernetes.io/managed-by=loadbalancer-ipam.acpnet.io',
      '-o',
      'json',
    ]),
  );
  const out: Record<string, string> = {};
  for (const claim of list.items as KubeObject[]) {
    const name = claim.metadata.name ?? '';
    if (name.startsWith(`${poolPrefix}.`))
      out[name] = claim.metadata.annotations?.['acpnet.io/load-balancer-holders'] ?? '';
  }
  return out;
}

function owners(states: readonly ServiceState[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const s of states) for (const ip of s.ips) out.set(ip, [...(out.get(ip) ?? []), s.name]);
  return out;
}

beforeAll(async () => {
  server = await useKubeApiServer();
  kubeConfig = new KubeConfig();
  kubeConfig.loadFromFile(server.kubeconfig);
  await installUpstreamCrds(server.kubeconfig);
  for (const ns of ['metallb-system', 'acpnet', namespace]) {
    await kubectl(server.kubeconfig, ['create', 'namespace', ns]);
  }
  await apply([
    {
      apiVersion: 'metallb.io/v1beta1',
      kind: 'IPAddressPool',
      metadata: { name: poolName, namespace: 'metallb-system' },
      // 24 addresses; the Services of this namespace only, so other tests' Services never take them.
      spec: {
        addresses: [`${poolPrefix}.40-${poolPrefix}.63`],
        serviceAllocation: { priority: 1, namespaces: [namespace] },
      },
    },
  ]);
}, KUBE_SETUP_TIMEOUT_MS);

afterAll(async () => {
  await Promise.all(stores.map((s) => s.stop()));
  if (server) {
    await kubectl(server.kubeconfig, ['delete', 'namespace', namespace, '--wait=false']);
    await kubectl(server.kubeconfig, ['delete', 'ipaddresspool', poolName, '-n', 'metallb-system']);
    await server.stop();
  }
});

describe('loadbalancer-ipam against a real API server, two replicas', () => {
  let a: Replica;
  let b: Replica;

  it('gives every Service an address, never one twice, while two replicas race for them', async () => {
    [a, b] = await Promise.all([replica(), replica()]);
    const names = Array.from({ length: SERVICES }, (_, i) => `svc-${String(i).padStart(2, '0')}`);
    const createStarted = process.hrtime.bigint();
    await apply(names.map((name) => service(name)));
    const createSeconds = Number(process.hrtime.bigint() - createStarted) / 1e9;
    const created = await Promise.all(names.map((name) => read(name)));
    const started = process.hrtime.bigint();
    // Each Service's add goes to both replicas, interleaved: they plan the same pool at once.
    await Promise.all(created.flatMap((object) => [deliver(a, 'add', object), deliver(b, 'add', object)]));
    const planSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    const states = await servicesNow();
    const held = states.filter((s) => s.ips.length > 0);
    expect(held).toHaveLength(24);
    for (const [ip, holders] of owners(states)) {
      expect({ ip, holders }).toEqual({ ip, holders: [expect.any(String)] });
      expect(ip.startsWith(`${poolPrefix}.`)).toBe(true);
    }
    const claims = await claimsNow();
    expect(Object.keys(claims).sort()).toEqual(held.flatMap((s) => s.ips).sort());
    for (const s of held) expect(claims[s.ips[0]!]).toBe(`${namespace}/${s.name}`);
    console.log(
      `loadbalancer-ipam on the API server: ${SERVICES} Services created in ${createSeconds.toFixed(2)} s ` +
        `(kubectl apply), their ${2 * SERVICES} events planned by 2 replicas in ${planSeconds.toFixed(2)} s ` +
        `(${(24 / planSeconds).toFixed(1)} allocations/s, ${redeliveries} events delivered again)`,
    );
  });

  it('releases a deleted Service to a waiting one, and no other Service moves', async () => {
    const before = await servicesNow();
    const victim = before.find((s) => s.ips.length > 0)!;
    const waiting = before
      .filter((s) => s.ips.length === 0)
      .map((s) => s.name)
      .sort();
    const last = await read(victim.name);
    await kubectlOk(server.kubeconfig, ['delete', 'service', victim.name, '-n', namespace]);
    await deliver(a, 'delete', last);
    const after = await servicesNow();
    const taker = after.find((s) => s.name === waiting[0]);
    expect(taker?.ips).toEqual(victim.ips);
    for (const s of before) {
      if (s.name === victim.name || s.ips.length === 0) continue;
      expect(after.find((t) => t.name === s.name)?.ips).toEqual(s.ips);
    }
    expect((await claimsNow())[victim.ips[0]!]).toBe(`${namespace}/${waiting[0]}`);
  });

  it('a replica started later, from what the API server holds, keeps every address with its holder', async () => {
    const before = await servicesNow();
    const claimsBefore = await claimsNow();
    const c = await replica();
    // A restarted consumer is handed every Service again (a relist): nothing may move.
    for (const s of before) await deliver(c, 'update', await read(s.name));
    expect(await servicesNow()).toEqual(before);
    expect(await claimsNow()).toEqual(claimsBefore);
  });

  it('Services under one allow-shared-ip key with different ports share an address', async () => {
    const shared = `${namespace}-share`;
    await kubectl(server.kubeconfig, ['create', 'namespace', shared]);
    await apply([
      {
        apiVersion: 'metallb.io/v1beta1',
        kind: 'IPAddressPool',
        metadata: { name: `${poolName}-share`, namespace: 'metallb-system' },
        spec: {
          addresses: [`${poolPrefix}.32-${poolPrefix}.39`],
          serviceAllocation: { namespaces: [shared] },
        },
      },
    ]);
    const objects = [
      service('dns-tcp', { namespace: shared, sharing: 'dns', port: 53 }),
      service('dns-udp', { namespace: shared, sharing: 'dns', port: 53, protocol: 'UDP' }),
      service('web', { namespace: shared }),
    ];
    await apply(objects);
    for (const name of ['dns-tcp', 'dns-udp', 'web']) {
      const object = JSON.parse(
        await kubectlOk(server.kubeconfig, ['get', 'service', name, '-n', shared, '-o', 'json']),
      );
      await Promise.all([deliver(a, 'add', object), deliver(b, 'add', object)]);
    }
    const list = JSON.parse(
      await kubectlOk(server.kubeconfig, ['get', 'services', '-n', shared, '-o', 'json']),
    );
    const ips = Object.fromEntries(
      (list.items as KubeObject[]).map((o) => [
        o.metadata.name,
        ((o['status'] as { loadBalancer?: { ingress?: { ip: string }[] } }).loadBalancer?.ingress ?? []).map(
          (i) => i.ip,
        ),
      ]),
    );
    expect(ips).toEqual({
      'dns-tcp': [`${poolPrefix}.32`],
      'dns-udp': [`${poolPrefix}.32`],
      web: [`${poolPrefix}.33`],
    });
    expect((await claimsNow())[`${poolPrefix}.32`]).toBe(`${shared}/dns-tcp,${shared}/dns-udp`);
    await kubectl(server.kubeconfig, ['delete', 'namespace', shared, '--wait=false']);
    await kubectl(server.kubeconfig, [
      'delete',
      'ipaddresspool',
      `${poolName}-share`,
      '-n',
      'metallb-system',
    ]);
  });
});
