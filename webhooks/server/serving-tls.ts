import { type FSWatcher, watch } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { hostname, networkInterfaces } from 'node:os';
import path from 'node:path';
import { createSecureContext, type SecureContextOptions } from 'node:tls';
import type { Logger } from 'pino';
import { ensureSelfSignedFiles } from '../../shared/tls/self-signed.js';

export const minTlsVersion = 'TLSv1.2';

export interface TlsFiles {
  certFile: string;
  keyFile: string;
}

export interface TlsMaterial {
  cert: Buffer;
  key: Buffer;
}

/** Reads a certificate and key and checks that TLS accepts them together (key matches certificate). */
export async function loadTlsMaterial(files: TlsFiles): Promise<TlsMaterial> {
  const [cert, key] = await Promise.all([readFile(files.certFile), readFile(files.keyFile)]);
  try {
    createSecureContext({ cert, key, minVersion: minTlsVersion });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(`${files.certFile} and ${files.keyFile} are not a usable certificate and key: ${detail}`);
  }
  return { cert, key };
}

/** localhost and this host's name: what a cluster on this machine or next to it would dial. */
export function selfSignedDnsNames(): string[] {
  const host = hostname().toLowerCase();
  const valid = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(host);
  return valid && host !== 'localhost' ? ['localhost', host] : ['localhost'];
}

/** Loopback plus every address of this host's interfaces (link-local ones carry a zone and are left out). */
export function selfSignedIpAddresses(): string[] {
  const addresses = new Set(['127.0.0.1', '::1']);
  for (const entries of Object.values(networkInterfaces())) {
    for (const entry of entries ?? []) {
      if (entry.family === 'IPv6' && entry.scopeid) continue;
      addresses.add(entry.address);
    }
  }
  return [...addresses];
}

/**
 * The files to serve: the given pair, or a self-signed pair kept under `dir` (reused while valid).
 * A certificate without its key (or the reverse) is refused rather than silently replaced.
 */
export async function resolveServingFiles(options: {
  certFile?: string;
  keyFile?: string;
  dir: string;
  dnsNames?: readonly string[];
}): Promise<TlsFiles & { selfSigned: boolean }> {
  if (options.certFile && options.keyFile) {
    return { certFile: options.certFile, keyFile: options.keyFile, selfSigned: false };
  }
  if (options.certFile || options.keyFile) {
    throw new Error('--tls-cert and --tls-key must be given together');
  }
  const files = await ensureSelfSignedFiles(options.dir, {
    dnsNames: options.dnsNames ?? selfSignedDnsNames(),
    ipAddresses: selfSignedIpAddresses(),
  });
  return { certFile: files.certFile, keyFile: files.keyFile, selfSigned: true };
}

export interface CertificateWatcher {
  close(): void;
}

/**
 * Watches the directories of the certificate and key (so renames and Kubernetes' symlink swaps are
 * seen) and installs the new pair when both files changed into a matching pair. A half-written or
 * mismatched pair is logged and the previous one keeps serving.
 */
export function watchServingCertificate(options: {
  files: TlsFiles;
  current: TlsMaterial;
  install: (context: SecureContextOptions) => void;
  logger: Logger;
  onReload?: (result: 'success' | 'failure') => void;
  debounceMs?: number;
}): CertificateWatcher {
  const { files, logger } = options;
  let last = options.current;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const reload = async () => {
    try {
      const next = await loadTlsMaterial(files);
      if (closed || (next.cert.equals(last.cert) && next.key.equals(last.key))) return;
      options.install({ cert: next.cert, key: next.key, minVersion: minTlsVersion });
      last = next;
      logger.info({ certFile: files.certFile }, 'serving certificate reloaded');
      options.onReload?.('success');
    } catch (error) {
      logger.warn({ err: error }, 'serving certificate not reloaded; keeping the previous one');
      options.onReload?.('failure');
    }
  };
  const schedule = () => {
    if (closed) return;
    clearTimeout(timer);
    timer = setTimeout(() => void reload(), options.debounceMs ?? 100);
  };

  const dirs = [
    ...new Set([path.dirname(path.resolve(files.certFile)), path.dirname(path.resolve(files.keyFile))]),
  ];
  const watchers: FSWatcher[] = dirs.map((dir) => {
    const watcher = watch(dir, { persistent: false }, schedule);
    watcher.on('error', (error) => logger.warn({ err: error, dir }, 'certificate directory watch failed'));
    return watcher;
  });
  return {
    close() {
      closed = true;
      clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
    },
  };
}
