import { SERVICE } from '../../../shared/kube/schemas/core.js';
import type { RuleFamily } from '../types.js';
import { serviceCloudAnnotationsRule } from './cloud-annotations.js';
import { nodePortIndex } from './indexes.js';
import { servicePortsRule } from './ports.js';

/** Core Services: node ports, traffic policy, cloud providers' LoadBalancer annotations. */
export const serviceFamily: RuleFamily = {
  name: 'service',
  rules: [servicePortsRule, serviceCloudAnnotationsRule],
  mutators: [],
  equalityIndexes: [nodePortIndex],
  reads: [SERVICE],
};
