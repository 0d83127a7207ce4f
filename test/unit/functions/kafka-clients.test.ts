import { describe, expect, it } from '@jest/globals';
import { kafkaClientOf } from '../../../functions/runtime/kafka/clients.js';
import { PartitionQueues } from '../../../functions/runtime/kafka/partition-queues.js';

describe('kafkaClientOf', () => {
  it.each([
    { flag: undefined, env: undefined, client: 'platformatic' },
    { flag: undefined, env: '', client: 'platformatic' },
    { flag: undefined, env: 'kafkajs', client: 'kafkajs' },
    { flag: 'kafkajs', env: 'platformatic', client: 'kafkajs' },
    { flag: 'platformatic', env: undefined, client: 'platformatic' },
  ])('flag $flag, env $env -> $client', ({ flag, env, client }) => {
    expect(kafkaClientOf(flag, env)).toBe(client);
  });

  it.each([
    {
      flag: 'rdkafka',
      env: undefined,
      message: '--kafka-client must be one of kafkajs, platformatic, got "rdkafka"',
    },
    {
      flag: undefined,
      env: 'KafkaJS',
      message: 'ACPNET_KAFKA_CLIENT must be one of kafkajs, platformatic, got "KafkaJS"',
    },
  ])('refuses $flag / $env naming where it came from', ({ flag, env, message }) => {
    expect(() => kafkaClientOf(flag, env)).toThrow(message);
  });
});

describe('PartitionQueues', () => {
  it('handles each partition in order, partitions concurrently up to the limit', async () => {
    const handled: string[] = [];
    let running = 0;
    let most = 0;
    const queues = new PartitionQueues<string>({
      concurrency: 2,
      handle: async (item) => {
        running++;
        most = Math.max(most, running);
        await new Promise((resolve) => setImmediate(resolve));
        handled.push(item);
        running--;
      },
    });
    for (let i = 0; i < 4; i++)
      for (const partition of [0, 1, 2]) queues.push(partition, `${partition}:${i}`);
    while (handled.length < 12) await new Promise((resolve) => setImmediate(resolve));
    expect(most).toBe(2);
    for (const partition of [0, 1, 2]) {
      expect(handled.filter((h) => h.startsWith(`${partition}:`))).toEqual(
        [0, 1, 2, 3].map((i) => `${partition}:${i}`),
      );
    }
  });

  it('asks for a pause above the high-water mark, signals the drain, and drops queued items on idle', async () => {
    const gate: (() => void)[] = [];
    const handled: number[] = [];
    const queues = new PartitionQueues<number>({
      concurrency: 1,
      highWater: 3,
      handle: (item) =>
        new Promise<void>((resolve) => {
          gate.push(() => {
            handled.push(item);
            resolve();
          });
        }),
    });
    let drained = 0;
    queues.onDrain(() => drained++);
    expect([1, 2, 3].map((item) => queues.push(0, item))).toEqual([true, true, false]);
    gate.shift()?.();
    await new Promise((resolve) => setImmediate(resolve));
    expect(drained).toBe(1);
    const idle = queues.idle();
    gate.shift()?.();
    await idle;
    expect(handled).toEqual([1, 2]);
    expect(queues.push(0, 4)).toBe(false);
  });
});
