/** One requirement of a label selector (metav1.LabelSelectorRequirement). */
export interface LabelSelectorRequirement {
  key: string;
  operator: string;
  values?: string[];
}

/** A Kubernetes label selector (metav1.LabelSelector). */
export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

export const SELECTOR_OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'] as const;

/** What metav1 refuses in a requirement's operator: unknown, In/NotIn without values, others with values. */
export type OperatorMisuse = 'UnknownOperator' | 'NeedsValues' | 'TakesNoValues';

export function operatorMisuse(expr: LabelSelectorRequirement): OperatorMisuse | undefined {
  if (!SELECTOR_OPERATORS.some((op) => op === expr.operator)) return 'UnknownOperator';
  const needsValues = expr.operator === 'In' || expr.operator === 'NotIn';
  const hasValues = (expr.values ?? []).length > 0;
  if (needsValues && !hasValues) return 'NeedsValues';
  if (!needsValues && hasValues) return 'TakesNoValues';
  return undefined;
}

/** Kubernetes label selector semantics; an empty selector matches everything. */
export function selectorMatches(selector: LabelSelector, labels: Readonly<Record<string, string>>): boolean {
  for (const [key, value] of Object.entries(selector.matchLabels ?? {}))
    if (labels[key] !== value) return false;
  for (const expr of selector.matchExpressions ?? []) {
    const has = Object.hasOwn(labels, expr.key);
    const value = labels[expr.key];
    const values = expr.values ?? [];
    switch (expr.operator) {
      case 'In':
        if (!has || value === undefined || !values.includes(value)) return false;
        break;
      case 'NotIn':
        if (has && value !== undefined && values.includes(value)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/**
 * Whether a selector is usable where one is required (Gateway `allowedRoutes`): it needs at least
 * one requirement, and operators used as `operatorMisuse` demands. The first problem, as one message.
 */
export function selectorProblem(selector: LabelSelector | undefined): string | undefined {
  if (!selector) return 'from: Selector needs a selector';
  const expressions = selector.matchExpressions ?? [];
  if (Object.keys(selector.matchLabels ?? {}).length === 0 && expressions.length === 0)
    return 'from: Selector needs matchLabels or matchExpressions';
  for (const expr of expressions) {
    const misuse = operatorMisuse(expr);
    if (misuse === 'UnknownOperator')
      return `selector operator "${expr.operator}" is not one of ${SELECTOR_OPERATORS.join(', ')}`;
    if (misuse)
      return `selector operator ${expr.operator} on "${expr.key}" ${misuse === 'NeedsValues' ? 'needs' : 'takes no'} values`;
  }
  return undefined;
}
