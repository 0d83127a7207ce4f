import { z } from 'zod';
import { isQualifiedName, kubeObject } from '../meta.js';
import {
  group,
  kind,
  labelSelector,
  looseStatus,
  objectName,
  portNumber,
  wildcardHostnamePattern,
} from './common.js';
import { listeners } from './listener.js';
import { requireUnique } from './lists.js';
import { objectReference, secretObjectReference } from './references.js';

const addressType = z
  .string()
  .min(1)
  .max(253)
  .regex(
    /^Hostname|IPAddress|NamedAddress|[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/[A-Za-z0-9/\-._~%!$&'()*+,;=:]+$/,
    'must be IPAddress, Hostname, NamedAddress or a domain-prefixed type',
  );

const ipAddress = z.union([z.ipv4(), z.ipv6()]);

export const gatewayAddress = z
  .strictObject({ type: addressType.optional(), value: z.string().max(253).optional() })
  .superRefine((address, ctx) => {
    const type = address.type ?? 'IPAddress';
    if (address.value === undefined) return;
    if (type === 'IPAddress' && !ipAddress.safeParse(address.value).success) {
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: `must be an IPv4 or IPv6 address for type IPAddress`,
      });
    }
    if (type === 'Hostname' && address.value !== '' && !wildcardHostnamePattern.test(address.value)) {
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message:
          'Hostname value must be empty or contain only valid characters (a lowercase RFC 1123 hostname)',
      });
    }
  });

const addresses = z
  .array(gatewayAddress)
  .max(16)
  .superRefine((list, ctx) => {
    for (const type of ['IPAddress', 'Hostname']) {
      requireUnique(
        list,
        (a) => ((a.type ?? 'IPAddress') === type && a.value !== undefined ? a.value : undefined),
        ctx,
        (i) => [i, 'value'],
        () => `${type} values must be unique`,
      );
    }
  });

function boundedMap(maxEntries: number, maxValue: number, valuePattern?: RegExp) {
  const value = valuePattern ? z.string().max(maxValue).regex(valuePattern) : z.string().max(maxValue);
  return z.record(z.string(), value).superRefine((map, ctx) => {
    const keys = Object.keys(map);
    if (keys.length > maxEntries) {
      ctx.addIssue({ code: 'custom', path: [], message: `must have at most ${maxEntries} entries` });
    }
    for (const key of keys) {
      if (!isQualifiedName(key)) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: 'keys must be an optional DNS subdomain prefix followed by a name of up to 63 characters',
        });
      }
    }
  });
}

const infrastructure = z.strictObject({
  labels: boundedMap(8, 63, /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/).optional(),
  annotations: boundedMap(16, 4096).optional(),
  parametersRef: z.strictObject({ group, kind, name: objectName }).optional(),
});

const frontendValidation = z.strictObject({
  caCertificateRefs: z.array(objectReference).min(1).max(16),
  mode: z.enum(['AllowValidOnly', 'AllowInsecureFallback']).optional(),
});

const gatewayTls = z.strictObject({
  backend: z.strictObject({ clientCertificateRef: secretObjectReference.optional() }).optional(),
  frontend: z
    .strictObject({
      default: z.strictObject({ validation: frontendValidation.optional() }),
      perPort: z
        .array(
          z.strictObject({
            port: portNumber,
            tls: z.strictObject({ validation: frontendValidation.optional() }),
          }),
        )
        .max(64)
        .superRefine((list, ctx) =>
          requireUnique(
            list,
            (p) => String(p.port),
            ctx,
            (i) => [i, 'port'],
            () => 'Port for TLS configuration must be unique within the Gateway',
          ),
        )
        .optional(),
    })
    .optional(),
});

export const gatewaySpec = z.strictObject({
  gatewayClassName: objectName,
  listeners,
  addresses: addresses.optional(),
  infrastructure: infrastructure.optional(),
  allowedListeners: z
    .strictObject({
      namespaces: z
        .strictObject({
          from: z.enum(['All', 'Selector', 'Same', 'None']).optional(),
          selector: labelSelector.optional(),
        })
        .optional(),
    })
    .optional(),
  tls: gatewayTls.optional(),
  defaultScope: z.enum(['All', 'None']).optional(),
});

const gatewayBody = { spec: gatewaySpec, status: looseStatus };

export const gatewayV1 = kubeObject('gateway.networking.k8s.io/v1', 'Gateway', gatewayBody);
export const gatewayV1beta1 = kubeObject('gateway.networking.k8s.io/v1beta1', 'Gateway', gatewayBody);

/** A Gateway of any served version (the versions share one schema). */
export type Gateway = z.infer<typeof gatewayV1> | z.infer<typeof gatewayV1beta1>;
export type GatewaySpec = z.infer<typeof gatewaySpec>;
export type GatewayAddress = z.infer<typeof gatewayAddress>;
