import { z } from 'zod';

/** Field types shared by the Gateway API kinds, with the limits and patterns of the upstream CRDs. */

const dnsSubdomainBody = '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*';
export const dnsSubdomainPattern = new RegExp(`^${dnsSubdomainBody}$`);
export const wildcardHostnamePattern = new RegExp(`^(\\*\\.)?${dnsSubdomainBody}$`);
export const durationPattern = /^([0-9]{1,5}(h|m|s|ms)){1,4}$/;
export const headerNamePattern = /^[A-Za-z0-9!#$%&'*+\-.^_`|~]+$/;
export const headerValuePattern = /^[!-~]+([\t ]?[!-~]+)*$/;
export const httpPathCharsPattern = /^(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|[%][0-9a-fA-F]{2})+$/;
export const controllerNamePattern = new RegExp(`^${dnsSubdomainBody}\\/[A-Za-z0-9\\/\\-._~%!$&'()*+,;=:]+$`);

/** A hostname that may start with a `*.` wildcard label (listeners, route hostnames). */
export const hostname = z
  .string()
  .min(1)
  .max(253)
  .regex(wildcardHostnamePattern, 'must be a lowercase RFC 1123 hostname, optionally prefixed by "*."');

/** A hostname without wildcard (redirect and rewrite targets, TLS validation). */
export const preciseHostname = z
  .string()
  .min(1)
  .max(253)
  .regex(dnsSubdomainPattern, 'must be a lowercase RFC 1123 hostname without wildcard');

export const group = z
  .string()
  .max(253)
  .regex(new RegExp(`^$|^${dnsSubdomainBody}$`), 'must be empty or a lowercase RFC 1123 subdomain');

export const kind = z
  .string()
  .min(1)
  .max(63)
  .regex(/^[a-zA-Z]([-a-zA-Z0-9]*[a-zA-Z0-9])?$/, 'must be a kind name: letters, digits and "-"');

export const objectName = z.string().min(1).max(253);

export const namespace = z
  .string()
  .min(1)
  .max(63)
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'must be a lowercase RFC 1123 label');

export const sectionName = z
  .string()
  .min(1)
  .max(253)
  .regex(dnsSubdomainPattern, 'must be a lowercase RFC 1123 subdomain');

export const portNumber = z.int().min(1).max(65535);

export const duration = z
  .string()
  .regex(durationPattern, 'must be a duration such as 1h, 10s or 500ms (^([0-9]{1,5}(h|m|s|ms)){1,4}$)');

export const headerName = z
  .string()
  .min(1)
  .max(256)
  .regex(headerNamePattern, 'must be a valid HTTP header name (RFC 7230 token)');

export const headerValue = z
  .string()
  .min(1)
  .max(4096)
  .regex(headerValuePattern, 'must be printable ASCII without leading, trailing or repeated whitespace');

/** Whatever the controller writes back; never judged by admission. */
export const looseStatus = z.looseObject({}).optional();

export const labelSelector = z.strictObject({
  matchLabels: z.record(z.string(), z.string()).optional(),
  matchExpressions: z
    .array(
      z.strictObject({
        key: z.string(),
        operator: z.string(),
        values: z.array(z.string()).optional(),
      }),
    )
    .optional(),
});

export const localObjectReference = z.strictObject({ group, kind, name: objectName });

export const secretObjectReference = z.strictObject({
  group: group.optional(),
  kind: kind.optional(),
  name: objectName,
  namespace: namespace.optional(),
});

export const objectReference = z.strictObject({
  group,
  kind,
  name: objectName,
  namespace: namespace.optional(),
});

export const parentReference = z.strictObject({
  group: group.optional(),
  kind: kind.optional(),
  namespace: namespace.optional(),
  name: objectName,
  sectionName: sectionName.optional(),
  port: portNumber.optional(),
});
export type ParentReference = z.infer<typeof parentReference>;

const backendObjectReferenceShape = {
  group: group.optional(),
  kind: kind.optional(),
  name: objectName,
  namespace: namespace.optional(),
  port: portNumber.optional(),
};

interface PortedReference {
  group?: string;
  kind?: string;
  port?: number;
}

/** A reference to a core Service (the default) needs a port: the Service has no single default one. */
export function refineServicePort(ref: PortedReference, ctx: z.RefinementCtx<PortedReference>) {
  if ((ref.group ?? '') === '' && (ref.kind ?? 'Service') === 'Service' && ref.port === undefined) {
    ctx.addIssue({ code: 'custom', path: ['port'], message: 'Must have port for Service reference' });
  }
}

export const backendObjectReference = z
  .strictObject(backendObjectReferenceShape)
  .superRefine(refineServicePort);
export type BackendObjectReference = z.infer<typeof backendObjectReference>;

