import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, '../../..');

export interface Broker {
  brokers: string[];
  stop(): Promise<void>;
}

/** $ACPNET_KAFKA_BROKERS when set; otherwise a broker started by infra/kafka/start.sh for this run. */
export async function ensureBroker(): Promise<Broker> {
  const given = process.env.ACPNET_KAFKA_BROKERS;
  if (given) return { brokers: given.split(',').filter(Boolean), stop: async () => {} };
  const stateDir = mkdtempSync(path.join(os.tmpdir(), 'acpnet-kafka-'));
  const { stdout } = await run(path.join(repoRoot, 'infra/kafka/start.sh'), [stateDir], { timeout: 600_000 });
  const bootstrap = stdout.trim().split('\n').at(-1) ?? '';
  return {
    brokers: [bootstrap],
    stop: async () => {
      await run(path.join(repoRoot, 'infra/kafka/stop.sh'), [stateDir], { timeout: 60_000 });
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}
