/**
 * Real OVSDB for the ovsdb suites: an ovsdb-server per suite (infra/ovsdb/start.sh) with Debian's
 * OVN schemas, Debian's own tools to fill and read it, and a TCP proxy that breaks connections.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { runInProcess } from '../../support/cli-in-process.js';

const exec = promisify(execFile);
export const repoRoot = path.resolve(import.meta.dirname, '../../..');

export type Database = 'ovn-ic-sb' | 'ovn-ic-nb' | 'ovn-nb';

export interface OvsdbServer {
  /** tcp:127.0.0.1:PORT */
  address: string;
  dir: string;
  /** The unixctl socket, for ovs-appctl. */
  control: string;
  file(database: Database): string;
  stop(): Promise<void>;
}

export interface StartOptions {
  databases?: Database[];
  /** Database files to serve instead of new ones (copies are made). */
  from?: Partial<Record<Database, string>>;
  env?: Record<string, string>;
}

/** Starts an ovsdb-server serving the databases on a free loopback port. */
export async function startOvsdb(options: StartOptions = {}): Promise<OvsdbServer> {
  const dir = await mkdtemp(path.join(tmpdir(), 'acpnet-ovsdb-'));
  const databases = options.databases ?? ['ovn-ic-sb', 'ovn-ic-nb', 'ovn-nb'];
  await mkdir(dir, { recursive: true });
  for (const [database, file] of Object.entries(options.from ?? {})) {
    await copyFile(file, path.join(dir, `${database}.db`));
  }
  const { stdout } = await exec('bash', [path.join(repoRoot, 'infra/ovsdb/start.sh'), dir, ...databases], {
    env: { ...process.env, ...options.env },
  });
  const address = stdout.trim().split('\n').at(-1)!;
  return {
    address,
    dir,
    control: path.join(dir, 'ovsdb-server.ctl'),
    file: (database) => path.join(dir, `${database}.db`),
    stop: async () => {
      await exec('bash', [path.join(repoRoot, 'infra/ovsdb/stop.sh'), dir]);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Runs a Debian OVN/OVS tool and returns its standard output. */
export async function tool(command: string, ...args: string[]): Promise<string> {
  const { stdout } = await exec(command, args, { maxBuffer: 256 * 1024 * 1024 });
  return stdout;
}

export const icSbctl = (address: string, ...args: string[]) =>
  tool('ovn-ic-sbctl', `--db=${address}`, ...args);
export const nbctl = (address: string, ...args: string[]) => tool('ovn-nbctl', `--db=${address}`, ...args);

export interface ZoneFill {
  /** Used for addresses and tunnel keys, unique per zone. */
  index: number;
  routes?: number;
}

/**
 * Fills a zone as ovn-ic would, with ovn-ic-sbctl in one transaction: the Availability_Zone, a
 * Gateway on node `node-ZONE` with its Encap, its Routes and its Port_Binding on transit switch ts.
 */
export async function fillZone(
  address: string,
  zone: string,
  { index, routes = 2 }: ZoneFill,
): Promise<void> {
  const args = [
    ...['--', '--id=@az', 'create', 'Availability_Zone', `name=${zone}`],
    ...['--', '--id=@e', 'create', 'Encap', 'type=geneve', `ip=10.0.${index}.1`, `gateway_name=gw-${zone}`],
    ...[
      '--',
      'create',
      'Gateway',
      `name=gw-${zone}`,
      `hostname=node-${zone}`,
      'availability_zone=@az',
      'encaps=@e',
    ],
    ...[
      '--',
      'create',
      'Port_Binding',
      `logical_port=ts-${zone}`,
      'transit_switch=ts',
      'availability_zone=@az',
      `tunnel_key=${index}`,
      `gateway=gw-${zone}`,
      'encap=@e',
      `address="00:00:00:00:00:0${index} 169.254.100.${index}/24"`,
    ],
  ];
  for (let r = 0; r < routes; r++) {
    args.push(
      ...['--', 'create', 'Route', 'transit_switch=ts', 'availability_zone=@az', 'route_table=""'],
      ...[`ip_prefix=10.${index}.${r}.0/24`, `nexthop=169.254.100.${index}`, 'origin=connected'],
    );
  }
  await icSbctl(address, ...args);
}

export type Dump = Record<string, Record<string, unknown>[]>;

/** Every row of every table, as `ovsdb-client dump` prints them (no _version), in a stable order. */
export async function dump(address: string, database: string): Promise<Dump> {
  const text = await tool('ovsdb-client', 'dump', '--format=json', address, database);
  const tables: Dump = {};
  for (const line of text.split('\n').filter(Boolean)) {
    const { caption, headings, data } = JSON.parse(line) as {
      caption: string;
      headings: string[];
      data: unknown[][];
    };
    const rows = data.map((cells) => Object.fromEntries(headings.map((h, i) => [h, cells[i]])));
    rows.sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
    tables[caption.replace(/ table$/, '')] = rows;
  }
  return tables;
}

export function uuidOf(row: Record<string, unknown>): string {
  return (row._uuid as [string, string])[1];
}

/** The dump without the rows whose uuids are given. */
export function without(tables: Dump, uuids: ReadonlySet<string>): Dump {
  return Object.fromEntries(
    Object.entries(tables).map(([table, rows]) => [table, rows.filter((row) => !uuids.has(uuidOf(row)))]),
  );
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the acpnet CLI in this process. */
export function acpnet(...args: string[]): Promise<CliRun> {
  return runInProcess(args);
}

export interface BreakingProxy {
  address: string;
  /** Set once the proxy broke a connection. */
  broke: boolean;
  close(): Promise<void>;
}

/**
 * A TCP proxy to `target` that passes everything until the client sends a transaction that
 * deletes, then forwards all of it (`after-send`) or only its first half (`mid-send`) and drops both
 * connections: a client killed right after sending its transaction, or while sending it.
 */
export async function breakingProxy(target: string, mode: 'after-send' | 'mid-send'): Promise<BreakingProxy> {
  const [, host, port] = /^tcp:(.+):(\d+)$/.exec(target)!;
  const sockets = new Set<net.Socket>();
  const proxy: BreakingProxy = { address: '', broke: false, close: async () => {} };
  const server = net.createServer((client) => {
    const upstream = net.connect({ host: host!, port: Number(port) });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => {});
      socket.on('close', () => sockets.delete(socket));
    }
    upstream.on('data', (chunk) => client.write(chunk));
    client.on('data', (chunk) => {
      const text = chunk.toString('utf8');
      if (proxy.broke || !(text.includes('"transact"') && text.includes('"op":"delete"'))) {
        if (!proxy.broke) upstream.write(chunk);
        return;
      }
      proxy.broke = true;
      const sent = mode === 'after-send' ? chunk : chunk.subarray(0, Math.floor(chunk.length / 2));
      upstream.end(sent, () => client.destroy());
    });
    client.on('close', () => upstream.end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.address = `tcp:127.0.0.1:${(server.address() as net.AddressInfo).port}`;
  proxy.close = () =>
    new Promise((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
  return proxy;
}

/**
 * A cluster's northbound database as Kube-OVN and ovn-ic leave it after joining zone `zone` with
 * transit switch ts (other zone: az-a): the transit switch with a remote port for az-a and the
 * zone's router port, the router port on ovn-cluster with its gateway chassis, a learned route and
 * the cluster's own switch, router port and default route.
 */
export async function fillNorthbound(address: string, zone: string): Promise<void> {
  await nbctl(
    address,
    ...['init', '--', 'set', 'NB_Global', '.', `name=${zone}`],
    ...['--', 'ls-add', 'ts', '--', 'set', 'Logical_Switch', 'ts', 'other_config:interconn-ts=ts'],
    ...['--', 'lsp-add', 'ts', 'ts-az-a', '--', 'lsp-set-type', 'ts-az-a', 'remote'],
    ...['--', 'lsp-set-addresses', 'ts-az-a', '00:00:00:00:00:01 169.254.100.1/24'],
    ...['--', 'lr-add', 'ovn-cluster'],
    ...['--', 'lrp-add', 'ovn-cluster', `${zone}-ts`, '00:00:00:00:00:02', '169.254.100.2/24'],
    ...['--', 'lrp-set-gateway-chassis', `${zone}-ts`, 'chassis-gw-1', '100'],
    ...['--', 'lsp-add', 'ts', `ts-${zone}`, '--', 'lsp-set-type', `ts-${zone}`, 'router'],
    ...['--', 'lsp-set-addresses', `ts-${zone}`, 'router'],
    ...['--', 'lsp-set-options', `ts-${zone}`, `router-port=${zone}-ts`],
    ...['--', 'ls-add', 'ovn-default', '--', 'lsp-add', 'ovn-default', 'ovn-default-ovn-cluster'],
    ...['--', 'lrp-add', 'ovn-cluster', 'ovn-cluster-ovn-default', '00:00:00:00:00:10', '10.16.0.1/16'],
    ...['--', 'lr-route-add', 'ovn-cluster', '0.0.0.0/0', '100.64.0.1'],
    ...['--', '--id=@r', 'create', 'Logical_Router_Static_Route', 'ip_prefix=10.1.0.0/24'],
    ...['nexthop=169.254.100.1', 'external_ids:ic-learned-route=6d2a0c3e-6b1e-4a8e-9a4c-000000000001'],
    ...['--', 'add', 'Logical_Router', 'ovn-cluster', 'static_routes', '@r'],
  );
}

/** A consistent copy of a served database, as a database file (its rows keep their uuids). */
export async function backup(address: string, database: string, file: string): Promise<void> {
  const text = await tool('ovsdb-client', 'backup', address, database);
  const { writeFile } = await import('node:fs/promises');
  await writeFile(file, text);
}
