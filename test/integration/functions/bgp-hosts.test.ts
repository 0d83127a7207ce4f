/**
 * bgp-hosts on a real kube-apiserver (with MetalLB's CRDs): a KubeStore, the processor without
 * mirroring, and change events built from the objects as the API server returns them (what an
 * ApiServerSource sends). Labels follow the peers, a node label change that empties an advertisement
 * raises the Warning Event once however often it is delivered, a label set by hand stays, and
 * kube-ovn-speaker's args are JSON-patched in place.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { KubeConfig } from '@kubernetes/client-node';
import { bgpHosts } from '../../../functions/bgp-hosts/index.js';
import { createLogger } from '../../../functions/runtime/logger.js';
import { prepareStore } from '../../../functions/runtime/prepare.js';
import { EventProcessor } from '../../../functions/runtime/processor.js';
import { buildChangeEvent, type ChangeType } from '../../../shared/events/apiserver.js';
import { KubeStore } from '../../../shared/kube/kube-store.js';
import { groupKindOf, type KubeObject } from '../../../shared/kube/object.js';
import {
  installUpstreamCrds,
  KUBE_SETUP_TIMEOUT_MS,
  type KubeApiServer,
  kubectlOk,
  useKubeApiServer,
} from '../../support/kube-harness.js';

jest.setTimeout(180_000);

const id = randomBytes(4).toString('hex');
const node = (n: number) => `bgp-${id}-n${n}`;
const runLabel = { 'acpnet-test-run': id };
const advertisement = `adv-${id}`;
let server: KubeApiServer;
let store: KubeStore;
let eventCount = 0;

const objects: KubeObject[] = [
  ...[1, 2, 3].map((n) => ({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: node(n), labels: { ...runLabel, rack: n < 3 ? 'a' : 'b' } },
  })),
  {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'kube-ovn-speaker', namespace: 'kube-system' },
    spec: {
      selector: { matchLabels: { app: 'kube-ovn-speaker' } },
      template: {
        metadata: { labels: { app: 'kube-ovn-speaker' } },
        spec: {
          nodeSelector: { 'ovn.kubernetes.io/bgp': 'true' },
          containers: [
            {
              name: 'kube-ovn-speaker',
              image: 'docker.io/kubeovn/kube-ovn:v1.14.0',
              args: ['--neighbor-address=10.32.32.1', '--neighbor-as=65030', '--cluster-as=65000', '--v=3'],
            },
          ],
        },
      },
    },
  },
  {
    apiVersion: 'metallb.io/v1beta1',
    kind: 'IPAddressPool',
    metadata: { name: `pool-${id}`, namespace: 'metallb-system' },
    spec: { addresses: ['4.4.4.0/24'] },
  },
];

const peer: KubeObject = {
  apiVersion: 'metallb.io/v1beta2',
  kind: 'BGPPeer',
  metadata: { name: `tor-${id}`, namespace: 'metallb-system' },
  spec: {
    myASN: 65000,
    peerASN: 65001,
    peerAddress: '10.0.0.1',
    nodeSelectors: [{ matchLabels: { ...runLabel, rack: 'a' } }],
  },
};

const bgpAdvertisement: KubeObject = {
  apiVersion: 'metallb.io/v1beta1',
  kind: 'BGPAdvertisement',
  metadata: { name: advertisement, namespace: 'metallb-system' },
  spec: { ipAddressPools: [`pool-${id}`], nodeSelectors: [{ matchLabels: { ...runLabel, rack: 'a' } }] },
};

function kubectlApply(list: readonly KubeObject[]): Promise<string> {
  return kubectlOk(server.kubeconfig, ['apply', '--server-side', '--field-manager=acpnet-test', '-f', '-'], {
    stdin: list.map((o) => JSON.stringify(o)).join('\n'),
  });
}

async function readBack(kind: string, name: string, namespace?: string): Promise<KubeObject> {
  const where = namespace ? ['-n', namespace] : [];
  return JSON.parse(await kubectlOk(server.kubeconfig, ['get', kind, name, ...where, '-o', 'json']));
}

async function eventually<T>(what: string, check: () => T | undefined | false): Promise<T> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const value = check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function newProcessor(): EventProcessor {
  return new EventProcessor({ store, functions: [bgpHosts], mirror: false, logger: createLogger('silent') });
}

/** The object as the API server has it now, once the informer holds that version, as a change event. */
async function deliver(processor: EventProcessor, type: ChangeType, object: KubeObject): Promise<void> {
  const { namespace = '', name = '', resourceVersion } = object.metadata;
  await eventually(`${object.kind} ${name} in the informer`, () => {
    const cached = store.get(groupKindOf(object), namespace, name);
    return cached !== undefined && Number(cached.metadata.resourceVersion) >= Number(resourceVersion);
  });
  eventCount += 1;
  const result = await processor.process(
    buildChangeEvent(type, object, { source: 'test://bgp-hosts', id: `e-${id}-${eventCount}` }),
  );
  expect(result.outcome).not.toBe('ignored');
}

