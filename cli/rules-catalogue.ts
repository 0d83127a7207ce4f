import type { KindModel } from '../shared/kube/model/kind-model.js';
import { defaultOperations } from '../webhooks/review/rule-index.js';
import type { Reason } from '../webhooks/rules/reasons.js';
import type { Mutator, Operation, RuleFamily, ValidationRule } from '../webhooks/rules/types.js';

/** One validation rule or mutator as `acpnet rules` lists it. */
export interface RuleEntry {
  id: string;
  type: 'validate' | 'mutate';
  family: string;
  /** `group/kind`, or just the kind for the core group. */
  kinds: string[];
  operations: Operation[];
  /** The reasons its findings can carry. */
  reasons: Reason[];
  /** The section of the networking guide it enforces. */
  guide: string;
}

function kindName(kind: KindModel): string {
  return kind.group ? `${kind.group}/${kind.kind}` : kind.kind;
}

function entry(
  family: RuleFamily,
  item: ValidationRule | Mutator,
  type: RuleEntry['type'],
  reasons: readonly Reason[],
): RuleEntry {
  return {
    id: item.id,
    type,
    family: family.name,
    kinds: item.kinds.map(kindName),
    operations: [...(item.operations ?? defaultOperations)],
    reasons: [...reasons],
    guide: item.guide,
  };
}

/** Every rule and mutator of the families, each family's rules first, in registration order. */
export function ruleCatalogue(families: readonly RuleFamily[]): RuleEntry[] {
  return families.flatMap((family) => [
    ...family.rules.map((rule) => entry(family, rule, 'validate', rule.reasons)),
    // A mutator finds nothing, so it has no reasons to declare.
    ...family.mutators.map((mutator) => entry(family, mutator, 'mutate', [])),
  ]);
}
