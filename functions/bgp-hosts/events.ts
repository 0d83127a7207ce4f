import { eventRecord } from '../../shared/kube/event-record.js';
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
 * A core/v1 Event about `about`, created if absent (shared/kube/event-record.ts names it after the
 * object, the reason and the occurrence). The occurrence is the message and, for an Event that
 * reports a change of the object (`perVersion`), its resourceVersion: a redelivered event plans the
 * same name, so it creates no second Event, and the same change made again later gets a new one.
 * Without `perVersion` one Event stands for a condition as long as it lasts.
 */
export function eventEffect(
  about: KubeObject,
  draft: EventDraft,
  time: string | undefined,
  perVersion = true,
): CreateIfAbsentEffect {
  const version = perVersion ? (about.metadata.resourceVersion ?? '') : '';
  return {
    op: 'createIfAbsent',
    object: eventRecord({
      involved: about,
      ...draft,
      component: COMPONENT,
      occurrence: `${version}\n${draft.message}`,
      time,
    }),
  };
}
