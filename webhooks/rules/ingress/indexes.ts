import { equalityIndex } from '../../../shared/kube/model/indexes.js';
import { INGRESS } from '../../../shared/kube/schemas/ingress.js';
import type { EqualityIndexSpec } from '../../../shared/kube/store.js';
import { accessPointsOf } from './lib/access-points.js';

/** Ingresses by `<namespace>|<host>|<protocol>|<path>` of each of their paths. */
export const ACCESS_POINT_INDEX = 'ingress/access-point';

export const ingressEqualityIndexes: readonly EqualityIndexSpec[] = [
  equalityIndex(INGRESS, ACCESS_POINT_INDEX, (ingress) => [
    ...new Set(accessPointsOf(ingress).map((p) => p.key)),
  ]),
];
