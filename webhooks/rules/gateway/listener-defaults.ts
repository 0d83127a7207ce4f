import { array, dig, record } from '../../../shared/kube/fields.js';
import { GATEWAY, LISTENER_SET } from '../../../shared/kube/schemas/gateway-api/definitions.js';
import type { JsonPatchOperation, Mutator } from '../types.js';

/** Listener defaults: `tls.mode: Terminate` on HTTPS/TLS listeners, `allowedRoutes.namespaces.from: Same`. */
export const listenerDefaults: Mutator = {
  id: 'gateway/listener-defaults',
  kinds: [GATEWAY, LISTENER_SET],
  mutate({ object }) {
    const ops: JsonPatchOperation[] = [];
    array(dig(object, 'spec', 'listeners')).forEach((value, i) => {
      const listener = record(value);
      if (!listener) return;
      const base = `/spec/listeners/${i}`;
      const tls = record(listener.tls);
      if ((listener.protocol === 'HTTPS' || listener.protocol === 'TLS') && tls && tls.mode === undefined)
        ops.push({ op: 'add', path: `${base}/tls/mode`, value: 'Terminate' });
      const allowed = listener.allowedRoutes;
      if (allowed === undefined) {
        ops.push({ op: 'add', path: `${base}/allowedRoutes`, value: { namespaces: { from: 'Same' } } });
        return;
      }
      const allowedRecord = record(allowed);
      if (!allowedRecord) return;
      const namespaces = allowedRecord.namespaces;
      if (namespaces === undefined)
        ops.push({ op: 'add', path: `${base}/allowedRoutes/namespaces`, value: { from: 'Same' } });
      else if (record(namespaces) && record(namespaces)?.from === undefined)
        ops.push({ op: 'add', path: `${base}/allowedRoutes/namespaces/from`, value: 'Same' });
    });
    return ops;
  },
};
