import type { ZodType } from 'zod';
import type { KindModel } from './model/kind-model.js';
import type { GroupKind, KubeObject } from './object.js';
import { groupOf, versionOf } from './object.js';
import type { SchemaIssue } from './schema-issues.js';
import { acpnetDefinitions } from './schemas/acpnet.js';
import { domainDefinitions } from './schemas/alauda-domain.js';
import { albDefinitions } from './schemas/alb.js';
import { coreDefinitions } from './schemas/core.js';
import { envoyGatewayDefinitions } from './schemas/envoy-gateway/definitions.js';
import { eventDefinitions } from './schemas/events.js';
import { gatewayApiDefinitions } from './schemas/gateway-api/definitions.js';
import { ingressDefinitions } from './schemas/ingress.js';
import { ipAddressDefinitions } from './schemas/ip-address.js';
import { kubeOvnDefinitions } from './schemas/kubeovn.js';
import { metallbDefinitions } from './schemas/metallb.js';
import { routeDefinitions } from './schemas/openshift-route.js';
import { workloadDefinitions } from './schemas/workloads.js';

/** Every kind acpnet knows. Add a module's models here to register them. */
const models: readonly KindModel[] = [
  ...albDefinitions,
  ...domainDefinitions,
  ...ingressDefinitions,
  ...coreDefinitions,
  ...workloadDefinitions,
  ...gatewayApiDefinitions,
  ...envoyGatewayDefinitions,
  ...kubeOvnDefinitions,
  ...metallbDefinitions,
  ...eventDefinitions,
  ...acpnetDefinitions,
  ...ipAddressDefinitions,
  ...routeDefinitions,
];

const byGroupKind = new Map<GroupKind, KindModel>(models.map((m) => [m.groupKind, m]));

export function allKindModels(): readonly KindModel[] {
  return models;
}

export function kindModel(groupKind: GroupKind): KindModel | undefined {
  return byGroupKind.get(groupKind);
}

/** The model of an object's kind, when acpnet knows it. */
export function modelOf(obj: Pick<KubeObject, 'apiVersion' | 'kind'>): KindModel | undefined {
  return byGroupKind.get(`${groupOf(obj.apiVersion)}/${obj.kind}`);
}

/**
 * Validates an object against its kind's schema. Kinds acpnet does not know yield no issues (they
 * are not acpnet's to judge); a known kind in an unknown version yields one issue on apiVersion.
 */
export function validateSchema(obj: KubeObject): readonly SchemaIssue[] {
  return modelOf(obj)?.read(obj).issues ?? [];
}

/** The schema of one served version of a kind, when acpnet knows it. */
export function schemaFor(apiVersion: string, kind: string): ZodType | undefined {
  return modelOf({ apiVersion, kind })?.versions[versionOf(apiVersion)];
}
