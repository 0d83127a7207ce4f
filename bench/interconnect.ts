// npm run bench:interconnect — removing an availability zone with 10,000 Routes and 10,000
// Port_Bindings from the IC southbound database: acpnet's one transaction beside the row-by-row
// `ovn-ic-sbctl destroy` calls of the guide's clean-ic-az-db.sh, on identical copies, in one run.
//
// Each ovn-ic-sbctl call reads the whole database first, so at 20,000 rows one call takes seconds
// and the script would run for hours. The bench therefore measures the script fully on a small zone
// and on a sample of calls at full size, and projects the full run from the two (a call's cost is
// fitted as a + b * rows in the database, summed as the database shrinks by one row per call).
// BENCH_ROWBYROW_SAMPLE=all runs every call instead.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CliIO } from '../cli/io.js';
import { run } from '../cli/main.js';
import { applyPlan, readSouthboundCleanup } from '../shared/interconnect/cleanup-io.js';
import { OvsdbClient } from '../shared/ovsdb/client.js';
import { NamedUuid } from '../shared/ovsdb/datum.js';
import type { Operation } from '../shared/ovsdb/operations.js';
import { GUIDE_SCRIPT } from '../test/integration/ovsdb/guide-script.js';
import { reportFigure } from './support/figures.js';

const repoRoot = path.resolve(import.meta.dirname, '..');
const BIG = Number(process.env.BENCH_ZONE_ROWS ?? 10_000);
const SMALL = Number(process.env.BENCH_SMALL_ZONE_ROWS ?? 200);
const KEPT = 100;
const SAMPLE = process.env.BENCH_ROWBYROW_SAMPLE ?? '40';

const work = mkdtempSync(path.join(os.tmpdir(), 'acpnet-bench-interconnect-'));
const servers: string[] = [];

function start(name: string, from?: string): string {
  const dir = path.join(work, name);
  if (from) {
    execFileSync('mkdir', ['-p', dir]);
    execFileSync('cp', [from, path.join(dir, 'ovn-ic-sb.db')]);
  }
  const address = execFileSync('bash', [path.join(repoRoot, 'infra/ovsdb/start.sh'), dir, 'ovn-ic-sb'], {
    encoding: 'utf8',
  }).trim();
  servers.push(dir);
  return address;
}

function stopAll(): void {
  for (const dir of servers) execFileSync('bash', [path.join(repoRoot, 'infra/ovsdb/stop.sh'), dir]);
  rmSync(work, { recursive: true, force: true });
}

function seconds(since: bigint): number {
  return Number(process.hrtime.bigint() - since) / 1e9;
}

/** A zone as ovn-ic leaves it: a Gateway with its Encap, `rows` Routes and `rows` Port_Bindings. */
function zoneInserts(zone: string, index: number, rows: number, firstKey: number): Operation[] {
  const az = new NamedUuid(`az${index}`);
  const encap = new NamedUuid(`e${index}`);
  const operations: Operation[] = [
    { op: 'insert', table: 'Availability_Zone', row: { name: zone }, uuidName: az.name },
    {
      op: 'insert',
      table: 'Encap',
      row: { type: 'geneve', ip: `10.0.${index}.1`, gateway_name: `gw-${zone}` },
      uuidName: encap.name,
    },
    {
      op: 'insert',
      table: 'Gateway',
      row: { name: `gw-${zone}`, hostname: `node-${zone}`, availability_zone: az, encaps: encap },
    },
  ];
  for (let i = 0; i < rows; i++) {
    operations.push({
      op: 'insert',
      table: 'Route',
      row: {
        transit_switch: 'ts',
        availability_zone: az,
        route_table: '',
        ip_prefix: `10.${index}.${Math.floor(i / 256) % 256}.${i % 256}/32`,
        nexthop: `169.254.${index}.1`,
        origin: 'connected',
      },
    });
    operations.push({
      op: 'insert',
      table: 'Port_Binding',
      row: {
        transit_switch: 'ts',
        availability_zone: az,
        logical_port: `lp-${zone}-${i}`,
        tunnel_key: firstKey + i,
        gateway: `gw-${zone}`,
      },
    });
  }
  return operations;
}

/** A database file holding zone `zone` with `rows` Routes and Port_Bindings, beside a zone that stays. */
async function databaseFile(name: string, zone: string, rows: number): Promise<string> {
  const address = start(`${name}-origin`);
  const client = await OvsdbClient.connect(address, { requestTimeoutMs: 600_000 });
  try {
    await client.transact('OVN_IC_Southbound', [
      ...zoneInserts('az-keep', 1, KEPT, 30_000),
      ...zoneInserts(zone, 2, rows, 1),
    ]);
  } finally {
    client.close();
  }
  const file = path.join(work, `${name}.db`);
  writeFileSync(
    file,
    execFileSync('ovsdb-client', ['backup', address, 'OVN_IC_Southbound'], { maxBuffer: 1 << 30 }),
  );
  return file;
}

async function acpnetClean(address: string, zone: string): Promise<number> {
  let stderr = '';
  const io: CliIO = { stdout: () => {}, stderr: (text) => (stderr += text), readStdin: async () => '' };
  const started = process.hrtime.bigint();
  const code = await run(['interconnect', 'clean', '--ic-sb', address, '--az', zone, '--timeout', '600'], io);
  const elapsed = seconds(started);
  if (code !== 0) throw new Error(`acpnet interconnect clean exited ${code}: ${stderr}`);
  return elapsed;
}

const QUIET = { stdio: ['ignore', 'pipe', 'pipe'] as ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 };

