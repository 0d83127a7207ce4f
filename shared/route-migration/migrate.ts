import type { ModelView } from '../kube/model/model-view.js';
import type { KubeObject } from '../kube/object.js';
import { GATEWAY } from '../kube/schemas/gateway-api/definitions.js';
import { ROUTE, type Route } from '../kube/schemas/openshift-route.js';
import {
  claimKey,
  claimWinners,
  compareAge,
  describeRoute,
  routeHost,
} from '../openshift-route/host-claims.js';
import { type GatewayRef, gatewayKey, gatewayOfRoute } from './gateway-choice.js';
import { gatewayObject } from './gateway-object.js';
import { gatewayRoutes } from './gateway-routes.js';
import { type Assignment, planGatewayListeners } from './listeners.js';
import { connectionLimitPolicy, securityPolicy, trafficPolicy } from './policies.js';
import { ItemLog, type RouteReport } from './report.js';
import { planRoute, type RoutePlan } from './route-plan.js';
import { backendTlsObjects, certificateObjects } from './tls-objects.js';

export interface MigrationOptions {
  /** The Gateway of Routes that name none (--gateway). */
  gateway?: GatewayRef;
  /** The class of a Gateway the migration creates because the cluster has none of that name. */
  gatewayClassName: string;
  /** Create a missing Gateway (the CLI); else a Route onto one is not converted (the function). */
  createGateway: boolean;
  /** The Routes given are all that are migrated onto their Gateways: listeners added before are planned anew. */
  pruneListeners: boolean;
  /** The Routes live in the cluster the objects go to: the objects are owned by them. */
  ownedByRoute: boolean;
  /** Routes without the acpnet.io/migrate-gateway annotation go to --gateway, else to the only Gateway there is. */
  onlyGatewayByDefault?: boolean;
  /** Gateways to plan even when no Route given is migrated onto them (with pruning: to remove their listeners). */
  gateways?: readonly GatewayRef[];
}

export interface MigrationResult {
  /** Every object to apply, in the order to apply them. */
  objects: KubeObject[];
  /** One per Route given, in namespace/name order. */
  reports: RouteReport[];
}

const identity = (route: Route) => `${route.metadata.namespace ?? ''}/${route.metadata.name ?? ''}`;

// What an object refers to comes before it, so that each is admitted against what it needs.
const KIND_ORDER = [
  'Secret',
  'ConfigMap',
  'ReferenceGrant',
  'Gateway',
  'HTTPRoute',
  'TLSRoute',
  'BackendTLSPolicy',
  'ClientTrafficPolicy',
  'BackendTrafficPolicy',
  'SecurityPolicy',
];

