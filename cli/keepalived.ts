import { isIpAddress } from '../shared/net/address.js';
import { parseCommandArgs } from './args.js';
import type { CliIO } from './io.js';
import { UsageError } from './usage.js';

export const keepalivedHelp = `Usage: acpnet keepalived render [--format alive|keepalived.conf] [--backends FILE] [--host ADDRESS,...] FILE|-

Renders the configuration of a group of soft data-center LB hosts (guide: 软数据中心 LB 方案) from a
keepalived template: FILE holds template.yaml (the instances of alive.yaml, each naming its ALB2 with
alb: or listing ipvs.ips), or is the ConfigMap labelled acpnet.io/keepalived: "true" holding it under
data["template.yaml"]; - reads standard input. The template is checked as admission checks it.

Formats:
  alive               alive.yaml as the platform's keepalived image reads it (default)
  keepalived.conf     a plain keepalived.conf for hosts without the image: one vrrp_instance per VIP,
                      one virtual_server per port with a real_server per backend. Without --host it
                      serves every host of the group: run keepalived with -i <the host's peer address>

Exit status: 0 rendered, 2 a usage error or unusable input (each problem names file, line and field).

Flags:
  -f, --format FORMAT          alive (default) or keepalived.conf
  --backends FILE              YAML map of instance name (or VIP) to backend addresses; replaces an
                               instance's ipvs.ips, and is required for instances that name an ALB2
  --host ADDRESS,...           keepalived.conf for the LB host with these addresses (one per family)
  -h, --help                   show this help

To keep an LB host's alive.yaml in step with the cluster: acpnet keepalived sync --help.
`;

const options = {
  format: { type: 'string', short: 'f', default: 'alive' },
  backends: { type: 'string' },
  host: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const COMMAND = 'keepalived render';

function hostAddresses(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const addresses = value.split(',').map((a) => a.trim());
  const bad = addresses.find((a) => !isIpAddress(a));
  if (bad !== undefined)
    throw new UsageError(`--host must list IP addresses, got ${JSON.stringify(bad)}`, COMMAND);
  return addresses;
}

async function render(args: readonly string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(COMMAND, args, options);
  if (values.help) {
    io.stdout(keepalivedHelp);
    return 0;
  }
  const format = values.format;
  if (format !== 'alive' && format !== 'keepalived.conf') {
    throw new UsageError(`--format must be alive or keepalived.conf, got ${JSON.stringify(format)}`, COMMAND);
  }
  const host = hostAddresses(values.host);
  if (host && format !== 'keepalived.conf')
    throw new UsageError('--host applies to --format keepalived.conf only', COMMAND);
  const [file, extra] = positionals;
  if (file === undefined)
    throw new UsageError('no input: give the template FILE, or - for standard input', COMMAND);
  if (extra !== undefined) throw new UsageError(`unexpected argument ${JSON.stringify(extra)}`, COMMAND);
  // Loaded here so that help and usage errors answer without loading the renderers.
  const { renderTemplateFile } = await import('./keepalived-render.js');
  io.stdout(await renderTemplateFile({ file, format, backends: values.backends, host }, io));
  return 0;
}

/** `acpnet keepalived render` (exit 0 rendered, 2 usage errors and unusable input) and `sync`. */
export async function keepalivedCommand(args: readonly string[], io: CliIO): Promise<number> {
  const [subcommand, ...rest] = args;
  if (subcommand === '--help' || subcommand === '-h') {
    io.stdout(keepalivedHelp);
    return 0;
  }
  if (subcommand === undefined)
    throw new UsageError('a subcommand is required: render or sync', 'keepalived');
  if (subcommand === 'sync') return (await import('./keepalived-sync.js')).keepalivedSyncCommand(rest, io);
  if (subcommand !== 'render') {
    throw new UsageError(
      `unknown subcommand ${JSON.stringify(subcommand)} (known: render, sync)`,
      'keepalived',
    );
  }
  return render(rest, io);
}
