import { z } from 'zod';
import { defineKind, type KindModel } from '../../shared/kube/model/kind-model.js';
import type { KubeObject } from '../../shared/kube/object.js';
import { objectMeta } from '../../shared/kube/schemas/meta.js';

/** A made-up namespaced kind of version v1 that takes any spec: for tests of the machinery. */
export function looseKind(group: string, kind: string): KindModel<KubeObject> {
  return defineKind({
    group,
    kind,
    plural: `${kind.toLowerCase()}s`,
    namespaced: true,
    versions: {
      v1: z.looseObject({
        apiVersion: z.literal(`${group}/v1`),
        kind: z.literal(kind),
        metadata: objectMeta,
      }),
    },
  });
}
