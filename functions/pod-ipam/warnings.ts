import { createHash } from 'node:crypto';
import type { KubeObject } from '../../shared/kube/object.js';
import type { KubeEvent } from '../../shared/kube/schemas/events.js';
import type { Effect } from '../runtime/contract.js';
import type { PlanContext } from './context.js';

export const COMPONENT = 'acpnet-pod-ipam';

/**
 * Why an object got no address: no address free (`NoAvailableAddress`), a fixed address another
 * owner holds (`AddressConflict`, naming it), an address request that can never be met
 * (`InvalidAddressRequest`), no Subnet to take it from (`SubnetNotFound`).
 */
export type WarningReason =
  | 'NoAvailableAddress'
  | 'AddressConflict'
  | 'InvalidAddressRequest'
  | 'SubnetNotFound';

/**
 * A Warning Event about `object`, named after a hash of its uid, reason and message: planned again
 * (a redelivery, a replay), it is the same Event, created once.
 */
export function warningEvent(
  ctx: PlanContext,
  object: KubeObject,
  reason: WarningReason,
  message: string,
): Effect {
  const uid = object.metadata.uid ?? '';
  const digest = createHash('sha256').update(`${uid}/${reason}/${message}`).digest('hex').slice(0, 16);
  const event: KubeEvent = {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: {
      name: `${(object.metadata.name ?? '').slice(0, 200)}.${digest}`,
      namespace: object.metadata.namespace ?? 'default',
    },
    involvedObject: {
      apiVersion: object.apiVersion,
      kind: object.kind,
      namespace: object.metadata.namespace,
      name: object.metadata.name,
      uid,
    },
    reason,
    message,
    type: 'Warning',
    count: 1,
    firstTimestamp: ctx.time,
    lastTimestamp: ctx.time,
    source: { component: COMPONENT },
    reportingComponent: COMPONENT,
  };
  return { op: 'createIfAbsent', object: event };
}
