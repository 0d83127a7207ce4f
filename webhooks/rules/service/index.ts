import { SERVICE } from '../../../shared/kube/schemas/core.js';
import { IP_ADDRESS_POOL } from '../../../shared/kube/schemas/metallb.js';
import { poolRangeIndex } from '../metallb/indexes.js';
import type { RuleFamily } from '../types.js';
import { serviceCloudAnnotationsRule } from './cloud-annotations.js';
import { loadBalancerIpIndex, nodePortIndex } from './indexes.js';
import { serviceIpSharingRule } from './ip-sharing.js';
import { serviceMetallbAnnotationsRule } from './metallb-annotations.js';
import { servicePortsRule } from './ports.js';

/** Core Services: node ports, traffic policy, MetalLB address requests, cloud LoadBalancer annotations. */
export const serviceFamily: RuleFamily = {
  name: 'service',
  rules: [servicePortsRule, serviceMetallbAnnotationsRule, serviceIpSharingRule, serviceCloudAnnotationsRule],
  mutators: [],
  equalityIndexes: [nodePortIndex, loadBalancerIpIndex],
  rangeIndexes: [poolRangeIndex],
  reads: [SERVICE, IP_ADDRESS_POOL],
};
