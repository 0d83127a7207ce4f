import { type ZodType, z } from 'zod';
import type { KindDefinition } from './kind-definition.js';
import { groupKindOfDefinition } from './kind-definition.js';
import type { GroupKind, KubeObject } from './object.js';
import { groupOf, versionOf } from './object.js';
import { formatZodIssues, type SchemaIssue } from './schema-issues.js';
import { domainDefinitions } from './schemas/alauda-domain.js';
import { albDefinitions } from './schemas/alb.js';
import { coreDefinitions } from './schemas/core.js';
import { envoyGatewayDefinitions } from './schemas/envoy-gateway/definitions.js';
import { gatewayApiDefinitions } from './schemas/gateway-api/definitions.js';
import { ingressDefinitions } from './schemas/ingress.js';
import { kubeOvnDefinitions } from './schemas/kubeovn.js';
import { metallbDefinitions } from './schemas/metallb.js';

/** Every kind acpnet knows. Add a module's definitions here to register them. */
const definitions: readonly KindDefinition[] = [
  ...albDefinitions,
  ...domainDefinitions,
  ...ingressDefinitions,
  ...coreDefinitions,
  ...gatewayApiDefinitions,
  ...envoyGatewayDefinitions,
  ...kubeOvnDefinitions,
  ...metallbDefinitions,
];

const byGroupKind = new Map<GroupKind, KindDefinition>(definitions.map((d) => [groupKindOfDefinition(d), d]));

export function allKindDefinitions(): readonly KindDefinition[] {
  return definitions;
}

export function kindDefinition(groupKind: GroupKind): KindDefinition | undefined {
  return byGroupKind.get(groupKind);
}

export function schemaFor(apiVersion: string, kind: string): ZodType | undefined {
  return byGroupKind.get(`${groupOf(apiVersion)}/${kind}`)?.versions[versionOf(apiVersion)];
}

/**
 * Schemas with zod's generated fast path, made on first use. The fast path only answers valid
 * input; anything else goes through the schema's ordinary parse, so issues are the same as without it.
 */
const compiledSchemas = new WeakMap<ZodType, ZodType>();

function compiled(schema: ZodType): ZodType {
  let fast = compiledSchemas.get(schema);
  if (!fast) {
    fast = z.compile(schema);
    compiledSchemas.set(schema, fast);
  }
  return fast;
}

/**
 * Validates an object against its kind's schema. Kinds acpnet does not know yield no issues (they
 * are not acpnet's to judge); a known kind in an unknown version yields one issue on apiVersion.
 */
export function validateSchema(obj: KubeObject): SchemaIssue[] {
  const def = byGroupKind.get(`${groupOf(obj.apiVersion)}/${obj.kind}`);
  if (!def) return [];
  const schema = def.versions[versionOf(obj.apiVersion)];
  if (!schema) {
    const served = Object.keys(def.versions).join(', ');
    return [
      {
        path: 'apiVersion',
        message: `version ${versionOf(obj.apiVersion)} of ${obj.kind} is not served (served: ${served})`,
      },
    ];
  }
  const result = compiled(schema).safeParse(obj);
  return result.success ? [] : formatZodIssues(result.error.issues);
}
