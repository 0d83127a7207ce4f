import type { EventFunction } from '../functions/runtime/contract.js';
import type { Logger } from '../functions/runtime/logger.js';
import type { RecordedEvent } from '../functions/runtime/replay.js';
import { parseCommandArgs } from './args.js';
import { UnusableInputError } from './input-error.js';
import type { CliIO } from './io.js';
import { functionOvsdbHelp } from './ovsdb-help.js';
import { functionOvsdbFlags, functionOvsdbOptions } from './ovsdb-options.js';
import { UsageError } from './usage.js';

export const replayHelp = `Usage: acpnet replay --from FILE.jsonl|kafka://TOPIC[?offset=N] [flags]

Feeds recorded CloudEvents (one structured-mode JSON CloudEvent per line, or the records of a Kafka
topic from the beginning or an offset) through the functions against an in-memory store loaded from
--state, and prints what happened.

Flags:
  --from SOURCE                FILE.jsonl, or kafka://TOPIC (needs --kafka-brokers or ACPNET_KAFKA_BROKERS)
  --state DIR                  manifests to load into the store first
  --functions a,b              run only these functions (default: all)
  --dry-run                    plan and report effects without applying them
  --output text|json           report format (default text)
  --write-state DIR            write the resulting store as DIR/<namespace or _cluster>/<kind>-<name>.yaml
  --kafka-brokers HOST:PORT,.. brokers for a kafka:// source
  --kafka-client NAME          kafkajs or platformatic (default platformatic, or ACPNET_KAFKA_CLIENT)
  --log-level LEVEL            logs on stderr (default warn)
${functionOvsdbHelp}
  -h, --help                   show this help

Exit status: 0 when every event was processed, 1 when one could not be, 2 for unusable input.
`;

const flags = {
  from: { type: 'string' },
  state: { type: 'string' },
  functions: { type: 'string' },
  'dry-run': { type: 'boolean' },
  output: { type: 'string' },
  'write-state': { type: 'string' },
  'kafka-brokers': { type: 'string' },
  'kafka-client': { type: 'string' },
  'log-level': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  ...functionOvsdbFlags,
} as const;

export async function replayCommand(args: readonly string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs('replay', args, flags);
  if (values.help) {
    io.stdout(replayHelp);
    return 0;
  }
  if (positionals.length > 0)
    throw new UsageError(`unexpected argument ${JSON.stringify(positionals[0])}`, 'replay');
  if (!values.from) throw new UsageError('--from is required', 'replay');
  const output = values.output ?? 'text';
  if (output !== 'text' && output !== 'json') {
    throw new UsageError(`--output must be text or json, got ${JSON.stringify(output)}`, 'replay');
  }
  if (values['dry-run'] && values['write-state']) {
    throw new UsageError('--dry-run and --write-state exclude each other', 'replay');
  }
  // Loaded here so that help and usage errors answer without loading the runtime.
  const [
    { selectFunctions },
    { createLogger },
    { prepareStore },
    { EventProcessor },
    replayModule,
    { writeState },
    { openReplayStore },
    { OvsdbConnections },
  ] = await Promise.all([
    import('../functions/registry.js'),
    import('../functions/runtime/logger.js'),
    import('../functions/runtime/prepare.js'),
    import('../functions/runtime/processor.js'),
    import('../functions/runtime/replay.js'),
    import('../shared/kube/state-writer.js'),
    import('./replay-store.js'),
    import('../functions/runtime/ovsdb-connections.js'),
  ]);
  let functions: EventFunction[];
  try {
    functions = selectFunctions(values.functions?.split(',').filter(Boolean));
  } catch (error) {
    throw new UsageError(`--functions: ${(error as Error).message}`, 'replay');
  }
  const logger = createLogger(
    (values['log-level'] ?? 'warn') as Parameters<typeof createLogger>[0],
    'acpnet-replay',
  );
  const { store, clock } = await openReplayStore(values.state);
  await prepareStore(store, functions);

  const ovsdb = await functionOvsdbOptions('replay', values);
  const events = await readSource(values.from, values['kafka-brokers'], values['kafka-client'], logger);
  const connections = new OvsdbConnections(ovsdb.connections);
  const processor = new EventProcessor({
    store,
    functions,
    mirror: true,
    dryRun: values['dry-run'],
    logger,
    settings: ovsdb.settings,
    ovsdb: connections,
  });
  // The store's clock is the time of the event being processed: the same events give the same bytes.
  const sink = {
    process(event: Parameters<typeof processor.process>[0]) {
      clock.advanceTo(event.time);
      return processor.process(event);
    },
  };
  let report: Awaited<ReturnType<typeof replayModule.replayEvents>>;
  try {
    report = await replayModule.replayEvents(events, sink);
  } finally {
    connections.close();
  }
  io.stdout(output === 'json' ? `${JSON.stringify(report)}\n` : replayModule.formatReportText(report));
  if (values['write-state']) await writeState(store, values['write-state']);
  return report.errors.length > 0 ? 1 : 0;
}

async function readSource(
  from: string,
  brokersFlag: string | undefined,
  clientFlag: string | undefined,
  logger: Logger,
): Promise<RecordedEvent[]> {
  const { parseKafkaSource, readJsonlFile, readKafkaTopic } = await import('../functions/runtime/replay.js');
  const kafka = parseKafkaSource(from);
  if (from.startsWith('kafka://') && !kafka) {
    throw new UsageError(
      `--from ${JSON.stringify(from)} is not kafka://TOPIC or kafka://TOPIC?offset=N`,
      'replay',
    );
  }
  if (kafka) {
    const brokers = (brokersFlag ?? process.env.ACPNET_KAFKA_BROKERS ?? '').split(',').filter(Boolean);
    if (brokers.length === 0) {
      throw new UsageError('a kafka:// source needs --kafka-brokers or ACPNET_KAFKA_BROKERS', 'replay');
    }
    const { createKafkaTransport, kafkaClientOf } = await import('../functions/runtime/kafka/clients.js');
    let client: ReturnType<typeof kafkaClientOf>;
    try {
      client = kafkaClientOf(clientFlag);
    } catch (error) {
      throw new UsageError(error instanceof Error ? error.message : String(error), 'replay');
    }
    const transport = await createKafkaTransport(client, { brokers, logger, clientId: 'acpnet-replay' });
    try {
      return await readKafkaTopic(transport, kafka);
    } finally {
      await transport.close();
    }
  }
  try {
    return await readJsonlFile(from);
  } catch (error) {
    throw new UnusableInputError([`cannot read ${from}: ${(error as Error).message}`]);
  }
}
