import type { ModelView } from '../kube/model/model-view.js';
import { SERVICE, type ServicePort } from '../kube/schemas/core.js';
import type { Route, RouteTargetReference } from '../kube/schemas/openshift-route.js';
import type { ItemLog } from './report.js';

export interface BackendRef {
  name: string;
  port: number;
  weight: number;
}

type PortChoice = { port: number; difference?: string } | { failure: string };

/** The router's default weight of a backend without one. */
const DEFAULT_WEIGHT = 100;

function portOfService(ports: readonly ServicePort[], targetPort: number | string | undefined): PortChoice {
  if (targetPort === undefined) {
    const [first, ...rest] = ports;
    if (!first) return { failure: 'has no ports' };
    if (rest.length === 0) return { port: first.port };
    return {
      port: first.port,
      difference: `the router balanced over all ${ports.length} ports of the Service; Gateway API sends to one, its first port ${first.port}`,
    };
  }
  if (typeof targetPort === 'string') {
    const named = ports.find((p) => p.name === targetPort);
    if (named) return { port: named.port };
    const byTarget = ports.find((p) => p.targetPort === targetPort);
    if (byTarget)
      return {
        port: byTarget.port,
        difference: `the Service has no port named "${targetPort}"; its port ${byTarget.port} has targetPort "${targetPort}"`,
      };
    return { failure: `has no port named "${targetPort}"` };
  }
  const byTarget = ports.find((p) => (p.targetPort ?? p.port) === targetPort);
  if (byTarget) return { port: byTarget.port };
  const byPort = ports.find((p) => p.port === targetPort);
  if (byPort)
    return {
      port: byPort.port,
      difference: `targetPort names the Pods' port, and no port of the Service sends to ${targetPort}; its port ${targetPort} is used`,
    };
  return { failure: `has no port whose targetPort is ${targetPort}` };
}

/**
 * The Service port a backend of the Route is reached at. Routes name the Pods' port (targetPort)
 * while Gateway API names the Service's port, so the Service is read; without it only a numbered
 * targetPort can be assumed to be the Service's port too.
 */
function backendPort(route: Route, service: string, view: ModelView): PortChoice {
  const namespace = route.metadata.namespace ?? '';
  const targetPort = route.spec.port?.targetPort;
  const found = view.get(SERVICE, namespace, service);
  if (found) {
    const choice = portOfService(found.spec?.ports ?? [], targetPort);
    return 'failure' in choice ? { failure: `Service ${namespace}/${service} ${choice.failure}` } : choice;
  }
  if (typeof targetPort === 'number')
    return {
      port: targetPort,
      difference: `Service ${namespace}/${service} is not known (give it in --state): its port is assumed to be targetPort ${targetPort}`,
    };
  return {
    failure: `Service ${namespace}/${service} is not known, and without it ${targetPort === undefined ? 'a Route without spec.port' : `the named targetPort "${targetPort}"`} gives no port (give the Service in --state)`,
  };
}

/** The backend refs of `to` and `alternateBackends`, with weights; a failure names the backend. */
export function backendRefs(
  route: Route,
  view: ModelView,
  log: ItemLog,
  target: string,
): BackendRef[] | { failure: string } {
  const backends: [string, RouteTargetReference][] = [
    ['spec.to', route.spec.to],
    ...(route.spec.alternateBackends ?? []).map(
      (b, i) => [`spec.alternateBackends[${i}]`, b] as [string, RouteTargetReference],
    ),
  ];
  const refs: BackendRef[] = [];
  for (const [subject, backend] of backends) {
    const choice = backendPort(route, backend.name, view);
    if ('failure' in choice) return { failure: `${subject}: ${choice.failure}` };
    const at = `${target}.backendRefs[${refs.length}]`;
    if (choice.difference) log.approximated(subject, at, choice.difference);
    else log.mapped(subject, at);
    refs.push({ name: backend.name, port: choice.port, weight: backend.weight ?? DEFAULT_WEIGHT });
  }
  if (refs.every((r) => r.weight === 0))
    log.approximated(
      'spec.to.weight',
      `${target}.backendRefs[*].weight`,
      'every backend has weight 0: the router answers 503, Gateway API implementations answer 500',
    );
  return refs;
}
