import { MIGRATE_GATEWAY_ANNOTATION } from '../kube/keys/openshift-route.js';
import type { ModelView } from '../kube/model/model-view.js';
import { GATEWAY } from '../kube/schemas/gateway-api/definitions.js';
import type { Route } from '../kube/schemas/openshift-route.js';

export interface GatewayRef {
  namespace: string;
  name: string;
}

const dnsLabel = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const dnsSubdomain = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** `NAMESPACE/NAME`, or `NAME` in `defaultNamespace`; undefined when it is neither. */
export function parseGatewayRef(text: string, defaultNamespace: string): GatewayRef | undefined {
  const [first, second, ...rest] = text.split('/');
  if (rest.length > 0 || first === undefined) return undefined;
  const ref =
    second === undefined ? { namespace: defaultNamespace, name: first } : { namespace: first, name: second };
  return dnsLabel.test(ref.namespace) && ref.name.length <= 253 && dnsSubdomain.test(ref.name)
    ? ref
    : undefined;
}

export const gatewayKey = (ref: GatewayRef) => `${ref.namespace}/${ref.name}`;

/**
 * The Gateway a Route's Gateway API routes attach to: the Route's acpnet.io/migrate-gateway
 * annotation, else the one given (--gateway), else (for the CLI) the only Gateway there is; the
 * function takes only the annotation, since "the only Gateway" changes as Gateways come and go.
 */
export function gatewayOfRoute(
  route: Route,
  given: GatewayRef | undefined,
  view: ModelView,
  onlyGatewayByDefault = true,
): GatewayRef | { failure: string } {
  const namespace = route.metadata.namespace ?? '';
  const annotated = route.metadata.annotations?.[MIGRATE_GATEWAY_ANNOTATION];
  if (annotated !== undefined) {
    const ref = parseGatewayRef(annotated, namespace);
    return (
      ref ?? { failure: `${MIGRATE_GATEWAY_ANNOTATION}: "${annotated}" is not [NAMESPACE/]NAME of a Gateway` }
    );
  }
  if (given) return given;
  if (!onlyGatewayByDefault)
    return {
      failure: `no Gateway is named: set the ${MIGRATE_GATEWAY_ANNOTATION} annotation to [NAMESPACE/]NAME`,
    };
  const gateways = view.list(GATEWAY);
  const [only] = gateways;
  if (only && gateways.length === 1)
    return { namespace: only.metadata.namespace ?? '', name: only.metadata.name ?? '' };
  return {
    failure: `no Gateway is named (the ${MIGRATE_GATEWAY_ANNOTATION} annotation or --gateway NS/NAME), and the cluster has ${gateways.length === 0 ? 'none' : `${gateways.length}`} to choose from`,
  };
}
