import { isIP } from 'node:net';
import path from 'node:path';
import { type Logger, pino } from 'pino';
import type { EventFunction } from '../functions/runtime/contract.js';
import { type KafkaClient, kafkaClientOf } from '../functions/runtime/kafka/clients.js';
import type { RunningFunctions } from '../functions/runtime/serve.js';
import type { ResourceStore } from '../shared/kube/store.js';
import { defaultRuleIndex } from '../webhooks/review/default-index.js';
import { type RunningWebhooks, startWebhooks } from '../webhooks/server/start.js';
import { parseCommandArgs, parsePort } from './args.js';
import { UnusableInputError } from './input-error.js';
import type { CliIO } from './io.js';
import { functionOvsdbFlags, functionOvsdbOptions } from './ovsdb-options.js';
import { admissionOptions, admissionSettings } from './settings.js';
import { openStore } from './store.js';
import { serveHelp, UsageError } from './usage.js';

const options = {
  'listen-address': { type: 'string' },
  'webhook-port': { type: 'string' },
  'functions-port': { type: 'string' },
  'tls-cert': { type: 'string' },
  'tls-key': { type: 'string' },
  state: { type: 'string' },
  kubeconfig: { type: 'string' },
  'kafka-brokers': { type: 'string' },
  'kafka-group': { type: 'string' },
  'kafka-topic': { type: 'string' },
  'kafka-client': { type: 'string' },
  functions: { type: 'string' },
  'kafka-session-timeout': { type: 'string' },
  'log-level': { type: 'string', default: 'info' },
  help: { type: 'boolean', short: 'h' },
  ...admissionOptions,
  ...functionOvsdbFlags,
} as const;

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
type Part = 'webhooks' | 'functions';

function partsOf(positionals: readonly string[]): Part[] {
  if (positionals.length > 1)
    throw new UsageError(`serve takes at most one part, got ${positionals.join(' ')}`, 'serve');
  const [part] = positionals;
  if (part === undefined) return ['webhooks', 'functions'];
  if (part !== 'webhooks' && part !== 'functions') {
    throw new UsageError(`unknown part ${JSON.stringify(part)}: expected webhooks or functions`, 'serve');
  }
  return [part];
}

/** The address both servers listen on: every interface unless narrowed, e.g. to 127.0.0.1 or ::1. */
function listenAddress(value: string | undefined): string {
  if (value === undefined) return '0.0.0.0';
  if (isIP(value) === 0) {
    throw new UsageError(
      `--listen-address must be an IPv4 or IPv6 address, got ${JSON.stringify(value)}`,
      'serve',
    );
  }
  return value;
}

/**
 * The Kafka session timeout in ms. The bounds are the broker's defaults for
 * group.min.session.timeout.ms and group.max.session.timeout.ms, outside which it refuses a member.
 */
function kafkaSessionTimeoutMs(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (!/^\d+$/.test(value) || seconds < 6 || seconds > 1800) {
    throw new UsageError(
      `--kafka-session-timeout must be a number of seconds from 6 to 1800, got ${JSON.stringify(value)}`,
      'serve',
    );
  }
  return seconds * 1000;
}

/** The functions `--functions a,b` names (all without it); an unknown name is a usage error. */
async function selectedFunctions(names: string | undefined): Promise<EventFunction[]> {
  const { selectFunctions } = await import('../functions/registry.js');
  try {
    return selectFunctions(names?.split(',').filter(Boolean));
  } catch (error) {
    throw new UsageError(`--functions: ${(error as Error).message}`, 'serve');
  }
}

/** Calls `stop` on the first SIGTERM or SIGINT; a second one exits at once. */
function onShutdownSignal(logger: Logger, stop: () => void): void {
  const handle = (signal: NodeJS.Signals) => {
    logger.info({ signal }, 'shutting down: draining in-flight work');
    process.once('SIGTERM', () => process.exit(1));
    process.once('SIGINT', () => process.exit(1));
    stop();
  };
  process.once('SIGTERM', handle);
  process.once('SIGINT', handle);
}

