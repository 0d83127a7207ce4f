import { createHash } from 'node:crypto';
import type { KubeObject } from '../../shared/kube/object.js';
import type { Service } from '../../shared/kube/schemas/core.js';
import { EVENT_COMPONENT } from './keys.js';

export type EventType = 'Normal' | 'Warning';

/**
 * A core/v1 Event about a Service, as `kubectl describe service` lists them (MetalLB reports
 * IPAllocated and AllocationFailed the same way). Its name is derived from the Service's uid, the
 * reason and the message, so a repeated outcome is the same Event (created once, create-if-absent)
 * and replays write the same objects; its time is the time of the change that led to it.
 */
export function serviceEvent(
  service: Service,
  type: EventType,
  reason: string,
  message: string,
  time: string | undefined,
): KubeObject {
  const name = service.metadata.name ?? '';
  const namespace = service.metadata.namespace ?? '';
  const uid = service.metadata.uid ?? '';
  const digest = createHash('sha256').update(`${uid}\u0000${reason}\u0000${message}`).digest('hex');
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: `${name}.${digest.slice(0, 16)}`, namespace },
    involvedObject: {
      apiVersion: 'v1',
      kind: 'Service',
      namespace,
      name,
      ...(uid ? { uid } : {}),
    },
    type,
    reason,
    message,
    source: { component: EVENT_COMPONENT },
    reportingComponent: EVENT_COMPONENT,
    count: 1,
    ...(time ? { firstTimestamp: time, lastTimestamp: time } : {}),
  };
}
