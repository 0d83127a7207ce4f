import { z } from 'zod';
import { kubeObject } from '../meta.js';
import { dnsSubdomainPattern, hostname, looseStatus, sectionName } from './common.js';
import { refineRuleNames } from './lists.js';
import { backendRef, parentRefs } from './references.js';

/** TLSRoute, TCPRoute and UDPRoute: routes that forward whole connections to backendRefs. */

export const l4RouteRule = z.strictObject({
  name: sectionName.optional(),
  backendRefs: z.array(backendRef).min(1).max(16),
});

/** v1 allows exactly one rule; the alpha versions allowed up to 16 with unique names. */
function l4Rules(maxRules: number) {
  return z.array(l4RouteRule).min(1).max(maxRules).superRefine(refineRuleNames);
}

const ipAddress = z.union([z.ipv4(), z.ipv6()]);

function refineTlsHostnames(hostnames: readonly string[], ctx: z.RefinementCtx) {
  hostnames.forEach((h, i) => {
    if (ipAddress.safeParse(h).success) {
      ctx.addIssue({ code: 'custom', path: [i], message: 'Hostnames cannot contain an IP' });
    }
    const rest = h.startsWith('*.') ? h.slice(2) : h;
    if (rest.includes('*') || !dnsSubdomainPattern.test(rest)) {
      ctx.addIssue({
        code: 'custom',
        path: [i],
        message:
          'Wildcards on hostnames must be the first label, and the rest of hostname must be valid based on RFC-1123',
      });
    }
  });
}

const tlsRouteSpecV1 = z.strictObject({
  parentRefs: parentRefs.optional(),
  hostnames: z.array(hostname).min(1).max(1024).superRefine(refineTlsHostnames),
  rules: l4Rules(1),
  useDefaultGateways: z.enum(['All', 'None']).optional(),
});

const tlsRouteSpecV1alpha2 = z.strictObject({
  parentRefs: parentRefs.optional(),
  hostnames: z.array(hostname).max(1024).optional(),
  rules: l4Rules(16),
  useDefaultGateways: z.enum(['All', 'None']).optional(),
});

const streamRouteSpec = (maxRules: number) =>
  z.strictObject({
    parentRefs: parentRefs.optional(),
    rules: l4Rules(maxRules),
    useDefaultGateways: z.enum(['All', 'None']).optional(),
  });

const group = 'gateway.networking.k8s.io';

export const tlsRouteV1 = kubeObject(`${group}/v1`, 'TLSRoute', {
  spec: tlsRouteSpecV1,
  status: looseStatus,
});
export const tlsRouteV1alpha3 = kubeObject(`${group}/v1alpha3`, 'TLSRoute', {
  spec: tlsRouteSpecV1,
  status: looseStatus,
});
export const tlsRouteV1alpha2 = kubeObject(`${group}/v1alpha2`, 'TLSRoute', {
  spec: tlsRouteSpecV1alpha2,
  status: looseStatus,
});

export const tcpRouteV1 = kubeObject(`${group}/v1`, 'TCPRoute', {
  spec: streamRouteSpec(1),
  status: looseStatus,
});
export const tcpRouteV1alpha2 = kubeObject(`${group}/v1alpha2`, 'TCPRoute', {
  spec: streamRouteSpec(16),
  status: looseStatus,
});
export const udpRouteV1 = kubeObject(`${group}/v1`, 'UDPRoute', {
  spec: streamRouteSpec(1),
  status: looseStatus,
});
export const udpRouteV1alpha2 = kubeObject(`${group}/v1alpha2`, 'UDPRoute', {
  spec: streamRouteSpec(16),
  status: looseStatus,
});

export type TLSRoute =
  | z.infer<typeof tlsRouteV1>
  | z.infer<typeof tlsRouteV1alpha3>
  | z.infer<typeof tlsRouteV1alpha2>;
export type TCPRoute = z.infer<typeof tcpRouteV1> | z.infer<typeof tcpRouteV1alpha2>;
export type UDPRoute = z.infer<typeof udpRouteV1> | z.infer<typeof udpRouteV1alpha2>;
export type L4RouteRule = z.infer<typeof l4RouteRule>;
