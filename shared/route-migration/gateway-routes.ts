import type { KubeObject } from '../kube/object.js';
import { gatewayDuration } from '../openshift-route/haproxy-values.js';
import type { BackendRef } from './backends.js';
import type { HeaderChanges } from './header-settings.js';
import { httpRouteName, redirectRouteName, tlsRouteName } from './names.js';
import { GATEWAY_API, madeFrom } from './object-meta.js';
import type { RoutePlan } from './route-plan.js';

/** The HTTPRoute (and the redirect of plain HTTP) or TLSRoute of a planned Route, on the listeners given. */

function parentRefs(plan: RoutePlan, sections: readonly string[]) {
  return sections.map((sectionName) => ({
    name: plan.gateway.name,
    namespace: plan.gateway.namespace,
    sectionName,
  }));
}

function backendRefsOf(backends: readonly BackendRef[]) {
  // One backend at the router's default weight needs no weight; otherwise each keeps its own.
  const weighted = backends.length > 1 || backends.some((b) => b.weight !== 100);
  return backends.map((b) => ({ name: b.name, port: b.port, ...(weighted ? { weight: b.weight } : {}) }));
}

function modifier(changes: HeaderChanges) {
  return {
    ...(changes.set.length > 0 ? { set: changes.set } : {}),
    ...(changes.remove.length > 0 ? { remove: changes.remove } : {}),
  };
}

function filters(plan: RoutePlan) {
  const { settings } = plan;
  const response: HeaderChanges = {
    set: [
      ...settings.response.set,
      ...(settings.hsts ? [{ name: 'Strict-Transport-Security', value: settings.hsts }] : []),
    ],
    remove: settings.response.remove,
  };
  const out: Record<string, unknown>[] = [];
  const request = modifier(settings.request);
  if (Object.keys(request).length > 0)
    out.push({ type: 'RequestHeaderModifier', requestHeaderModifier: request });
  const responseModifier = modifier(response);
  if (Object.keys(responseModifier).length > 0)
    out.push({ type: 'ResponseHeaderModifier', responseHeaderModifier: responseModifier });
  if (settings.rewriteTarget)
    out.push({
      type: 'URLRewrite',
      urlRewrite: { path: { type: 'ReplacePrefixMatch', replacePrefixMatch: settings.rewriteTarget } },
    });
  return out;
}

function matches(plan: RoutePlan) {
  const path = plan.route.spec.path;
  if (!path && !plan.settings.rewriteTarget) return undefined;
  return [{ path: { type: 'PathPrefix', value: path || '/' } }];
}

export function httpRouteObjects(plan: RoutePlan, sections: readonly string[], owned: boolean): KubeObject[] {
  const name = plan.route.metadata.name ?? '';
  const [primary = '', plain] = sections;
  const match = matches(plan);
  const ruleFilters = filters(plan);
  const { settings } = plan;
  const main: KubeObject = {
    apiVersion: `${GATEWAY_API}/v1`,
    kind: 'HTTPRoute',
    metadata: madeFrom(plan.route, httpRouteName(name), owned),
    spec: {
      parentRefs: parentRefs(plan, plan.plainHttp === 'allow' && plain ? [primary, plain] : [primary]),
      hostnames: [plan.hostname],
      rules: [
        {
          ...(match ? { matches: match } : {}),
          ...(ruleFilters.length > 0 ? { filters: ruleFilters } : {}),
          backendRefs: backendRefsOf(plan.backends),
          timeouts: { request: gatewayDuration(settings.timeoutMs) },
          ...(settings.cookieName
            ? { sessionPersistence: { sessionName: settings.cookieName, type: 'Cookie' } }
            : {}),
        },
      ],
    },
  };
  if (plan.plainHttp !== 'redirect' || !plain) return [main];
  const redirect: KubeObject = {
    apiVersion: `${GATEWAY_API}/v1`,
    kind: 'HTTPRoute',
    metadata: madeFrom(plan.route, redirectRouteName(name), owned),
    spec: {
      parentRefs: parentRefs(plan, [plain]),
      hostnames: [plan.hostname],
      rules: [
        {
          ...(match ? { matches: match } : {}),
          filters: [{ type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode: 302 } }],
        },
      ],
    },
  };
  return [main, redirect];
}

/** TLSRoute in v1alpha2, the version the guide and Envoy Gateway 1.6 read. */
export function tlsRouteObjects(plan: RoutePlan, sections: readonly string[], owned: boolean): KubeObject[] {
  const name = plan.route.metadata.name ?? '';
  const [primary = '', plain] = sections;
  const objects: KubeObject[] = [
    {
      apiVersion: `${GATEWAY_API}/v1alpha2`,
      kind: 'TLSRoute',
      metadata: madeFrom(plan.route, tlsRouteName(name), owned),
      spec: {
        parentRefs: parentRefs(plan, [primary]),
        hostnames: [plan.hostname],
        rules: [{ backendRefs: backendRefsOf(plan.backends) }],
      },
    },
  ];
  if (plan.plainHttp === 'redirect' && plain)
    objects.push({
      apiVersion: `${GATEWAY_API}/v1`,
      kind: 'HTTPRoute',
      metadata: madeFrom(plan.route, redirectRouteName(name), owned),
      spec: {
        parentRefs: parentRefs(plan, [plain]),
        hostnames: [plan.hostname],
        rules: [
          { filters: [{ type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode: 302 } }] },
        ],
      },
    });
  return objects;
}

export function gatewayRoutes(plan: RoutePlan, sections: readonly string[], owned: boolean): KubeObject[] {
  return plan.settings.termination === 'passthrough'
    ? tlsRouteObjects(plan, sections, owned)
    : httpRouteObjects(plan, sections, owned);
}