/** A backendRef of a route: the object reference plus weight, and `filters` where the route kind has them. */
export function backendRefWith<Extra extends z.ZodRawShape>(extra: Extra) {
  return z
    .strictObject({
      ...backendObjectReferenceShape,
      weight: z.int().min(0).max(1000000).optional(),
      ...extra,
    })
    .superRefine((ref, ctx) =>
      refineServicePort(ref as PortedReference, ctx as z.RefinementCtx<PortedReference>),
    );
}

export const backendRef = backendRefWith({});
export type BackendRef = z.infer<typeof backendRef>;

/** Adds one issue per element whose key repeats an earlier element's key. */
export function requireUnique<T>(
  items: readonly T[],
  keyOf: (item: T) => string | undefined,
  ctx: z.RefinementCtx,
  pathOf: (index: number) => PropertyKey[],
  message: (key: string) => string,
) {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const key = keyOf(item);
    if (key === undefined) return;
    if (seen.has(key)) ctx.addIssue({ code: 'custom', path: pathOf(index), message: message(key) });
    seen.add(key);
  });
}

/** An array that is a set (x-kubernetes-list-type: set): duplicates are refused. */
export function setOf<T extends z.ZodType<string | number>>(item: T, maxItems?: number) {
  const base = maxItems === undefined ? z.array(item) : z.array(item).max(maxItems);
  return base.superRefine((values, ctx) =>
    requireUnique(
      values,
      (v) => String(v),
      ctx,
      (i) => [i],
      (v) => `duplicate value ${JSON.stringify(v)}`,
    ),
  );
}

/** An array keyed by `name` (x-kubernetes-list-type: map): names are unique. */
export function mapListByName<T extends z.ZodType<{ name: string }>>(item: T, maxItems: number) {
  return z
    .array(item)
    .max(maxItems)
    .superRefine((values, ctx) =>
      requireUnique(
        values,
        (v) => v.name,
        ctx,
        (i) => [i, 'name'],
        (name) => `duplicate name ${JSON.stringify(name)}`,
      ),
    );
}

function parentKey(ref: ParentReference): string {
  return [
    ref.group ?? 'gateway.networking.k8s.io',
    ref.kind ?? 'Gateway',
    ref.namespace ?? '',
    ref.name,
  ].join('|');
}

/** Several references to one parent must each name a distinct sectionName/port (upstream CEL on parentRefs). */
export function refineParentRefs(refs: readonly ParentReference[], ctx: z.RefinementCtx) {
  const firstByParent = new Map<string, ParentReference>();
  const seenTargets = new Set<string>();
  refs.forEach((ref, index) => {
    const parent = parentKey(ref);
    const first = firstByParent.get(parent);
    if (first === undefined) {
      firstByParent.set(parent, ref);
    } else if ((first.sectionName === undefined) !== (ref.sectionName === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [index, 'sectionName'],
        message:
          'sectionName or port must be specified when parentRefs includes 2 or more references to the same parent',
      });
    } else if ((first.port === undefined) !== (ref.port === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [index, 'port'],
        message:
          'sectionName or port must be specified when parentRefs includes 2 or more references to the same parent',
      });
    }
    const target = `${parent}|${ref.sectionName ?? ''}|${ref.port ?? ''}`;
    if (seenTargets.has(target)) {
      ctx.addIssue({
        code: 'custom',
        path: [index],
        message:
          'sectionName or port must be unique when parentRefs includes 2 or more references to the same parent',
      });
    }
    seenTargets.add(target);
  });
}

export const parentRefs = z.array(parentReference).max(32).superRefine(refineParentRefs);

export const routeHostnames = z.array(hostname).max(16);

/** Rule names, when given, are unique within a route. */
export function refineRuleNames(rules: readonly { name?: string }[], ctx: z.RefinementCtx) {
  requireUnique(
    rules,
    (r) => r.name,
    ctx,
    (i) => [i, 'name'],
    (name) => `Rule name must be unique within the route (${JSON.stringify(name)} repeats)`,
  );
}

export const sessionPersistence = z
  .strictObject({
    sessionName: z.string().max(128).optional(),
    absoluteTimeout: duration.optional(),
    type: z.enum(['Cookie', 'Header']).optional(),
    cookieConfig: z.strictObject({ lifetimeType: z.enum(['Permanent', 'Session']).optional() }).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.cookieConfig?.lifetimeType === 'Permanent' && value.absoluteTimeout === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['absoluteTimeout'],
        message: 'AbsoluteTimeout must be specified when cookie lifetimeType is Permanent',
      });
    }
    if (value.cookieConfig !== undefined && (value.type ?? 'Cookie') !== 'Cookie') {
      ctx.addIssue({
        code: 'custom',
        path: ['cookieConfig'],
        message: 'cookieConfig can only be set with type Cookie',
      });
    }
  });

/** Converts an upstream duration string (`1h30m`, `500ms`) to milliseconds. */
export function durationMillis(value: string): number {
  const units: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 };
  let total = 0;
  for (const match of value.matchAll(/([0-9]+)(ms|h|m|s)/g)) {
    total += Number(match[1]) * (units[match[2] ?? ''] ?? 0);
  }
  return total;
}
