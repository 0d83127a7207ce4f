import { array, dig, record, text } from '../../../shared/kube/fields.js';
import type { KubeObject } from '../../../shared/kube/object.js';

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

/** `spec.targetRefs` plus the older single `spec.targetRef`. */
export function targetRefsOf(policy: KubeObject): PolicyTargetRef[] {
  const namespace = policy.metadata.namespace ?? '';
  const single = dig(policy, 'spec', 'targetRef');
  const refs = [...array(dig(policy, 'spec', 'targetRefs')), ...(single === undefined ? [] : [single])];
  return refs.flatMap((value, index) => {
    const r = record(value);
    const name = text(r?.name);
    const kind = text(r?.kind);
    if (!r || name === undefined || kind === undefined) return [];
    return [
      {
        index,
        group: text(r.group) ?? '',
        kind,
        name,
        namespace,
        sectionName: text(r.sectionName),
        explicitNamespace: text(r.namespace),
      },
    ];
  });
}

/** Identity of a target at one attachment level (object, or one section of it). */
export function targetKey(ref: PolicyTargetRef): string {
  return `${ref.group}/${ref.kind}/${ref.namespace}/${ref.name}#${ref.sectionName ?? ''}`;
}

export function targetFieldPath(policy: KubeObject, ref: PolicyTargetRef): string {
  return Array.isArray(dig(policy, 'spec', 'targetRefs')) &&
    ref.index < array(dig(policy, 'spec', 'targetRefs')).length
    ? `spec.targetRefs[${ref.index}]`
    : 'spec.targetRef';
}

export function describeTarget(ref: PolicyTargetRef): string {
  const section = ref.sectionName ? ` section "${ref.sectionName}"` : '';
  return `${ref.kind} ${ref.namespace}/${ref.name}${section}`;
}
