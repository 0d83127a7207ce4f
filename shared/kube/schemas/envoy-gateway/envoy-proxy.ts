import { z } from 'zod';
import { labelSelector, looseStatus } from '../gateway-api/common.js';
import { secretObjectReference } from '../gateway-api/references.js';
import { kubeObject } from '../meta.js';
import { quantity } from './common.js';
import { telemetry } from './telemetry.js';
import { refineTlsVersions, tlsSettingsShape } from './tls-settings.js';

/** A strategic-merge or JSON-merge patch applied to a generated object; its value is free-form. */
const kubernetesPatch = z.strictObject({
  type: z.enum(['StrategicMerge', 'JSONMerge']).optional(),
  value: z.unknown(),
});
const stringMap = z.record(z.string(), z.string());

const resources = z.strictObject({
  limits: z.record(z.string(), quantity).optional(),
  requests: z.record(z.string(), quantity).optional(),
});

const container = z
  .strictObject({
    image: z
      .string()
      .regex(
        /^[a-zA-Z0-9._-]+(:[0-9]+)?(\/[a-zA-Z0-9._/-]+)?(:[a-zA-Z0-9._-]+)?(@sha256:[a-z0-9]+)?$/,
        "Image must include a tag and allowed characters only (e.g., 'repo:tag')",
      )
      .optional(),
    imageRepository: z
      .string()
      .regex(
        /^[a-zA-Z0-9._-]+(:[0-9]+)?[a-zA-Z0-9._/-]+$/,
        'ImageRepository must contain only allowed characters and must not include a tag',
      )
      .optional(),
    resources: resources.optional(),
  })
  .superRefine((c, ctx) => {
    if (c.image !== undefined && c.imageRepository !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['imageRepository'],
        message: 'Either image or imageRepository can be set',
      });
    }
  });

const envoyDeployment = z.strictObject({
  name: z.string().optional(),
  replicas: z.int().min(0).optional(),
  container: container.optional(),
  pod: z
    .strictObject({
      annotations: stringMap.optional(),
      labels: stringMap.optional(),
      nodeSelector: stringMap.optional(),
      priorityClassName: z.string().optional(),
    })
    .optional(),
  patch: kubernetesPatch.optional(),
});

const nodePortRange = { min: 30000, max: 32767 };

/** NodePort values written through the Service patch must fall in the cluster's NodePort range. */
function refineServicePatchNodePorts(patch: z.infer<typeof kubernetesPatch>, ctx: z.RefinementCtx) {
  const ports = (patch.value as { spec?: { ports?: unknown } } | null | undefined)?.spec?.ports;
  if (!Array.isArray(ports)) return;
  ports.forEach((port: unknown, i) => {
    if (typeof port !== 'object' || port === null) return;
    for (const key of ['nodePort', 'nodeport']) {
      const value = (port as Record<string, unknown>)[key];
      if (value === undefined) continue;
      if (
        typeof value !== 'number' ||
        !Number.isInteger(value) ||
        value < nodePortRange.min ||
        value > nodePortRange.max
      ) {
        ctx.addIssue({
          code: 'custom',
          path: ['value', 'spec', 'ports', i, key],
          message: `NodePort must be in ${nodePortRange.min}-${nodePortRange.max} (got ${JSON.stringify(value)})`,
        });
      }
    }
  });
}

const ipv4Pattern = /^((25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)\.){3}(25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)$/;

export const envoyService = z
  .strictObject({
    name: z.string().optional(),
    type: z.enum(['ClusterIP', 'LoadBalancer', 'NodePort']).optional(),
    annotations: stringMap.optional(),
    labels: stringMap.optional(),
    loadBalancerClass: z.string().optional(),
    loadBalancerIP: z.string().regex(ipv4Pattern, 'loadBalancerIP must be a valid IPv4 address').optional(),
    loadBalancerSourceRanges: z.array(z.string()).optional(),
    allocateLoadBalancerNodePorts: z.boolean().optional(),
    externalTrafficPolicy: z.enum(['Local', 'Cluster']).optional(),
    patch: kubernetesPatch.superRefine(refineServicePatchNodePorts).optional(),
  })
  .superRefine((svc, ctx) => {
    const type = svc.type ?? 'LoadBalancer';
    for (const field of [
      'allocateLoadBalancerNodePorts',
      'loadBalancerSourceRanges',
      'loadBalancerIP',
    ] as const) {
      if (svc[field] !== undefined && type !== 'LoadBalancer') {
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: `${field} can only be set for LoadBalancer type`,
        });
      }
    }
  });

const provider = z.strictObject({
  type: z.enum(['Kubernetes', 'Host']),
  kubernetes: z
    .strictObject({
      envoyService: envoyService.optional(),
      envoyDeployment: envoyDeployment.optional(),
      useListenerPortAsContainerPort: z.boolean().optional(),
    })
    .optional(),
});

export const envoyProxySpec = z
  .strictObject({
    provider: provider.optional(),
    ipFamily: z.enum(['IPv4', 'IPv6', 'DualStack']).optional(),
    mergeGateways: z.boolean().optional(),
    mergeBackends: z.strictObject({ selector: labelSelector.optional() }).optional(),
    backendTLS: z
      .strictObject({ ...tlsSettingsShape, clientCertificateRef: secretObjectReference.optional() })
      .superRefine(refineTlsVersions)
      .optional(),
    telemetry: telemetry.optional(),
  })
  .superRefine((spec, ctx) => {
    if (spec.mergeGateways === true && spec.mergeBackends !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['mergeBackends'],
        message: 'mergeGateways and mergeBackends cannot both be enabled',
      });
    }
  });

export const envoyProxyV1alpha1 = kubeObject('gateway.envoyproxy.io/v1alpha1', 'EnvoyProxy', {
  spec: envoyProxySpec.optional(),
  status: looseStatus,
});

export type EnvoyProxy = z.infer<typeof envoyProxyV1alpha1>;
export type EnvoyProxySpec = z.infer<typeof envoyProxySpec>;
export type EnvoyService = z.infer<typeof envoyService>;
