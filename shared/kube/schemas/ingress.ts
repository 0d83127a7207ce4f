import { z } from 'zod';
import { defineKind, type KindModel } from '../model/kind-model.js';
import { kubeObject } from './meta.js';

export const NETWORKING_GROUP = 'networking.k8s.io';

const portName = z.string().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'must be an IANA service port name');

export const serviceBackendPort = z
  .strictObject({
    name: portName.optional(),
    number: z.number().int().min(1).max(65535).optional(),
  })
  .refine((p) => (p.name === undefined) !== (p.number === undefined), {
    message: 'exactly one of name or number must be set',
  });

const typedLocalObjectReference = z.strictObject({
  apiGroup: z.string().nullable().optional(),
  kind: z.string().min(1),
  name: z.string().min(1),
});

export const ingressBackend = z
  .strictObject({
    service: z.strictObject({ name: z.string().min(1), port: serviceBackendPort }).optional(),
    resource: typedLocalObjectReference.optional(),
  })
  .refine((b) => (b.service === undefined) !== (b.resource === undefined), {
    message: 'exactly one of service or resource must be set',
  });
export type IngressBackend = z.infer<typeof ingressBackend>;

export const pathTypes = ['Exact', 'Prefix', 'ImplementationSpecific'] as const;
export type PathType = (typeof pathTypes)[number];

const httpIngressPath = z.strictObject({
  path: z.string().optional(),
  pathType: z.enum(pathTypes),
  backend: ingressBackend,
});

const ingressRule = z.strictObject({
  host: z.string().optional(),
  http: z.strictObject({ paths: z.array(httpIngressPath).min(1) }).optional(),
});

const ingressTLS = z.strictObject({
  hosts: z.array(z.string()).optional(),
  secretName: z.string().optional(),
});

const portStatus = z.strictObject({
  port: z.number().int(),
  protocol: z.enum(['TCP', 'UDP', 'SCTP']),
  error: z.string().optional(),
});

export const loadBalancerIngress = z.strictObject({
  ip: z.string().optional(),
  hostname: z.string().optional(),
  ports: z.array(portStatus).optional(),
});

const ingressSpec = z.strictObject({
  ingressClassName: z.string().optional(),
  defaultBackend: ingressBackend.optional(),
  tls: z.array(ingressTLS).optional(),
  rules: z.array(ingressRule).optional(),
});

const ingressStatus = z.strictObject({
  loadBalancer: z.strictObject({ ingress: z.array(loadBalancerIngress).optional() }).optional(),
});

export const ingressV1 = kubeObject(`${NETWORKING_GROUP}/v1`, 'Ingress', {
  spec: ingressSpec.optional(),
  status: ingressStatus.optional(),
});
export type Ingress = z.infer<typeof ingressV1>;

export const ingressClassV1 = kubeObject(`${NETWORKING_GROUP}/v1`, 'IngressClass', {
  spec: z
    .strictObject({
      controller: z.string().optional(),
      parameters: z
        .strictObject({
          apiGroup: z.string().optional(),
          kind: z.string().min(1),
          name: z.string().min(1),
          namespace: z.string().optional(),
          scope: z.enum(['Cluster', 'Namespace']).optional(),
        })
        .optional(),
    })
    .optional(),
});
export type IngressClass = z.infer<typeof ingressClassV1>;

export const INGRESS = defineKind({
  group: NETWORKING_GROUP,
  kind: 'Ingress',
  plural: 'ingresses',
  namespaced: true,
  versions: { v1: ingressV1 },
});
export const INGRESS_CLASS = defineKind({
  group: NETWORKING_GROUP,
  kind: 'IngressClass',
  plural: 'ingressclasses',
  namespaced: false,
  versions: { v1: ingressClassV1 },
});

export const ingressDefinitions: readonly KindModel[] = [INGRESS, INGRESS_CLASS];
