import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findKeepalived } from '../../../../cli/keepalived-config-test.js';

/** The keepalived binary; its absence fails the tests that need it, saying how to get it. */
export function keepalivedBinary(): string {
  const found = findKeepalived();
  if (found) return found;
  throw new Error(
    'keepalived is not installed: every rendered keepalived.conf is checked with `keepalived --config-test`. ' +
      ".ci/run installs it (apt-get install keepalived, Debian's package); install it the same way to run these tests.",
  );
}

/**
 * A network interface of this machine for the rendered instances: keepalived refuses an interface
 * that does not exist, and a loopback one for VRRP. The guide's eth0 when there is one.
 */
export function machineInterface(): string {
  const names = readdirSync('/sys/class/net').filter((name) => name !== 'lo');
  const chosen = names.includes('eth0') ? 'eth0' : names.sort()[0];
  if (!chosen)
    throw new Error('this machine has no network interface but lo; keepalived cannot check a vrrp_instance');
  return chosen;
}

export interface ConfigTest {
  status: number | null;
  /** What keepalived said, with the temporary file's name replaced by `keepalived.conf`. */
  output: string;
}

/** `keepalived --config-test -f FILE [args]` on the text. */
export function configTest(text: string, args: readonly string[] = []): ConfigTest {
  const dir = mkdtempSync(path.join(tmpdir(), 'acpnet-keepalived-'));
  const file = path.join(dir, 'keepalived.conf');
  try {
    writeFileSync(file, text);
    const run = spawnSync(keepalivedBinary(), ['--config-test', '-f', file, ...args], { encoding: 'utf8' });
    if (run.error) throw run.error;
    return { status: run.status, output: `${run.stdout}${run.stderr}`.replaceAll(file, 'keepalived.conf') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
