import { z } from 'zod';
import { defineKind, type KindModel } from '../model/kind-model.js';
import { objectMeta } from './meta.js';

/** core/v1 Events, as functions write them about the objects they act on (Warning Events). */
const objectReference = z.looseObject({
  apiVersion: z.string().optional(),
  kind: z.string().optional(),
  namespace: z.string().optional(),
  name: z.string().optional(),
  uid: z.string().optional(),
});

export const eventV1 = z.looseObject({
  apiVersion: z.literal('v1'),
  kind: z.literal('Event'),
  metadata: objectMeta,
  involvedObject: objectReference,
  reason: z.string().optional(),
  message: z.string().optional(),
  type: z.string().optional(),
  count: z.number().int().optional(),
  firstTimestamp: z.string().nullable().optional(),
  lastTimestamp: z.string().nullable().optional(),
  source: z.looseObject({ component: z.string().optional() }).optional(),
  reportingComponent: z.string().optional(),
  reportingInstance: z.string().optional(),
});
export type KubeEvent = z.infer<typeof eventV1>;

export const EVENT = defineKind({
  group: '',
  kind: 'Event',
  plural: 'events',
  namespaced: true,
  versions: { v1: eventV1 },
});

export const eventDefinitions: readonly KindModel[] = [EVENT];
