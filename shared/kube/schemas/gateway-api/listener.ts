import { z } from 'zod';
import { group, hostname, kind, labelSelector, portNumber, sectionName } from './common.js';
import { requireUnique } from './lists.js';
import { secretObjectReference } from './references.js';

/** Listeners as Gateway and ListenerSet share them, with the upstream CEL rules that judge one list. */

const protocol = z
  .string()
  .min(1)
  .max(255)
  .regex(
    /^[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?$|[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/[A-Za-z0-9]+$/,
    'must be HTTP, HTTPS, TLS, TCP, UDP or a domain-prefixed protocol',
  );

export const listenerTls = z
  .strictObject({
    mode: z.enum(['Terminate', 'Passthrough']).optional(),
    certificateRefs: z.array(secretObjectReference).max(64).optional(),
    options: z.record(z.string(), z.string().max(4096)).optional(),
  })
  .superRefine((tls, ctx) => {
    if (tls.options !== undefined && Object.keys(tls.options).length > 16) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'must have at most 16 entries' });
    }
    const terminate = (tls.mode ?? 'Terminate') === 'Terminate';
    const hasRefs = (tls.certificateRefs?.length ?? 0) > 0;
    const hasOptions = Object.keys(tls.options ?? {}).length > 0;
    if (terminate && !hasRefs && !hasOptions) {
      ctx.addIssue({
        code: 'custom',
        path: ['certificateRefs'],
        message: 'certificateRefs or options must be specified when mode is Terminate',
      });
    }
  });

export const routeNamespaces = z.strictObject({
  from: z.enum(['All', 'Selector', 'Same']).optional(),
  selector: labelSelector.optional(),
});

export const allowedRoutes = z.strictObject({
  namespaces: routeNamespaces.optional(),
  kinds: z
    .array(z.strictObject({ group: group.optional(), kind }))
    .max(8)
    .optional(),
});

export const listener = z.strictObject({
  name: sectionName,
  hostname: hostname.optional(),
  port: portNumber,
  protocol,
  tls: listenerTls.optional(),
  allowedRoutes: allowedRoutes.optional(),
});
export type Listener = z.infer<typeof listener>;

const noHostnameProtocols = new Set(['TCP', 'UDP']);
const noTlsProtocols = new Set(['HTTP', 'TCP', 'UDP']);

/** The single-object listener rules of the upstream CRDs, each reported on the listener's own field. */
export function refineListeners(listeners: readonly Listener[], ctx: z.RefinementCtx) {
  listeners.forEach((l, i) => {
    if (noTlsProtocols.has(l.protocol) && l.tls !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: [i, 'tls'],
        message: `tls must not be specified for protocols ['HTTP', 'TCP', 'UDP'] (protocol is ${l.protocol})`,
      });
    }
    if (l.protocol === 'HTTPS' && l.tls?.mode !== undefined && l.tls.mode !== 'Terminate') {
      ctx.addIssue({
        code: 'custom',
        path: [i, 'tls', 'mode'],
        message: 'tls mode must be Terminate for protocol HTTPS',
      });
    }
    if (l.protocol === 'TLS' && l.tls?.mode === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: l.tls === undefined ? [i, 'tls'] : [i, 'tls', 'mode'],
        message: 'tls mode must be set for protocol TLS',
      });
    }
    if (noHostnameProtocols.has(l.protocol) && l.hostname !== undefined && l.hostname !== '') {
      ctx.addIssue({
        code: 'custom',
        path: [i, 'hostname'],
        message: `hostname must not be specified for protocols ['TCP', 'UDP'] (protocol is ${l.protocol})`,
      });
    }
  });
  requireUnique(
    listeners,
    (l) => l.name,
    ctx,
    (i) => [i, 'name'],
    (name, first) =>
      `Listener name must be unique within the Gateway (${JSON.stringify(name)} repeats) [conflicts with spec.listeners[${first}]]`,
  );
  requireUnique(
    listeners,
    (l) => `${l.port}|${l.protocol}|${l.hostname ?? ''}`,
    ctx,
    (i) => [i],
    (_, first) =>
      'Combination of port, protocol and hostname must be unique for each listener (HostnameConflict) ' +
      `[conflicts with listener ${JSON.stringify(listeners[first]?.name)} at spec.listeners[${first}]]`,
  );
}

export const listeners = z.array(listener).min(1).max(64).superRefine(refineListeners);
