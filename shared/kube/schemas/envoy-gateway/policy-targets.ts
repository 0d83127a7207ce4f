import { z } from 'zod';
import { group, kind, labelSelector, objectName, sectionName } from '../gateway-api/common.js';

/** How an Envoy Gateway policy names what it applies to: targetRef(s) and targetSelectors, with the CRD rules. */

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
