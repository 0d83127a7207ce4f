import { statSync } from 'node:fs';
import type { KubeConfig, RequestContext } from '@kubernetes/client-node';

export type Dispatcher = NonNullable<ReturnType<RequestContext['getDispatcher']>>;

function fileStamp(file: string | undefined): string {
  if (!file) return '';
  try {
    const { size, mtimeMs } = statSync(file);
    return `${file}@${size}:${mtimeMs}`;
  } catch {
    return `${file}@unreadable`;
  }
}

/**
 * What the current context's connections are built from: the server, proxy and TLS settings and
 * the CA, client certificate and key, files by path, size and modification time (a rotated file is
 * a new identity). Undefined for exec and auth-provider credentials, which may bring certificates
 * of their own that only client-node sees.
 */
export function connectionIdentity(kubeConfig: KubeConfig): string | undefined {
  const cluster = kubeConfig.getCurrentCluster();
  const user = kubeConfig.getCurrentUser();
  if (!cluster || user?.exec || user?.authProvider) return undefined;
  return JSON.stringify([
    cluster.server,
    cluster.proxyUrl ?? '',
    cluster.tlsServerName ?? '',
    cluster.skipTLSVerify,
    cluster.caData ?? '',
    fileStamp(cluster.caFile),
    user?.certData ?? '',
    fileStamp(user?.certFile),
    user?.keyData ?? '',
    fileStamp(user?.keyFile),
  ]);
}

/**
 * One dispatcher (a pool of kept-alive connections) per connection identity. client-node builds a
 * new dispatcher for every request, and so a new TCP connection and TLS handshake: on a function
 * writing to a cluster that handshake took most of the CPU spent per write. The pool keeps the
 * first dispatcher built for an identity and closes the fresh ones (never connected); when the
 * identity changes it switches to the new one and closes the old one once its requests are done.
 */
export class DispatcherPool {
  private current: { identity: string; dispatcher: Dispatcher } | undefined;

  /** The dispatcher for a request for which client-node built `fresh`. */
  pick(identity: string | undefined, fresh: Dispatcher | undefined): Dispatcher | undefined {
    if (identity === undefined || fresh === undefined) return fresh;
    if (this.current?.identity === identity) {
      if (fresh !== this.current.dispatcher) void fresh.close().catch(() => undefined);
      return this.current.dispatcher;
    }
    const previous = this.current;
    this.current = { identity, dispatcher: fresh };
    if (previous) void previous.dispatcher.close().catch(() => undefined);
    return fresh;
  }
}
