import { z } from 'zod';
import { kubeObject } from '../meta.js';
import { group, kind, looseStatus, namespace, objectName } from './common.js';
import { listeners } from './listener.js';

export const listenerSetSpec = z.strictObject({
  parentRef: z.strictObject({
    group: group.optional(),
    kind: kind.optional(),
    name: objectName,
    namespace: namespace.optional(),
  }),
  listeners,
});

const body = { spec: listenerSetSpec, status: looseStatus };

export const listenerSetV1 = kubeObject('gateway.networking.k8s.io/v1', 'ListenerSet', body);
/** The experimental predecessor; Envoy Gateway's tests still use it. */
export const listenerSetV1alpha1 = kubeObject('gateway.networking.k8s.io/v1alpha1', 'ListenerSet', body);

export type ListenerSet = z.infer<typeof listenerSetV1> | z.infer<typeof listenerSetV1alpha1>;
export type ListenerSetSpec = z.infer<typeof listenerSetSpec>;
