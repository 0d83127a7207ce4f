import { z } from 'zod';
import { defineKind, type KindModel } from '../model/kind-model.js';
import { kubeObject } from './meta.js';

/**
 * OpenShift's Route (route.openshift.io/v1), as the CRD of github.com/openshift/api route/v1
 * (zz_generated.crd-manifests/routes.crd.yaml) accepts it, with its CEL and allOf rules.
 */

export const ROUTE_GROUP = 'route.openshift.io';

const dnsLabels =
  /^([a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]{0,61}[a-zA-Z0-9])(\.([a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]{0,61}[a-zA-Z0-9]))*$/;
const routeHost = z
  .string()
  .max(253)
  .regex(dnsLabels, 'must be a DNS name: labels of letters, digits and "-"');

const targetReference = z.strictObject({
  kind: z.enum(['Service', '']).optional(),
  name: z.string().min(1),
  weight: z.int().min(0).max(256).optional(),
});
export type RouteTargetReference = z.infer<typeof targetReference>;

const targetPort = z.union([
  z.int().refine((p) => p !== 0, 'must not be 0'),
  z.string().min(1, 'must not be empty'),
]);

const headerName = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[-!#$%&'*+.0-9A-Z^_`a-z|~]+$/, 'must be an HTTP header name (RFC 2616 token)')
  .refine(
    (name) => !['strict-transport-security', 'proxy', 'cookie', 'set-cookie'].includes(name.toLowerCase()),
    'the strict-transport-security, proxy, cookie and set-cookie headers may not be modified via header actions',
  );

/** The CRD's rule on dynamic values: HAProxy `%[fetch(arg),converter]` forms, or plain printable text. */
function dynamicValuePattern(fetch: string): RegExp {
  return new RegExp(
    `^(?:%(?:%|(?:\\{[-+]?[QXE](?:,[-+]?[QXE])*\\})?\\[(?:${fetch}\\.hdr\\([0-9A-Za-z-]+\\)|ssl_c_der)(?:,(?:lower|base64))*\\])|[^%\\x00-\\x1f\\x7f])+$`,
  );
}

function headerActions(fetch: 'req' | 'res') {
  const pattern = dynamicValuePattern(fetch);
  const action = z
    .strictObject({
      type: z.enum(['Set', 'Delete']),
      set: z.strictObject({ value: z.string().min(1).max(16384) }).optional(),
    })
    .superRefine((a, ctx) => {
      if ((a.type === 'Set') !== (a.set !== undefined))
        ctx.addIssue({
          code: 'custom',
          path: ['set'],
          message: 'set is required when type is Set, and forbidden otherwise',
        });
      if (a.set && !pattern.test(a.set.value))
        ctx.addIssue({
          code: 'custom',
          path: ['set', 'value'],
          message: `must be a header value or an HAProxy format string using only ${fetch}.hdr and ssl_c_der with the lower and base64 converters`,
        });
    });
  return z
    .array(z.strictObject({ name: headerName, action }))
    .max(20)
    .superRefine((list, ctx) => {
      const seen = new Set<string>();
      list.forEach((h, i) => {
        if (seen.has(h.name))
          ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `duplicate header ${h.name}` });
        seen.add(h.name);
      });
    });
}

const routeTls = z
  .strictObject({
    termination: z.enum(['edge', 'reencrypt', 'passthrough']),
    certificate: z.string().optional(),
    key: z.string().optional(),
    caCertificate: z.string().optional(),
    destinationCACertificate: z.string().optional(),
    insecureEdgeTerminationPolicy: z.enum(['Allow', 'None', 'Redirect', '']).optional(),
    externalCertificate: z.strictObject({ name: z.string().optional() }).optional(),
  })
  .superRefine((tls, ctx) => {
    const given = (field: 'certificate' | 'key' | 'caCertificate' | 'destinationCACertificate') =>
      (tls[field] ?? '') !== '';
    if (tls.termination === 'passthrough') {
      for (const field of ['certificate', 'key', 'caCertificate', 'destinationCACertificate'] as const)
        if (given(field))
          ctx.addIssue({
            code: 'custom',
            path: [field],
            message: 'must be empty when termination is passthrough',
          });
      if (tls.insecureEdgeTerminationPolicy === 'Allow')
        ctx.addIssue({
          code: 'custom',
          path: ['insecureEdgeTerminationPolicy'],
          message: 'cannot be Allow when termination is passthrough',
        });
    }
    if (tls.termination === 'edge' && given('destinationCACertificate'))
      ctx.addIssue({
        code: 'custom',
        path: ['destinationCACertificate'],
        message: 'must be empty when termination is edge (only reencrypt verifies the backend)',
      });
    if (tls.certificate !== undefined && tls.externalCertificate !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['externalCertificate'],
        message: 'cannot have both spec.tls.certificate and spec.tls.externalCertificate',
      });
  });
export type RouteTls = z.infer<typeof routeTls>;

export const routeSpec = z
  .strictObject({
    host: routeHost.optional(),
    subdomain: routeHost.optional(),
    path: z.string().regex(/^\//, 'must start with "/"').optional(),
    to: targetReference,
    alternateBackends: z.array(targetReference).max(3).optional(),
    port: z.strictObject({ targetPort }).optional(),
    tls: routeTls.nullable().optional(),
    wildcardPolicy: z.enum(['None', 'Subdomain', '']).optional(),
    httpHeaders: z
      .strictObject({
        actions: z
          .strictObject({
            request: headerActions('req').optional(),
            response: headerActions('res').optional(),
          })
          .optional(),
      })
      .optional(),
  })
  .superRefine((spec, ctx) => {
    const passthrough = spec.tls?.termination === 'passthrough';
    if (passthrough && (spec.path ?? '') !== '')
      ctx.addIssue({
        code: 'custom',
        path: ['path'],
        message: 'must be empty when tls.termination is passthrough',
      });
    if (passthrough && spec.httpHeaders !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['httpHeaders'],
        message: 'header actions are not permitted when tls termination is passthrough',
      });
    if (spec.wildcardPolicy === 'Subdomain' && (spec.host ?? '') === '')
      ctx.addIssue({
        code: 'custom',
        path: ['host'],
        message: 'is required when wildcardPolicy is Subdomain',
      });
    // alternateBackends is a list map keyed by kind and name.
    const seen = new Set<string>();
    (spec.alternateBackends ?? []).forEach((b, i) => {
      const key = `${b.kind ?? ''}/${b.name}`;
      if (seen.has(key))
        ctx.addIssue({
          code: 'custom',
          path: ['alternateBackends', i, 'name'],
          message: `duplicate backend ${b.name}`,
        });
      seen.add(key);
    });
  });
export type RouteSpec = z.infer<typeof routeSpec>;

export const routeV1 = kubeObject(`${ROUTE_GROUP}/v1`, 'Route', {
  spec: routeSpec,
  status: z.looseObject({}).optional(),
});
export type Route = z.infer<typeof routeV1>;

export const ROUTE = defineKind({
  group: ROUTE_GROUP,
  kind: 'Route',
  plural: 'routes',
  namespaced: true,
  versions: { v1: routeV1 },
});

export const routeDefinitions: readonly KindModel[] = [ROUTE];
