import {
  applyPlan,
  readNorthboundCleanup,
  readSouthboundCleanup,
  type SouthboundReading,
} from '../shared/interconnect/cleanup-io.js';
import { IC_SOUTHBOUND, NORTHBOUND } from '../shared/interconnect/names.js';
import type { NorthboundCleanupPlan } from '../shared/interconnect/northbound-cleanup.js';
import { describeTarget } from '../shared/interconnect/zone.js';
import { OvsdbClient, type OvsdbClientOptions } from '../shared/ovsdb/client.js';
import { OvsdbDataError, OvsdbError, OvsdbRpcError, OvsdbTransactionError } from '../shared/ovsdb/errors.js';
import type { CleanOptions } from './interconnect.js';
import type { CleanReport, DatabaseReport } from './interconnect-report.js';
import { formatCleanJson, formatCleanText } from './interconnect-report.js';
import type { CliIO } from './io.js';

const PREFIX = 'acpnet interconnect clean';

/** A failure of one database, named for the message: "IC southbound database tcp:...: ...". */
class DatabaseFailure extends Error {
  constructor(
    readonly label: string,
    readonly database: string,
    readonly error: unknown,
    readonly writing: boolean,
  ) {
    super(error instanceof Error ? error.message : String(error));
  }
}

const LABELS = { [IC_SOUTHBOUND]: 'IC southbound', [NORTHBOUND]: 'northbound' } as const;

async function on<T>(
  database: typeof IC_SOUTHBOUND | typeof NORTHBOUND,
  writing: boolean,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw new DatabaseFailure(LABELS[database], database, error, writing);
  }
}

function clientOptions(options: CleanOptions): OvsdbClientOptions {
  const out: OvsdbClientOptions = {
    connectTimeoutMs: options.timeoutMs,
    requestTimeoutMs: options.timeoutMs,
  };
  if (options.tls) out.tls = options.tls;
  return out;
}

function southboundReport(address: string, reading: SouthboundReading): DatabaseReport {
  const report: DatabaseReport = { address, schema: reading.schema, rows: reading.plan?.rows ?? [] };
  if (reading.plan) report.zone = reading.plan.zone;
  if (reading.lookup.kind === 'missing') report.alreadyClean = reading.lookup.reason;
  return report;
}

function northboundReport(address: string, plan: NorthboundCleanupPlan): DatabaseReport {
  const report: DatabaseReport = { address, rows: plan.rows };
  if (plan.zone !== undefined) report.zone = { name: plan.zone };
  if (plan.operations.length === 0) {
    report.alreadyClean = 'no transit switch, transit port or learned route is left';
  }
  return report;
}

/** Exit status and message for a failure; every message names the address it concerns. */
function failureMessage(failure: DatabaseFailure): [number, string] {
  const { error, label } = failure;
  if (error instanceof OvsdbTransactionError)
    return [1, `${label} database refused the cleanup: ${error.message}`];
  if (error instanceof OvsdbRpcError && error.method === 'get_schema') {
    return [2, `${label} database: ${error.address} does not serve ${failure.database}: ${error.message}`];
  }
  if (error instanceof OvsdbError && failure.writing) {
    return [
      2,
      `${label} database: ${error.message}. The connection broke after the transaction was sent: it was ` +
        'committed whole or not at all; run the command again to finish (it converges)',
    ];
  }
  if (error instanceof OvsdbError) return [2, `${label} database: ${error.message}`];
  if (error instanceof OvsdbDataError) {
    return [2, `${label} database: its schema is not the one of ${failure.database}: ${error.message}`];
  }
  throw error;
}

export async function runClean(options: CleanOptions, io: CliIO): Promise<number> {
  const clients: OvsdbClient[] = [];
  try {
    return await clean(options, io, clients);
  } catch (error) {
    if (error instanceof DatabaseFailure) {
      const [status, message] = failureMessage(error);
      io.stderr(`${PREFIX}: ${message}\n`);
      return status;
    }
    throw error;
  } finally {
    for (const client of clients) client.close();
  }
}

