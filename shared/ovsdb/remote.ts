/**
 * OVSDB remotes as OVS tools write them: `tcp:HOST:PORT`, `ssl:HOST:PORT` (IPv6 hosts in
 * brackets), `unix:PATH`, and a comma-separated list of them (the members of a clustered
 * database, tried in order). Connecting opens the stream an RpcSession runs on.
 */
import net from 'node:net';
import type { Duplex } from 'node:stream';
import tls from 'node:tls';
import { OvsdbConnectionError } from './errors.js';

export type Remote =
  | { kind: 'tcp' | 'ssl'; host: string; port: number; text: string }
  | { kind: 'unix'; path: string; text: string };

export class RemoteSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RemoteSyntaxError';
  }
}

function parseOne(text: string): Remote {
  const colon = text.indexOf(':');
  const kind = colon < 0 ? '' : text.slice(0, colon);
  const rest = text.slice(colon + 1);
  if (kind === 'unix') {
    if (!rest) throw new RemoteSyntaxError(`${JSON.stringify(text)}: unix: needs a socket path`);
    return { kind, path: rest, text };
  }
  if (kind !== 'tcp' && kind !== 'ssl') {
    throw new RemoteSyntaxError(`${JSON.stringify(text)} is not tcp:HOST:PORT, ssl:HOST:PORT or unix:PATH`);
  }
  const match = /^(?:\[([^\]]+)\]|([^:[\]]+)):(\d{1,5})$/.exec(rest);
  const port = match ? Number(match[3]) : Number.NaN;
  if (!match || port < 1 || port > 65535) {
    throw new RemoteSyntaxError(`${JSON.stringify(text)} is not ${kind}:HOST:PORT (IPv6 hosts in brackets)`);
  }
  // Brackets may hold any host: Kube-OVN writes IPv4 addresses in them too (tcp:[192.168.0.1]:6645).
  return { kind, host: match[1] ?? match[2]!, port, text };
}

/** Parses one remote or a comma-separated list. Throws RemoteSyntaxError. */
export function parseRemotes(text: string): Remote[] {
  const parts = text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  if (parts.length === 0) throw new RemoteSyntaxError('no OVSDB remote given');
  return parts.map(parseOne);
}

export interface TlsFiles {
  /** PEM contents, as ovsdb-server's --private-key, --certificate and --ca-cert take them as files. */
  key: string | Buffer;
  cert: string | Buffer;
  ca: string | Buffer;
}

export interface ConnectOptions {
  /** Per remote (default 10 s). */
  connectTimeoutMs?: number;
  /** Required for ssl: remotes. */
  tls?: TlsFiles;
}

function open(remote: Remote, options: ConnectOptions): Duplex {
  if (remote.kind === 'unix') return net.connect({ path: remote.path });
  if (remote.kind === 'tcp') return net.connect({ host: remote.host, port: remote.port });
  if (!options.tls) {
    throw new OvsdbConnectionError(
      `${remote.text}: an ssl: remote needs a private key, a certificate and a CA certificate`,
      remote.text,
    );
  }
  // OVS peers authenticate by CA only: their certificates name switches and databases, not hosts.
  return tls.connect({
    host: remote.host,
    port: remote.port,
    key: options.tls.key,
    cert: options.tls.cert,
    ca: options.tls.ca,
    servername: net.isIP(remote.host) ? undefined : remote.host,
    checkServerIdentity: () => undefined,
  });
}

function connectOne(remote: Remote, options: ConnectOptions): Promise<Duplex> {
  const timeoutMs = options.connectTimeoutMs ?? 10_000;
  return new Promise((resolve, reject) => {
    let socket: Duplex;
    try {
      socket = open(remote, options);
    } catch (error) {
      reject(error);
      return;
    }
    const ready = remote.kind === 'ssl' ? 'secureConnect' : 'connect';
    const fail = (message: string, cause?: unknown) => {
      clearTimeout(timer);
      socket.destroy();
      reject(
        new OvsdbConnectionError(`cannot connect to ${remote.text}: ${message}`, remote.text, { cause }),
      );
    };
    const timer = setTimeout(() => fail(`no connection within ${timeoutMs} ms`), timeoutMs);
    const onError = (error: Error) => fail(error.message, error);
    socket.once('error', onError);
    socket.once(ready, () => {
      clearTimeout(timer);
      socket.off('error', onError);
      resolve(socket);
    });
  });
}

/** Connects to the first remote of the list that answers; the error names every one that did not. */
export async function connectRemotes(
  remotes: readonly Remote[],
  options: ConnectOptions = {},
): Promise<{ socket: Duplex; remote: Remote }> {
  const failures: string[] = [];
  for (const remote of remotes) {
    try {
      return { socket: await connectOne(remote, options), remote };
    } catch (error) {
      failures.push((error as Error).message);
    }
  }
  const address = remotes.map((r) => r.text).join(',');
  throw new OvsdbConnectionError(failures.join('; '), address);
}
