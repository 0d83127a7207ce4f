import { NESTED_TOO_DEEPLY, tooDeeplyNestedAt } from '../../shared/kube/nesting.js';
import type { KubeObject } from '../../shared/kube/object.js';
import { deny } from '../rules/findings.js';
import type { Finding } from '../rules/types.js';

/**
 * A denial naming the top-level field of an object nested deeper than acpnet reads (`prefix` names
 * whose object: `oldObject.` for the stored one). Found without recursion, so that a review never
 * overflows the call stack on such an object, whatever reads it next.
 */
export function nestingViolations(object: KubeObject | undefined, prefix = ''): Finding[] {
  const at = object === undefined ? undefined : tooDeeplyNestedAt(object);
  if (!at) return [];
  return [deny('nesting', `${prefix}${String(at[0] ?? '')}`, NESTED_TOO_DEEPLY)];
}