async function clean(options: CleanOptions, io: CliIO, clients: OvsdbClient[]): Promise<number> {
  const connect = async (remotes: string) => {
    const client = await OvsdbClient.connect(remotes, clientOptions(options));
    clients.push(client);
    return client;
  };

  // Everything is read and checked before anything is written.
  const southbound = await on(IC_SOUTHBOUND, false, async () => {
    const client = await connect(options.icSb);
    return { client, reading: await readSouthboundCleanup(client, options.target) };
  });
  const { lookup } = southbound.reading;
  if (lookup.kind === 'ambiguous') {
    const zones = lookup.zones.map((zone) => `${zone.name} (${zone.uuid})`).join(', ');
    io.stderr(
      `${PREFIX}: refused: ${describeTarget(options.target)} is ambiguous: Gateways on that node belong to ` +
        `zones ${zones}; name the zone with --az\n`,
    );
    return 1;
  }
  const zoneName =
    lookup.kind === 'found' ? lookup.zone.name : 'az' in options.target ? options.target.az : undefined;

  let northbound: { client: OvsdbClient; plan: NorthboundCleanupPlan } | undefined;
  if (options.ovnNb !== undefined) {
    const remotes = options.ovnNb;
    northbound = await on(NORTHBOUND, false, async () => {
      const client = await connect(remotes);
      return { client, plan: await readNorthboundCleanup(client, zoneName) };
    });
    if (northbound.plan.refusal) {
      io.stderr(
        `${PREFIX}: refused: northbound database ${northbound.client.address}: ${northbound.plan.refusal}\n`,
      );
      return 1;
    }
  }

  const zones = [...new Set([zoneName, northbound?.plan.zone].filter((z): z is string => z !== undefined))];
  let connectedCheck: CleanReport['connectedCheck'] = {
    status: 'skipped',
    detail: 'no --kubeconfig: whether the zone belongs to a cluster still connected was not checked',
  };
  if (options.kubeconfig !== undefined) {
    // Loaded here: the Kubernetes client is only needed for this check.
    const kube = await import('./interconnect-kube.js');
    let checked: Awaited<ReturnType<typeof kube.checkZonesLeft>>;
    try {
      checked = await kube.checkZonesLeft(options.kubeconfig, zones, options.timeoutMs);
    } catch (error) {
      if (!(error instanceof kube.KubeUnreachableError)) throw error;
      io.stderr(`${PREFIX}: ${error.message}\n`);
      return 2;
    }
    if ('refusal' in checked) {
      io.stderr(`${PREFIX}: refused: ${checked.refusal}\n`);
      return 1;
    }
    connectedCheck = { status: 'passed', detail: checked.detail };
  }

  const report: CleanReport = {
    target: options.target,
    dryRun: options.dryRun,
    connectedCheck,
    icSouthbound: southboundReport(southbound.client.address, southbound.reading),
    alreadyClean: false,
  };
  if (northbound) report.northbound = northboundReport(northbound.client.address, northbound.plan);
  report.alreadyClean =
    report.icSouthbound.alreadyClean !== undefined &&
    (!report.northbound || report.northbound.alreadyClean !== undefined);

  if (!options.dryRun) {
    const plan = southbound.reading.plan;
    if (plan) {
      report.icSouthbound.applied = await on(IC_SOUTHBOUND, true, () =>
        applyPlan(southbound.client, IC_SOUTHBOUND, plan.operations),
      );
    }
    if (northbound && northbound.plan.operations.length > 0 && report.northbound) {
      const { client, plan: nbPlan } = northbound;
      try {
        report.northbound.applied = await on(NORTHBOUND, true, () =>
          applyPlan(client, NORTHBOUND, nbPlan.operations),
        );
      } catch (error) {
        // The southbound part is committed: say so before the failure.
        io.stdout(options.output === 'json' ? formatCleanJson(report) : formatCleanText(report));
        throw error;
      }
    }
  }
  io.stdout(options.output === 'json' ? formatCleanJson(report) : formatCleanText(report));
  return 0;
}
