import { compareStrings } from '../../shared/kube/json-value.js';
import {
  MULTUS_NETWORKS_ANNOTATION,
  nicAnnotation,
  OVN_PROVIDER,
  POD_SUBNET_ANNOTATION,
} from '../../shared/kube/keys/kubeovn.js';
import { selectorMatches } from '../../shared/kube/label-selector.js';
import type { ModelView } from '../../shared/kube/model/model-view.js';
import { labelsOfNamespace } from '../../shared/kube/namespace-labels.js';
import { NAMESPACE } from '../../shared/kube/schemas/core.js';
import { IPPOOL, SUBNET, type Subnet } from '../../shared/kube/schemas/kubeovn.js';
import { NETWORK_ATTACHMENT_DEFINITION, type Pod } from '../../shared/kube/schemas/workloads.js';
import { parseIpPoolAnnotation } from '../../shared/kubeovn/ip-pool-annotation.js';
import {
  kubeOvnCniProvider,
  kubeOvnIpamProvider,
  parseAttachmentConfig,
} from '../../shared/kubeovn/network-attachment.js';
import { parseNetworksAnnotation } from '../../shared/kubeovn/pod-annotations.js';
import { portName } from '../../shared/kubeovn/port-name.js';
import { DEFAULT_SUBNETS, SUBNETS_BY_NAMESPACE, SUBNETS_BY_PROVIDER } from './indexes.js';

/**
 * One NIC of a Pod that takes a Kube-OVN address: the primary one (provider `ovn`) and one per
 * attachment whose NetworkAttachmentDefinition is a kube-ovn plugin (provider `<nad>.<ns>.ovn`) or
 * uses Kube-OVN IPAM under another plugin (provider `<nad>.<ns>`).
 */
export interface Nic {
  provider: string;
  /** The NIC's IP object name and the allocator owner: `<pod>.<ns>[.<provider>]`. */
  owner: string;
  /** A kube-ovn NIC (a logical switch port: MAC, logical_switch) rather than IPAM for another plugin. */
  ovn: boolean;
  primary: boolean;
  /** The Subnets its address may come from, in the order they are tried; empty when `problem`. */
  subnets: Subnet[];
  problem?: string;
}

const byName = (a: Subnet, b: Subnet) => compareStrings(a.metadata.name ?? '', b.metadata.name ?? '');

function named(view: ModelView, name: string): Subnet[] | string {
  const subnet = view.get(SUBNET, '', name);
  return subnet ? [subnet] : `Subnet ${name} does not exist (yet)`;
}

/**
 * kube-ovn getPodDefaultSubnet: the Pod's logical_switch annotation; the Subnet of the one IPPool
 * its ip_pool annotation names; the Subnets bound to its namespace (the namespace's logical_switch
 * annotation, else `spec.namespaces` and `namespaceSelectors`, by name); the default Subnet.
 */
function primarySubnets(pod: Pod, view: ModelView): Subnet[] | string {
  const annotations = pod.metadata.annotations ?? {};
  const explicit = annotations[POD_SUBNET_ANNOTATION];
  if (explicit) return named(view, explicit);
  const poolRequest = annotations[nicAnnotation(OVN_PROVIDER, 'ip_pool')];
  const request = poolRequest ? parseIpPoolAnnotation(poolRequest) : undefined;
  if (request?.kind === 'pool') {
    const pool = view.get(IPPOOL, '', request.name);
    return pool ? named(view, pool.spec?.subnet ?? '') : `IPPool ${request.name} does not exist (yet)`;
  }
  const namespace = pod.metadata.namespace ?? '';
  const listed = view.get(NAMESPACE, '', namespace)?.metadata.annotations?.[POD_SUBNET_ANNOTATION];
  if (listed) {
    const subnets = listed.split(',').flatMap((name) => view.get(SUBNET, '', name.trim()) ?? []);
    if (subnets.length > 0) return subnets;
  }
  const labels = labelsOfNamespace(view, namespace);
  const bound = new Map<string, Subnet>();
  for (const subnet of view.byIndex(SUBNET, SUBNETS_BY_NAMESPACE, namespace))
    bound.set(subnet.metadata.name ?? '', subnet);
  for (const subnet of view.list(SUBNET)) {
    if (subnet.spec?.namespaceSelectors?.some((selector) => selectorMatches(selector, labels))) {
      bound.set(subnet.metadata.name ?? '', subnet);
    }
  }
  if (bound.size > 0) return [...bound.values()].sort(byName);
  const fallback = [...view.byIndex(SUBNET, DEFAULT_SUBNETS, '')].sort(
    (a, b) => Number(b.spec?.default === true) - Number(a.spec?.default === true) || byName(a, b),
  );
  return fallback.length > 0 ? fallback.slice(0, 1) : 'no default Subnet exists (yet)';
}

