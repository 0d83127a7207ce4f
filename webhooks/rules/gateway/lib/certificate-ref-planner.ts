import type { Listener, ObjectRef } from '../../../../shared/gateway/listeners.js';
import { type GrantFrom, referenceGrantAllows } from '../../../../shared/gateway/reference-grants.js';
import type { Secret } from '../../../../shared/kube/schemas/core.js';
import type { ReferenceGrant } from '../../../../shared/kube/schemas/gateway-api/reference-grant.js';
import { unsupportedAllowedKinds } from './route-kinds.js';

/** Keys a listener certificate Secret lacks of tls.crt and tls.key (their content is judged elsewhere). */
export function missingTlsKeys(secret: Secret): string[] {
  const data = { ...secret.data, ...secret.stringData };
  return ['tls.crt', 'tls.key'].filter((k) => !data[k]);
}

export type CertificateRefVerdict = 'NotASecret' | 'RefNotPermitted' | 'Permitted';

/** ReferenceGrants of one namespace. */
export type GrantsIn = (namespace: string) => readonly ReferenceGrant[];

/**
 * Whether a listener may use a certificate reference: core Secrets only, and a Secret of another
 * namespace only with a ReferenceGrant there for `from` (the Gateway or ListenerSet).
 */
export function judgeCertificateRef(
  ref: ObjectRef,
  from: GrantFrom,
  grantsIn: GrantsIn,
): { verdict: CertificateRefVerdict; namespace: string } {
  const namespace = ref.namespace ?? from.namespace;
  if ((ref.group ?? '') !== '' || (ref.kind ?? 'Secret') !== 'Secret')
    return { verdict: 'NotASecret', namespace };
  if (namespace === from.namespace) return { verdict: 'Permitted', namespace };
  const allowed = referenceGrantAllows(grantsIn(namespace), from, {
    group: '',
    kind: 'Secret',
    name: ref.name,
  });
  return { verdict: allowed ? 'Permitted' : 'RefNotPermitted', namespace };
}

export type ListenerRefsVerdict =
  | 'ResolvedRefs'
  | 'InvalidRouteKinds'
  | 'RefNotPermitted'
  | 'InvalidCertificateRef'
  | 'PartiallyInvalidCertificateRef';

/**
 * The ResolvedRefs condition of a listener: route kinds first, then certificates (a reference
 * not permitted wins; all certificates unusable is Invalid, some is PartiallyInvalid).
 * `secretUsable` says whether a Secret exists and holds tls.crt and tls.key.
 */
export function listenerRefsVerdict(
  listener: Listener,
  from: GrantFrom,
  grantsIn: GrantsIn,
  secretUsable: (namespace: string, name: string) => boolean,
): ListenerRefsVerdict {
  if (unsupportedAllowedKinds(listener).length > 0) return 'InvalidRouteKinds';
  const refs =
    listener.protocol === 'HTTPS' || listener.protocol === 'TLS' ? (listener.tls?.certificateRefs ?? []) : [];
  const verdicts = refs.map((ref) => {
    const judged = judgeCertificateRef(ref, from, grantsIn);
    if (judged.verdict !== 'Permitted') return judged.verdict;
    return secretUsable(judged.namespace, ref.name) ? 'Permitted' : 'Unusable';
  });
  if (verdicts.includes('RefNotPermitted')) return 'RefNotPermitted';
  const usable = verdicts.filter((v) => v === 'Permitted').length;
  if (usable === verdicts.length) return 'ResolvedRefs';
  return usable === 0 ? 'InvalidCertificateRef' : 'PartiallyInvalidCertificateRef';
}
