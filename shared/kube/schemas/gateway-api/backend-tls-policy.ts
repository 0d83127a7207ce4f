import { z } from 'zod';
import { kubeObject } from '../meta.js';
import {
  group,
  kind,
  looseStatus,
  objectName,
  preciseHostname,
  sectionName,
  wildcardHostnamePattern,
} from './common.js';

export const policyTargetReference = z.strictObject({
  group,
  kind,
  name: objectName,
  sectionName: sectionName.optional(),
});
export type PolicyTargetReference = z.infer<typeof policyTargetReference>;

/** Several references to one target must each name a distinct sectionName (upstream CEL on targetRefs). */
export function refineTargetRefs(refs: readonly PolicyTargetReference[], ctx: z.RefinementCtx) {
  const firstByTarget = new Map<string, PolicyTargetReference>();
  const seen = new Set<string>();
  refs.forEach((ref, i) => {
    const target = `${ref.group}|${ref.kind}|${ref.name}`;
    const first = firstByTarget.get(target);
    if (first === undefined) firstByTarget.set(target, ref);
    else if ((first.sectionName === undefined) !== (ref.sectionName === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [i, 'sectionName'],
        message:
          'sectionName must be specified when targetRefs includes 2 or more references to the same target',
      });
    }
    const key = `${target}|${ref.sectionName ?? ''}`;
    if (seen.has(key)) {
      ctx.addIssue({
        code: 'custom',
        path: [i],
        message:
          'sectionName must be unique when targetRefs includes 2 or more references to the same target',
      });
    }
    seen.add(key);
  });
}

const subjectAltName = z
  .strictObject({
    type: z.enum(['Hostname', 'URI']),
    hostname: z
      .string()
      .min(1)
      .max(253)
      .regex(wildcardHostnamePattern, 'must be a lowercase RFC 1123 hostname')
      .optional(),
    uri: z
      .string()
      .min(1)
      .max(253)
      .regex(/^(([^:/?#]+):)(\/\/([^/?#]*))([^?#]*)(\?([^#]*))?(#(.*))?/, 'must be an absolute URI')
      .optional(),
  })
  .superRefine((san, ctx) => {
    for (const [type, field] of [
      ['Hostname', 'hostname'],
      ['URI', 'uri'],
    ] as const) {
      const has = san[field] !== undefined && san[field] !== '';
      if (san.type === type && !has) {
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: `SubjectAltName element must contain ${type}, if Type is set to ${type}`,
        });
      }
      if (san.type !== type && has) {
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: `SubjectAltName element must not contain ${type}, if Type is not set to ${type}`,
        });
      }
    }
  });

export const backendTlsValidation = z
  .strictObject({
    caCertificateRefs: z
      .array(z.strictObject({ group, kind, name: objectName }))
      .max(8)
      .optional(),
    wellKnownCACertificates: z
      .string()
      .min(1)
      .max(253)
      .regex(
        /^(System|([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9]))$/,
        'must be System or a domain-prefixed name',
      )
      .optional(),
    hostname: preciseHostname,
    subjectAltNames: z.array(subjectAltName).max(5).optional(),
  })
  .superRefine((v, ctx) => {
    const hasRefs = (v.caCertificateRefs?.length ?? 0) > 0;
    const hasWellKnown = v.wellKnownCACertificates !== undefined && v.wellKnownCACertificates !== '';
    if (hasRefs && hasWellKnown) {
      ctx.addIssue({
        code: 'custom',
        path: ['wellKnownCACertificates'],
        message: 'must not contain both CACertificateRefs and WellKnownCACertificates',
      });
    }
    if (!hasRefs && !hasWellKnown) {
      ctx.addIssue({
        code: 'custom',
        path: ['caCertificateRefs'],
        message: 'must specify either CACertificateRefs or WellKnownCACertificates',
      });
    }
  });

export const backendTlsPolicySpec = z.strictObject({
  targetRefs: z.array(policyTargetReference).min(1).max(16).superRefine(refineTargetRefs),
  validation: backendTlsValidation,
  options: z
    .record(z.string(), z.string().max(4096))
    .refine((o) => Object.keys(o).length <= 16, 'must have at most 16 entries')
    .optional(),
});

const body = { spec: backendTlsPolicySpec, status: looseStatus };
const prefix = 'gateway.networking.k8s.io';

export const backendTlsPolicyV1 = kubeObject(`${prefix}/v1`, 'BackendTLSPolicy', body);
export const backendTlsPolicyV1alpha3 = kubeObject(`${prefix}/v1alpha3`, 'BackendTLSPolicy', body);
/** Not served upstream in this shape; Envoy Gateway's tests write v1alpha3 objects under this version. */
export const backendTlsPolicyV1alpha2 = kubeObject(`${prefix}/v1alpha2`, 'BackendTLSPolicy', body);

export type BackendTLSPolicy =
  | z.infer<typeof backendTlsPolicyV1>
  | z.infer<typeof backendTlsPolicyV1alpha3>
  | z.infer<typeof backendTlsPolicyV1alpha2>;
export type BackendTLSPolicySpec = z.infer<typeof backendTlsPolicySpec>;
