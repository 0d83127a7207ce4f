import { MIGRATED_LISTENERS_ANNOTATION } from '../kube/keys/openshift-route.js';
import type { KubeObject } from '../kube/object.js';
import type { Gateway } from '../kube/schemas/gateway-api/gateway.js';
import type { GatewayRef } from './gateway-choice.js';
import type { GatewayPlan } from './listeners.js';
import { GATEWAY_API } from './object-meta.js';

/** Kept by kubectl on objects it applied; carries the old object, not part of what is migrated. */
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * The Gateway with the listeners the Routes need: the existing one as the user wrote it (no server
 * metadata or status) with the added listeners after its own, or a new one of `gatewayClassName`.
 * The annotation lists the listeners the migration owns.
 */
export function gatewayObject(
  ref: GatewayRef,
  existing: Gateway | undefined,
  plan: GatewayPlan,
  gatewayClassName: string,
): KubeObject {
  const listeners = [...plan.base, ...plan.added];
  if (!existing)
    return {
      apiVersion: `${GATEWAY_API}/v1`,
      kind: 'Gateway',
      metadata: {
        name: ref.name,
        namespace: ref.namespace,
        annotations: { [MIGRATED_LISTENERS_ANNOTATION]: plan.ours.join(',') },
      },
      spec: { gatewayClassName, listeners },
    };
  const { labels, annotations } = existing.metadata;
  const rest = Object.fromEntries(
    Object.entries(annotations ?? {}).filter(
      ([key]) => key !== LAST_APPLIED && key !== MIGRATED_LISTENERS_ANNOTATION,
    ),
  );
  const kept = {
    ...rest,
    ...(plan.ours.length > 0 ? { [MIGRATED_LISTENERS_ANNOTATION]: plan.ours.join(',') } : {}),
  };
  return {
    apiVersion: existing.apiVersion,
    kind: 'Gateway',
    metadata: {
      name: ref.name,
      namespace: ref.namespace,
      ...(labels ? { labels } : {}),
      ...(Object.keys(kept).length > 0 ? { annotations: kept } : {}),
    },
    spec: { ...existing.spec, listeners },
  };
}
