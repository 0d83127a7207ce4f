/**
 * Two replicas planning one Pod at once (a broker delivering twice) claim two addresses for it. The
 * Pod's annotations are written only onto the Pod as it was read, so the replica that annotates
 * second fails, plans again, keeps the first one's address and gives up its own claim: the
 * annotations never change once written, and no later event can make a replica delete the claim
 * of the address the Pod ends with.
 */
import { describe, expect, it } from '@jest/globals';
import { podIpam } from '../../../functions/pod-ipam/index.js';
import { fieldManagerOf } from '../../../functions/runtime/contract.js';
import type { KubeObject } from '../../../shared/kube/object.js';
import type { ApplyOptions } from '../../../shared/kube/store.js';
import { feed, newRuntime, readYaml } from './harness.js';

const state = readYaml<KubeObject[]>('pod-ipam/state.yaml');
const OTHER = 'acpnet-other-replica';

const pod: KubeObject = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'a', namespace: 'demo', uid: 'uid-a' },
};

describe('pod-ipam: another replica annotates the Pod first', () => {
  it.each([
    { first: '10.16.0.9', claim: 'ovn-default.10.16.0.9' },
    { first: '10.16.0.13', claim: 'ovn-default.10.16.0.13' },
  ])('keeps $first, written first, and gives up its own claim', async ({ first, claim }) => {
    const { store, processor } = await newRuntime(state, [podIpam]);
    const apply = store.apply.bind(store);
    let raced = false;
    store.apply = async (object: KubeObject, options: ApplyOptions) => {
      if (object.kind === 'Pod' && options.fieldManager === fieldManagerOf(podIpam) && !raced) {
        raced = true;
        // The other replica wins its claim and annotates the Pod in between this plan and its write.
        await store.createIfAbsent(
          {
            apiVersion: 'acpnet.io/v1alpha1',
            kind: 'IPClaim',
            metadata: { name: claim },
            spec: { scope: 'Subnet/ovn-default', address: first, owner: 'a.demo' },
          },
          { fieldManager: OTHER },
        );
        await apply(
          {
            ...pod,
            metadata: {
              ...pod.metadata,
              annotations: {
                'ovn.kubernetes.io/allocated': 'true',
                'ovn.kubernetes.io/ip_address': first,
                'ovn.kubernetes.io/cidr': '10.16.0.0/28',
                'ovn.kubernetes.io/gateway': '10.16.0.1',
                'ovn.kubernetes.io/logical_switch': 'ovn-default',
              },
            },
          },
          { fieldManager: OTHER, force: true },
        );
      }
      return apply(object, options);
    };

    const results = await feed(processor, [{ type: 'add', object: pod }]);

    expect(raced).toBe(true);
    expect(results.map((r) => r.outcome)).toEqual(['processed']);
    expect(store.get('/Pod', 'demo', 'a')?.metadata.annotations?.['ovn.kubernetes.io/ip_address']).toBe(
      first,
    );
    expect(store.list('acpnet.io/IPClaim').map((c) => c.metadata.name)).toEqual([claim]);
    expect(store.get('kubeovn.io/IP', '', 'a.demo')?.spec).toMatchObject({ ipAddress: first });
  });
});
