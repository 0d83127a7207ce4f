import type { ListenerOwnerObject } from '../../../shared/gateway/listeners.js';
import { GATEWAY, LISTENER_SET } from '../../../shared/kube/schemas/gateway-api/definitions.js';
import type { JsonPatchOperation, Mutator } from '../types.js';

/** Listener defaults: `tls.mode: Terminate` on HTTPS/TLS listeners, `allowedRoutes.namespaces.from: Same`. */
export const listenerDefaults: Mutator<ListenerOwnerObject> = {
  id: 'gateway/listener-defaults',
  kinds: [GATEWAY, LISTENER_SET],
  guide: '配置 GatewayAPI Gateway',
  mutate({ object }) {
    const ops: JsonPatchOperation[] = [];
    for (const [i, listener] of object.spec.listeners.entries()) {
      const base = `/spec/listeners/${i}`;
      const tls = listener.tls;
      if ((listener.protocol === 'HTTPS' || listener.protocol === 'TLS') && tls && tls.mode === undefined)
        ops.push({ op: 'add', path: `${base}/tls/mode`, value: 'Terminate' });
      const allowed = listener.allowedRoutes;
      if (allowed === undefined)
        ops.push({ op: 'add', path: `${base}/allowedRoutes`, value: { namespaces: { from: 'Same' } } });
      else if (allowed.namespaces === undefined)
        ops.push({ op: 'add', path: `${base}/allowedRoutes/namespaces`, value: { from: 'Same' } });
      else if (allowed.namespaces.from === undefined)
        ops.push({ op: 'add', path: `${base}/allowedRoutes/namespaces/from`, value: 'Same' });
    }
    return ops;
  },
};
