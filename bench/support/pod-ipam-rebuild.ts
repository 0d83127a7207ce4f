/**
 * The pod-ipam ledger rebuilt from a synced store holding 10,000 allocated Pods: their annotations,
 * their IP objects and their IPClaims (what a replica reads at start, before it allocates anything).
 */

import { podIpamIndexes } from '../../functions/pod-ipam/indexes.js';
import { Ledger } from '../../functions/pod-ipam/ledger.js';
import { MemoryStore } from '../../shared/kube/memory-store.js';
import { ModelView } from '../../shared/kube/model/model-view.js';
import type { KubeObject } from '../../shared/kube/object.js';
import { formatAddress } from '../../shared/net/address.js';

function objects(pods: number): KubeObject[] {
  const out: KubeObject[] = [
    {
      apiVersion: 'kubeovn.io/v1',
      kind: 'Subnet',
      metadata: { name: 'ovn-default' },
      spec: {
        cidrBlock: '10.16.0.0/16',
        default: true,
        gateway: '10.16.0.1',
        excludeIps: ['10.16.0.2..10.16.0.99'],
      },
    },
  ];
  for (let i = 0; i < pods; i++) {
    const address = formatAddress(4, 0x0a100064n + BigInt(i));
    const name = `pod-${i}`;
    out.push(
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          name,
          namespace: 'demo',
          uid: `uid-${i}`,
          annotations: {
            'ovn.kubernetes.io/allocated': 'true',
            'ovn.kubernetes.io/ip_address': address,
            'ovn.kubernetes.io/logical_switch': 'ovn-default',
            'ovn.kubernetes.io/mac_address': `02:00:00:00:${((i >> 8) & 0xff).toString(16).padStart(2, '0')}:${(i & 0xff).toString(16).padStart(2, '0')}`,
          },
        },
      },
      {
        apiVersion: 'kubeovn.io/v1',
        kind: 'IP',
        metadata: { name: `${name}.demo` },
        spec: {
          podName: name,
          namespace: 'demo',
          subnet: 'ovn-default',
          ipAddress: address,
          v4IpAddress: address,
        },
      },
      {
        apiVersion: 'acpnet.io/v1alpha1',
        kind: 'IPClaim',
        metadata: { name: `ovn-default.${address}` },
        spec: { scope: 'Subnet/ovn-default', address, owner: `${name}.demo` },
      },
    );
  }
  return out;
}

export interface RebuildFigures {
  pods: number;
  held: bigint;
  /** Medians, wall-clock and CPU time. */
  millis: number;
  cpuMillis: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** Median of `rounds` rebuilds, each on a fresh ledger over the same synced store. */
export async function benchRebuild(pods: number, rounds = 5): Promise<RebuildFigures> {
  const store = new MemoryStore();
  for (const index of podIpamIndexes) store.addEqualityIndex(index);
  store.load(objects(pods));
  await store.start([]);
  const view = new ModelView(store);
  const wall: number[] = [];
  const cpu: number[] = [];
  let held = 0n;
  for (let round = 0; round < rounds; round++) {
    const ledger = new Ledger(store);
    const started = process.hrtime.bigint();
    const usage = process.cpuUsage();
    ledger.build(view);
    const used = process.cpuUsage(usage);
    wall.push(Number(process.hrtime.bigint() - started) / 1e6);
    cpu.push((used.user + used.system) / 1e3);
    held = ledger.subnet('ovn-default', view).allocator?.family(4)?.counters()?.used ?? 0n;
  }
  return { pods, held, millis: median(wall), cpuMillis: median(cpu) };
}
