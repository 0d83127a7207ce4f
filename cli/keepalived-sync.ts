import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { pino } from 'pino';
import type { HostFileFormat } from '../shared/keepalived/host-file.js';
import { parseCommandArgs } from './args.js';
import { UnusableInputError } from './input-error.js';
import type { CliIO } from './io.js';
import { openKubeconfig } from './keepalived-sync-access.js';
import { followConfigMap, NoClusterAnswered, readConfigMap } from './keepalived-sync-follow.js';
import { HostFileWriter } from './keepalived-sync-write.js';
import { UsageError } from './usage.js';

export const keepalivedSyncHelp = `Usage: acpnet keepalived sync --kubeconfig FILE [--kubeconfig FILE ...] --configmap NS/NAME --dir DIR [flags]

Runs on each soft data-center LB host (guide: 软数据中心 LB 方案). Follows the keepalived ConfigMap
(label acpnet.io/keepalived: "true") and writes the alive.yaml the keepalived-hosts function renders
into it to DIR/alive.yaml (or, with --format keepalived.conf, a plain DIR/keepalived.conf):

  - atomically: a temporary file in DIR, flushed, then renamed over the old one;
  - only when the content changed (each write makes keepalived reload);
  - never when the new content fails its checks (alive.yaml's schema and the template checks; for
    keepalived.conf also keepalived --config-test when keepalived is installed): the previous file
    stays, and the reason is logged.

The kubeconfigs are the guide's kubecfgs: one cluster through each of its API servers. The first that
answers is followed; when it fails, the next takes over. Each kubeconfig's client certificate is
checked whenever it is used: one that expires within 30 days is warned about, an expired one refused,
naming the file and the date. Logs are JSON lines on stderr (outcome changed, unchanged or refused).

Exit status: 0 after SIGTERM/SIGINT, or with --once when the file was written or already current;
1 with --once when nothing could be written (no ConfigMap, no alive.yaml, content refused, the
write failed); 2 a usage error or unusable input (unreadable kubeconfig or DIR, no usable
kubeconfig, no API server answered).

Flags:
  --kubeconfig FILE            a kubecfg of the cluster (repeat for each API server, tried in order)
  --configmap NS/NAME          the keepalived ConfigMap of this host's group
  --dir DIR                    where the file goes (the guide's /etc/keepalived)
  -f, --format FORMAT          alive (default: DIR/alive.yaml) or keepalived.conf (DIR/keepalived.conf)
  --host ADDRESS,...           keepalived.conf for this host (its addresses in peer, one per family)
  --once                       write once and exit instead of following
  --log-level LEVEL            fatal, error, warn, info, debug, trace or silent (default info)
  -h, --help                   show this help
`;

const COMMAND = 'keepalived sync';
const options = {
  kubeconfig: { type: 'string', multiple: true },
  configmap: { type: 'string' },
  dir: { type: 'string' },
  format: { type: 'string', short: 'f', default: 'alive' },
  host: { type: 'string' },
  once: { type: 'boolean' },
  'log-level': { type: 'string', default: 'info' },
  help: { type: 'boolean', short: 'h' },
} as const;
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const NAMESPACE = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const NAME = /^[a-z0-9]([-.a-z0-9]{0,251}[a-z0-9])?$/;

function configMapRef(value: string | undefined): { namespace: string; name: string } {
  if (value === undefined) throw new UsageError('--configmap NS/NAME is required', COMMAND);
  const [namespace = '', name = '', extra] = value.split('/');
  if (extra !== undefined || !NAMESPACE.test(namespace) || !NAME.test(name)) {
    throw new UsageError(
      `--configmap must be NAMESPACE/NAME of a ConfigMap (lowercase DNS names), got ${JSON.stringify(value)}`,
      COMMAND,
    );
  }
  return { namespace, name };
}

