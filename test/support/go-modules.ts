import { execFileSync } from 'node:child_process';
import os from 'node:os';

const cache = new Map<string, string>();

/**
 * The directory of a Go module version in the module cache, downloading it through the Go module
 * proxy when this machine has not seen it yet (upstream CRDs are read from there, never committed).
 */
export function goModuleDir(modulePath: string, version: string): string {
  const key = `${modulePath}@${version}`;
  const known = cache.get(key);
  if (known) return known;
  const out = execFileSync('go', ['mod', 'download', '-json', key], {
    cwd: os.tmpdir(),
    encoding: 'utf8',
    env: { ...process.env, GOFLAGS: '-mod=mod', GO111MODULE: 'on' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const info = JSON.parse(out) as { Dir?: string; Error?: string };
  if (!info.Dir) throw new Error(`go mod download ${key}: ${info.Error ?? 'no module directory reported'}`);
  cache.set(key, info.Dir);
  return info.Dir;
}
