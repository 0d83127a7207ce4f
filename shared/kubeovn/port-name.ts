import { OVN_PROVIDER } from '../kube/keys/kubeovn.js';

/**
 * The name of a NIC's logical switch port and IP object: `<pod>.<namespace>` for the primary NIC,
 * `<pod>.<namespace>.<provider>` for the others (kube-ovn ovs.PodNameToPortName).
 */
export function portName(pod: string, namespace: string, provider: string): string {
  return provider === OVN_PROVIDER ? `${pod}.${namespace}` : `${pod}.${namespace}.${provider}`;
}
