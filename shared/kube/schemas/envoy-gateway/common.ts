import { z } from 'zod';
import {
  duration,
  group,
  kind,
  labelSelector,
  namespace,
  objectName,
  portNumber,
  sectionName,
} from '../gateway-api/common.js';
import { refineServicePort } from '../gateway-api/references.js';

/** Pieces the Envoy Gateway policy kinds share: target selection, quantities, TLS versions, backend refs. */

export const policyTargetRef = z.strictObject({
  group,
  kind,
  name: objectName,
  sectionName: sectionName.optional(),
});
export type PolicyTargetRef = z.infer<typeof policyTargetRef>;

export const policyTargetSelector = z
  .strictObject({
    group: group.optional(),
    kind,
    matchLabels: z.record(z.string(), z.string()).optional(),
    matchExpressions: labelSelector.shape.matchExpressions,
    namespaces: z
      .strictObject({ from: z.enum(['Same', 'All', 'Selector']), selector: labelSelector.optional() })
      .superRefine((ns, ctx) => {
        if (ns.from === 'Selector' && ns.selector === undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['selector'],
            message: 'selector must be specified when from is Selector',
          });
        }
      })
      .optional(),
  })
  .superRefine((sel, ctx) => {
    if (sel.group !== undefined && sel.group !== 'gateway.networking.k8s.io') {
      ctx.addIssue({ code: 'custom', path: ['group'], message: 'group must be gateway.networking.k8s.io' });
    }
  });

/** The target fields every policy has; `targetRef` is the deprecated single form. */
export const policyTargetShape = {
  targetRef: policyTargetRef.optional(),
  targetRefs: z.array(policyTargetRef).optional(),
  targetSelectors: z.array(policyTargetSelector).optional(),
};

interface PolicyTargets {
  targetRef?: PolicyTargetRef;
  targetRefs?: PolicyTargetRef[];
  targetSelectors?: unknown[];
}

/** The CRD rules on targets: one of targetRef/targetRefs (or selectors), Gateway API group, allowed kinds. */
export function refinePolicyTargets(
  policy: PolicyTargets,
  allowedKinds: readonly string[],
  ctx: z.RefinementCtx,
) {
  const hasSelectors = (policy.targetSelectors?.length ?? 0) > 0;
  const single = policy.targetRef !== undefined;
  const multiple = policy.targetRefs !== undefined;
  if (single === multiple && !hasSelectors) {
    ctx.addIssue({
      code: 'custom',
      path: multiple ? ['targetRef'] : ['targetRefs'],
      message: 'either targetRef or targetRefs must be used',
    });
  }
  const refs: [PropertyKey[], PolicyTargetRef][] = [
    ...(policy.targetRef ? [[['targetRef'], policy.targetRef] as [PropertyKey[], PolicyTargetRef]] : []),
    ...(policy.targetRefs ?? []).map((r, i) => [['targetRefs', i], r] as [PropertyKey[], PolicyTargetRef]),
  ];
  for (const [path, ref] of refs) {
    if (ref.group !== 'gateway.networking.k8s.io') {
      ctx.addIssue({
        code: 'custom',
        path: [...path, 'group'],
        message: 'this policy can only target group gateway.networking.k8s.io',
      });
    }
    if (!allowedKinds.includes(ref.kind)) {
      ctx.addIssue({
        code: 'custom',
        path: [...path, 'kind'],
        message: `this policy can only target kinds ${allowedKinds.join('/')} (got ${ref.kind})`,
      });
    }
  }
}

/** mergeType is only meaningful for route targets, and Replace is not accepted. */
export function refineMergeType(
  policy: PolicyTargets & { mergeType?: string },
  routeKinds: readonly string[],
  ctx: z.RefinementCtx,
) {
  if (policy.mergeType === undefined) return;
  if (policy.mergeType === 'Replace') {
    ctx.addIssue({
      code: 'custom',
      path: ['mergeType'],
      message: 'Replace is not a valid MergeType for this policy',
    });
  }
  const refs = [...(policy.targetRef ? [policy.targetRef] : []), ...(policy.targetRefs ?? [])];
  if (refs.some((r) => !routeKinds.includes(r.kind))) {
    ctx.addIssue({
      code: 'custom',
      path: ['mergeType'],
      message: 'mergeType can only be used with xRoute targets',
    });
  }
}

export const mergeType = z.enum(['StrategicMerge', 'JSONMerge', 'Replace']);

const quantityPattern =
  /^(\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))))?$/;
/** A Kubernetes resource quantity (`100M`, `1Gi`, `512`), as a number or a string. */
export const quantity = z.union([
  z.int().min(0),
  z.string().regex(quantityPattern, 'must be a Kubernetes quantity such as 100M or 1Gi'),
]);

export const tlsVersion = z.enum(['Auto', '1.0', '1.1', '1.2', '1.3']);

const minOrder: Record<string, number> = { Auto: 0, '1.0': 1, '1.1': 2, '1.2': 3, '1.3': 4 };
const maxOrder: Record<string, number> = { '1.0': 1, '1.1': 2, '1.2': 3, '1.3': 4, Auto: 5 };

/** The CRD rules on TLS versions (ClientTrafficPolicy.tls and EnvoyProxy.backendTLS). */
export function refineTlsVersions(
  tls: { minVersion?: string; maxVersion?: string; ciphers?: string[] },
  ctx: z.RefinementCtx,
) {
  if (tls.minVersion === '1.3' && tls.ciphers !== undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['ciphers'],
      message: 'setting ciphers has no effect if the minimum possible TLS version is 1.3',
    });
  }
  if (tls.maxVersion === undefined) return;
  const min = tls.minVersion === undefined ? 3 : (minOrder[tls.minVersion] ?? 0);
  if (min > (maxOrder[tls.maxVersion] ?? 5)) {
    ctx.addIssue({
      code: 'custom',
      path: ['minVersion'],
      message: `minVersion must be smaller or equal to maxVersion (${tls.minVersion ?? '1.2 by default'} > ${tls.maxVersion})`,
    });
  }
}

export const tlsSettingsShape = {
  minVersion: tlsVersion.optional(),
  maxVersion: tlsVersion.optional(),
  ciphers: z.array(z.string()).optional(),
  ecdhCurves: z.array(z.string()).optional(),
  signatureAlgorithms: z.array(z.string()).optional(),
  alpnProtocols: z.array(z.string()).optional(),
  fingerprints: z.array(z.enum(['JA3', 'JA4'])).optional(),
};

/** A backend reference of Envoy Gateway (Service, ServiceImport or Backend), with the Service-port rule. */
export const egBackendRef = z
  .strictObject({
    group: group.optional(),
    kind: kind.optional(),
    name: objectName,
    namespace: namespace.optional(),
    port: portNumber.optional(),
    weight: z.int().min(0).optional(),
  })
  .superRefine(refineServicePort);

export const tcpKeepalive = z.strictObject({
  probes: z.int().min(0).optional(),
  idleTime: duration.optional(),
  interval: duration.optional(),
});

const ipv4Cidr = z.cidrv4();
const ipv6Cidr = z.cidrv6();
/** An IPv4 or IPv6 CIDR such as 10.0.0.0/8 or 2001:db8::/32. */
export const cidr = z.string().refine((v) => ipv4Cidr.safeParse(v).success || ipv6Cidr.safeParse(v).success, {
  message: 'must be an IPv4 or IPv6 CIDR such as 10.0.0.0/8',
});

export const httpMethodNames = [
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'DELETE',
  'CONNECT',
  'OPTIONS',
  'TRACE',
  'PATCH',
] as const;