function attachmentNic(pod: Pod, ref: { namespace: string; name: string }, view: ModelView): Nic | undefined {
  const namespace = pod.metadata.namespace ?? '';
  const podName = pod.metadata.name ?? '';
  const nad = view.get(NETWORK_ATTACHMENT_DEFINITION, ref.namespace, ref.name);
  const described = `NetworkAttachmentDefinition ${ref.namespace}/${ref.name}`;
  if (!nad) {
    const provider = kubeOvnCniProvider(ref);
    const owner = portName(podName, namespace, provider);
    return {
      provider,
      owner,
      ovn: true,
      primary: false,
      subnets: [],
      problem: `${described} does not exist (yet)`,
    };
  }
  const parsed = parseAttachmentConfig(nad.spec?.config ?? '');
  if (!parsed.ok) return undefined;
  const plugins = parsed.config.plugins;
  const ovn = plugins.some((plugin) => plugin.type === 'kube-ovn');
  if (!ovn && !plugins.some((plugin) => plugin.ipam?.type === 'kube-ovn')) return undefined;
  const provider = ovn ? kubeOvnCniProvider(ref) : kubeOvnIpamProvider(ref);
  const owner = portName(podName, namespace, provider);
  const explicit = pod.metadata.annotations?.[nicAnnotation(provider, 'logical_switch')];
  const subnets = explicit
    ? named(view, explicit)
    : [...view.byIndex(SUBNET, SUBNETS_BY_PROVIDER, provider)].sort(byName).slice(0, 1);
  if (typeof subnets === 'string')
    return { provider, owner, ovn, primary: false, subnets: [], problem: subnets };
  if (subnets.length === 0) {
    return {
      provider,
      owner,
      ovn,
      primary: false,
      subnets,
      problem: `provider ${provider} is not bound to any Subnet`,
    };
  }
  return { provider, owner, ovn, primary: false, subnets };
}

/** The NetworkAttachmentDefinitions a Pod's `k8s.v1.cni.cncf.io/networks` names. */
export function podNetworkRefs(pod: Pod): { namespace: string; name: string }[] {
  const networks = pod.metadata.annotations?.[MULTUS_NETWORKS_ANNOTATION];
  const parsed = networks ? parseNetworksAnnotation(networks, pod.metadata.namespace ?? '') : undefined;
  return parsed?.ok ? parsed.refs : [];
}

/** The Pod's NICs that take Kube-OVN addresses, the primary one first, then its attachments in order. */
export function podNics(pod: Pod, view: ModelView): Nic[] {
  const namespace = pod.metadata.namespace ?? '';
  const primarySubnet = primarySubnets(pod, view);
  const primary: Nic = {
    provider: OVN_PROVIDER,
    owner: portName(pod.metadata.name ?? '', namespace, OVN_PROVIDER),
    ovn: true,
    primary: true,
    subnets: typeof primarySubnet === 'string' ? [] : primarySubnet,
    ...(typeof primarySubnet === 'string' ? { problem: primarySubnet } : {}),
  };
  const seen = new Set<string>();
  const attachments: Nic[] = [];
  for (const ref of podNetworkRefs(pod)) {
    const nic = attachmentNic(pod, ref, view);
    if (!nic || seen.has(nic.provider)) continue;
    seen.add(nic.provider);
    attachments.push(nic);
  }
  return [primary, ...attachments];
}
