import { z } from 'zod';
import { kubeObject } from '../meta.js';
import { controllerNamePattern, group, kind, looseStatus, namespace, objectName } from './common.js';

export const gatewayClassSpec = z.strictObject({
  controllerName: z
    .string()
    .min(1)
    .max(253)
    .regex(controllerNamePattern, 'must be a domain-prefixed path such as example.net/gateway-controller'),
  description: z.string().max(64).optional(),
  parametersRef: z
    .strictObject({ group, kind, name: objectName, namespace: namespace.optional() })
    .optional(),
});

const body = { spec: gatewayClassSpec, status: looseStatus };

export const gatewayClassV1 = kubeObject('gateway.networking.k8s.io/v1', 'GatewayClass', body);
export const gatewayClassV1beta1 = kubeObject('gateway.networking.k8s.io/v1beta1', 'GatewayClass', body);

export type GatewayClass = z.infer<typeof gatewayClassV1> | z.infer<typeof gatewayClassV1beta1>;
