import {
  GATEWAY_GROUP,
  type GatewayRoute,
  HTTP_ROUTE,
  ROUTE_KINDS,
} from '../../../shared/kube/schemas/gateway-api/definitions.js';
import type { HTTPRouteRule } from '../../../shared/kube/schemas/gateway-api/http-route.js';
import type { JsonPatchOperation, Mutator } from '../types.js';
import { isKind } from './lib/kinds.js';

const ROOT_PATH = { type: 'PathPrefix', value: '/' };

/** Adds each field of `defaults` that `target` (a typed object at `path`) leaves out. */
function addMissing(
  ops: JsonPatchOperation[],
  target: Readonly<Record<string, unknown>>,
  path: string,
  defaults: Readonly<Record<string, unknown>>,
): void {
  for (const [key, value] of Object.entries(defaults))
    if (target[key] === undefined) ops.push({ op: 'add', path: `${path}/${key}`, value });
}

function pathMatchDefaults(ops: JsonPatchOperation[], rule: HTTPRouteRule, base: string): void {
  if (rule.matches === undefined) {
    ops.push({ op: 'add', path: `${base}/matches`, value: [{ path: ROOT_PATH }] });
    return;
  }
  rule.matches.forEach((match, mi) => {
    if (match.path === undefined)
      ops.push({ op: 'add', path: `${base}/matches/${mi}/path`, value: ROOT_PATH });
    else addMissing(ops, match.path, `${base}/matches/${mi}/path`, ROOT_PATH);
  });
}

/** What every route kind's rules share for defaulting: their backendRefs. */
interface DefaultedRule {
  backendRefs?: readonly Readonly<Record<string, unknown>>[];
}

function backendRefDefaults(ops: JsonPatchOperation[], rule: DefaultedRule, base: string): void {
  (rule.backendRefs ?? []).forEach((ref, bi) => {
    addMissing(ops, ref, `${base}/backendRefs/${bi}`, { group: '', kind: 'Service', weight: 1 });
  });
}

/**
 * Route defaults as the API server would apply them: parentRef group/kind, backendRef
 * group/kind/weight, and for HTTPRoute a PathPrefix `/` match where none or no path type is given
 * (an HTTPRoute without rules gets one rule holding that match, as upstream's CRD default).
 */
export const routeDefaults: Mutator<GatewayRoute> = {
  id: 'gateway/route-defaults',
  kinds: ROUTE_KINDS,
  guide: '配置 GatewayAPI Route',
  mutate({ object }) {
    const ops: JsonPatchOperation[] = [];
    (object.spec.parentRefs ?? []).forEach((ref, i) => {
      addMissing(ops, ref, `/spec/parentRefs/${i}`, { group: GATEWAY_GROUP, kind: 'Gateway' });
    });
    if (!isKind(HTTP_ROUTE, object)) {
      const rules: readonly DefaultedRule[] = object.spec.rules ?? [];
      rules.forEach((rule, ri) => {
        backendRefDefaults(ops, rule, `/spec/rules/${ri}`);
      });
      return ops;
    }
    if (object.spec.rules === undefined)
      ops.push({ op: 'add', path: '/spec/rules', value: [{ matches: [{ path: ROOT_PATH }] }] });
    (object.spec.rules ?? []).forEach((rule, ri) => {
      backendRefDefaults(ops, rule, `/spec/rules/${ri}`);
      pathMatchDefaults(ops, rule, `/spec/rules/${ri}`);
    });
    return ops;
  },
};
