import { type Listener, type RouteGroupKind, tlsMode } from '../../../../shared/gateway/listeners.js';
import { GATEWAY_GROUP } from '../../../../shared/kube/schemas/gateway-api/definitions.js';

/** Route kinds a listener's protocol can carry on this platform (guide: 支持的路由类型). */
export function supportedRouteKinds(listener: Listener): string[] {
  switch (listener.protocol) {
    case 'HTTP':
    case 'HTTPS':
      return ['HTTPRoute', 'GRPCRoute'];
    case 'TLS':
      return tlsMode(listener) === 'Passthrough' ? ['TLSRoute'] : ['TCPRoute'];
    case 'TCP':
      return ['TCPRoute'];
    case 'UDP':
      return ['UDPRoute'];
    default:
      return [];
  }
}

function isGatewayGroup(kind: RouteGroupKind): boolean {
  return kind.group === undefined || kind.group === GATEWAY_GROUP;
}

/** `allowedRoutes.kinds` entries the protocol cannot carry (InvalidRouteKinds). */
export function unsupportedAllowedKinds(listener: Listener): RouteGroupKind[] {
  const supported = supportedRouteKinds(listener);
  return (listener.allowedRoutes?.kinds ?? []).filter(
    (k) => !isGatewayGroup(k) || !supported.includes(k.kind),
  );
}

/** Route kinds the listener admits: its explicit, supported `allowedRoutes.kinds`, else all supported. */
export function admittedRouteKinds(listener: Listener): string[] {
  const supported = supportedRouteKinds(listener);
  const explicit = listener.allowedRoutes?.kinds;
  if (explicit === undefined || explicit.length === 0) return supported;
  return explicit.filter((k) => isGatewayGroup(k) && supported.includes(k.kind)).map((k) => k.kind);
}
