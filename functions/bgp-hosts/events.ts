import { createHash } from 'node:crypto';
import type { KubeObject } from '../../shared/kube/object.js';
import type { CreateIfAbsentEffect } from '../runtime/contract.js';

export const COMPONENT = 'acpnet-bgp-hosts';

export interface EventDraft {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
}

/** At most `limit` names, then how many more: Event messages stay short whatever the cluster size. */
export function listNames(names: readonly string[], limit = 20): string {
  if (names.length === 0) return 'none';
  const shown = names.slice(0, limit).join(', ');
  return names.length > limit ? `${shown} and ${names.length - limit} more` : shown;
}

/**
 * A core/v1 Event about `about`, created if absent. Its name is `<object>.<16 hex>` of a hash of the
 * object's uid, the Event's reason and message and, for an Event that reports a change of the object
 * (`perVersion`), its resourceVersion: a redelivered event plans the same name, so it creates no
 * second Event, and the same change made again later gets a new one. Without `perVersion` one Event
 * stands for a condition as long as it lasts.
 */
export function eventEffect(
  about: KubeObject,
  draft: EventDraft,
  time: string | undefined,
  perVersion = true,
): CreateIfAbsentEffect {
  const { name = '', namespace = '', uid = '', resourceVersion = '' } = about.metadata;
  const version = perVersion ? resourceVersion : '';
  const digest = createHash('sha256')
    .update([uid, version, draft.reason, draft.message].join('\n'))
    .digest('hex')
    .slice(0, 16);
  return {
    op: 'createIfAbsent',
    object: {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: `${name.slice(0, 200)}.${digest}`, namespace },
      involvedObject: {
        apiVersion: about.apiVersion,
        kind: about.kind,
        namespace,
        name,
        ...(uid ? { uid } : {}),
        ...(resourceVersion ? { resourceVersion } : {}),
      },
      type: draft.type,
      reason: draft.reason,
      message: draft.message,
      source: { component: COMPONENT },
      reportingComponent: COMPONENT,
      count: 1,
      ...(time ? { firstTimestamp: time, lastTimestamp: time } : {}),
    },
  };
}
