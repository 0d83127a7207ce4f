import { z } from 'zod';

const dnsSubdomain = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const qualifiedNamePart = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const labelValue = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** A label or annotation key: optional DNS-subdomain prefix (≤253) and a name (≤63). */
export function isQualifiedName(key: string): boolean {
  const slash = key.lastIndexOf('/');
  const prefix = slash < 0 ? undefined : key.slice(0, slash);
  const name = slash < 0 ? key : key.slice(slash + 1);
  if (prefix !== undefined && (prefix.length === 0 || prefix.length > 253 || !dnsSubdomain.test(prefix))) {
    return false;
  }
  return name.length > 0 && name.length <= 63 && qualifiedNamePart.test(name);
}

export const objectName = z
  .string()
  .min(1)
  .max(253)
  .regex(dnsSubdomain, 'must be a lowercase RFC 1123 subdomain');

const labels = z.record(z.string(), z.string()).superRefine((value, ctx) => {
  for (const [key, v] of Object.entries(value)) {
    if (!isQualifiedName(key)) {
      ctx.addIssue({ code: 'custom', path: [key], message: `invalid label key ${JSON.stringify(key)}` });
    }
    if (v.length > 63 || !labelValue.test(v)) {
      ctx.addIssue({ code: 'custom', path: [key], message: `invalid label value ${JSON.stringify(v)}` });
    }
  }
});

const annotations = z.record(z.string(), z.string()).superRefine((value, ctx) => {
  for (const key of Object.keys(value)) {
    if (!isQualifiedName(key)) {
      ctx.addIssue({ code: 'custom', path: [key], message: `invalid annotation key ${JSON.stringify(key)}` });
    }
  }
});

/**
 * ObjectMeta as the API server accepts it. Fields the server manages (managedFields, uid, ...) are
 * accepted loosely: they come back on every UPDATE review.
 */
export const objectMeta = z.strictObject({
  name: objectName.optional(),
  generateName: z.string().optional(),
  namespace: z.string().max(63).optional(),
  uid: z.string().optional(),
  resourceVersion: z.string().optional(),
  generation: z.number().int().optional(),
  creationTimestamp: z.string().nullable().optional(),
  deletionTimestamp: z.string().nullable().optional(),
  deletionGracePeriodSeconds: z.number().int().nullable().optional(),
  labels: labels.optional(),
  annotations: annotations.optional(),
  ownerReferences: z
    .array(
      z.looseObject({
        apiVersion: z.string(),
        kind: z.string(),
        name: z.string(),
        uid: z.string(),
        controller: z.boolean().optional(),
        blockOwnerDeletion: z.boolean().optional(),
      }),
    )
    .optional(),
  finalizers: z.array(z.string()).optional(),
  managedFields: z.array(z.looseObject({})).optional(),
  selfLink: z.string().optional(),
});

/** The envelope every object shares; `body` holds the kind's own top-level fields (spec, status, data...). */
export function kubeObject<Shape extends z.ZodRawShape>(apiVersion: string, kind: string, body: Shape) {
  return z.strictObject({
    apiVersion: z.literal(apiVersion),
    kind: z.literal(kind),
    metadata: objectMeta,
    ...body,
  });
}