function rowsOf(address: string, table: string, zone: string): string[] {
  const az = execFileSync(
    'ovn-ic-sbctl',
    [`--db=${address}`, '--bare', '--columns=_uuid', 'find', 'Availability_Zone', `name=${zone}`],
    {
      encoding: 'utf8',
    },
  ).trim();
  return execFileSync(
    'ovn-ic-sbctl',
    [`--db=${address}`, '--bare', '--columns=_uuid', 'find', table, `availability_zone=${az}`],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    },
  )
    .split('\n')
    .filter(Boolean);
}

function scriptRun(address: string, zone: string): number {
  const script = path.join(work, 'clean-ic-az-db.sh');
  writeFileSync(script, GUIDE_SCRIPT);
  chmodSync(script, 0o755);
  const started = process.hrtime.bigint();
  execFileSync(script, [zone], { ...QUIET, env: { ...process.env, IC_SB_DB: address } });
  return seconds(started);
}

/** The library calls the command makes, timed apart: reading and planning, then the one transaction. */
async function breakdown(address: string, zone: string): Promise<{ read: number; transaction: number }> {
  const client = await OvsdbClient.connect(address, { requestTimeoutMs: 600_000 });
  try {
    let started = process.hrtime.bigint();
    const { plan } = await readSouthboundCleanup(client, { az: zone });
    const read = seconds(started);
    started = process.hrtime.bigint();
    await applyPlan(client, 'OVN_IC_Southbound', plan!.operations);
    return { read, transaction: seconds(started) };
  } finally {
    client.close();
  }
}

async function main(): Promise<void> {
  // A full comparison on a small zone.
  const smallFile = await databaseFile('small', 'az-small', SMALL);
  // Warm-up: the first command in a process loads (and transpiles) its modules.
  await acpnetClean(start('warm-up', smallFile), 'az-small');
  const smallCalls = 2 * SMALL + 2; // one destroy per Route and Port_Binding, the Gateway, the zone
  const smallAcpnet = await acpnetClean(start('small-acpnet', smallFile), 'az-small');
  const smallScript = scriptRun(start('small-script', smallFile), 'az-small');
  const smallRows = 2 * (SMALL + KEPT) + 6;
  console.log(
    `small zone (${SMALL} Routes + ${SMALL} Port_Bindings, ${smallRows} rows in the database), both measured:\n` +
      `  acpnet, one transaction (in process, modules loaded): ${smallAcpnet.toFixed(2)} s\n` +
      `  guide script, ${smallCalls} ovn-ic-sbctl destroys: ${smallScript.toFixed(2)} s (${((smallScript / smallCalls) * 1000).toFixed(0)} ms per call)\n` +
      `  ratio: ${(smallScript / smallAcpnet).toFixed(0)}x`,
  );

  const bigFile = await databaseFile('big', 'az-big', BIG);
  // The library run goes first: it also warms up the decoding of 20,000 rows for the command.
  const parts = await breakdown(start('big-breakdown', bigFile), 'az-big');
  const bigAcpnet = await acpnetClean(start('big-acpnet', bigFile), 'az-big');
  const bigCalls = 2 * BIG + 2;
  const bigRows = 2 * (BIG + KEPT) + 6;
  const scriptAddress = start('big-script', bigFile);
  let bigScript: number;
  let how: string;
  if (SAMPLE === 'all') {
    bigScript = scriptRun(scriptAddress, 'az-big');
    how = 'measured';
  } else {
    const sample = Number(SAMPLE);
    const uuids = [
      ...rowsOf(scriptAddress, 'Route', 'az-big')
        .slice(0, sample / 2)
        .map((u) => ['Route', u]),
      ...rowsOf(scriptAddress, 'Port_Binding', 'az-big')
        .slice(0, sample / 2)
        .map((u) => ['Port_Binding', u]),
    ];
    const started = process.hrtime.bigint();
    for (const [table, uuid] of uuids) {
      execFileSync('ovn-ic-sbctl', [`--db=${scriptAddress}`, 'destroy', table!, uuid!], {
        maxBuffer: 1 << 30,
      });
    }
    const perCallBig = seconds(started) / uuids.length;
    const perCallSmall = smallScript / smallCalls;
    // cost(rows) = a + b * rows, through the two measured points; summed while the zone shrinks.
    const b = (perCallBig - perCallSmall) / (bigRows - smallRows);
    const a = perCallSmall - b * smallRows;
    bigScript = bigCalls * a + b * (bigCalls * bigRows - (bigCalls * (bigCalls - 1)) / 2);
    how = `projected from ${uuids.length} calls measured at full size (${(perCallBig * 1000).toFixed(0)} ms per call) and the small run`;
  }
  reportFigure({
    name: `zone cleanup ${BIG}+${BIG} rows, guide script/acpnet`,
    value: bigScript / bigAcpnet,
    unit: 'x',
  });
  console.log(
    `big zone (${BIG} Routes + ${BIG} Port_Bindings, ${bigRows} rows in the database):\n` +
      `  acpnet, one transaction (reads included): ${bigAcpnet.toFixed(2)} s, measured ` +
      `(again through the library: reading and planning ${parts.read.toFixed(2)} s, the transaction ${parts.transaction.toFixed(2)} s)\n` +
      `  guide script, ${bigCalls} ovn-ic-sbctl destroys: ${bigScript.toFixed(0)} s (${(bigScript / 3600).toFixed(1)} h), ${how}\n` +
      `  ratio: ${(bigScript / bigAcpnet).toFixed(0)}x`,
  );
}

try {
  await main();
} finally {
  stopAll();
}
