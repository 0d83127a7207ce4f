/**
 * Two `acpnet serve functions --functions pod-ipam` replicas (one Kafka consumer group, fed by
 * `acpnet bridge`) allocate 2,000 Pods created as fast as the API server takes them, on one real
 * kube-apiserver. One Pod in ten is also handed to both replicas at once over HTTP, as a broker may
 * deliver an event twice. The API server arbitrates (IPClaims): no address is handed out twice,
 * every Pod gets one, the claims and IP objects say the same, and the Subnet's counters count them.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { buildChangeEvent } from '../../../shared/events/apiserver.js';
import type { KubeObject } from '../../../shared/kube/object.js';
import { formatAddress, parseAddress } from '../../../shared/net/address.js';
import { cidrRange, parseCidr } from '../../../shared/net/cidr.js';
import { KUBE_SETUP_TIMEOUT_MS } from '../../support/kube-harness.js';
import {
  allocated,
  createPods,
  listPods,
  type PodIpamCluster,
  podIpamCluster,
  SUBNET_CIDR,
} from '../../support/pod-ipam-cluster.js';

const PODS = 2_000;
jest.setTimeout(40 * 60_000);

let cluster: PodIpamCluster;

beforeAll(async () => {
  cluster = await podIpamCluster('replicas');
  await cluster.start(2, 8);
}, KUBE_SETUP_TIMEOUT_MS);

afterAll(async () => {
  await cluster?.stop();
});

/** The replicas' warnings and errors, to read beside a failure. */
function replicaTrouble(): string {
  return cluster.replicas
    .flatMap((r, i) =>
      r
        .output()
        .split('\n')
        .filter((l) => /"level":(40|50)/.test(l) && !l.includes('kafkajs'))
        .map((l) => `replica ${i}: ${l}`),
    )
    .slice(0, 40)
    .join('\n');
}

/** Hands the Pod's add event to every replica at once, beside the bridge's delivery. */
async function deliverTwice(pod: Record<string, unknown>): Promise<void> {
  const event = buildChangeEvent('add', { apiVersion: 'v1', kind: 'Pod', ...pod } as KubeObject, {
    source: 'test://twice',
  });
  await Promise.all(
    cluster.urls.map((url) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/cloudevents+json' },
        body: JSON.stringify(event),
      }).then((response) => response.arrayBuffer()),
    ),
  );
}

describe('pod-ipam with two replicas on a real API server', () => {
  it(`allocates ${PODS} Pods, none twice; claims, IP objects and counters agree`, async () => {
    try {
      await allocatesEveryPodOnce();
    } catch (error) {
      throw new Error(`${(error as Error).message}\n\n${replicaTrouble()}`);
    }
  });
});

async function allocatesEveryPodOnce(): Promise<void> {
  const ns = cluster.namespace;
  await createPods(cluster, ns, 'pod', PODS, 8, (pod, index) =>
    index % 10 === 0 ? deliverTwice(pod) : undefined,
  );
  await allocated(cluster, ns, PODS, 30 * 60_000);

  const pods = await listPods(cluster, ns);
  const range = cidrRange(parseCidr(SUBNET_CIDR));
  const addresses = pods.map((p) => p.metadata.annotations?.['ovn.kubernetes.io/ip_address'] ?? '');
  expect(new Set(addresses).size).toBe(PODS);
  for (const text of addresses) {
    const value = parseAddress(text).value;
    // Inside the /20, past the network address, the gateway (.1) and excludeIps (.2-.9).
    expect(value > range.first + 9n && value < range.last).toBe(true);
  }

  const claims = (
    (await cluster.request('GET', '/apis/acpnet.io/v1alpha1/ipclaims')) as {
      items: { spec: { scope: string; address: string; owner: string } }[];
    }
  ).items.filter((c) => c.spec.scope === `Subnet/${cluster.subnet}`);
  const byPod = new Map(
    pods.map((p) => [`${p.metadata.name}.${ns}`, p.metadata.annotations?.['ovn.kubernetes.io/ip_address']]),
  );
  expect(claims).toHaveLength(PODS);
  for (const claim of claims) expect(byPod.get(claim.spec.owner)).toBe(claim.spec.address);

  const ips = (
    (await cluster.request('GET', '/apis/kubeovn.io/v1/ips')) as {
      items: { metadata: { name: string }; spec: { ipAddress: string } }[];
    }
  ).items;
  expect(ips).toHaveLength(PODS);
  for (const ip of ips) expect(byPod.get(ip.metadata.name)).toBe(ip.spec.ipAddress);

  // Each status write makes a Subnet event whose plan writes again while it differs from the ledger.
  const deadline = Date.now() + 120_000;
  let status: Record<string, unknown> | undefined;
  for (;;) {
    status = (
      (await cluster.request('GET', `/apis/kubeovn.io/v1/subnets/${cluster.subnet}`)) as {
        status?: Record<string, unknown>;
      }
    ).status;
    if (status?.['v4usingIPs'] === PODS || Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  if (status?.['v4usingIPs'] !== PODS) {
    throw new Error(
      `the Subnet counts ${String(status?.['v4usingIPs'])} addresses in use, not ${PODS}; ` +
        `counted but claimed by no Pod: ${unclaimed(String(status?.['v4usingIPrange'] ?? ''), claims).join(', ')}`,
    );
  }
  expect(status).toMatchObject({ v4usingIPs: PODS, v4availableIPs: 4094 - 9 - PODS });
}

/** Addresses of Kube-OVN's range string (`a-b,c`) that no claim holds, with what the replicas logged of them. */
function unclaimed(usingRange: string, claims: readonly { spec: { address: string } }[]): string[] {
  const claimed = new Set(claims.map((c) => parseAddress(c.spec.address).value));
  const extra: string[] = [];
  for (const token of usingRange.split(',').filter(Boolean)) {
    const [from = '', to = from] = token.split('-');
    const { value: first, family } = parseAddress(from);
    const last = parseAddress(to).value;
    for (let value = first; value <= last; value++) {
      if (claimed.has(value)) continue;
      const text = formatAddress(family, value);
      const lines = cluster.replicas.flatMap((r, i) =>
        r
          .output()
          .split('\n')
          .map((line) => ({ line, replica: i })),
      );
      const mentions = (line: string) => line.includes(`${text}"`) || line.includes(`${text},`);
      // Everything logged of the Pods that held it.
      const pods = new Set(
        lines
          .filter(({ line }) => mentions(line))
          .map(({ line }) => /"object":"(Pod [^"]+)"/.exec(line)?.[1]),
      );
      const logged = lines
        .filter(({ line }) => mentions(line) || [...pods].some((pod) => pod && line.includes(`"${pod}"`)))
        .map(({ line, replica }) => `replica ${replica}: ${line.slice(0, 400)}`);
      extra.push([text, ...logged.slice(0, 30)].join('\n  '));
    }
  }
  return extra;
}
