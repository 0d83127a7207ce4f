import { albFamily } from './alb/index.js';
import { certificatesFamily } from './certificates/index.js';
import { gatewayFamily } from './gateway/index.js';
import { ingressFamily } from './ingress/index.js';
import { keepalivedFamily } from './keepalived/index.js';
import { kubeovnFamily } from './kubeovn/index.js';
import { metallbFamily } from './metallb/index.js';
import { routeFamily } from './route/index.js';
import { serviceFamily } from './service/index.js';
import type { RuleFamily } from './types.js';

/** Every rule family the webhook and `acpnet validate` run. Add a family here to register it. */
export const ruleFamilies: readonly RuleFamily[] = [
  gatewayFamily,
  kubeovnFamily,
  certificatesFamily,
  metallbFamily,
  serviceFamily,
  ingressFamily,
  albFamily,
  keepalivedFamily,
  routeFamily,
];
