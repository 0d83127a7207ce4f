import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

/** Where keepalived is looked for: PATH, then the sbin directories a package installs it in. */
function searchPath(): string[] {
  return [
    ...(process.env['PATH'] ?? '').split(path.delimiter),
    '/usr/sbin',
    '/sbin',
    '/usr/local/sbin',
  ].filter(Boolean);
}

/** The keepalived binary, or undefined when this host has none. */
export function findKeepalived(): string | undefined {
  for (const dir of searchPath()) {
    const candidate = path.join(dir, 'keepalived');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

export interface ConfigTestResult {
  /** keepalived's exit status: 0 clean, 5 (its CONFIG_TEST status) when it found errors. */
  status: number | null;
  output: string;
}

/** `keepalived --config-test -f FILE [args]`: what keepalived itself says of a configuration. */
export function runConfigTest(
  binary: string,
  file: string,
  args: readonly string[] = [],
): Promise<ConfigTestResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, ['--config-test', '-f', file, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, output }));
  });
}
