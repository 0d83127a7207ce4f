import { z } from 'zod';
import { defineKind, type KindModel } from '../model/kind-model.js';
import { kubeObject } from './meta.js';

/** API group of the ALB custom resources (ALB2, Frontend, Rule). */
export const ALB_GROUP = 'crd.alauda.io';
/** The version of Frontends and Rules (ALB2 is served as v2beta1 and v2). */
export const ALB_API_VERSION = `${ALB_GROUP}/v1`;

const quantityMap = z.record(z.string(), z.union([z.string(), z.number()]));
const containerResources = z.strictObject({
  limits: quantityMap.optional(),
  requests: quantityMap.optional(),
});

/** `$secret_ns/$secret_name`; empty means none. */
const certificateName = z
  .string()
  .regex(
    /^$|^[a-z0-9]([-a-z0-9]*[a-z0-9])?\/[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/,
    'must be "<namespace>/<secret>"',
  );

export const sslStrategies = ['Never', 'Always', 'Both', 'Request'] as const;
export type SslStrategy = (typeof sslStrategies)[number];

const albConfig = z.strictObject({
  loadbalancerName: z.string().optional(),
  loadbalancerType: z.string().optional(),
  nodeSelector: z.record(z.string(), z.string()).optional(),
  replicas: z.number().int().min(0).optional(),
  resources: z
    .strictObject({
      alb: containerResources.optional(),
      limits: quantityMap.optional(),
      requests: quantityMap.optional(),
    })
    .optional(),
  antiAffinityKey: z.string().optional(),
  networkMode: z.enum(['host', 'container']).optional(),
  address: z.string().optional(),
  vip: z
    .strictObject({
      enableLbSvc: z.boolean().optional(),
      lbSvcAnnotations: z.record(z.string(), z.string()).optional(),
      lbSvcIpFamilyPolicy: z.string().optional(),
    })
    .optional(),
  projects: z.array(z.string()).optional(),
  portProjects: z.string().optional(),
  enablePortProject: z.boolean().optional(),
  defaultSSLStrategy: z.enum(sslStrategies).optional(),
  defaultSSLCert: certificateName.optional(),
  bindNIC: z.string().optional(),
  ingressHTTPPort: z.number().int().min(1).max(65535).optional(),
  ingressHTTPSPort: z.number().int().min(1).max(65535).optional(),
  enableIngress: z.union([z.boolean(), z.string()]).optional(),
  enableALb: z.boolean().optional(),
  enableGC: z.union([z.boolean(), z.string()]).optional(),
  enableGzip: z.union([z.boolean(), z.string()]).optional(),
  enableHTTP2: z.union([z.boolean(), z.string()]).optional(),
  enableIPV6: z.union([z.boolean(), z.string()]).optional(),
  maxTermSeconds: z.number().int().optional(),
  workerLimit: z.number().int().optional(),
  cpuPreset: z.number().int().optional(),
});

const albSpec = z.strictObject({
  address: z.string().optional(),
  type: z.enum(['nginx']).optional(),
  config: albConfig.optional(),
  // The guide's first example places these at the top level of spec; the operator reads config.*.
  networkMode: z.enum(['host', 'container']).optional(),
  nodeSelector: z.record(z.string(), z.string()).optional(),
  replicas: z.number().int().min(0).optional(),
  resources: albConfig.shape.resources,
  projects: z.array(z.string()).optional(),
  vip: albConfig.shape.vip,
});

const albStatus = z.looseObject({
  state: z.string().optional(),
  reason: z.string().optional(),
  probeTime: z.number().optional(),
  probeTimeStr: z.string().optional(),
});

const alb2Body = { spec: albSpec, status: albStatus.optional() };
export const alb2V2beta1 = kubeObject(`${ALB_GROUP}/v2beta1`, 'ALB2', alb2Body);
export const alb2V2 = kubeObject(`${ALB_GROUP}/v2`, 'ALB2', alb2Body);
export type ALB2 = z.infer<typeof alb2V2beta1> | z.infer<typeof alb2V2>;

export const backendService = z.strictObject({
  name: z.string().min(1),
  namespace: z.string().min(1),
  port: z.number().int().min(1).max(65535),
  weight: z.number().int().min(0).max(100).optional(),
});
export type BackendService = z.infer<typeof backendService>;

export const serviceGroup = z.strictObject({
  session_affinity_policy: z.string().optional(),
  session_affinity_attribute: z.string().optional(),
  services: z.array(backendService).optional(),
});
export type ServiceGroup = z.infer<typeof serviceGroup>;

export const ruleSource = z.strictObject({
  type: z.literal('ingress'),
  name: z.string().min(1),
  namespace: z.string().min(1),
});

const l7Protocols = ['http', 'https', 'grpc', 'grpcs'] as const;
export const frontendProtocols = [...l7Protocols, 'tcp', 'udp'] as const;

const frontendSpec = z.strictObject({
  port: z.number().int().min(1).max(65535),
  protocol: z.enum(frontendProtocols),
  certificate_name: certificateName.optional(),
  backendProtocol: z.string().optional(),
  serviceGroup: serviceGroup.optional(),
  source: ruleSource.optional(),
  config: z.looseObject({}).optional(),
});

export const frontendV1 = kubeObject(ALB_API_VERSION, 'Frontend', {
  spec: frontendSpec,
  status: z.looseObject({}).optional(),
});
export type Frontend = z.infer<typeof frontendV1>;

export const dslxMatchers = ['EQ', 'STARTS_WITH', 'ENDS_WITH', 'REGEX', 'IN', 'RANGE', 'EXIST'] as const;

/** One dslx term: `values` is a list of `[OP, operand...]` alternatives (the flat form is also read). */
export const dslxTerm = z.strictObject({
  type: z.enum(['HOST', 'URL', 'METHOD', 'PARAM', 'HEADER', 'COOKIE', 'SRC_IP']),
  key: z.string().optional(),
  values: z.union([z.array(z.array(z.string()).min(1)), z.array(z.string()).min(1)]),
});
export type DslxTerm = z.infer<typeof dslxTerm>;

const ruleSpec = z.strictObject({
  priority: z.number().int().min(0).max(10).optional(),
  dslx: z.array(dslxTerm).optional(),
  domain: z.string().optional(),
  url: z.string().optional(),
  description: z.string().optional(),
  type: z.string().optional(),
  vhost: z.string().optional(),
  rewrite_target: z.string().optional(),
  rewrite_base: z.string().optional(),
  redirectURL: z.string().optional(),
  redirectCode: z.number().int().optional(),
  enableCORS: z.boolean().optional(),
  corsAllowHeaders: z.string().optional(),
  corsAllowOrigin: z.string().optional(),
  backendProtocol: z.string().optional(),
  certificate_name: certificateName.optional(),
  serviceGroup: serviceGroup.optional(),
  source: ruleSource.optional(),
  config: z.looseObject({}).optional(),
});

export const ruleV1 = kubeObject(ALB_API_VERSION, 'Rule', {
  spec: ruleSpec,
  status: z.looseObject({}).optional(),
});
export type Rule = z.infer<typeof ruleV1>;

// The ALB CRDs (infra/kube/crds-local/) keep unknown fields of spec and of some objects in it, so the
// API server stores a misplaced field instead of refusing it: acpnet warns there instead of denying.

export const ALB2 = defineKind({
  group: ALB_GROUP,
  kind: 'ALB2',
  plural: 'alaudaloadbalancer2',
  namespaced: true,
  versions: { v2beta1: alb2V2beta1, v2: alb2V2 },
  // spec.vip, spec.resources and spec.config.resources are not in the CRD, so it keeps them whole.
  preservesUnknownFields: [
    'spec',
    'spec.config',
    'spec.config.vip',
    'spec.config.resources.**',
    'spec.resources.**',
    'spec.vip.**',
  ],
});
export const FRONTEND = defineKind({
  group: ALB_GROUP,
  kind: 'Frontend',
  plural: 'frontends',
  namespaced: true,
  versions: { v1: frontendV1 },
  preservesUnknownFields: ['spec', 'spec.serviceGroup'],
});
export const ALB_RULE = defineKind({
  group: ALB_GROUP,
  kind: 'Rule',
  plural: 'rules',
  namespaced: true,
  versions: { v1: ruleV1 },
  preservesUnknownFields: ['spec', 'spec.serviceGroup'],
});

export const albDefinitions: readonly KindModel[] = [ALB2, FRONTEND, ALB_RULE];
