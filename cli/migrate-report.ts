import type { RouteReport } from '../shared/route-migration/report.js';
import type { Admission } from './admit-sequence.js';
import { reportJson, type ValidateReportJson } from './validate-report.js';

/** How `acpnet migrate routes` tells what it did: the per-Route report and the verdict of validate. */

export interface MigrationReportJson {
  routes: RouteReport[];
  objects: unknown[];
  validation: ValidateReportJson;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export function summaryLine(reports: readonly RouteReport[], admissions: readonly Admission[]): string {
  const converted = reports.filter((r) => r.outcome === 'converted').length;
  const denied = admissions.filter((a) => !a.result.allowed).length;
  const warnings = admissions.reduce((sum, a) => sum + a.result.warnings.length, 0);
  const verdict =
    denied > 0
      ? `${plural(denied, 'object')} of ${admissions.length} DENIED by validate`
      : `${plural(admissions.length, 'object')} admitted by validate${warnings > 0 ? ` (${plural(warnings, 'warning')})` : ''}`;
  return `${plural(reports.length, 'Route')}: ${converted} converted, ${reports.length - converted} not converted; ${verdict}`;
}

/** The report as lines: per Route its outcome, then one line per item. */
export function reportLines(reports: readonly RouteReport[]): string[] {
  const lines: string[] = [];
  for (const report of reports) {
    lines.push(
      report.outcome === 'converted'
        ? `Route ${report.route}: converted to ${report.objects.join(', ') || 'nothing of its own'}`
        : `Route ${report.route}: NOT CONVERTED: ${report.reason}`,
    );
    for (const item of report.items) {
      const target = item.target ? ` -> ${item.target}` : '';
      const note = item.note ? `: ${item.note}` : '';
      lines.push(`  ${item.status.padEnd(12)} ${item.subject}${target}${note}`);
    }
  }
  return lines;
}

/** What validate said of the output: one line per denial and warning, naming the object. */
export function validationLines(admissions: readonly Admission[]): string[] {
  const lines: string[] = [];
  for (const result of reportJson(admissions).results) {
    if ('error' in result) continue;
    const object = `${result.kind} ${result.namespace}/${result.name}`;
    for (const denial of result.denials)
      lines.push(`  denied   ${object}: ${denial.message}  [${denial.rule}]`);
    for (const warning of result.warnings) lines.push(`  warning  ${object}: ${warning}`);
  }
  return lines;
}

/** The YAML header: the summary, every Route's items and validate's findings, as comments. */
export function commentBlock(reports: readonly RouteReport[], admissions: readonly Admission[]): string {
  const validation = validationLines(admissions);
  const lines = [
    `acpnet migrate routes: ${summaryLine(reports, admissions)}`,
    ...reportLines(reports),
    ...(validation.length > 0 ? ['validate:', ...validation] : []),
  ];
  return `${lines.map((line) => `# ${line}`.trimEnd()).join('\n')}\n`;
}

/** What stderr gets beside the YAML: the summary, Routes not converted and items dropped. */
export function stderrLines(reports: readonly RouteReport[], admissions: readonly Admission[]): string[] {
  const lines = [summaryLine(reports, admissions)];
  for (const report of reports) {
    if (report.outcome !== 'converted') lines.push(`Route ${report.route}: NOT CONVERTED: ${report.reason}`);
    for (const item of report.items)
      if (item.status === 'dropped')
        lines.push(`Route ${report.route}: dropped ${item.subject}: ${item.note}`);
  }
  return lines;
}

export function migrationJson(
  reports: readonly RouteReport[],
  objects: readonly unknown[],
  admissions: readonly Admission[],
): MigrationReportJson {
  return { routes: [...reports], objects: [...objects], validation: reportJson(admissions) };
}
