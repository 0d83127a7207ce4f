import { isIP } from 'node:net';
import { albAddress } from '../../shared/alb/settings.js';
import type { ALB2 } from '../../shared/kube/schemas/alb.js';

export interface LoadBalancerIngress {
  ip?: string;
  hostname?: string;
}

/** The addresses of the ALBs (spec.address, comma separated), as Ingress status entries, de-duplicated. */
export function loadBalancerIngressOf(albs: readonly ALB2[]): LoadBalancerIngress[] {
  const seen = new Set<string>();
  const out: LoadBalancerIngress[] = [];
  for (const alb of albs) {
    for (const raw of albAddress(alb).split(',')) {
      const address = raw.trim();
      if (!address || seen.has(address)) continue;
      seen.add(address);
      out.push(isIP(address) !== 0 ? { ip: address } : { hostname: address });
    }
  }
  return out;
}
