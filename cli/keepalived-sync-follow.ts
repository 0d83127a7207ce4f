import { Watch } from '@kubernetes/client-node';
import type { Logger } from 'pino';
import { isPlainObject } from '../shared/kube/json-value.js';
import { statusOf } from '../shared/kube/kube-store/api-errors.js';
import { kubeConfigTransport } from '../shared/kube/kube-store/transport.js';
import type { KubeObject } from '../shared/kube/object.js';
import { type ClusterAccess, openKubeconfig } from './keepalived-sync-access.js';

/** The ConfigMap as an API server sees it now: absent when it does not exist. */
export interface ConfigMapState {
  configMap: KubeObject | undefined;
  /** The kubeconfig that answered. */
  from: string;
}

export interface SourceOptions {
  /** The kubeconfigs, tried in this order. */
  files: readonly string[];
  namespace: string;
  name: string;
  logger: Logger;
  now?: () => Date;
}

/** No kubeconfig gave an answer; each reason names its file. */
export class NoClusterAnswered extends Error {
  constructor(readonly reasons: readonly string[]) {
    super(reasons.join('\n'));
    this.name = 'NoClusterAnswered';
  }
}

const STOPPED = new Error('stopped');

function collection(namespace: string): string {
  return `/api/v1/namespaces/${encodeURIComponent(namespace)}/configmaps`;
}

/** One LIST narrowed to the name: works with RBAC that grants list/watch on that ConfigMap only. */
async function listOne(access: ClusterAccess, options: SourceOptions) {
  const path = `${collection(options.namespace)}?fieldSelector=${encodeURIComponent(`metadata.name=${options.name}`)}`;
  const response = await kubeConfigTransport(access.kubeConfig, 15_000)({ method: 'GET', path });
  const body = response.body;
  if (response.statusCode !== 200 || !isPlainObject(body)) {
    const { reason, message } = statusOf(body);
    throw new Error(`HTTP ${response.statusCode}${reason ? ` ${reason}` : ''}: ${message}`);
  }
  const items = Array.isArray(body['items']) ? (body['items'] as KubeObject[]) : [];
  const metadata = isPlainObject(body['metadata']) ? body['metadata'] : {};
  const configMap = items[0] && { ...items[0], apiVersion: 'v1', kind: 'ConfigMap' };
  return { configMap, resourceVersion: String(metadata['resourceVersion'] ?? '') };
}

function messageOf(error: unknown): string | undefined {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : undefined;
}

/** The error and its cause (fetch failing says why only there), across realms. */
function describeError(error: unknown): string {
  const message = messageOf(error) ?? String(error);
  const cause = messageOf((error as { cause?: unknown } | null)?.cause);
  return cause && cause !== message ? `${message} (${cause})` : message;
}

/** Opens each kubeconfig in turn (certificates judged now) and logs what it finds. */
function usableAccess(file: string, options: SourceOptions, warned: Set<string>): ClusterAccess | string {
  const result = openKubeconfig(file, options.now?.() ?? new Date());
  if ('refused' in result) {
    options.logger.error({ kubeconfig: file, reason: result.refused }, 'kubeconfig refused');
    return result.refused;
  }
  if (result.warning && !warned.has(result.warning)) {
    warned.add(result.warning);
    options.logger.warn({ kubeconfig: file, reason: result.warning }, 'kubeconfig certificate expires soon');
  }
  return result.access;
}

/** The ConfigMap from the first kubeconfig whose API server answers. */
export async function readConfigMap(options: SourceOptions): Promise<ConfigMapState> {
  const reasons: string[] = [];
  for (const file of options.files) {
    const access = usableAccess(file, options, new Set());
    if (typeof access === 'string') {
      reasons.push(access);
      continue;
    }
    try {
      const { configMap } = await listOne(access, options);
      return { configMap, from: file };
    } catch (error) {
      const reason = `${file}: ${access.server}: ${describeError(error)}`;
      options.logger.warn(
        { kubeconfig: file, reason },
        'API server did not answer; trying the next kubeconfig',
      );
      reasons.push(reason);
    }
  }
  throw new NoClusterAnswered(reasons);
}

