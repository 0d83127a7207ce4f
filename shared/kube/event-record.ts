import { createHash } from 'node:crypto';
import type { KubeObject } from './object.js';

/** The longest message an Event keeps here; the API server's limit for event notes is 1 KiB. */
export const EVENT_MESSAGE_LIMIT = 1024;
const NAME_LIMIT = 253;

export interface EventRecordOptions {
  /** The object the Event is about (its apiVersion, kind, namespace, name and uid are named). */
  involved: Pick<KubeObject, 'apiVersion' | 'kind' | 'metadata'>;
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  /** Who reports it, e.g. `acpnet-keepalived-hosts`. */
  component: string;
  /** What makes this occurrence distinct: the same object, reason and occurrence name one Event. */
  occurrence: string;
  /** When it happened (the change event's time); left out when unknown, so plans stay pure. */
  time?: string;
}

function truncated(text: string): string {
  if (Buffer.byteLength(text) <= EVENT_MESSAGE_LIMIT) return text;
  let cut = text.slice(0, EVENT_MESSAGE_LIMIT - 3);
  while (Buffer.byteLength(cut) > EVENT_MESSAGE_LIMIT - 3) cut = cut.slice(0, -1);
  return `${cut}...`;
}

/**
 * A core/v1 Event about `involved`, named `<object>.<16 hex>` after the object, the reason and the
 * occurrence, so planning the same occurrence twice names the same Event: created once
 * (createIfAbsent), never repeated by replays or re-plans.
 */
export function eventRecord(options: EventRecordOptions): KubeObject {
  const { involved, time } = options;
  const namespace = involved.metadata.namespace ?? 'default';
  const objectName = involved.metadata.name ?? '';
  const digest = createHash('sha256')
    .update(
      [
        involved.kind,
        namespace,
        objectName,
        involved.metadata.uid ?? '',
        options.reason,
        options.occurrence,
      ].join('\n'),
    )
    .digest('hex')
    .slice(0, 16);
  const name = `${objectName.slice(0, NAME_LIMIT - 17).replace(/[.-]+$/, '')}.${digest}`;
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name, namespace },
    involvedObject: {
      apiVersion: involved.apiVersion,
      kind: involved.kind,
      namespace,
      name: objectName,
      ...(involved.metadata.uid ? { uid: involved.metadata.uid } : {}),
    },
    type: options.type,
    reason: options.reason,
    message: truncated(options.message),
    source: { component: options.component },
    reportingComponent: options.component,
    count: 1,
    ...(time ? { firstTimestamp: time, lastTimestamp: time } : {}),
  };
}
