import {
  describeListener,
  type ListenerOwnerObject,
  listenerSetParent,
  listenersOf,
  type OwnedListener,
  sameOwner,
} from '../../../shared/gateway/listeners.js';
import type { ModelView } from '../../../shared/kube/model/model-view.js';
import { GATEWAY, LISTENER_SET } from '../../../shared/kube/schemas/gateway-api/definitions.js';
import { deny } from '../findings.js';
import type { Finding, ValidationRule } from '../types.js';
import { isKind } from './lib/kinds.js';
import { describeConflict, planListenerConflicts } from './lib/listener-conflict-planner.js';
import { sharedListeners } from './lib/topology.js';

const RULE = 'gateway/listener-conflicts';

function listenersAround(view: ModelView, object: ListenerOwnerObject): readonly OwnedListener[] {
  if (isKind(GATEWAY, object)) return sharedListeners(view, object, object);
  const parent = listenerSetParent(object);
  const gateway = view.get(GATEWAY, parent.namespace, parent.name);
  return gateway ? sharedListeners(view, gateway, object) : listenersOf(object);
}

/**
 * Listeners of the reviewed Gateway or ListenerSet must be distinct from every listener they share
 * a data plane with: the parent Gateway, its ListenerSets, and Gateways pinning the same address.
 * A conflict between two listeners of the reviewed object is reported once, on the later one.
 */
export const listenerConflicts: ValidationRule<ListenerOwnerObject> = {
  id: RULE,
  kinds: [GATEWAY, LISTENER_SET],
  reasons: ['HostnameConflict', 'ProtocolConflict'],
  guide: '配置 GatewayAPI Gateway',
  check({ object, view }) {
    const own = listenersOf(object)[0]?.owner;
    if (!own) return [];
    const findings: Finding[] = [];
    for (const plan of planListenerConflicts(listenersAround(view, object))) {
      const mine = plan.listener;
      if (!sameOwner(mine.owner, own)) continue;
      const conflict = plan.conflicts.find(
        (c) => !sameOwner(c.other.owner, own) || c.other.index < mine.index,
      );
      if (!conflict) continue;
      findings.push(
        deny(
          RULE,
          `spec.listeners[${mine.index}]`,
          describeConflict(plan, conflict),
          conflict.reason,
          describeListener(conflict.other),
        ),
      );
    }
    return findings;
  },
};
