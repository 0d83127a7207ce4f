import { listenersOf } from '../../../shared/gateway/listeners.js';
import { array, dig } from '../../../shared/kube/fields.js';
import { NAMESPACE } from '../../../shared/kube/schemas/core.js';
import {
  GATEWAY,
  GATEWAY_GROUP,
  LISTENER_SET,
  TLS_ROUTE,
} from '../../../shared/kube/schemas/gateway-api/definitions.js';
import type { Mutator } from '../types.js';
import { namespaceLabels, planRouteAttachment } from './route-attachment-planner.js';
import { parentRefsOf } from './routes.js';

/**
 * Platform rule: a TLSRoute without hostnames takes the hostnames of the listeners it attaches to,
 * so SNI routing stays explicit. Nothing changes when no such listener has a hostname.
 */
export const tlsRouteHostnames: Mutator = {
  id: 'gateway/tlsroute-hostnames',
  kinds: [TLS_ROUTE],
  mutate({ object, view }) {
    const current = dig(object, 'spec', 'hostnames');
    if (array(current).length > 0) return [];
    const ns = object.metadata.namespace ?? '';
    const labels = namespaceLabels(ns, view.get(NAMESPACE, '', ns)?.metadata.labels);
    const hostnames = new Set<string>();
    for (const ref of parentRefsOf(object)) {
      if (ref.group !== GATEWAY_GROUP) continue;
      const parent =
        ref.kind === 'Gateway'
          ? view.get(GATEWAY, ref.namespace, ref.name)
          : ref.kind === 'ListenerSet'
            ? view.get(LISTENER_SET, ref.namespace, ref.name)
            : undefined;
      if (!parent) continue;
      const plan = planRouteAttachment(
        { kind: 'TLSRoute', namespace: ns, hostnames: [] },
        ref,
        listenersOf(parent),
        labels,
      );
      for (const l of plan.accepted) if (l.listener.hostname) hostnames.add(l.listener.hostname);
    }
    if (hostnames.size === 0) return [];
    return [
      {
        op: current === undefined ? 'add' : 'replace',
        path: '/spec/hostnames',
        value: [...hostnames].sort(),
      },
    ];
  },
};
