import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, '../../..');
const startScript = path.join(repoRoot, 'infra/kafka/start.sh');
const stopScript = path.join(repoRoot, 'infra/kafka/stop.sh');

export interface Broker {
  brokers: string[];
  stop(): Promise<void>;
}

/** A broker of this test file alone, which it may take down and bring back. */
export interface PrivateBroker extends Broker {
  /** Stops the broker process, keeping its data: SIGTERM (a controlled shutdown) or SIGKILL (a crash). */
  halt(signal: 'SIGTERM' | 'SIGKILL'): Promise<void>;
  /** Starts it again on the same port, cluster id and data. */
  restart(): Promise<void>;
}

async function startIn(stateDir: string, ...extra: string[]): Promise<string> {
  const { stdout } = await run(startScript, [stateDir, ...extra], { timeout: 600_000 });
  return stdout.trim().split('\n').at(-1) ?? '';
}

/** $ACPNET_KAFKA_BROKERS when set; otherwise a broker started by infra/kafka/start.sh for this run. */
export async function ensureBroker(): Promise<Broker> {
  const given = process.env.ACPNET_KAFKA_BROKERS;
  if (given) return { brokers: given.split(',').filter(Boolean), stop: async () => {} };
  return startPrivateBroker();
}

/** A broker started by infra/kafka/start.sh in a temporary directory, whatever ACPNET_KAFKA_BROKERS says. */
export async function startPrivateBroker(): Promise<PrivateBroker> {
  const stateDir = mkdtempSync(path.join(os.tmpdir(), 'acpnet-kafka-'));
  const bootstrap = await startIn(stateDir);
  return {
    brokers: [bootstrap],
    halt: async (signal) => {
      await run(stopScript, [stateDir, ...(signal === 'SIGKILL' ? ['--kill'] : [])], { timeout: 60_000 });
    },
    restart: async () => {
      const again = await startIn(stateDir, '--keep-data');
      if (again !== bootstrap) throw new Error(`broker came back on ${again}, not ${bootstrap}`);
    },
    stop: async () => {
      await run(stopScript, [stateDir], { timeout: 60_000 });
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}
