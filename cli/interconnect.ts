import { readFile } from 'node:fs/promises';
import { parseCommandArgs } from './args.js';
import { UnusableInputError } from './input-error.js';
import type { CliIO } from './io.js';
import { UsageError } from './usage.js';

export const interconnectHelp = `Usage: acpnet interconnect clean --ic-sb REMOTE (--az NAME | --node NAME) [flags]

Removes what an availability zone left in the OVN interconnect (IC) southbound database, in ONE
transaction: its Gateways (their Encaps go with them), Routes, Port_Bindings, any other row whose
strong reference to the zone would make deleting it fail on the server's schema, then the
Availability_Zone itself. Run it after a cluster was deleted without leaving the interconnect, when
the next cluster on those nodes fails to join ("Transaction causes multiple rows in ...").

With --ovn-nb (on uninstall), it also removes from the cluster's own northbound database, in one
transaction: the transit switches (other_config:interconn-ts, or named ts, ts1, ...), the zone's
transit ports (switch ports TS-ZONE, router ports ZONE-TS) and the routes ovn-ic learned from the
other zones (external_ids:ic-learned-route). A northbound database whose NB_Global name is another
zone is refused.

Running it again finds nothing to do and says so. Every read happens before any write.

REMOTE is tcp:HOST:PORT, ssl:HOST:PORT (IPv6 hosts in brackets), unix:PATH, or a comma-separated
list of them (the members of a clustered database, tried in order).

Flags:
  --ic-sb REMOTE               the IC southbound database (required)
  --az NAME                    the availability zone to remove (the cluster's az-name)
  --node NAME                  or: a node of that cluster; the zone is the one of the Gateway on it
  --ovn-nb REMOTE              the cluster's northbound database: remove the transit switches too
  --kubeconfig FILE            refuse when the cluster's kube-system/ovn-ic-config still has
                               enable-ic "true" for the zone (without it, the check is skipped)
  --dry-run                    list the rows it would remove, change nothing
  -o, --output FORMAT          text (default) or json
  --timeout SECONDS            limit for connecting and for each request (default 30)
  --private-key FILE           for ssl: remotes: client key,
  --certificate FILE           client certificate,
  --ca-cert FILE               and the CA certificate that signed the server's
  -h, --help                   show this help

Exit status: 0 done, or nothing to do; 1 refused (the zone's cluster is still connected, a node in
several zones, a northbound database of another zone) or a transaction the server rejected; 2 usage
errors, and databases or clusters that cannot be reached (the message names the address); 3 an
internal error.
`;

const flags = {
  'ic-sb': { type: 'string' },
  az: { type: 'string' },
  node: { type: 'string' },
  'ovn-nb': { type: 'string' },
  kubeconfig: { type: 'string' },
  'dry-run': { type: 'boolean' },
  output: { type: 'string', short: 'o' },
  timeout: { type: 'string' },
  'private-key': { type: 'string' },
  certificate: { type: 'string' },
  'ca-cert': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const COMMAND = 'interconnect clean';

export interface CleanOptions {
  icSb: string;
  target: { az: string } | { node: string };
  ovnNb?: string;
  kubeconfig?: string;
  dryRun: boolean;
  output: 'text' | 'json';
  timeoutMs: number;
  tls?: { key: string; cert: string; ca: string };
}

export async function interconnectCommand(args: readonly string[], io: CliIO): Promise<number> {
  const [subcommand, ...rest] = args;
  if (subcommand === undefined) {
    io.stderr(interconnectHelp);
    return 2;
  }
  if (subcommand === '-h' || subcommand === '--help' || subcommand === 'help') {
    io.stdout(interconnectHelp);
    return 0;
  }
  if (subcommand !== 'clean') {
    throw new UsageError(`unknown subcommand ${JSON.stringify(subcommand)} (known: clean)`, 'interconnect');
  }
  const options = await parseCleanArgs(rest);
  if (options === 'help') {
    io.stdout(interconnectHelp);
    return 0;
  }
  const { runClean } = await import('./interconnect-clean.js');
  return runClean(options, io);
}

async function readTlsFile(flag: string, file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new UnusableInputError([`${flag} ${file}: ${(error as Error).message}`]);
  }
}

export async function parseCleanArgs(args: readonly string[]): Promise<CleanOptions | 'help'> {
  const { values, positionals } = parseCommandArgs(COMMAND, args, flags);
  if (values.help) return 'help';
  if (positionals.length > 0)
    throw new UsageError(`unexpected argument ${JSON.stringify(positionals[0])}`, COMMAND);
  if (!values['ic-sb']) throw new UsageError('--ic-sb REMOTE is required', COMMAND);
  if ((values.az === undefined) === (values.node === undefined)) {
    throw new UsageError('give exactly one of --az NAME and --node NAME', COMMAND);
  }
  if (values.az === '' || values.node === '')
    throw new UsageError('--az and --node need a non-empty name', COMMAND);
  const output = values.output ?? 'text';
  if (output !== 'text' && output !== 'json') {
    throw new UsageError(`--output must be text or json, got ${JSON.stringify(output)}`, COMMAND);
  }
  const seconds = values.timeout === undefined ? 30 : Number(values.timeout);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new UsageError(
      `--timeout must be a positive number of seconds, got ${JSON.stringify(values.timeout)}`,
      COMMAND,
    );
  }
  const { parseRemotes, RemoteSyntaxError } = await import('../shared/ovsdb/remote.js');
  const remotes = [];
  for (const flag of ['ic-sb', 'ovn-nb'] as const) {
    const value = values[flag];
    if (value === undefined) continue;
    try {
      remotes.push(...parseRemotes(value));
    } catch (error) {
      if (error instanceof RemoteSyntaxError) throw new UsageError(`--${flag}: ${error.message}`, COMMAND);
      throw error;
    }
  }
  const tlsFlags = [values['private-key'], values.certificate, values['ca-cert']];
  const needsTls = remotes.some((remote) => remote.kind === 'ssl');
  if (needsTls && tlsFlags.some((value) => value === undefined)) {
    throw new UsageError('ssl: remotes need --private-key, --certificate and --ca-cert', COMMAND);
  }
  const options: CleanOptions = {
    icSb: values['ic-sb'],
    target: values.az !== undefined ? { az: values.az } : { node: values.node! },
    dryRun: values['dry-run'] === true,
    output,
    timeoutMs: Math.round(seconds * 1000),
  };
  if (values['ovn-nb'] !== undefined) options.ovnNb = values['ovn-nb'];
  if (values.kubeconfig !== undefined) options.kubeconfig = values.kubeconfig;
  if (tlsFlags.every((value) => value !== undefined)) {
    options.tls = {
      key: await readTlsFile('--private-key', values['private-key']!),
      cert: await readTlsFile('--certificate', values.certificate!),
      ca: await readTlsFile('--ca-cert', values['ca-cert']!),
    };
  }
  return options;
}
