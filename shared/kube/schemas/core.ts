import { z } from 'zod';
import { defineKind, type KindModel } from '../model/kind-model.js';
import { kubeObject } from './meta.js';

/** The core (v1) kinds acpnet's rules read: Namespace, Secret, ConfigMap and Service. */

const looseStatus = z.looseObject({}).optional();
const dataKey = z.string().regex(/^[-._a-zA-Z0-9]+$/, 'must consist of alphanumerics, "-", "_" or "."');
// The API server decodes with Go's base64, which skips line breaks: wrapped base64 is valid.
const base64 = z
  .string()
  .refine((v) => /^[A-Za-z0-9+/]*={0,2}$/.test(v.replace(/[\r\n]/g, '')), 'must be base64-encoded');

function keyedData<T extends z.ZodType>(value: T) {
  return z.record(z.string(), value).superRefine((data, ctx) => {
    for (const key of Object.keys(data)) {
      if (key.length > 253 || !dataKey.safeParse(key).success) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: 'a valid config key must consist of alphanumerics, "-", "_" or "."',
        });
      }
    }
  });
}

export const namespaceV1 = kubeObject('v1', 'Namespace', {
  spec: z.strictObject({ finalizers: z.array(z.string()).optional() }).optional(),
  status: looseStatus,
});
export type Namespace = z.infer<typeof namespaceV1>;

export const secretV1 = kubeObject('v1', 'Secret', {
  type: z.string().optional(),
  data: keyedData(base64).optional(),
  stringData: keyedData(z.string()).optional(),
  immutable: z.boolean().optional(),
});
export type Secret = z.infer<typeof secretV1>;

export const configMapV1 = kubeObject('v1', 'ConfigMap', {
  data: keyedData(z.string()).optional(),
  binaryData: keyedData(base64).optional(),
  immutable: z.boolean().optional(),
});
export type ConfigMap = z.infer<typeof configMapV1>;

const ianaSvcName = z
  .string()
  .max(15)
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'must be a lowercase RFC 1123 label of at most 15 characters');
const port = z.int().min(1).max(65535);

export const servicePort = z.strictObject({
  name: z
    .string()
    .max(63)
    .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'must be a lowercase RFC 1123 label')
    .optional(),
  protocol: z.enum(['TCP', 'UDP', 'SCTP']).optional(),
  appProtocol: z.string().optional(),
  port,
  targetPort: z.union([z.int().min(1).max(65535), ianaSvcName]).optional(),
  nodePort: z.int().min(0).max(65535).optional(),
});
export type ServicePort = z.infer<typeof servicePort>;

const ipAddress = z.union([z.ipv4(), z.ipv6()]);
const cidr = z.union([z.cidrv4(), z.cidrv6()]);

export const serviceSpec = z
  .strictObject({
    type: z.enum(['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName']).optional(),
    ports: z.array(servicePort).optional(),
    selector: z.record(z.string(), z.string()).optional(),
    clusterIP: z.union([ipAddress, z.literal('None'), z.literal('')]).optional(),
    clusterIPs: z
      .array(z.union([ipAddress, z.literal('None')]))
      .max(2)
      .optional(),
    externalIPs: z.array(ipAddress).optional(),
    externalName: z.string().optional(),
    loadBalancerIP: z.union([ipAddress, z.literal('')]).optional(),
    loadBalancerClass: z.string().optional(),
    loadBalancerSourceRanges: z.array(cidr).optional(),
    allocateLoadBalancerNodePorts: z.boolean().optional(),
    externalTrafficPolicy: z.enum(['Cluster', 'Local']).optional(),
    internalTrafficPolicy: z.enum(['Cluster', 'Local']).optional(),
    healthCheckNodePort: z.int().optional(),
    ipFamilies: z
      .array(z.enum(['IPv4', 'IPv6']))
      .max(2)
      .optional(),
    ipFamilyPolicy: z.enum(['SingleStack', 'PreferDualStack', 'RequireDualStack']).optional(),
    sessionAffinity: z.enum(['None', 'ClientIP']).optional(),
    sessionAffinityConfig: z
      .strictObject({
        clientIP: z.strictObject({ timeoutSeconds: z.int().min(1).max(86400).optional() }).optional(),
      })
      .optional(),
    publishNotReadyAddresses: z.boolean().optional(),
    trafficDistribution: z.string().optional(),
  })
  .superRefine((spec, ctx) => {
    const ports = spec.ports ?? [];
    if (ports.length > 1) {
      ports.forEach((p, i) => {
        if (p.name === undefined || p.name === '') {
          ctx.addIssue({
            code: 'custom',
            path: ['ports', i, 'name'],
            message: 'name is required when a Service has several ports',
          });
        }
      });
    }
    const seenNames = new Set<string>();
    const seenPorts = new Set<string>();
    ports.forEach((p, i) => {
      if (p.name) {
        if (seenNames.has(p.name))
          ctx.addIssue({
            code: 'custom',
            path: ['ports', i, 'name'],
            message: `duplicate port name ${p.name}`,
          });
        seenNames.add(p.name);
      }
      const key = `${p.port}/${p.protocol ?? 'TCP'}`;
      if (seenPorts.has(key))
        ctx.addIssue({ code: 'custom', path: ['ports', i, 'port'], message: `duplicate port ${key}` });
      seenPorts.add(key);
      if (p.nodePort !== undefined && p.nodePort !== 0 && (spec.type ?? 'ClusterIP') === 'ClusterIP') {
        ctx.addIssue({
          code: 'custom',
          path: ['ports', i, 'nodePort'],
          message: 'may not be used when type is ClusterIP',
        });
      }
    });
    if (spec.type === 'ExternalName' && !spec.externalName) {
      ctx.addIssue({ code: 'custom', path: ['externalName'], message: 'required when type is ExternalName' });
    }
    if (spec.type !== 'ExternalName' && ports.length === 0 && spec.clusterIP !== 'None') {
      ctx.addIssue({ code: 'custom', path: ['ports'], message: 'at least one port is required' });
    }
  });
export type ServiceSpec = z.infer<typeof serviceSpec>;

/** The addresses a load balancer gave the Service (MetalLB writes them); other status is not acpnet's. */
export const serviceStatus = z.looseObject({
  loadBalancer: z
    .looseObject({
      ingress: z
        .array(z.looseObject({ ip: z.string().optional(), hostname: z.string().optional() }))
        .optional(),
    })
    .optional(),
});

export const serviceV1 = kubeObject('v1', 'Service', {
  spec: serviceSpec.optional(),
  status: serviceStatus.optional(),
});
export type Service = z.infer<typeof serviceV1>;

export const NAMESPACE = defineKind({
  group: '',
  kind: 'Namespace',
  plural: 'namespaces',
  namespaced: false,
  versions: { v1: namespaceV1 },
});
export const SECRET = defineKind({
  group: '',
  kind: 'Secret',
  plural: 'secrets',
  namespaced: true,
  versions: { v1: secretV1 },
});
export const CONFIG_MAP = defineKind({
  group: '',
  kind: 'ConfigMap',
  plural: 'configmaps',
  namespaced: true,
  versions: { v1: configMapV1 },
});
export const SERVICE = defineKind({
  group: '',
  kind: 'Service',
  plural: 'services',
  namespaced: true,
  versions: { v1: serviceV1 },
});

export const coreDefinitions: readonly KindModel[] = [NAMESPACE, SECRET, CONFIG_MAP, SERVICE];
