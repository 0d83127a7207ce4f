import { z } from 'zod';
import { duration, looseStatus } from '../gateway-api/common.js';
import { secretObjectReference } from '../gateway-api/references.js';
import { kubeObject } from '../meta.js';
import { quantity, tcpKeepalive } from './common.js';
import { policyTargetShape, refinePolicyTargets } from './policy-targets.js';
import { refineTlsVersions, tlsSettingsShape } from './tls-settings.js';

const stringMatch = z.strictObject({
  type: z.enum(['Exact', 'Prefix', 'Suffix', 'RegularExpression']).optional(),
  value: z.string().min(1).max(1024),
});

const clientValidation = z
  .strictObject({
    optional: z.boolean().optional(),
    mode: z.enum(['Request', 'RequireAny', 'VerifyIfGiven', 'RequireAndVerify']).optional(),
    allowExpiredCertificate: z.boolean().optional(),
    caCertificateRefs: z.array(secretObjectReference).max(8).optional(),
    spkiHashes: z.array(z.string()).optional(),
    certificateHashes: z.array(z.string()).optional(),
    subjectAltNames: z
      .strictObject({
        dnsNames: z.array(stringMatch).optional(),
        emailAddresses: z.array(stringMatch).optional(),
        ipAddresses: z.array(stringMatch).optional(),
        uris: z.array(stringMatch).optional(),
      })
      .optional(),
  })
  .superRefine((v, ctx) => {
    if (
      v.allowExpiredCertificate === true &&
      v.mode !== undefined &&
      !['VerifyIfGiven', 'RequireAndVerify'].includes(v.mode)
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['allowExpiredCertificate'],
        message: 'allowExpiredCertificate can only be set when mode is VerifyIfGiven or RequireAndVerify',
      });
    }
  });

export const clientTls = z
  .strictObject({ ...tlsSettingsShape, clientValidation: clientValidation.optional() })
  .superRefine(refineTlsVersions);

export const clientTimeout = z.strictObject({
  tcp: z
    .strictObject({
      idleTimeout: duration.optional(),
      tlsHandshakeTimeout: duration.optional(),
      connectionInspectionTimeout: duration.optional(),
    })
    .optional(),
  http: z
    .strictObject({
      requestReceivedTimeout: duration.optional(),
      requestHeadersReceivedTimeout: duration.optional(),
      idleTimeout: duration.optional(),
      streamIdleTimeout: duration.optional(),
    })
    .optional(),
});

export const clientConnection = z.strictObject({
  connectionLimit: z
    .strictObject({
      value: z.int().min(1).optional(),
      closeDelay: duration.optional(),
      maxConnectionDuration: duration.optional(),
      maxRequestsPerConnection: z.int().min(0).optional(),
      maxStreamDuration: duration.optional(),
    })
    .superRefine((limit, ctx) => {
      if (limit.closeDelay !== undefined && limit.value === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['closeDelay'],
          message: 'closeDelay can only be configured when value is set',
        });
      }
    })
    .optional(),
  bufferLimit: quantity.optional(),
  socketBufferLimit: quantity.optional(),
  maxAcceptPerSocketEvent: z.int().min(0).optional(),
});

export const clientTrafficPolicySpec = z
  .strictObject({
    ...policyTargetShape,
    tls: clientTls.optional(),
    timeout: clientTimeout.optional(),
    connection: clientConnection.optional(),
    tcpKeepalive: tcpKeepalive.optional(),
    http1: z
      .strictObject({
        preserveHeaderCase: z.boolean().optional(),
        enableTrailers: z.boolean().optional(),
        http10: z.strictObject({ useDefaultHost: z.boolean().optional() }).optional(),
      })
      .optional(),
    proxyProtocol: z.strictObject({ optional: z.boolean().optional() }).optional(),
    enableProxyProtocol: z.boolean().optional(),
  })
  .superRefine((spec, ctx) => refinePolicyTargets(spec, ['Gateway', 'ListenerSet'], ctx));

export const clientTrafficPolicyV1alpha1 = kubeObject(
  'gateway.envoyproxy.io/v1alpha1',
  'ClientTrafficPolicy',
  {
    spec: clientTrafficPolicySpec,
    status: looseStatus,
  },
);

export type ClientTrafficPolicy = z.infer<typeof clientTrafficPolicyV1alpha1>;
export type ClientTrafficPolicySpec = z.infer<typeof clientTrafficPolicySpec>;
