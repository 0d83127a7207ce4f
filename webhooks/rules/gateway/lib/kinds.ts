import type { KindModel } from '../../../../shared/kube/model/kind-model.js';
import { groupKindOf, type KubeObject } from '../../../../shared/kube/object.js';

/**
 * Narrows an object typed as one of several kinds to the kind `model` describes. Objects reach rules
 * as their kind's model read them, so the object's kind tells which schema it conforms to.
 */
export function isKind<T extends U, U extends KubeObject>(model: KindModel<T>, object: U): object is T {
  return groupKindOf(object) === model.groupKind;
}
