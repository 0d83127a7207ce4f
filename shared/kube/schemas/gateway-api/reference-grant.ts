import { z } from 'zod';
import { kubeObject } from '../meta.js';
import { group, kind, namespace, objectName } from './common.js';

export const referenceGrantSpec = z.strictObject({
  from: z.array(z.strictObject({ group, kind, namespace })).min(1).max(16),
  to: z
    .array(z.strictObject({ group, kind, name: objectName.optional() }))
    .min(1)
    .max(16),
});

const body = { spec: referenceGrantSpec };
const prefix = 'gateway.networking.k8s.io';

export const referenceGrantV1 = kubeObject(`${prefix}/v1`, 'ReferenceGrant', body);
export const referenceGrantV1beta1 = kubeObject(`${prefix}/v1beta1`, 'ReferenceGrant', body);
/** No longer served upstream; kept because older manifests (and Envoy Gateway's tests) use it. */
export const referenceGrantV1alpha2 = kubeObject(`${prefix}/v1alpha2`, 'ReferenceGrant', body);

export type ReferenceGrant =
  | z.infer<typeof referenceGrantV1>
  | z.infer<typeof referenceGrantV1beta1>
  | z.infer<typeof referenceGrantV1alpha2>;
export type ReferenceGrantSpec = z.infer<typeof referenceGrantSpec>;
