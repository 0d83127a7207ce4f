import { parseCommandArgs } from './args.js';
import type { CliIO } from './io.js';
import { checkRemotes, readTls } from './ovsdb-options.js';
import { UsageError } from './usage.js';

export const ovsdbBridgeHelp = `Usage: acpnet ovsdb-bridge --ic-sb REMOTE (--kafka-brokers HOST:PORT,.. | --sink URL) [flags]

An event source beside the API server's: monitors the OVN interconnect southbound tables the
functions follow (Availability_Zone and Route: interconnect-cidrs) and publishes every row change as
a CloudEvent of type io.acpnet.ovsdb.row.changed (subject TABLE/UUID, key DATABASE/TABLE/UUID).

To Kafka it reads the topic back on start and publishes only what changed while it was down,
deleted rows included. To an HTTP sink (a function's receiver, a Knative Broker) it posts the events
one at a time, in order, retrying until each is taken; having no record of earlier runs, it posts
every row on start, and a row deleted while it was down is not reported there.
It reconnects to the database when the connection drops and runs until SIGTERM or SIGINT.

Flags:
  --ic-sb REMOTE               the IC southbound database (tcp:HOST:PORT, ssl:HOST:PORT, unix:PATH, or a
                               comma-separated list of cluster members)
  --kafka-brokers HOST:PORT,.. publish to Kafka
  --topic TOPIC                topic to publish to (default acpnet-events)
  --sink URL                   or: POST the events to URL
  --mode binary|structured     CloudEvents content mode (default binary)
  --source URI                 CloudEvents source attribute (default acpnet://ovsdb-bridge)
  --private-key FILE           for ssl: remotes: client key,
  --certificate FILE           client certificate,
  --ca-cert FILE               and the CA certificate that signed the server's
  --timeout SECONDS            limit for connecting and for each request (default 30)
  --log-level LEVEL            fatal, error, warn, info, debug, trace or silent (default info)
  -h, --help                   show this help
`;

const COMMAND = 'ovsdb-bridge';

const flags = {
  'ic-sb': { type: 'string' },
  'kafka-brokers': { type: 'string' },
  topic: { type: 'string' },
  sink: { type: 'string' },
  mode: { type: 'string' },
  source: { type: 'string' },
  'private-key': { type: 'string' },
  certificate: { type: 'string' },
  'ca-cert': { type: 'string' },
  timeout: { type: 'string' },
  'log-level': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function sinkUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--sink must be an http:// or https:// URL, got ${JSON.stringify(value)}`, COMMAND);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`--sink must be an http:// or https:// URL, got ${JSON.stringify(value)}`, COMMAND);
  }
  return url.toString();
}

export async function ovsdbBridgeCommand(args: readonly string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(COMMAND, args, flags);
  if (values.help) {
    io.stdout(ovsdbBridgeHelp);
    return 0;
  }
  if (positionals.length > 0)
    throw new UsageError(`unexpected argument ${JSON.stringify(positionals[0])}`, COMMAND);
  const remote = values['ic-sb'];
  if (!remote) throw new UsageError('--ic-sb REMOTE is required', COMMAND);
  const brokers = (values['kafka-brokers'] ?? '').split(',').filter(Boolean);
  if (brokers.length > 0 === (values.sink !== undefined)) {
    throw new UsageError('give exactly one of --kafka-brokers and --sink', COMMAND);
  }
  if (values.topic !== undefined && brokers.length === 0)
    throw new UsageError('--topic needs --kafka-brokers', COMMAND);
  const mode = values.mode ?? 'binary';
  if (mode !== 'binary' && mode !== 'structured') {
    throw new UsageError(`--mode must be binary or structured, got ${JSON.stringify(mode)}`, COMMAND);
  }
  const seconds = values.timeout === undefined ? 30 : Number(values.timeout);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new UsageError(
      `--timeout must be a positive number of seconds, got ${JSON.stringify(values.timeout)}`,
      COMMAND,
    );
  }
  const sink = values.sink === undefined ? undefined : sinkUrl(values.sink);
  const ssl = checkRemotes(COMMAND, { '--ic-sb': remote });
  const tls = await readTls(
    COMMAND,
    { key: values['private-key'], cert: values.certificate, ca: values['ca-cert'] },
    { key: '--private-key', cert: '--certificate', ca: '--ca-cert' },
    ssl,
  );

  const [{ createLogger }, { allFunctions }, bridgeModule, publishers, { DEFAULT_TOPIC }, { IC_SOUTHBOUND }] =
    await Promise.all([
      import('../functions/runtime/logger.js'),
      import('../functions/registry.js'),
      import('../functions/runtime/ovsdb-bridge.js'),
      import('../functions/runtime/row-publishers.js'),
      import('../functions/runtime/serve.js'),
      import('../shared/interconnect/names.js'),
    ]);
  const logger = createLogger(
    (values['log-level'] ?? 'info') as Parameters<typeof createLogger>[0],
    'acpnet-ovsdb-bridge',
  );
  const subscriptions = allFunctions
    .flatMap((fn) => fn.consumesRows ?? [])
    .filter((s) => s.database === IC_SOUTHBOUND);
  let publisher: ReturnType<typeof publishers.httpPublisher>;
  if (sink !== undefined) publisher = publishers.httpPublisher(sink, mode, logger);
  else {
    const { KafkajsTransport } = await import('../functions/runtime/kafka/kafkajs-transport.js');
    const transport = new KafkajsTransport({ brokers, logger, clientId: 'acpnet-ovsdb-bridge' });
    publisher = publishers.kafkaPublisher(transport, values.topic ?? DEFAULT_TOPIC, mode, logger);
  }
  const timeoutMs = Math.round(seconds * 1000);
  const bridge = await bridgeModule.startOvsdbBridge({
    remote,
    subscriptions,
    publisher,
    source: values.source ?? 'acpnet://ovsdb-bridge',
    logger,
    client: { connectTimeoutMs: timeoutMs, requestTimeoutMs: timeoutMs, ...(tls ? { tls } : {}) },
  });
  await new Promise<void>((resolve) => {
    process.once('SIGTERM', resolve);
    process.once('SIGINT', resolve);
  });
  logger.info({ published: bridge.published() }, 'stopping');
  await bridge.stop();
  return 0;
}
