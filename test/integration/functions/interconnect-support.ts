/**
 * For the interconnect function suites: the shipped RBAC of a function applied to a real API server
 * and a kubeconfig that acts as its ServiceAccount (a token), events posted to a functions process,
 * and waiting for what the functions write.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import type { CloudEvent } from 'cloudevents';
import { parseAllDocuments } from 'yaml';
import { encodeHttpEvent } from '../../../shared/events/http.js';
import { KubeStore } from '../../../shared/kube/kube-store.js';
import type { KubeObject } from '../../../shared/kube/object.js';
import { kubectl, kubectlOk } from '../../support/kube-harness.js';

const deployDir = path.resolve(import.meta.dirname, '../../../infra/deploy');

/** Applies the namespace acpnet and the ServiceAccount, Roles and RoleBindings of `names` from an overlay. */
export async function applyShippedRbac(
  kubeconfig: string,
  overlay: string,
  names: readonly string[],
): Promise<void> {
  const rendered = await kubectlOk(kubeconfig, ['kustomize', path.join(deployDir, 'overlays', overlay)]);
  const wanted = parseAllDocuments(rendered)
    .map((doc) => doc.toJS() as KubeObject)
    .filter(
      (obj) =>
        (obj.kind === 'Namespace' && obj.metadata.name === 'acpnet') ||
        (['ServiceAccount', 'Role', 'RoleBinding', 'ClusterRole', 'ClusterRoleBinding'].includes(obj.kind) &&
          names.some((name) => obj.metadata.name?.startsWith(name))),
    );
  await kubectlOk(kubeconfig, ['apply', '--server-side', '--field-manager=acpnet-test', '-f', '-'], {
    stdin: wanted.map((obj) => JSON.stringify(obj)).join('\n'),
  });
}

/** A kubeconfig file that authenticates as the ServiceAccount acpnet/`account` (a bound token). */
export async function serviceAccountKubeconfig(
  kubeconfig: string,
  account: string,
  file: string,
): Promise<string> {
  const token = (
    await kubectlOk(kubeconfig, ['create', 'token', account, '-n', 'acpnet', '--duration=2h'])
  ).trim();
  const view = JSON.parse(
    await kubectlOk(kubeconfig, ['config', 'view', '--raw', '--minify', '-o', 'json']),
  ) as {
    clusters: { name: string; cluster: Record<string, unknown> }[];
  };
  const cluster = view.clusters[0]!;
  const config = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: cluster.name, cluster: cluster.cluster }],
    users: [{ name: account, user: { token } }],
    contexts: [{ name: account, context: { cluster: cluster.name, user: account } }],
    'current-context': account,
  };
  await writeFile(file, JSON.stringify(config));
  return file;
}

export function kubeStoreOf(kubeconfigFile: string): KubeStore {
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromFile(kubeconfigFile);
  return new KubeStore({ kubeConfig, backoff: { initialMs: 100, maxMs: 1000 }, onError: () => {} });
}

export interface Posted {
  status: number;
  body: { id?: string; outcome?: string; effects?: number; error?: string };
}

/** POSTs the event to a functions process as Knative would (binary mode). */
export async function post(url: string, event: CloudEvent<unknown>): Promise<Posted> {
  const message = encodeHttpEvent(event, 'binary');
  const response = await fetch(`${url}/`, { method: 'POST', headers: message.headers, body: message.body });
  return { status: response.status, body: (await response.json()) as Posted['body'] };
}

/** kube-system/`name` as the API server holds it, or undefined. */
export async function readConfigMap(kubeconfig: string, name: string): Promise<KubeObject | undefined> {
  const result = await kubectl(kubeconfig, ['get', 'configmap', name, '-n', 'kube-system', '-o', 'json']);
  return result.code === 0 ? (JSON.parse(result.stdout) as KubeObject) : undefined;
}

/** Polls `probe` until it returns a value; the message says what was awaited when it never does. */
export async function until<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 90_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await probe();
    if (last !== undefined) return last;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`gave up waiting for ${what}`);
}
