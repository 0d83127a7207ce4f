import { INGRESS } from '../../../shared/kube/schemas/ingress.js';
import type { EqualityIndexSpec } from '../../../shared/kube/store.js';
import { accessPointsOf } from './access-points.js';

/** Ingresses by `<namespace>|<host>|<protocol>|<path>` of each of their paths. */
export const ACCESS_POINT_INDEX = 'ingress/access-point';

export const ingressEqualityIndexes: readonly EqualityIndexSpec[] = [
  {
    kind: INGRESS.groupKind,
    name: ACCESS_POINT_INDEX,
    keys: (obj) => [...new Set(accessPointsOf(obj).map((p) => p.key))],
  },
];
