import { gatewayAllowsListenerSet, listenerSetParent } from '../../../shared/gateway/listeners.js';
import { labelsOfNamespace } from '../../../shared/kube/namespace-labels.js';
import { GATEWAY, LISTENER_SET } from '../../../shared/kube/schemas/gateway-api/definitions.js';
import type { ListenerSet } from '../../../shared/kube/schemas/gateway-api/listener-set.js';
import { deny, warn } from '../findings.js';
import type { ValidationRule } from '../types.js';

const RULE = 'gateway/listenerset-parent';

/** A ListenerSet's parent Gateway must accept ListenerSets from its namespace (`spec.allowedListeners`). */
export const listenerSetParentRule: ValidationRule<ListenerSet> = {
  id: RULE,
  kinds: [LISTENER_SET],
  reasons: ['ParentNotFound', 'NotAllowed'],
  guide: '配置 GatewayAPI Gateway',
  check({ object, view }) {
    const parent = listenerSetParent(object);
    const gateway = view.get(GATEWAY, parent.namespace, parent.name);
    const other = `Gateway ${parent.namespace}/${parent.name}`;
    if (!gateway) return [warn(RULE, 'spec.parentRef', `${other} does not exist (yet)`, 'ParentNotFound')];
    const ns = object.metadata.namespace ?? '';
    const labels = labelsOfNamespace(view, ns);
    if (gatewayAllowsListenerSet(gateway, ns, labels)) return [];
    return [
      deny(
        RULE,
        'spec.parentRef',
        `the Gateway does not accept ListenerSets from namespace ${ns} (spec.allowedListeners)`,
        'NotAllowed',
        other,
      ),
    ];
  },
};
