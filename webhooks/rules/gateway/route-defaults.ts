import { array, dig, type Fields, record } from '../../../shared/kube/fields.js';
import { GATEWAY_GROUP, ROUTE_KINDS } from '../../../shared/kube/schemas/gateway-api/definitions.js';
import type { JsonPatchOperation, Mutator } from '../types.js';

const ROOT_PATH = { type: 'PathPrefix', value: '/' };

function addMissing(ops: JsonPatchOperation[], target: Fields, path: string, defaults: Fields): void {
  for (const [key, value] of Object.entries(defaults))
    if (target[key] === undefined) ops.push({ op: 'add', path: `${path}/${key}`, value });
}

function pathMatchDefaults(ops: JsonPatchOperation[], rule: Fields, base: string): void {
  if (rule.matches === undefined) {
    ops.push({ op: 'add', path: `${base}/matches`, value: [{ path: ROOT_PATH }] });
    return;
  }
  array(rule.matches).forEach((m, mi) => {
    const match = record(m);
    if (!match) return;
    const path = record(match.path);
    if (match.path === undefined)
      ops.push({ op: 'add', path: `${base}/matches/${mi}/path`, value: ROOT_PATH });
    else if (path) addMissing(ops, path, `${base}/matches/${mi}/path`, ROOT_PATH);
  });
}

/**
 * Route defaults as the API server would apply them: parentRef group/kind, backendRef
 * group/kind/weight, and for HTTPRoute a PathPrefix `/` match where none or no path type is given
 * (an HTTPRoute without rules gets one rule holding that match, as upstream's CRD default).
 */
export const routeDefaults: Mutator = {
  id: 'gateway/route-defaults',
  kinds: ROUTE_KINDS,
  mutate({ object }) {
    const ops: JsonPatchOperation[] = [];
    array(dig(object, 'spec', 'parentRefs')).forEach((p, i) => {
      const ref = record(p);
      if (ref) addMissing(ops, ref, `/spec/parentRefs/${i}`, { group: GATEWAY_GROUP, kind: 'Gateway' });
    });
    const spec = record(object.spec);
    if (object.kind === 'HTTPRoute' && spec && spec.rules === undefined)
      ops.push({ op: 'add', path: '/spec/rules', value: [{ matches: [{ path: ROOT_PATH }] }] });
    array(dig(object, 'spec', 'rules')).forEach((r, ri) => {
      const rule = record(r);
      if (!rule) return;
      const base = `/spec/rules/${ri}`;
      array(rule.backendRefs).forEach((b, bi) => {
        const ref = record(b);
        if (ref) addMissing(ops, ref, `${base}/backendRefs/${bi}`, { group: '', kind: 'Service', weight: 1 });
      });
      if (object.kind === 'HTTPRoute') pathMatchDefaults(ops, rule, base);
    });
    return ops;
  },
};
