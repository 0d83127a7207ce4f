import type { Logger } from '../logger.js';
import type { KafkaTransport } from './transport.js';

/** The Kafka clients a transport can be built on. */
export const KAFKA_CLIENTS = ['kafkajs', 'platformatic'] as const;
export type KafkaClient = (typeof KAFKA_CLIENTS)[number];

export const DEFAULT_KAFKA_CLIENT: KafkaClient = 'platformatic';

/**
 * The client named by a `--kafka-client` flag, else by ACPNET_KAFKA_CLIENT, else the default.
 * Throws naming the offending value for anything else.
 */
export function kafkaClientOf(flag?: string, env = process.env.ACPNET_KAFKA_CLIENT): KafkaClient {
  const name = flag ?? (env || undefined) ?? DEFAULT_KAFKA_CLIENT;
  if (!(KAFKA_CLIENTS as readonly string[]).includes(name)) {
    const origin = flag !== undefined ? '--kafka-client' : 'ACPNET_KAFKA_CLIENT';
    throw new Error(`${origin} must be one of ${KAFKA_CLIENTS.join(', ')}, got ${JSON.stringify(name)}`);
  }
  return name as KafkaClient;
}

export interface TransportOptions {
  brokers: readonly string[];
  clientId?: string;
  logger: Logger;
}

/** A KafkaTransport on the named client; each client is loaded only when chosen. */
export async function createKafkaTransport(
  client: KafkaClient,
  options: TransportOptions,
): Promise<KafkaTransport> {
  if (client === 'platformatic') {
    const { PlatformaticTransport } = await import('./platformatic-transport.js');
    return new PlatformaticTransport(options);
  }
  const { KafkajsTransport } = await import('./kafkajs-transport.js');
  return new KafkajsTransport(options);
}
