import type { ManifestError } from '../shared/kube/manifests.js';
import { describeObject } from '../shared/kube/object.js';
import { modelOf } from '../shared/kube/registry.js';
import { formatFinding } from '../webhooks/rules/findings.js';
import type { Admission } from './admit-sequence.js';

export interface ValidateResultJson {
  source: string;
  apiVersion: string;
  kind: string;
  namespace: string;
  name: string;
  allowed: boolean;
  /** False for kinds acpnet does not know: nothing was checked, the object was only admitted. */
  checked: boolean;
  denials: { rule: string; field: string; message: string }[];
  warnings: string[];
}

/** Input that could not be read into objects: a file, or a place in one. */
export interface UnusableResultJson {
  source: string;
  error: string;
}

export interface ValidateReportJson {
  results: (ValidateResultJson | UnusableResultJson)[];
  summary: { admitted: number; denied: number; warnings: number; unusable: number; unchecked: number };
}

function sourceOf(error: ManifestError): string {
  return error.line === undefined ? error.file : `${error.file}:${error.line}`;
}

export function reportJson(
  admissions: readonly Admission[],
  unusable: readonly ManifestError[] = [],
): ValidateReportJson {
  const results = admissions.map(
    ({ manifest, object, result }): ValidateResultJson => ({
      source: manifest.source,
      apiVersion: object.apiVersion,
      kind: object.kind,
      namespace: object.metadata.namespace ?? '',
      name: object.metadata.name ?? '',
      allowed: result.allowed,
      checked: modelOf(object) !== undefined,
      denials: result.findings
        .filter((f) => f.severity === 'deny')
        .map((f) => ({ rule: f.rule, field: f.field, message: formatFinding(f) })),
      warnings: result.warnings,
    }),
  );
  return {
    results: [...results, ...unusable.map((error) => ({ source: sourceOf(error), error: error.detail }))],
    summary: {
      admitted: results.filter((r) => r.allowed).length,
      denied: results.filter((r) => !r.allowed).length,
      warnings: results.reduce((sum, r) => sum + r.warnings.length, 0),
      unusable: unusable.length,
      unchecked: results.filter((r) => !r.checked).length,
    },
  };
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/**
 * One line per object (`DENIED`/`admitted`, and `not checked` for kinds acpnet does not know), its
 * denials and warnings indented below, one line per unusable input, then a summary.
 */
export function reportText(
  admissions: readonly Admission[],
  unusable: readonly ManifestError[] = [],
): string {
  const lines: string[] = [];
  for (const { manifest, object, operation, result } of admissions) {
    const verdict = result.allowed ? 'admitted' : 'DENIED';
    const unchecked = modelOf(object) ? '' : '  (not checked: acpnet does not know this kind)';
    lines.push(
      `${manifest.source} (line ${manifest.line})  ${describeObject(object)}  ${operation}  ${verdict}${unchecked}`,
    );
    for (const finding of result.findings.filter((f) => f.severity === 'deny')) {
      lines.push(`  denied   ${formatFinding(finding)}  [${finding.rule}]`);
    }
    for (const warning of result.warnings) lines.push(`  warning  ${warning}`);
  }
  for (const error of unusable) lines.push(`${sourceOf(error)}  UNUSABLE  ${error.detail}`);
  const { summary } = reportJson(admissions, unusable);
  const extra = [
    summary.unusable > 0 ? `, ${summary.unusable} unusable` : '',
    summary.unchecked > 0 ? `, ${summary.unchecked} not checked` : '',
  ].join('');
  lines.push(
    `${plural(admissions.length, 'object')}: ${summary.admitted} admitted, ${summary.denied} denied, ${plural(summary.warnings, 'warning')}${extra}`,
  );
  return `${lines.join('\n')}\n`;
}
