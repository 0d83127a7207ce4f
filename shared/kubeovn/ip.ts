import type { IP } from '../kube/schemas/kubeovn.js';
import type { Pod } from '../kube/schemas/workloads.js';
import { canonicalAddresses } from './addresses.js';

/** The canonical addresses an IP object records (ipAddress, v4IpAddress, v6IpAddress), once each. */
export function ipAddresses(ip: IP): string[] {
  const spec = ip.spec;
  const all = [spec?.ipAddress, spec?.v4IpAddress, spec?.v6IpAddress].flatMap((text) =>
    canonicalAddresses(text),
  );
  return [...new Set(all)];
}

/** Whether an IP object records an address of `pod`. */
export function ipHeldBy(ip: IP, pod: Pod): boolean {
  return ip.spec?.podName === pod.metadata.name && ip.spec?.namespace === pod.metadata.namespace;
}
