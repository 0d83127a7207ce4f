/**
 * Creates objects through the API server's REST API at a fixed number in flight, over one
 * keep-alive agent with the kubeconfig's credentials: what a controller or a CI pipeline does,
 * without a kubectl process per object.
 */
import { Agent, type RequestOptions, request } from 'node:https';
import { performance } from 'node:perf_hooks';
import { KubeConfig } from '@kubernetes/client-node';
import { groupKindOf, type KubeObject } from '../../shared/kube/object.js';
import { kindModel } from '../../shared/kube/registry.js';

export interface CreateRun {
  /** Wall time of the whole run, milliseconds. */
  elapsedMs: number;
  /** Latency of each create, milliseconds. */
  latenciesMs: number[];
}

export interface KubeCreator {
  /** Creates every object, `inFlight` at a time; rejects on the first refusal. */
  createAll(objects: readonly KubeObject[], inFlight: number): Promise<CreateRun>;
  close(): void;
}

function collectionPath(object: KubeObject): string {
  const groupKind = groupKindOf(object);
  const model = kindModel(groupKind);
  if (!model) throw new Error(`no kind model for ${groupKind}`);
  const prefix = object.apiVersion.includes('/') ? `/apis/${object.apiVersion}` : `/api/${object.apiVersion}`;
  const namespace = object.metadata.namespace;
  return `${prefix}${namespace ? `/namespaces/${namespace}` : ''}/${model.plural}`;
}

export async function kubeCreator(kubeconfig: string): Promise<KubeCreator> {
  const config = new KubeConfig();
  config.loadFromFile(kubeconfig);
  const server = new URL(config.getCurrentCluster()?.server ?? '');
  const base: RequestOptions = {};
  await config.applyToHTTPSOptions(base);
  const agent = new Agent({ keepAlive: true, maxSockets: 64, ca: base.ca, cert: base.cert, key: base.key });

  const create = (object: KubeObject): Promise<void> =>
    new Promise((resolve, reject) => {
      const body = JSON.stringify(object);
      const req = request(
        {
          ...base,
          agent,
          host: server.hostname,
          port: server.port,
          method: 'POST',
          path: collectionPath(object),
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            if (res.statusCode === 201) resolve();
            else
              reject(
                new Error(
                  `create ${object.kind} ${object.metadata.name}: ${res.statusCode} ${Buffer.concat(chunks).toString('utf8').slice(0, 500)}`,
                ),
              );
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });

  return {
    async createAll(objects, inFlight) {
      const latenciesMs: number[] = [];
      let next = 0;
      const started = performance.now();
      const worker = async () => {
        while (next < objects.length) {
          const object = objects[next++]!;
          const t0 = performance.now();
          await create(object);
          latenciesMs.push(performance.now() - t0);
        }
      };
      await Promise.all(Array.from({ length: inFlight }, worker));
      return { elapsedMs: performance.now() - started, latenciesMs };
    },
    close: () => agent.destroy(),
  };
}
