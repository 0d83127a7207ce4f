import { MIGRATED_FOR_GATEWAY_LABEL } from '../kube/keys/openshift-route.js';
import type { KubeObject } from '../kube/object.js';
import type { BalanceAlgorithm } from '../openshift-route/haproxy-values.js';
import { gatewayDuration } from '../openshift-route/haproxy-values.js';
import type { GatewayRef } from './gateway-choice.js';
import {
  connectionLimitPolicyName,
  routeLabelValue,
  securityPolicyName,
  trafficPolicyName,
} from './names.js';
import { ENVOY_GATEWAY_API, GATEWAY_API, madeFrom } from './object-meta.js';
import type { RoutePlan } from './route-plan.js';

/** The Envoy Gateway policies of the guide: BackendTrafficPolicy, SecurityPolicy, ClientTrafficPolicy. */

const LOAD_BALANCERS: Readonly<Record<BalanceAlgorithm, Record<string, unknown>>> = {
  roundrobin: { type: 'RoundRobin' },
  leastconn: { type: 'LeastRequest' },
  random: { type: 'Random' },
  source: { type: 'ConsistentHash', consistentHash: { type: 'SourceIP' } },
};

/** HAProxy counts http_req_rate over 10 seconds; Envoy's local rate limits take whole units. */
const RATE_WINDOWS_PER_MINUTE = 6;

function routeTarget(plan: RoutePlan) {
  const kind = plan.settings.termination === 'passthrough' ? 'TLSRoute' : 'HTTPRoute';
  return { group: GATEWAY_API, kind, name: plan.route.metadata.name ?? '' };
}

export function trafficPolicy(plan: RoutePlan, owned: boolean): KubeObject[] {
  const { balance, rateHttp, healthIntervalMs } = plan.settings;
  if (balance === undefined && rateHttp === undefined && healthIntervalMs === undefined) return [];
  const perClient = (value: string) => ({ clientSelectors: [{ sourceCIDR: { type: 'Distinct', value } }] });
  const limit = { requests: (rateHttp ?? 0) * RATE_WINDOWS_PER_MINUTE, unit: 'Minute' };
  return [
    {
      apiVersion: ENVOY_GATEWAY_API,
      kind: 'BackendTrafficPolicy',
      metadata: madeFrom(plan.route, trafficPolicyName(plan.route.metadata.name ?? ''), owned),
      spec: {
        targetRefs: [routeTarget(plan)],
        ...(balance ? { loadBalancer: LOAD_BALANCERS[balance] } : {}),
        ...(rateHttp !== undefined
          ? {
              rateLimit: {
                type: 'Local',
                local: {
                  rules: [
                    { ...perClient('0.0.0.0/0'), limit },
                    { ...perClient('::/0'), limit },
                  ],
                },
              },
            }
          : {}),
        ...(healthIntervalMs !== undefined
          ? { healthCheck: { active: { type: 'TCP', interval: gatewayDuration(healthIntervalMs), tcp: {} } } }
          : {}),
      },
    },
  ];
}

export function securityPolicy(plan: RoutePlan, owned: boolean): KubeObject[] {
  const cidrs = plan.settings.allowlist;
  if (!cidrs || plan.settings.termination === 'passthrough') return [];
  return [
    {
      apiVersion: ENVOY_GATEWAY_API,
      kind: 'SecurityPolicy',
      metadata: madeFrom(plan.route, securityPolicyName(plan.route.metadata.name ?? ''), owned),
      spec: {
        targetRefs: [routeTarget(plan)],
        authorization: {
          defaultAction: 'Deny',
          rules: [{ action: 'Allow', principal: { clientCIDRs: cidrs } }],
        },
      },
    },
  ];
}

/** One ClientTrafficPolicy per Gateway, limiting its connections to the sum of the Routes' limits. */
export function connectionLimitPolicy(
  gateway: GatewayRef,
  plans: readonly RoutePlan[],
): KubeObject | undefined {
  const total = plans.reduce((sum, plan) => sum + (plan.settings.connectionLimit ?? 0), 0);
  if (total === 0) return undefined;
  return {
    apiVersion: ENVOY_GATEWAY_API,
    kind: 'ClientTrafficPolicy',
    metadata: {
      name: connectionLimitPolicyName(gateway.name),
      namespace: gateway.namespace,
      labels: { [MIGRATED_FOR_GATEWAY_LABEL]: routeLabelValue(gateway.name) },
    },
    spec: {
      targetRefs: [{ group: GATEWAY_API, kind: 'Gateway', name: gateway.name }],
      connection: { connectionLimit: { value: total } },
    },
  };
}
