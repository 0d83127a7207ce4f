import type { AppliedPlan } from '../shared/interconnect/cleanup-io.js';
import type { PlannedRow } from '../shared/interconnect/planned-row.js';
import type { Zone, ZoneTarget } from '../shared/interconnect/zone.js';

/** What one database's part of the cleanup found and did. */
export interface DatabaseReport {
  address: string;
  /** `name version` of the schema it was planned for. */
  schema?: string;
  /** The zone the rows belong to, when known. */
  zone?: Zone | { name: string };
  /** Why there is nothing to do, when there is nothing. */
  alreadyClean?: string;
  rows: PlannedRow[];
  /** Present once the transaction committed. */
  applied?: AppliedPlan;
}

export interface CleanReport {
  target: ZoneTarget;
  dryRun: boolean;
  /** `skipped` without --kubeconfig; `passed` when ovn-ic-config does not hold the zone connected. */
  connectedCheck: { status: 'skipped' | 'passed'; detail: string };
  icSouthbound: DatabaseReport;
  northbound?: DatabaseReport;
  /** True when neither database had anything to remove. */
  alreadyClean: boolean;
}

const VERB: Record<PlannedRow['action'], [would: string, did: string]> = {
  delete: ['would delete', 'deleted'],
  collected: ['would collect', 'collected'],
  detached: ['would detach', 'detached'],
  unlinked: ['would unlink', 'unlinked'],
};

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function counted(counts: Record<string, number>): string {
  const parts = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([table, n]) => plural(n, table));
  return parts.length > 0 ? parts.join(', ') : 'nothing';
}

function describeRow(row: PlannedRow, dryRun: boolean): string {
  const verb = VERB[row.action][dryRun ? 0 : 1];
  const how =
    row.action === 'collected'
      ? ` (with ${row.via})`
      : row.action === 'detached'
        ? ` (from ${row.via})`
        : row.action === 'unlinked'
          ? ` (its ${row.via})`
          : '';
  return `  ${verb} ${row.table} ${row.label}${how} [${row.uuid}]\n`;
}

function databaseText(title: string, part: DatabaseReport, dryRun: boolean): string {
  const zone = part.zone
    ? `, zone ${part.zone.name}${'uuid' in part.zone ? ` (${part.zone.uuid})` : ''}`
    : '';
  let out = `${title} ${part.address}${part.schema ? ` (${part.schema})` : ''}${zone}\n`;
  if (part.alreadyClean !== undefined) return `${out}  nothing to do: ${part.alreadyClean}\n`;
  for (const row of part.rows) out += describeRow(row, dryRun);
  if (part.applied) {
    const mutated = counted(part.applied.mutated);
    out += `  committed in one transaction: deleted ${counted(part.applied.deleted)}`;
    out += mutated === 'nothing' ? '\n' : `; changed ${mutated}\n`;
  }
  return out;
}

export function formatCleanText(report: CleanReport): string {
  let out = databaseText('IC southbound', report.icSouthbound, report.dryRun);
  if (report.northbound) out += databaseText('northbound', report.northbound, report.dryRun);
  out += `connected check: ${report.connectedCheck.status} (${report.connectedCheck.detail})\n`;
  if (report.alreadyClean) out += 'nothing to do\n';
  else if (report.dryRun) out += 'dry run: nothing was changed\n';
  return out;
}

export function formatCleanJson(report: CleanReport): string {
  return `${JSON.stringify(report)}\n`;
}
