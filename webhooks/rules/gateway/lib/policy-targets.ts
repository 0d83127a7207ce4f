import type { BackendTrafficPolicy } from '../../../../shared/kube/schemas/envoy-gateway/backend-traffic-policy.js';
import type { ClientTrafficPolicy } from '../../../../shared/kube/schemas/envoy-gateway/client-traffic-policy.js';
import type { SecurityPolicy } from '../../../../shared/kube/schemas/envoy-gateway/security-policy.js';
import type { BackendTLSPolicy } from '../../../../shared/kube/schemas/gateway-api/backend-tls-policy.js';

/** The policies that attach to Gateways, routes or Services through target references. */
export type AttachedPolicy = SecurityPolicy | ClientTrafficPolicy | BackendTrafficPolicy | BackendTLSPolicy;

/**
 * A target reference as policies write it. The schemas have no `namespace` (policies attach within
 * their own namespace); older API versions had one, so a reference naming one is refused by name.
 */
interface TargetReference {
  group: string;
  kind: string;
  name: string;
  sectionName?: string;
  namespace?: string;
}

export interface PolicyTargetRef {
  index: number;
  group: string;
  kind: string;
  name: string;
  /** Policies attach within their own namespace. */
  namespace: string;
  sectionName: string | undefined;
  /** Set when the ref names a namespace (which the platform does not allow to differ). */
  explicitNamespace: string | undefined;
}

function listedRefs(policy: AttachedPolicy): readonly TargetReference[] | undefined {
  return policy.spec.targetRefs;
}

function singleRef(policy: AttachedPolicy): TargetReference | undefined {
  return 'targetRef' in policy.spec ? policy.spec.targetRef : undefined;
}

/** `spec.targetRefs` plus the older single `spec.targetRef`. */
export function targetRefsOf(policy: AttachedPolicy): PolicyTargetRef[] {
  const namespace = policy.metadata.namespace ?? '';
  const single = singleRef(policy);
  const refs = [...(listedRefs(policy) ?? []), ...(single === undefined ? [] : [single])];
  return refs.map((ref, index) => ({
    index,
    group: ref.group,
    kind: ref.kind,
    name: ref.name,
    namespace,
    sectionName: ref.sectionName,
    explicitNamespace: ref.namespace,
  }));
}

/** Identity of a target at one attachment level (object, or one section of it). */
export function targetKey(ref: PolicyTargetRef): string {
  return `${ref.group}/${ref.kind}/${ref.namespace}/${ref.name}#${ref.sectionName ?? ''}`;
}

export function targetFieldPath(policy: AttachedPolicy, ref: PolicyTargetRef): string {
  return ref.index < (listedRefs(policy)?.length ?? 0) ? `spec.targetRefs[${ref.index}]` : 'spec.targetRef';
}

export function describeTarget(ref: PolicyTargetRef): string {
  const section = ref.sectionName ? ` section "${ref.sectionName}"` : '';
  return `${ref.kind} ${ref.namespace}/${ref.name}${section}`;
}
