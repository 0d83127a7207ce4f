import { MULTUS_NETWORKS_ANNOTATION, nicAnnotation, OVN_PROVIDER } from '../../shared/kube/keys/kubeovn.js';
import { keyOf } from '../../shared/kube/object.js';
import { IP_CLAIM } from '../../shared/kube/schemas/acpnet.js';
import { IP } from '../../shared/kube/schemas/kubeovn.js';
import { POD, type Pod, STATEFUL_SET } from '../../shared/kube/schemas/workloads.js';
import { kubeOvnCniProvider, kubeOvnIpamProvider } from '../../shared/kubeovn/network-attachment.js';
import { parseNetworksAnnotation } from '../../shared/kubeovn/pod-annotations.js';
import { portName } from '../../shared/kubeovn/port-name.js';
import { statefulSetOwner, statefulSetRetains } from '../../shared/kubeovn/statefulset.js';
import type { Effect } from '../runtime/contract.js';
import { type PlanContext, touch } from './context.js';
import { CLAIMS_BY_OWNER, IPS_BY_POD } from './indexes.js';

function deleteOf(object: {
  apiVersion: string;
  kind: string;
  metadata: { name?: string; uid?: string; namespace?: string };
}): Effect {
  const uid = object.metadata.uid;
  return {
    op: 'delete',
    apiVersion: object.apiVersion,
    key: keyOf(object),
    ...(uid ? { preconditions: { uid } } : {}),
  };
}

/** Every NIC a Pod may hold addresses for: its annotations, its attachments, the IP objects naming it. */
export function nicOwnersOf(ctx: PlanContext, pod: Pod): string[] {
  const namespace = pod.metadata.namespace ?? '';
  const name = pod.metadata.name ?? '';
  const owners = new Set([portName(name, namespace, OVN_PROVIDER)]);
  for (const [key, value] of Object.entries(pod.metadata.annotations ?? {})) {
    if (value === 'true' && key.endsWith('.kubernetes.io/allocated')) {
      owners.add(portName(name, namespace, key.slice(0, -'.kubernetes.io/allocated'.length)));
    }
  }
  const networks = pod.metadata.annotations?.[MULTUS_NETWORKS_ANNOTATION];
  const parsed = networks ? parseNetworksAnnotation(networks, namespace) : undefined;
  for (const ref of parsed?.ok ? parsed.refs : []) {
    owners.add(portName(name, namespace, kubeOvnCniProvider(ref)));
    owners.add(portName(name, namespace, kubeOvnIpamProvider(ref)));
  }
  for (const ip of ctx.view.byIndex(IP, IPS_BY_POD, `${namespace}/${name}`))
    owners.add(ip.metadata.name ?? '');
  return [...owners].filter(Boolean).sort();
}

/** Releases NICs: in the ledger at once, in the store by deleting their claims and IP objects. */
export function releaseNics(
  ctx: PlanContext,
  owners: readonly string[],
  namespace: string,
  pod: string,
): void {
  for (const owner of owners) {
    const subnet = ctx.ledger.subnetOf(owner);
    if (subnet) {
      const ledger = ctx.ledger.subnet(subnet, ctx.view);
      for (const allocator of ledger.allocator?.allocators() ?? []) {
        const address = allocator.addressOf(owner);
        if (address !== undefined) touch(ctx, subnet, allocator.poolAt(address));
      }
      ctx.freed.add(subnet);
    }
    ctx.ledger.release(owner);
    for (const claim of ctx.view.byIndex(IP_CLAIM, CLAIMS_BY_OWNER, owner)) ctx.effects.push(deleteOf(claim));
    const ip = ctx.view.get(IP, '', owner);
    if (ip && ip.spec?.podName === pod && ip.spec.namespace === namespace) ctx.effects.push(deleteOf(ip));
  }
}

/**
 * A Pod deleted, or finished: its addresses go back (to await reuse), unless it is a StatefulSet's
 * Pod that its StatefulSet still retains (kube-ovn keeps the address for the successor of the same
 * name), or a successor of the same name already uses them.
 */
export function planPodGone(ctx: PlanContext, pod: Pod): void {
  const namespace = pod.metadata.namespace ?? '';
  const name = pod.metadata.name ?? '';
  const owner = statefulSetOwner(pod);
  if (owner && statefulSetRetains(name, owner, ctx.view.get(STATEFUL_SET, namespace, owner.name))) return;
  const successor = ctx.view.get(POD, namespace, name);
  const other = successor && successor.metadata.uid !== pod.metadata.uid ? successor : undefined;
  const owners = nicOwnersOf(ctx, pod).filter((nic) => {
    if (!other) return true;
    const provider =
      nic === portName(name, namespace, OVN_PROVIDER)
        ? OVN_PROVIDER
        : nic.slice(`${name}.${namespace}.`.length);
    return other.metadata.annotations?.[nicAnnotation(provider, 'allocated')] !== 'true';
  });
  ctx.ledger.stopWaiting(`${namespace}/${name}`);
  releaseNics(ctx, owners, namespace, name);
}
