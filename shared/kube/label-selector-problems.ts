import { type LabelSelector, operatorMisuse, SELECTOR_OPERATORS } from './label-selector.js';
import { isQualifiedName } from './schemas/meta.js';

const labelValue = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

export interface SelectorProblem {
  /** Path below the selector, e.g. `matchExpressions[0].operator`. */
  field: string;
  message: string;
}

function valueProblem(value: string): string | undefined {
  return value.length > 63 || !labelValue.test(value)
    ? `invalid label value ${JSON.stringify(value)}`
    : undefined;
}

const misuseMessages = {
  UnknownOperator: (operator: string) =>
    `operator ${JSON.stringify(operator)} is not one of ${SELECTOR_OPERATORS.join(', ')}`,
  NeedsValues: (operator: string) => `operator ${operator} needs at least one value`,
  TakesNoValues: (operator: string) => `operator ${operator} takes no values`,
};

/**
 * Every problem `metav1.LabelSelectorAsSelector` would refuse in one selector: bad keys and values,
 * operator misuse (the check `selectorProblem` makes too), duplicate values.
 */
export function labelSelectorProblems(selector: LabelSelector): SelectorProblem[] {
  const out: SelectorProblem[] = [];
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    if (!isQualifiedName(key))
      out.push({ field: `matchLabels[${key}]`, message: `invalid label key ${JSON.stringify(key)}` });
    const bad = valueProblem(value);
    if (bad) out.push({ field: `matchLabels[${key}]`, message: bad });
  }
  (selector.matchExpressions ?? []).forEach((expr, i) => {
    const at = `matchExpressions[${i}]`;
    if (!isQualifiedName(expr.key))
      out.push({ field: `${at}.key`, message: `invalid label key ${JSON.stringify(expr.key)}` });
    const misuse = operatorMisuse(expr);
    if (misuse)
      out.push({
        field: misuse === 'UnknownOperator' ? `${at}.operator` : `${at}.values`,
        message: misuseMessages[misuse](expr.operator),
      });
    if (misuse === 'UnknownOperator') return;
    const seen = new Set<string>();
    (expr.values ?? []).forEach((value, j) => {
      const bad = valueProblem(value);
      if (bad) out.push({ field: `${at}.values[${j}]`, message: bad });
      if (seen.has(value))
        out.push({ field: `${at}.values[${j}]`, message: `duplicate value ${JSON.stringify(value)}` });
      seen.add(value);
    });
  });
  return out;
}

/** Canonical text of a selector, for spotting duplicates as MetalLB does. */
export function selectorKey(selector: LabelSelector): string {
  const labels = Object.entries(selector.matchLabels ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const expressions = (selector.matchExpressions ?? []).map(
    (e) => `${e.key} ${e.operator} (${[...(e.values ?? [])].sort().join(',')})`,
  );
  return JSON.stringify([labels, expressions]);
}
