import { z } from 'zod';
import { group, kind, namespace, objectName, portNumber, sectionName } from './common.js';

/** References between objects: parents of routes, backends, Secrets and other local objects. */

export const localObjectReference = z.strictObject({ group, kind, name: objectName });

export const secretObjectReference = z.strictObject({
  group: group.optional(),
  kind: kind.optional(),
  name: objectName,
  namespace: namespace.optional(),
});

export const objectReference = z.strictObject({
  group,
  kind,
  name: objectName,
  namespace: namespace.optional(),
});

export const parentReference = z.strictObject({
  group: group.optional(),
  kind: kind.optional(),
  namespace: namespace.optional(),
  name: objectName,
  sectionName: sectionName.optional(),
  port: portNumber.optional(),
});
export type ParentReference = z.infer<typeof parentReference>;

const backendObjectReferenceShape = {
  group: group.optional(),
  kind: kind.optional(),
  name: objectName,
  namespace: namespace.optional(),
  port: portNumber.optional(),
};

interface PortedReference {
  group?: string;
  kind?: string;
  port?: number;
}

/** A reference to a core Service (the default) needs a port: the Service has no single default one. */
export function refineServicePort(ref: PortedReference, ctx: z.RefinementCtx<PortedReference>) {
  if ((ref.group ?? '') === '' && (ref.kind ?? 'Service') === 'Service' && ref.port === undefined) {
    ctx.addIssue({ code: 'custom', path: ['port'], message: 'Must have port for Service reference' });
  }
}

export const backendObjectReference = z
  .strictObject(backendObjectReferenceShape)
  .superRefine(refineServicePort);
export type BackendObjectReference = z.infer<typeof backendObjectReference>;

/** A backendRef of a route: the object reference plus weight, and `filters` where the route kind has them. */
export function backendRefWith<Extra extends z.ZodRawShape>(extra: Extra) {
  return z
    .strictObject({
      ...backendObjectReferenceShape,
      weight: z.int().min(0).max(1000000).optional(),
      ...extra,
    })
    .superRefine((ref, ctx) =>
      refineServicePort(ref as PortedReference, ctx as z.RefinementCtx<PortedReference>),
    );
}

export const backendRef = backendRefWith({});
export type BackendRef = z.infer<typeof backendRef>;

function parentKey(ref: ParentReference): string {
  return [
    ref.group ?? 'gateway.networking.k8s.io',
    ref.kind ?? 'Gateway',
    ref.namespace ?? '',
    ref.name,
  ].join('|');
}

/** Several references to one parent must each name a distinct sectionName/port (upstream CEL on parentRefs). */
export function refineParentRefs(refs: readonly ParentReference[], ctx: z.RefinementCtx) {
  const firstByParent = new Map<string, ParentReference>();
  const seenTargets = new Set<string>();
  refs.forEach((ref, index) => {
    const parent = parentKey(ref);
    const first = firstByParent.get(parent);
    if (first === undefined) {
      firstByParent.set(parent, ref);
    } else if ((first.sectionName === undefined) !== (ref.sectionName === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [index, 'sectionName'],
        message:
          'sectionName or port must be specified when parentRefs includes 2 or more references to the same parent',
      });
    } else if ((first.port === undefined) !== (ref.port === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [index, 'port'],
        message:
          'sectionName or port must be specified when parentRefs includes 2 or more references to the same parent',
      });
    }
    const target = `${parent}|${ref.sectionName ?? ''}|${ref.port ?? ''}`;
    if (seenTargets.has(target)) {
      ctx.addIssue({
        code: 'custom',
        path: [index],
        message:
          'sectionName or port must be unique when parentRefs includes 2 or more references to the same parent',
      });
    }
    seenTargets.add(target);
  });
}

export const parentRefs = z.array(parentReference).max(32).superRefine(refineParentRefs);
