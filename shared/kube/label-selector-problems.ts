import type { LabelSelector } from './label-selector.js';
import { isQualifiedName } from './schemas/meta.js';
import { objectList } from './spec-fields.js';

const labelValue = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const operators = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

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

/**
 * What `metav1.LabelSelectorAsSelector` would refuse in one selector: bad keys and values, unknown
 * operators, In/NotIn without values, Exists/DoesNotExist with values, duplicate values.
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
    const values = expr.values ?? [];
    if (!operators.includes(expr.operator)) {
      out.push({
        field: `${at}.operator`,
        message: `operator ${JSON.stringify(expr.operator)} is not one of ${operators.join(', ')}`,
      });
      return;
    }
    const needsValues = expr.operator === 'In' || expr.operator === 'NotIn';
    if (needsValues && values.length === 0)
      out.push({ field: `${at}.values`, message: `operator ${expr.operator} needs at least one value` });
    if (!needsValues && values.length > 0)
      out.push({ field: `${at}.values`, message: `operator ${expr.operator} takes no values` });
    const seen = new Set<string>();
    values.forEach((value, j) => {
      const bad = valueProblem(value);
      if (bad) out.push({ field: `${at}.values[${j}]`, message: bad });
      if (seen.has(value))
        out.push({ field: `${at}.values[${j}]`, message: `duplicate value ${JSON.stringify(value)}` });
      seen.add(value);
    });
  });
  return out;
}

/** Selector lists read leniently from an already schema-checked spec. */
export function selectorList(record: Record<string, unknown>, key: string): LabelSelector[] {
  return objectList(record, key) as LabelSelector[];
}

/** Canonical text of a selector, for spotting duplicates as MetalLB does. */
export function selectorKey(selector: LabelSelector): string {
  const labels = Object.entries(selector.matchLabels ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const expressions = (selector.matchExpressions ?? []).map(
    (e) => `${e.key} ${e.operator} (${[...(e.values ?? [])].sort().join(',')})`,
  );
  return JSON.stringify([labels, expressions]);
}
