/** A Kubernetes label selector (metav1.LabelSelector). */
export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
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

/** Whether a selector is usable: it needs at least one requirement and known operators. */
export function selectorProblem(selector: LabelSelector | undefined): string | undefined {
  if (!selector) return 'from: Selector needs a selector';
  const expressions = selector.matchExpressions ?? [];
  if (Object.keys(selector.matchLabels ?? {}).length === 0 && expressions.length === 0)
    return 'from: Selector needs matchLabels or matchExpressions';
  for (const expr of expressions) {
    if (!['In', 'NotIn', 'Exists', 'DoesNotExist'].includes(expr.operator))
      return `selector operator "${expr.operator}" is not one of In, NotIn, Exists, DoesNotExist`;
    const needsValues = expr.operator === 'In' || expr.operator === 'NotIn';
    if (needsValues !== (expr.values ?? []).length > 0)
      return `selector operator ${expr.operator} on "${expr.key}" ${needsValues ? 'needs' : 'takes no'} values`;
  }
  return undefined;
}