function objectOrder(a: KubeObject, b: KubeObject): number {
  const byKind = KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind);
  if (byKind !== 0) return byKind;
  const ka = `${a.metadata.namespace ?? ''}/${a.metadata.name ?? ''}`;
  const kb = `${b.metadata.namespace ?? ''}/${b.metadata.name ?? ''}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

function describeObject(o: KubeObject): string {
  return `${o.kind} ${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}`;
}

/** The Route that claims this Route's host and path before it, if one does (in the cluster or among those given). */
function olderClaim(route: Route, winners: ReadonlyMap<string, Route>): Route | undefined {
  const key = claimKey(route);
  const winner = key === undefined ? undefined : winners.get(key);
  return winner && identity(winner) !== identity(route) ? winner : undefined;
}

function routeObjects(plan: RoutePlan, sections: readonly Assignment[], owned: boolean): KubeObject[] {
  const names = sections.map((s) => s.sectionName);
  const [primary] = sections;
  return [
    ...(primary ? certificateObjects(plan, primary, owned) : []),
    ...backendTlsObjects(plan, owned),
    ...gatewayRoutes(plan, names, owned),
    ...trafficPolicy(plan, owned),
    ...securityPolicy(plan, owned),
  ];
}

/**
 * Converts OpenShift Routes to Gateway API and Envoy Gateway objects (the guide's
 * "从 OCP Route 迁移到 GatewayAPI Route"), reading the cluster from `view`: the Services (ports),
 * the Gateways (listeners), the Routes already there (host claims). Pure: nothing is written.
 */
export function migrateRoutes(
  routes: readonly Route[],
  view: ModelView,
  options: MigrationOptions,
): MigrationResult {
  const given = new Map(routes.map((r) => [identity(r), r]));
  const cluster = view.list(ROUTE).filter((r) => !given.has(identity(r)));
  const winners = claimWinners([...cluster, ...given.values()]);
  const reports = new Map<string, RouteReport>();
  const plans: RoutePlan[] = [];
  const fail = (route: Route, log: ItemLog, reason: string) =>
    reports.set(identity(route), {
      route: identity(route),
      outcome: 'not-converted',
      reason,
      objects: [],
      items: log.items,
    });

  const ordered = [...given.values()].sort(compareAge);
  for (const route of ordered) {
    const log = new ItemLog();
    const older = olderClaim(route, winners);
    if (older) {
      fail(
        route,
        log,
        `HostAlreadyClaimed: ${describeRoute(older)} is older and claims ${routeHost(route)}${route.spec.path ?? ''} too; OpenShift's router serves only the oldest`,
      );
      continue;
    }
    const gatewayOf = (r: Route) => {
      const ref = gatewayOfRoute(r, options.gateway, view, options.onlyGatewayByDefault ?? true);
      if ('failure' in ref || options.createGateway || view.get(GATEWAY, ref.namespace, ref.name)) return ref;
      return {
        failure: `Gateway ${gatewayKey(ref)} does not exist; the migration adds listeners to it but does not create it`,
      };
    };
    const plan = planRoute(route, { view, gatewayOf }, log);
    if ('failure' in plan) fail(route, log, plan.failure);
    else plans.push(plan);
  }

  const objects: KubeObject[] = [];
  const byGateway = new Map<string, { ref: GatewayRef; plans: RoutePlan[] }>();
  for (const ref of options.gateways ?? []) byGateway.set(gatewayKey(ref), { ref, plans: [] });
  for (const plan of plans) {
    const group = byGateway.get(gatewayKey(plan.gateway)) ?? { ref: plan.gateway, plans: [] };
    group.plans.push(plan);
    byGateway.set(gatewayKey(plan.gateway), group);
  }
  for (const { ref, plans: group } of byGateway.values()) {
    const existing = view.get(GATEWAY, ref.namespace, ref.name);
    const planListeners = (members: readonly RoutePlan[]) =>
      planGatewayListeners(
        ref,
        existing,
        members.flatMap((plan) =>
          plan.needs.map((need) => ({
            route: plan.id,
            namespace: plan.route.metadata.namespace ?? '',
            need,
          })),
        ),
        options.pruneListeners,
      );
    const failures = new Map<RoutePlan, string>();
    for (const plan of group) {
      const failure = planListeners(group)
        .assignments.get(plan.id)
        ?.find((s) => 'failure' in s);
      if (failure && 'failure' in failure) failures.set(plan, failure.failure);
    }
    // A Route that cannot be served adds no listener: the others are planned without it.
    const converted = group.filter((plan) => !failures.has(plan));
    const listenerPlan = planListeners(converted);
    for (const [plan, failure] of failures) fail(plan.route, plan.log, failure);
    for (const plan of converted) {
      const sections = (listenerPlan.assignments.get(plan.id) ?? []) as Assignment[];
      const made = routeObjects(plan, sections, options.ownedByRoute);
      objects.push(...made);
      reports.set(plan.id, {
        route: plan.id,
        outcome: 'converted',
        objects: made.map(describeObject),
        items: plan.log.items,
      });
    }
    const emit = existing ? options.pruneListeners || listenerPlan.added.length > 0 : converted.length > 0;
    if (emit) objects.push(gatewayObject(ref, existing, listenerPlan, options.gatewayClassName));
    const limit = connectionLimitPolicy(ref, converted);
    if (limit) objects.push(limit);
  }
  return {
    objects: objects.sort(objectOrder),
    reports: [...given.keys()].sort().map((id) => reports.get(id)!),
  };
}
