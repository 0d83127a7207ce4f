import { describeObject } from '../shared/kube/object.js';
import { formatFinding } from '../webhooks/rules/findings.js';
import type { Admission } from './admit-sequence.js';

export interface ValidateResultJson {
  source: string;
  apiVersion: string;
  kind: string;
  namespace: string;
  name: string;
  allowed: boolean;
  denials: { rule: string; field: string; message: string }[];
  warnings: string[];
}

export interface ValidateReportJson {
  results: ValidateResultJson[];
  summary: { admitted: number; denied: number; warnings: number };
}

export function reportJson(admissions: readonly Admission[]): ValidateReportJson {
  const results = admissions.map(
    ({ manifest, object, result }): ValidateResultJson => ({
      source: manifest.source,
      apiVersion: object.apiVersion,
      kind: object.kind,
      namespace: object.metadata.namespace ?? '',
      name: object.metadata.name ?? '',
      allowed: result.allowed,
      denials: result.findings
        .filter((f) => f.severity === 'deny')
        .map((f) => ({ rule: f.rule, field: f.field, message: formatFinding(f) })),
      warnings: result.warnings,
    }),
  );
  return {
    results,
    summary: {
      admitted: results.filter((r) => r.allowed).length,
      denied: results.filter((r) => !r.allowed).length,
      warnings: results.reduce((sum, r) => sum + r.warnings.length, 0),
    },
  };
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** One line per object (`DENIED`/`admitted`), its denials and warnings indented below, then a summary. */
export function reportText(admissions: readonly Admission[]): string {
  const lines: string[] = [];
  for (const { manifest, object, operation, result } of admissions) {
    const verdict = result.allowed ? 'admitted' : 'DENIED';
    lines.push(
      `${manifest.source} (line ${manifest.line})  ${describeObject(object)}  ${operation}  ${verdict}`,
    );
    for (const finding of result.findings.filter((f) => f.severity === 'deny')) {
      lines.push(`  denied   ${formatFinding(finding)}  [${finding.rule}]`);
    }
    for (const warning of result.warnings) lines.push(`  warning  ${warning}`);
  }
  const { summary } = reportJson(admissions);
  lines.push(
    `${plural(admissions.length, 'object')}: ${summary.admitted} admitted, ${summary.denied} denied, ${plural(summary.warnings, 'warning')}`,
  );
  return `${lines.join('\n')}\n`;
}