async function labelledNodes(): Promise<string[]> {
  const out = await kubectlOk(server.kubeconfig, [
    'get',
    'nodes',
    '-l',
    `acpnet-test-run=${id},ovn.kubernetes.io/bgp=true`,
    '-o',
    'jsonpath={.items[*].metadata.name}',
  ]);
  return out.split(' ').filter(Boolean).sort();
}

async function eventsAbout(name: string): Promise<{ type: string; reason: string; message: string }[]> {
  const out = await kubectlOk(server.kubeconfig, [
    'get',
    'events',
    '-n',
    'metallb-system',
    '--field-selector',
    `involvedObject.name=${name}`,
    '-o',
    'json',
  ]);
  return (JSON.parse(out) as { items: { type: string; reason: string; message: string }[] }).items;
}

beforeAll(async () => {
  server = await useKubeApiServer();
  await installUpstreamCrds(server.kubeconfig);
  await kubectlApply([{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'metallb-system' } }]);
  await kubectlApply(objects);
  for (const n of [1, 2, 3]) {
    await kubectlOk(server.kubeconfig, [
      'patch',
      'node',
      node(n),
      '--subresource=status',
      '--type=merge',
      '-p',
      JSON.stringify({ status: { conditions: [{ type: 'Ready', status: 'True' }] } }),
    ]);
  }
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromFile(server.kubeconfig);
  store = new KubeStore({ kubeConfig, backoff: { initialMs: 100, maxMs: 1000 } });
  await prepareStore(store, [bgpHosts]);
}, KUBE_SETUP_TIMEOUT_MS);

afterAll(async () => {
  await store?.stop();
  await kubectlOk(server.kubeconfig, ['delete', 'nodes', '-l', `acpnet-test-run=${id}`]).catch(() => '');
  await server?.stop();
});

describe('bgp-hosts on a real API server', () => {
  it('labels the peering nodes and keeps the speaker args in step with the peer', async () => {
    await kubectlApply([peer]);
    await deliver(
      newProcessor(),
      'add',
      await readBack('bgppeers.metallb.io', `tor-${id}`, 'metallb-system'),
    );
    expect(await labelledNodes()).toEqual([node(1), node(2)]);
    const speaker = await readBack('daemonset', 'kube-ovn-speaker', 'kube-system');
    const spec = speaker['spec'] as {
      template: { spec: { containers: { args: string[]; image: string }[] } };
    };
    expect(spec.template.spec.containers[0]?.args).toEqual([
      '--neighbor-address=10.0.0.1',
      '--neighbor-as=65001',
      '--cluster-as=65000',
      '--v=3',
    ]);
    expect(spec.template.spec.containers[0]?.image).toBe('docker.io/kubeovn/kube-ovn:v1.14.0');
    expect(speaker.metadata.annotations?.['acpnet.io/speaker-flags']).toBe(
      '--neighbor-address,--neighbor-as,--cluster-as',
    );
  });

  it('records the announcing nodes, and a node label change that empties them raises one Warning', async () => {
    await kubectlApply([bgpAdvertisement]);
    const processor = newProcessor();
    await deliver(
      processor,
      'add',
      await readBack('bgpadvertisements.metallb.io', advertisement, 'metallb-system'),
    );
    const recorded = await readBack('bgpadvertisements.metallb.io', advertisement, 'metallb-system');
    expect(recorded.metadata.annotations?.['acpnet.io/announcing-nodes']).toBe(`${node(1)},${node(2)}`);
    expect((await eventsAbout(advertisement)).map((e) => `${e.type} ${e.reason}`)).toEqual([
      'Normal AnnouncingNodes',
    ]);

    // One node at a time: n1 leaves (n2 still announces), then n2 (nothing announces).
    for (const n of [1, 2]) {
      await kubectlOk(server.kubeconfig, ['label', 'node', node(n), 'rack=c', '--overwrite']);
      await deliver(processor, 'update', await readBack('node', node(n)));
    }
    const emptied = await readBack('bgpadvertisements.metallb.io', advertisement, 'metallb-system');
    expect(emptied.metadata.annotations?.['acpnet.io/announcing-nodes']).toBe('');
    const events = await eventsAbout(advertisement);
    expect(events.map((e) => `${e.type} ${e.reason}`).sort()).toEqual([
      'Normal AnnouncingNodes',
      'Normal AnnouncingNodes',
      'Warning NoAnnouncingNodes',
    ]);
    expect(events.find((e) => e.type === 'Warning')?.message).toContain(`IPAddressPool(s) pool-${id}`);
    // The nodes no longer peer: the labels acpnet set go with them.
    expect(await labelledNodes()).toEqual([]);

    // Delivered again to a restarted consumer (no memory of ids), nothing is written twice.
    await deliver(newProcessor(), 'update', await readBack('node', node(2)));
    expect(await eventsAbout(advertisement)).toHaveLength(3);
  });

  it('leaves a speaker label set by hand on a node that does not peer', async () => {
    await kubectlOk(server.kubeconfig, ['label', 'node', node(3), 'ovn.kubernetes.io/bgp=true']);
    await deliver(newProcessor(), 'update', await readBack('node', node(3)));
    expect(await labelledNodes()).toEqual([node(3)]);
  });
});
