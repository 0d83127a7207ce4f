import type { ModelView } from '../../../../shared/kube/model/model-view.js';
import { SUBNET, type Subnet } from '../../../../shared/kube/schemas/kubeovn.js';
import type { Pod } from '../../../../shared/kube/schemas/workloads.js';
import { requestedSubnet } from '../../../../shared/kubeovn/pod-annotations.js';
import { SUBNET_DEFAULT_INDEX, SUBNET_NAMESPACE_INDEX, SUBNET_PROVIDER_INDEX } from '../indexes.js';

/** The subnet an address for `provider` comes from: explicit, namespace-bound or default (primary). */
export function subnetFor(pod: Pod, provider: string, view: ModelView): Subnet | undefined {
  const explicit = requestedSubnet(pod, provider);
  if (explicit) return view.get(SUBNET, '', explicit);
  if (provider !== 'ovn') return view.byIndex(SUBNET, SUBNET_PROVIDER_INDEX, provider)[0];
  const bound = view.byIndex(SUBNET, SUBNET_NAMESPACE_INDEX, pod.metadata.namespace ?? '')[0];
  return bound ?? view.byIndex(SUBNET, SUBNET_DEFAULT_INDEX, 'true')[0];
}