/** TLS files that cannot be read or do not match are unusable input (exit 2), not a crash. */
async function startWebhooksOrExplain(
  options: Parameters<typeof startWebhooks>[0],
): Promise<RunningWebhooks> {
  try {
    return await startWebhooks(options);
  } catch (error) {
    const code = (error as { code?: string }).code;
    const tlsProblem =
      code === 'ENOENT' || code === 'EACCES' || String(error).includes('not a usable certificate');
    if (!tlsProblem) throw error;
    throw new UnusableInputError([`TLS: ${error instanceof Error ? error.message : String(error)}`]);
  }
}

/** `acpnet serve`: runs until SIGTERM/SIGINT, then drains and exits 0. */
export async function serveCommand(args: readonly string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs('serve', args, options);
  if (values.help) {
    io.stdout(serveHelp);
    return 0;
  }
  const parts = partsOf(positionals);
  if (values.functions !== undefined && !parts.includes('functions'))
    throw new UsageError('--functions applies to serve functions only', 'serve');
  if (!logLevels.includes(values['log-level'])) {
    throw new UsageError(`--log-level must be one of ${logLevels.join(', ')}`, 'serve');
  }
  if ((values['tls-cert'] === undefined) !== (values['tls-key'] === undefined)) {
    throw new UsageError('--tls-cert and --tls-key must be given together', 'serve');
  }
  if (values.state !== undefined && values.kubeconfig !== undefined) {
    throw new UsageError('--state and --kubeconfig exclude each other', 'serve');
  }
  let kafkaClient: KafkaClient;
  try {
    kafkaClient = kafkaClientOf(values['kafka-client']);
  } catch (error) {
    throw new UsageError((error as Error).message, 'serve');
  }
  const webhookPort = parsePort('--webhook-port', values['webhook-port'], 8443);
  const functionsPort = parsePort('--functions-port', values['functions-port'], 8080);
  const settings = admissionSettings(values);
  const host = listenAddress(values['listen-address']);
  const kafkaSessionTimeout = kafkaSessionTimeoutMs(values['kafka-session-timeout']);

  // Loaded only when served: `serve webhooks` does not load the functions and their Kafka client.
  const startFunctions = parts.includes('functions')
    ? (await import('../functions/runtime/serve.js')).startFunctions
    : undefined;
  const functionsToRun = startFunctions ? await selectedFunctions(values.functions) : undefined;
  const ovsdb = await functionOvsdbOptions('serve', values);

  const logger = pino({ level: values['log-level'], base: { app: 'acpnet' } });
  const store: ResourceStore = await openStore(
    { state: values.state, kubeconfig: values.kubeconfig },
    logger,
  );
  const rules = defaultRuleIndex();
  rules.registerIndexes(store);

  let webhooks: RunningWebhooks | undefined;
  let functions: RunningFunctions | undefined;
  if (parts.includes('webhooks')) {
    webhooks = await startWebhooksOrExplain({
      port: webhookPort,
      host,
      certFile: values['tls-cert'],
      keyFile: values['tls-key'],
      selfSignedDir: path.resolve('.acpnet', 'webhook-tls'),
      view: store,
      isReady: () => store.isSynced(),
      settings,
      rules,
      logger,
    });
    logger.info({ url: webhooks.url, port: webhooks.port }, 'webhooks listening');
  }
  if (startFunctions) {
    functions = await startFunctions({
      port: functionsPort,
      host,
      store,
      kafkaBrokers: values['kafka-brokers']?.split(',').filter(Boolean),
      groupId: values['kafka-group'],
      topic: values['kafka-topic'],
      kafkaClient,
      functions: functionsToRun,
      kafkaSessionTimeoutMs: kafkaSessionTimeout,
      settings: ovsdb.settings,
      ovsdb: ovsdb.connections,
      logger,
      stateDir: values.kubeconfig === undefined ? values.state : undefined,
    });
  }
  // Started once listening, so /readyz answers 503 while the caches fill. Runs until a signal
  // (status 0) or until the caches cannot be filled (status 1).
  const status = await new Promise<number>((resolve) => {
    onShutdownSignal(logger, () => resolve(0));
    store.start(webhooks ? rules.kindsToCache() : []).then(
      () => logger.info('store synced; ready'),
      (error: unknown) => {
        logger.error({ err: error }, 'store failed to sync');
        resolve(1);
      },
    );
  });
  await Promise.all([webhooks?.close(), functions?.close()]);
  await store.stop();
  logger.info('stopped');
  return status;
}