export interface FollowOptions extends SourceOptions {
  signal: AbortSignal;
  /** Called for the state found by each LIST and for each change the watch reports, one at a time. */
  onState: (state: ConfigMapState) => Promise<void>;
  backoff?: { initialMs: number; maxMs: number };
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

/**
 * Watches the ConfigMap from `resourceVersion` until the server ends the watch (resolves true), the
 * version is too old (resolves false: list again), the connection fails (rejects) or `signal` aborts.
 */
function watchFrom(
  access: ClusterAccess,
  options: FollowOptions,
  resourceVersion: string,
  deliver: (state: ConfigMapState) => void,
): Promise<{ resourceVersion: string; expired: boolean }> {
  let version = resourceVersion;
  let expired = false;
  return new Promise((resolve, reject) => {
    const done = (error: unknown) => {
      options.signal.removeEventListener('abort', abort);
      if (options.signal.aborted) reject(STOPPED);
      else if (error) reject(error);
      else resolve({ resourceVersion: version, expired });
    };
    let controller: AbortController | undefined;
    const abort = () => controller?.abort();
    options.signal.addEventListener('abort', abort, { once: true });
    new Watch(access.kubeConfig)
      .watch(
        collection(options.namespace),
        {
          fieldSelector: `metadata.name=${options.name}`,
          resourceVersion: version,
          allowWatchBookmarks: true,
          // The server ends the watch before the client's 30 s of silence would.
          timeoutSeconds: 25,
        },
        (type: string, object: KubeObject) => {
          const next = object?.metadata?.resourceVersion;
          if (type === 'ERROR') {
            expired = (object as { code?: number }).code === 410;
            return;
          }
          if (next) version = next;
          if (type === 'ADDED' || type === 'MODIFIED') {
            deliver({ configMap: { ...object, apiVersion: 'v1', kind: 'ConfigMap' }, from: access.file });
          } else if (type === 'DELETED') deliver({ configMap: undefined, from: access.file });
        },
        done,
      )
      .then((c) => {
        controller = c;
        if (options.signal.aborted) c.abort();
      }, done);
  });
}

/**
 * Follows the ConfigMap until `signal` aborts: LIST, then WATCH from the list's version, resumed
 * when the server ends it and listed again when the version expired. The kubeconfigs are the same
 * cluster through different API servers (the guide copies each master's admin.conf): the first one
 * that answers is followed, and when its connection fails the next one takes over, round robin,
 * with a growing pause after a round in which none answered. Each kubeconfig is read again, and its
 * certificate judged again, whenever it is connected.
 */
export async function followConfigMap(options: FollowOptions): Promise<void> {
  const { initialMs, maxMs } = options.backoff ?? { initialMs: 500, maxMs: 10_000 };
  const warned = new Set<string>();
  let index = 0;
  let failedInRound = 0;
  let pause = initialMs;
  let delivered = Promise.resolve();
  const deliver = (state: ConfigMapState) => {
    delivered = delivered
      .then(() => options.onState(state))
      .catch((error: unknown) => options.logger.error({ err: error }, 'handling a change failed'));
  };
  while (!options.signal.aborted) {
    const file = options.files[index % options.files.length] ?? '';
    const access = usableAccess(file, options, warned);
    try {
      if (typeof access === 'string') throw new Error(access);
      const listed = await listOne(access, options);
      options.logger.info({ kubeconfig: file, server: access.server }, 'following the ConfigMap');
      deliver({ configMap: listed.configMap, from: file });
      failedInRound = 0;
      pause = initialMs;
      let resourceVersion = listed.resourceVersion;
      for (;;) {
        const ended = await watchFrom(access, options, resourceVersion, deliver);
        resourceVersion = ended.resourceVersion;
        if (ended.expired) break;
      }
    } catch (error) {
      if (error === STOPPED || options.signal.aborted) break;
      if (typeof access !== 'string') {
        options.logger.warn(
          { kubeconfig: file, server: access.server, reason: describeError(error) },
          'lost the API server; trying the next kubeconfig',
        );
      }
      index += 1;
      failedInRound += 1;
      if (failedInRound >= options.files.length) {
        options.logger.error({ retryInMs: pause }, 'no kubeconfig reaches an API server; retrying');
        await sleep(pause, options.signal);
        pause = Math.min(pause * 2, maxMs);
        failedInRound = 0;
      }
    }
  }
  await delivered;
}
