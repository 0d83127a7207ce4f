import { MIGRATED_FROM_LABEL } from '../kube/keys/openshift-route.js';
import type { KubeObject } from '../kube/object.js';
import type { Route } from '../kube/schemas/openshift-route.js';
import { routeLabelValue } from './names.js';

export type ObjectMeta = KubeObject['metadata'];

/**
 * Metadata of an object made from a Route: in its namespace, labelled with it, and (when the Route
 * lives in the same cluster, as for the function) owned by it, so deleting the Route deletes it.
 */
export function madeFrom(route: Route, name: string, owned: boolean): ObjectMeta {
  const uid = route.metadata.uid;
  return {
    name,
    namespace: route.metadata.namespace ?? '',
    labels: { [MIGRATED_FROM_LABEL]: routeLabelValue(route.metadata.name ?? '') },
    ...(owned && uid
      ? {
          ownerReferences: [
            {
              apiVersion: route.apiVersion,
              kind: 'Route',
              name: route.metadata.name ?? '',
              uid,
              controller: true,
            },
          ],
        }
      : {}),
  };
}

export const GATEWAY_API = 'gateway.networking.k8s.io';
export const ENVOY_GATEWAY_API = 'gateway.envoyproxy.io/v1alpha1';
