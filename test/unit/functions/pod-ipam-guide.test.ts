/**
 * The networking guide's examples, read from the guide itself: its IPPool and the Pods that use it
 * (配置 IPPool), its second NIC through a NetworkAttachmentDefinition with a fixed address (多网卡,
 * 固定 IP), and its VpcEgressGateway over a macvlan Subnet (Egress Gateway). Kube-OVN's default
 * Subnet, which the guide does not list, is 10.16.0.0/16 with its gateway 10.16.0.1.
 */
import { expect, it } from '@jest/globals';
import { podIpam } from '../../../functions/pod-ipam/index.js';
import { parseManifests } from '../../../shared/kube/manifests.js';
import type { KubeObject } from '../../../shared/kube/object.js';
import { describeWithGuide, guideText } from '../../support/guide.js';
import { feed, newRuntime } from './harness.js';

/**
 * Every object of the guide's code blocks, without its circled callout markers (①...), by
 * kind/name, read as `acpnet validate` reads manifests (the continuation lines of the guide's
 * NetworkAttachmentDefinition configs are indented less than YAML wants, and are mended).
 */
function guideObjects(): Map<string, KubeObject> {
  const out = new Map<string, KubeObject>();
  for (const [, block = ''] of guideText().matchAll(/```[a-z]*\n([\s\S]*?)```/g)) {
    const clean = block.replace(/[\u2460-\u2473]/g, '').replace(/[ \t]+$/gm, '');
    for (const { object } of parseManifests(clean, 'guide').manifests) {
      if (object.kind && object.metadata?.name) out.set(`${object.kind}/${object.metadata.name}`, object);
    }
  }
  return out;
}

function from(
  objects: Map<string, KubeObject>,
  id: string,
  extra: Partial<KubeObject['metadata']> = {},
): KubeObject {
  const object = objects.get(id);
  if (!object) throw new Error(`the guide has no ${id}`);
  return { ...object, metadata: { namespace: 'default', ...object.metadata, ...extra } };
}

const cluster: KubeObject[] = [
  {
    apiVersion: 'kubeovn.io/v1',
    kind: 'Subnet',
    metadata: { name: 'ovn-default' },
    spec: { cidrBlock: '10.16.0.0/16', gateway: '10.16.0.1', default: true },
  },
  ...['default', 'ns-1'].map((name) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } })),
];

const annotationsOf = (
  store: { get(kind: string, ns: string, name: string): KubeObject | undefined },
  name: string,
  ns = 'default',
) => store.get('/Pod', ns, name)?.metadata.annotations ?? {};

describeWithGuide('pod-ipam on the guide examples', () => {
  const objects = guideObjects();

  it('配置 IPPool: the Pod naming pool-1 and a Pod of its namespace ns-1 take its lowest addresses; other Pods the rest', async () => {
    const pool = from(objects, 'IPPool/pool-1');
    const { store, processor } = await newRuntime([...cluster, pool], [podIpam]);
    await feed(processor, [
      { type: 'add', object: from(objects, 'Pod/pod-1', { uid: 'uid-pod-1' }) },
      {
        type: 'add',
        object: {
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: { name: 'bound', namespace: 'ns-1', uid: 'uid-b' },
        },
      },
      {
        type: 'add',
        object: {
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: { name: 'other', namespace: 'default', uid: 'uid-o' },
        },
      },
    ]);
    expect(annotationsOf(store, 'pod-1')['ovn.kubernetes.io/ip_address']).toBe('10.16.0.201');
    // The entry 10.16.0.210/30 is the block 10.16.0.208-10.16.0.211, as Kube-OVN parses a CIDR.
    expect(annotationsOf(store, 'bound', 'ns-1')['ovn.kubernetes.io/ip_address']).toBe('10.16.0.208');
    expect(annotationsOf(store, 'other')['ovn.kubernetes.io/ip_address']).toBe('10.16.0.2');
    expect(store.get('kubeovn.io/IPPool', '', 'pool-1')?.status).toMatchObject({
      v4UsingIPs: 2,
      v4UsingIPRange: '10.16.0.201,10.16.0.208',
      v4AvailableIPs: 14,
      v4AvailableIPRange: '10.16.0.209-10.16.0.211,10.16.0.220-10.16.0.230',
    });
  });

  it('多网卡 and 固定 IP: pod1 gets an address of subnet1 on its attachnet NIC; a fixed one is taken as given', async () => {
    const { store, processor } = await newRuntime(
      [...cluster, from(objects, 'NetworkAttachmentDefinition/attachnet'), from(objects, 'Subnet/subnet1')],
      [podIpam],
    );
    const fixed = from(objects, 'Pod/pod1', { name: 'pod2', uid: 'uid-pod2' });
    fixed.metadata.annotations = {
      ...fixed.metadata.annotations,
      'attachnet.default.ovn.kubernetes.io/ip_address': '172.170.0.101',
    };
    await feed(processor, [
      { type: 'add', object: from(objects, 'Pod/pod1', { uid: 'uid-pod1' }) },
      { type: 'add', object: fixed },
    ]);
    expect(annotationsOf(store, 'pod1')).toMatchObject({
      'ovn.kubernetes.io/ip_address': '10.16.0.2',
      'attachnet.default.ovn.kubernetes.io/allocated': 'true',
      'attachnet.default.ovn.kubernetes.io/ip_address': '172.170.0.2',
      'attachnet.default.ovn.kubernetes.io/cidr': '172.170.0.0/16',
      'attachnet.default.ovn.kubernetes.io/logical_switch': 'subnet1',
    });
    expect(annotationsOf(store, 'pod2')['attachnet.default.ovn.kubernetes.io/ip_address']).toBe(
      '172.170.0.101',
    );
    expect(store.get('kubeovn.io/IP', '', 'pod1.default.attachnet.default.ovn')?.spec).toMatchObject({
      podName: 'pod1',
      subnet: 'subnet1',
      ipAddress: '172.170.0.2',
    });
  });

  it('Egress Gateway: gateway2 gets two internal and two external addresses, lowest free, past the excludeIps', async () => {
    const { store, processor } = await newRuntime(
      [...cluster, from(objects, 'NetworkAttachmentDefinition/eth1'), from(objects, 'Subnet/macvlan1')],
      [podIpam],
    );
    await feed(processor, [
      { type: 'add', object: from(objects, 'VpcEgressGateway/gateway2', { uid: 'uid-gw' }) },
    ]);
    expect(store.get('kubeovn.io/VpcEgressGateway', 'default', 'gateway2')?.spec).toMatchObject({
      internalIPs: ['10.16.0.2', '10.16.0.3'],
      externalIPs: ['172.17.0.11', '172.17.0.12'],
    });
  });
});
