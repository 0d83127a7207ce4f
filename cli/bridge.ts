import { parseCommandArgs } from './args.js';
import type { CliIO } from './io.js';
import { UsageError } from './usage.js';

export const bridgeHelp = `Usage: acpnet bridge --kubeconfig FILE --kafka-brokers HOST:PORT,.. [--topic TOPIC] [flags]

Watches the kinds the functions consume and publishes Knative ApiServerSource-shaped CloudEvents
(Resource mode, Kafka binding, key namespace/name) to a topic, for installations without Knative.
On start it reads the topic back and relists, so changes made while it was down are published too.

Flags:
  --kubeconfig FILE            the cluster to watch
  --kafka-brokers HOST:PORT,.. where to publish
  --topic TOPIC                topic to publish to (default acpnet-events)
  --mode binary|structured     CloudEvents Kafka content mode (default binary)
  --kafka-client NAME          kafkajs or platformatic (default platformatic, or ACPNET_KAFKA_CLIENT)
  --source URI                 CloudEvents source attribute (default acpnet://bridge)
  --log-level LEVEL            fatal, error, warn, info, debug, trace or silent (default info)
  -h, --help                   show this help
`;

const flags = {
  kubeconfig: { type: 'string' },
  'kafka-brokers': { type: 'string' },
  topic: { type: 'string' },
  mode: { type: 'string' },
  'kafka-client': { type: 'string' },
  source: { type: 'string' },
  'log-level': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function bridgeCommand(args: readonly string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs('bridge', args, flags);
  if (values.help) {
    io.stdout(bridgeHelp);
    return 0;
  }
  if (positionals.length > 0)
    throw new UsageError(`unexpected argument ${JSON.stringify(positionals[0])}`, 'bridge');
  if (!values.kubeconfig) throw new UsageError('--kubeconfig is required', 'bridge');
  const brokers = (values['kafka-brokers'] ?? '').split(',').filter(Boolean);
  if (brokers.length === 0) throw new UsageError('--kafka-brokers is required', 'bridge');
  const mode = values.mode ?? 'binary';
  if (mode !== 'binary' && mode !== 'structured') {
    throw new UsageError(`--mode must be binary or structured, got ${JSON.stringify(mode)}`, 'bridge');
  }
  const [
    { createLogger },
    { allFunctions },
    { startBridge },
    { createKafkaTransport, kafkaClientOf },
    { openStore },
    { DEFAULT_TOPIC },
    { cacheTargetsOf },
  ] = await Promise.all([
    import('../functions/runtime/logger.js'),
    import('../functions/registry.js'),
    import('../functions/runtime/bridge.js'),
    import('../functions/runtime/kafka/clients.js'),
    import('./store.js'),
    import('../functions/runtime/serve.js'),
    import('../functions/runtime/scopes.js'),
  ]);
  const logger = createLogger(
    (values['log-level'] ?? 'info') as Parameters<typeof createLogger>[0],
    'acpnet-bridge',
  );
  const store = await openStore({ kubeconfig: values.kubeconfig }, logger);
  const kinds = cacheTargetsOf(allFunctions, 'consumes');
  const transport = await createKafkaTransport(kafkaClient(values['kafka-client'], kafkaClientOf), {
    brokers,
    logger,
    clientId: 'acpnet-bridge',
  });
  const bridge = await startBridge({
    store,
    kinds,
    transport,
    topic: values.topic ?? DEFAULT_TOPIC,
    source: values.source ?? 'acpnet://bridge',
    mode,
    logger,
  });
  await new Promise<void>((resolve) => {
    process.once('SIGTERM', resolve);
    process.once('SIGINT', resolve);
  });
  logger.info({ published: bridge.published() }, 'stopping');
  await bridge.stop();
  await store.stop();
  return 0;
}

function kafkaClient<T>(flag: string | undefined, parse: (flag?: string) => T): T {
  try {
    return parse(flag);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error), 'bridge');
  }
}
