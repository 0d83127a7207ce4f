import type { ModelView } from '../kube/model/model-view.js';
import { httpPathMatch } from '../kube/schemas/gateway-api/http-route.js';
import type { Route } from '../kube/schemas/openshift-route.js';
import { routeHostname } from '../openshift-route/host-claims.js';
import { type BackendRef, backendRefs } from './backends.js';
import type { GatewayRef } from './gateway-choice.js';
import type { ListenerNeed } from './listeners.js';
import { certificateSecretName } from './names.js';
import type { ItemLog } from './report.js';
import { type RouteSettings, readRouteSettings } from './settings.js';
import { Targets } from './targets.js';

export type PlainHttp = 'none' | 'allow' | 'redirect';

/** What a Route becomes, before its listeners are known. */
export interface RoutePlan {
  route: Route;
  /** `namespace/name`. */
  id: string;
  log: ItemLog;
  t: Targets;
  hostname: string;
  gateway: GatewayRef;
  settings: RouteSettings;
  backends: BackendRef[];
  /** The listener it is served on, then (plainHttp not none) the HTTP listener. */
  needs: ListenerNeed[];
  plainHttp: PlainHttp;
  /** Its inline certificate, made into a Secret of this name. */
  inlineCertificate: boolean;
}

function plainHttpOf(route: Route): PlainHttp {
  const policy = route.spec.tls?.insecureEdgeTerminationPolicy;
  if (!route.spec.tls) return 'none';
  return policy === 'Allow' ? 'allow' : policy === 'Redirect' ? 'redirect' : 'none';
}

function hostItems(route: Route, hostname: string, log: ItemLog, target: string): void {
  if (route.spec.host) {
    if (route.spec.wildcardPolicy === 'Subdomain')
      log.approximated(
        'spec.wildcardPolicy',
        `${target} spec.hostnames[0] (${hostname})`,
        `OpenShift's Subdomain wildcard serves hosts one label below ${hostname.slice(2)}; Gateway API's ${hostname} serves any number of labels`,
      );
    log.mapped('spec.host', `${target} spec.hostnames[0]`);
  } else
    log.approximated(
      'spec.host',
      `${target} spec.hostnames[0] (${hostname})`,
      `spec.host is empty${route.spec.subdomain ? ` (spec.subdomain ${route.spec.subdomain})` : ''}: the host the router admitted the Route with (status.ingress) is used`,
    );
  const path = route.spec.path;
  if (path === undefined || path === '') return;
  const at = `${target} spec.rules[0].matches[0].path (PathPrefix)`;
  if (path.length > 1 && path.endsWith('/'))
    log.approximated(
      'spec.path',
      at,
      `the router does not serve ${path.slice(0, -1)} for ${path}; Gateway API ignores the trailing slash of a prefix and does`,
    );
  else log.mapped('spec.path', at);
}

function tlsItems(route: Route, plan: Pick<RoutePlan, 't' | 'log' | 'plainHttp'>): void {
  const tls = route.spec.tls;
  const { t, log } = plan;
  if (!tls) return;
  const termination = tls.termination;
  if (termination === 'passthrough')
    log.mapped('spec.tls.termination', `${t.tlsRoute} and a TLS (Passthrough) listener`);
  else
    log.mapped(
      'spec.tls.termination',
      `${t.httpRoute} on an HTTPS (Terminate) listener${termination === 'reencrypt' ? `, ${t.backendTlsPolicy}` : ''}`,
    );
  if (tls.insecureEdgeTerminationPolicy !== undefined && tls.insecureEdgeTerminationPolicy !== '') {
    const target =
      plan.plainHttp === 'allow'
        ? `${t.httpRoute} spec.parentRefs (also the HTTP listener)`
        : plan.plainHttp === 'redirect'
          ? `${t.redirectRoute} (RequestRedirect scheme https, 302 as the router answers)`
          : `${t.httpRoute} (not on the HTTP listener)`;
    log.mapped('spec.tls.insecureEdgeTerminationPolicy', target);
  }
}

/** Why a Route path is no Gateway API PathPrefix value (OpenShift takes any text after a slash). */
function pathProblem(path: string): string | undefined {
  const checked = httpPathMatch.safeParse({ type: 'PathPrefix', value: path });
  return checked.success ? undefined : checked.error.issues.map((i) => i.message).join('; ');
}

export interface PlanContext {
  view: ModelView;
  gatewayOf: (route: Route) => GatewayRef | { failure: string };
}

/** The plan of one Route, or why it cannot be converted (its items so far are kept in `log`). */
export function planRoute(route: Route, ctx: PlanContext, log: ItemLog): RoutePlan | { failure: string } {
  const namespace = route.metadata.namespace ?? '';
  const name = route.metadata.name ?? '';
  const hostname = routeHostname(route);
  if (hostname === undefined)
    return {
      failure: `has no host: spec.host is empty and the Route has no admitted host in status.ingress${route.spec.subdomain ? ` (spec.subdomain ${route.spec.subdomain} needs OpenShift's ingress domain)` : ''}`,
    };
  const gateway = ctx.gatewayOf(route);
  if ('failure' in gateway) return gateway;
  const t = new Targets(namespace, name, gateway);
  const tls = route.spec.tls;
  if (tls?.certificate && !tls.key) return { failure: 'spec.tls.certificate has no spec.tls.key' };
  const path = route.spec.path;
  if (path) {
    const problem = pathProblem(path);
    if (problem) return { failure: `spec.path "${path}" cannot be a Gateway API path prefix: ${problem}` };
  }
  const passthrough = tls?.termination === 'passthrough';
  const routeTarget = passthrough ? t.tlsRoute : t.httpRoute;
  hostItems(route, hostname, log, routeTarget);
  const backends = backendRefs(route, ctx.view, log, `${routeTarget} spec.rules[0]`);
  if ('failure' in backends) return backends;
  if (route.spec.port) log.mapped('spec.port.targetPort', `${routeTarget} spec.rules[0].backendRefs[*].port`);
  const settings = readRouteSettings(route, log, t);
  const plainHttp = plainHttpOf(route);
  const plan = {
    route,
    id: `${namespace}/${name}`,
    log,
    t,
    hostname,
    gateway,
    settings,
    backends,
    plainHttp,
  };
  tlsItems(route, plan);
  const external = tls?.externalCertificate?.name;
  const certificate = tls?.certificate
    ? { namespace, name: certificateSecretName(name) }
    : external
      ? { namespace, name: external }
      : undefined;
  const needs: ListenerNeed[] = !tls
    ? [{ kind: 'http', hostname }]
    : passthrough
      ? [{ kind: 'tls', hostname }]
      : [{ kind: 'https', hostname, ...(certificate ? { certificate } : {}) }];
  if (plainHttp !== 'none') needs.push({ kind: 'http', hostname });
  return { ...plan, needs, inlineCertificate: tls?.certificate !== undefined && tls.certificate !== '' };
}
