/**
 * `acpnet` CLI commands as child processes, the way an operator runs them: `serve webhooks`,
 * `serve functions` and `bridge`. Each resolves once the process logs that it is listening (or,
 * for the bridge, started) and can be stopped with SIGTERM.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface AcpnetProcess {
  child: ChildProcess;
  /** The first log entry that satisfied `ready`. */
  readyEntry: Record<string, unknown>;
  /** Every line the process wrote to stdout and stderr so far (for failure messages). */
  output(): string;
  /** SIGTERM, then the exit code. Does nothing when it already exited. */
  stop(): Promise<number | null>;
}

export interface StartOptions {
  args: readonly string[];
  /** True for the log entry (one JSON line on stdout) that says the process is ready. */
  ready: (entry: Record<string, unknown>) => boolean;
  cwd?: string;
  /** How long to wait for the ready entry before stopping the process (default 3 minutes). */
  readyTimeoutMs?: number;
}

export function startAcpnet(options: StartOptions): Promise<AcpnetProcess> {
  const child = spawn(
    path.join(repoRoot, 'node_modules/.bin/node'),
    [path.join(repoRoot, 'cli/acpnet.mjs'), ...options.args],
    { cwd: options.cwd ?? repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  return new Promise((resolve, reject) => {
    let ready = false;
    const timer = setTimeout(() => {
      if (ready) return;
      child.kill('SIGKILL');
      reject(new Error(`acpnet ${options.args.join(' ')} was not ready in time:\n${output}`));
    }, options.readyTimeoutMs ?? 180_000);
    // The webhooks log to stdout, the functions runtime and the bridge to stderr: read both.
    const onLine = (line: string) => {
      output += `${line}\n`;
      if (ready) return;
      let entry: Record<string, unknown>;
      try {
        entry = JSON.parse(line) as Record<string, unknown>;
      } catch {
        return;
      }
      if (!options.ready(entry)) return;
      ready = true;
      clearTimeout(timer);
      resolve({
        child,
        readyEntry: entry,
        output: () => output,
        stop: async () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          return exited;
        },
      });
    };
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', onLine);
    createInterface({ input: child.stderr as NodeJS.ReadableStream }).on('line', onLine);
    void exited.then((code) => {
      clearTimeout(timer);
      if (!ready) reject(new Error(`acpnet ${options.args.join(' ')} exited with ${code}:\n${output}`));
    });
  });
}
