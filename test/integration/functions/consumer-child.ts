// A Kafka consumer process for the kill-and-restart test: runs ingress-sync from a topic onto a
// MemoryStore whose contents, with the effects each event changed, are saved to a snapshot file
// before the event's offset is committed.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { CloudEvent } from 'cloudevents';
import { parse } from 'yaml';
import { allFunctions } from '../../../functions/registry.js';
import type { EffectRecord } from '../../../functions/runtime/applier.js';
import { createKafkaTransport, kafkaClientOf } from '../../../functions/runtime/kafka/clients.js';
import { startKafkaRuntime } from '../../../functions/runtime/kafka-runtime.js';
import { createLogger } from '../../../functions/runtime/logger.js';
import { prepareStore } from '../../../functions/runtime/prepare.js';
import { EventProcessor } from '../../../functions/runtime/processor.js';
import { MemoryStore } from '../../../shared/kube/memory-store.js';
import type { KubeObject } from '../../../shared/kube/object.js';

interface Snapshot {
  objects: KubeObject[];
  applied: (EffectRecord & { event: string })[];
}

const [brokers, topic, groupId, snapshotFile, stateFile, client] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
  string,
];
const snapshot: Snapshot = existsSync(snapshotFile)
  ? (JSON.parse(readFileSync(snapshotFile, 'utf8')) as Snapshot)
  : { objects: parse(readFileSync(stateFile, 'utf8')) as KubeObject[], applied: [] };

const logger = createLogger('warn', 'consumer-child');
const store = new MemoryStore({ now: () => new Date('2026-01-01T00:00:00Z') });
store.load(snapshot.objects);
await prepareStore(store, allFunctions);
const processor = new EventProcessor({ store, functions: allFunctions, mirror: true, logger });

function save(): void {
  const objects = store.kinds().flatMap((kind) => store.list(kind));
  writeFileSync(`${snapshotFile}.tmp`, JSON.stringify({ objects, applied: snapshot.applied }));
  renameSync(`${snapshotFile}.tmp`, snapshotFile);
}

const sink = {
  async process(event: CloudEvent<unknown>) {
    const result = await processor.process(event);
    snapshot.applied.push(...result.effects.map((e) => ({ ...e, event: result.eventId })));
    save();
    process.stdout.write(`processed ${result.eventId}\n`);
    return result;
  },
};

const transport = await createKafkaTransport(kafkaClientOf(client), {
  brokers: brokers.split(','),
  logger,
  clientId: 'consumer-child',
});
const runtime = await startKafkaRuntime({ transport, processor: sink, topic, groupId, logger });
process.stdout.write('ready\n');
process.on('SIGTERM', () => {
  runtime.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