async function writableDirectory(dir: string): Promise<void> {
  try {
    if (!(await stat(dir)).isDirectory()) throw new UnusableInputError([`--dir ${dir}: not a directory`]);
    await access(dir, constants.W_OK | constants.R_OK | constants.X_OK);
  } catch (error) {
    if (error instanceof UnusableInputError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    const what = code === 'ENOENT' ? 'does not exist' : 'cannot be written';
    throw new UnusableInputError([`--dir ${dir}: ${what} (${code})`]);
  }
}

function parse(args: readonly string[]) {
  const { values, positionals } = parseCommandArgs(COMMAND, args, options);
  if (positionals.length > 0)
    throw new UsageError(`unexpected argument ${JSON.stringify(positionals[0])}`, COMMAND);
  const kubeconfigs = values.kubeconfig ?? [];
  if (kubeconfigs.length === 0)
    throw new UsageError('--kubeconfig FILE is required (one per API server)', COMMAND);
  const format = values.format;
  if (format !== 'alive' && format !== 'keepalived.conf')
    throw new UsageError(`--format must be alive or keepalived.conf, got ${JSON.stringify(format)}`, COMMAND);
  const host = values.host?.split(',').map((a) => a.trim());
  if (host && format !== 'keepalived.conf')
    throw new UsageError('--host applies to --format keepalived.conf only', COMMAND);
  if (!LOG_LEVELS.includes(values['log-level']))
    throw new UsageError(`--log-level must be one of ${LOG_LEVELS.join(', ')}`, COMMAND);
  if (values.dir === undefined) throw new UsageError('--dir DIR is required', COMMAND);
  return {
    help: values.help ?? false,
    kubeconfigs,
    ...configMapRef(values.configmap),
    dir: values.dir,
    format: format as HostFileFormat,
    host,
    once: values.once ?? false,
    logLevel: values['log-level'],
  };
}

/** Unreadable kubeconfigs are input errors; refused ones (certificates) leave the others to serve. */
function checkKubeconfigs(files: readonly string[]): void {
  const now = new Date();
  const results = files.map((file) => openKubeconfig(file, now));
  const unreadable = results.flatMap((r) => ('refused' in r && r.unreadable ? [r.refused] : []));
  if (unreadable.length > 0) throw new UnusableInputError(unreadable.map((r) => `--kubeconfig ${r}`));
  if (results.every((r) => 'refused' in r)) {
    throw new UnusableInputError(
      results.flatMap((r) => ('refused' in r ? [`--kubeconfig ${r.refused}`] : [])),
    );
  }
}

/** `acpnet keepalived sync`: see keepalivedSyncHelp. */
export async function keepalivedSyncCommand(args: readonly string[], io: CliIO): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(keepalivedSyncHelp);
    return 0;
  }
  const request = parse(args);
  await writableDirectory(request.dir);
  checkKubeconfigs(request.kubeconfigs);
  const logger = pino(
    { name: 'acpnet-keepalived-sync', level: request.logLevel },
    { write: (line: string) => io.stderr(line) },
  );
  const writer = new HostFileWriter({ dir: request.dir, format: request.format, host: request.host, logger });
  const source = { files: request.kubeconfigs, namespace: request.namespace, name: request.name, logger };

  if (request.once) {
    try {
      const outcome = await writer.write(await readConfigMap(source));
      return outcome === 'changed' || outcome === 'unchanged' ? 0 : 1;
    } catch (error) {
      if (!(error instanceof NoClusterAnswered)) throw error;
      throw new UnusableInputError(['no API server answered:', ...error.reasons.map((r) => `  ${r}`)]);
    }
  }
  const stop = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    logger.info({ signal }, 'stopping');
    stop.abort();
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
  try {
    await followConfigMap({
      ...source,
      signal: stop.signal,
      onState: async (state) => void (await writer.write(state)),
    });
  } finally {
    process.removeListener('SIGTERM', onSignal);
    process.removeListener('SIGINT', onSignal);
  }
  logger.info('stopped');
  return 0;
}
