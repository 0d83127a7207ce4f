/**
 * The LB host's side of `keepalived sync`: each state of the ConfigMap becomes a file written only
 * when its content changed, atomically, and never when it fails its checks, each decision logged
 * with its outcome and reasons; a file that cannot be written is reported, not thrown.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { pino } from 'pino';
import { replaceFileAtomically } from '../../../cli/atomic-file.js';
import { HostFileWriter } from '../../../cli/keepalived-sync-write.js';
import type { KubeObject } from '../../../shared/kube/object.js';

const root = mkdtempSync(path.join(tmpdir(), 'acpnet-sync-write-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const alive = (ip: string) =>
  `instances:\n  - vip:\n      vip: 10.0.0.10\n      interface: eth0\n      peer: [10.0.0.1, 10.0.0.2]\n      ipvs: { ips: [${ip}] }\n`;

function configMap(text: string | undefined, resourceVersion: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'lb-hosts', namespace: 'cpaas-system', resourceVersion },
    data: text === undefined ? {} : { 'alive.yaml': text },
  };
}

function writerIn(name: string) {
  const dir = path.join(root, name);
  mkdirSync(dir);
  const logs: Record<string, unknown>[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void logs.push(JSON.parse(line)) });
  return { dir, logs, writer: new HostFileWriter({ dir, format: 'alive', logger }) };
}

describe('HostFileWriter', () => {
  it('writes a change, skips what is current, keeps the file when the next one is refused', async () => {
    const { dir, logs, writer } = writerIn('sequence');
    const file = path.join(dir, 'alive.yaml');
    expect(await writer.write({ configMap: configMap(alive('10.0.0.20'), '1'), from: 'k1' })).toBe('changed');
    const written = statSync(file);
    expect(await writer.write({ configMap: configMap(alive('10.0.0.20'), '2'), from: 'k1' })).toBe(
      'unchanged',
    );
    expect(statSync(file).mtimeMs).toBe(written.mtimeMs);
    expect(await writer.write({ configMap: configMap('instances: [', '3'), from: 'k1' })).toBe('refused');
    expect(await writer.write({ configMap: configMap(undefined, '4'), from: 'k1' })).toBe('refused');
    expect(await writer.write({ configMap: undefined, from: 'k2' })).toBe('refused');
    expect(readFileSync(file, 'utf8')).toBe(alive('10.0.0.20'));
    expect(readdirSync(dir)).toEqual(['alive.yaml']);
    expect(logs.map((l) => [l['outcome'], l['configMapVersion'], l['reasons']])).toEqual([
      ['changed', '1', undefined],
      ['unchanged', '2', undefined],
      [
        'refused',
        '3',
        [
          'alive.yaml line 1: <root>: YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]',
        ],
      ],
      ['refused', '4', ['the ConfigMap holds no alive.yaml (yet)']],
      ['refused', undefined, ['the ConfigMap does not exist']],
    ]);
    expect(logs[0]).toMatchObject({ file, kubeconfig: 'k1', bytes: Buffer.byteLength(alive('10.0.0.20')) });
  });

  it('reports a file it cannot write, and changes nothing', async () => {
    const { dir, logs, writer } = writerIn('blocked');
    mkdirSync(path.join(dir, 'alive.yaml'));
    expect(await writer.write({ configMap: configMap(alive('10.0.0.20'), '1'), from: 'k1' })).toBe('failed');
    expect(logs.at(-1)).toMatchObject({ outcome: 'failed', reason: expect.stringContaining('EISDIR') });
    expect(readdirSync(dir)).toEqual(['alive.yaml']);
  });
});

describe('replaceFileAtomically', () => {
  it('leaves the target and no temporary file when the check refuses, or throws', async () => {
    const dir = path.join(root, 'atomic');
    mkdirSync(dir);
    const target = path.join(dir, 'keepalived.conf');
    writeFileSync(target, 'old\n');
    const seen: string[] = [];
    const refused = await replaceFileAtomically(target, 'new\n', async (temporary) => {
      seen.push(path.dirname(temporary), readFileSync(temporary, 'utf8'));
      return ['no'];
    });
    expect(refused).toEqual({ replaced: false, refused: ['no'] });
    expect(seen).toEqual([dir, 'new\n']);
    await expect(
      replaceFileAtomically(target, 'new\n', async () => {
        throw new Error('check failed');
      }),
    ).rejects.toThrow('check failed');
    expect(readdirSync(dir)).toEqual(['keepalived.conf']);
    expect(readFileSync(target, 'utf8')).toBe('old\n');
    expect(await replaceFileAtomically(target, 'new\n')).toEqual({ replaced: true });
    expect(readFileSync(target, 'utf8')).toBe('new\n');
  });
});
