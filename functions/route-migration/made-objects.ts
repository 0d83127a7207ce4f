import { MIGRATED_FOR_GATEWAY_LABEL, MIGRATED_FROM_LABEL } from '../../shared/kube/keys/openshift-route.js';
import type { KindModel } from '../../shared/kube/model/kind-model.js';
import type { ModelView } from '../../shared/kube/model/model-view.js';
import type { KubeObject } from '../../shared/kube/object.js';
import { keyOf } from '../../shared/kube/object.js';
import { CONFIG_MAP } from '../../shared/kube/schemas/core.js';
import {
  BACKEND_TRAFFIC_POLICY,
  CLIENT_TRAFFIC_POLICY,
  SECURITY_POLICY,
} from '../../shared/kube/schemas/envoy-gateway/definitions.js';
import {
  BACKEND_TLS_POLICY,
  HTTP_ROUTE,
  REFERENCE_GRANT,
  TLS_ROUTE,
} from '../../shared/kube/schemas/gateway-api/definitions.js';
import type { GatewayRef } from '../../shared/route-migration/gateway-choice.js';
import * as names from '../../shared/route-migration/names.js';
import type { Effect } from '../runtime/contract.js';

/**
 * The objects the migration may have made from a Route, found by their names (each is derived from
 * the Route's) and told from others of the same name by the label naming the Route.
 */
const MADE_FROM_ROUTE: readonly [KindModel, (route: string) => string][] = [
  [HTTP_ROUTE, names.httpRouteName],
  [HTTP_ROUTE, names.redirectRouteName],
  [TLS_ROUTE, names.tlsRouteName],
  [CONFIG_MAP, names.destinationCaName],
  [REFERENCE_GRANT, names.referenceGrantName],
  [BACKEND_TLS_POLICY, names.backendTlsPolicyName],
  [BACKEND_TRAFFIC_POLICY, names.trafficPolicyName],
  [SECURITY_POLICY, names.securityPolicyName],
];

export const identity = (o: Pick<KubeObject, 'apiVersion' | 'kind' | 'metadata'>) =>
  `${keyOf(o as KubeObject).groupKind}|${o.metadata.namespace ?? ''}|${o.metadata.name ?? ''}`;

export function deleteOf(object: KubeObject): Effect {
  const uid = object.metadata.uid;
  return {
    op: 'delete',
    apiVersion: object.apiVersion,
    key: keyOf(object),
    ...(uid ? { preconditions: { uid } } : {}),
  };
}

/** What the migration made from Route namespace/name and still exists, Secrets read by name. */
export async function madeFromRoute(
  view: ModelView,
  namespace: string,
  route: string,
): Promise<KubeObject[]> {
  const label = names.routeLabelValue(route);
  const ours = (o: KubeObject | undefined): o is KubeObject =>
    o?.metadata.labels?.[MIGRATED_FROM_LABEL] === label;
  const found: (KubeObject | undefined)[] = MADE_FROM_ROUTE.map(([kind, nameOf]) =>
    view.get(kind, namespace, nameOf(route)),
  );
  found.push(await view.readSecret(namespace, names.certificateSecretName(route)));
  return found.filter(ours);
}

/** The ClientTrafficPolicy the migration made for a Gateway, if it exists. */
export function madeForGateway(view: ModelView, gateway: GatewayRef): KubeObject | undefined {
  const policy = view.get(
    CLIENT_TRAFFIC_POLICY,
    gateway.namespace,
    names.connectionLimitPolicyName(gateway.name),
  );
  return policy?.metadata.labels?.[MIGRATED_FOR_GATEWAY_LABEL] === names.routeLabelValue(gateway.name)
    ? policy
    : undefined;
}

/** The Gateways the Gateway API routes made from a Route attach to (where it was migrated to before). */
export function previousGateways(view: ModelView, namespace: string, route: string): GatewayRef[] {
  const made = [HTTP_ROUTE, TLS_ROUTE].flatMap((kind) => {
    const object = view.get(kind, namespace, route);
    return object?.metadata.labels?.[MIGRATED_FROM_LABEL] === names.routeLabelValue(route) ? [object] : [];
  });
  return made.flatMap((object) =>
    (object.spec.parentRefs ?? []).map((ref) => ({ namespace: ref.namespace ?? namespace, name: ref.name })),
  );
}
