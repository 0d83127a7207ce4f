import type { IPRange } from '../../net/range.js';
import type { KubeObject } from '../object.js';
import type { EqualityIndexSpec, RangeIndexSpec } from '../store.js';
import type { KindModel } from './kind-model.js';

/** An equality index whose keys are computed from the object as its kind's model reads it. */
export function equalityIndex<T extends KubeObject>(
  kind: KindModel<T>,
  name: string,
  keys: (object: T) => readonly string[],
): EqualityIndexSpec {
  return {
    kind: kind.groupKind,
    name,
    keys: (stored) => {
      const object = kind.read(stored).object;
      return object ? keys(object) : [];
    },
  };
}

/** A range index whose ranges are computed from the object as its kind's model reads it. */
export function rangeIndex<T extends KubeObject>(
  kind: KindModel<T>,
  name: string,
  ranges: (object: T) => readonly IPRange[],
): RangeIndexSpec {
  return {
    kind: kind.groupKind,
    name,
    ranges: (stored) => {
      const object = kind.read(stored).object;
      return object ? ranges(object) : [];
    },
  };
}
