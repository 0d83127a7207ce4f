/**
 * KubeStore against a real kube-apiserver (infra/kube): informer sync and readiness, watch events,
 * server-side apply with field managers, conflicts, deletes with preconditions, status patches,
 * Secrets read on demand, and watches that resume after the API server restarts.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { KubeConfig } from '@kubernetes/client-node';
import { KubeStore } from '../../../shared/kube/kube-store.js';
import type { GroupKind, KubeObject } from '../../../shared/kube/object.js';
import { ConflictError, PreconditionFailedError, type WatchEvent } from '../../../shared/kube/store.js';
import {
  KUBE_SETUP_TIMEOUT_MS,
  type KubeApiServer,
  kubectlOk,
  startKubeApiServer,
  waitForCrdsEstablished,
} from '../../support/kube-harness.js';

// The API server is real and the CPU shared: allow each test minutes, not jest's default 5s.
jest.setTimeout(180_000);

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const CONFIG_MAP: GroupKind = '/ConfigMap';
const FRONTEND: GroupKind = 'crd.alauda.io/Frontend';
const RULE: GroupKind = 'crd.alauda.io/Rule';

let server: KubeApiServer;
let kubeConfig: KubeConfig;
const stores: KubeStore[] = [];
let namespaceCount = 0;

beforeAll(async () => {
  // A private server: one test restarts it.
  server = await startKubeApiServer();
  kubeConfig = new KubeConfig();
  kubeConfig.loadFromFile(server.kubeconfig);
  await kubectlOk(server.kubeconfig, [
    'apply',
    '--server-side',
    '-f',
    path.join(repoRoot, 'infra/kube/crds-local/crd.alauda.io_frontends.yaml'),
  ]);
  await waitForCrdsEstablished(server.kubeconfig, ['frontends.crd.alauda.io']);
}, KUBE_SETUP_TIMEOUT_MS);

afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.stop()));
});

afterAll(async () => {
  await server?.stop();
});

function newStore(options: { pageSize?: number; errors?: string[] } = {}): KubeStore {
  const store = new KubeStore({
    kubeConfig,
    pageSize: options.pageSize ?? 500,
    backoff: { initialMs: 100, maxMs: 1000 },
    onError: (error, context) => {
      options.errors?.push(`${context}: ${error instanceof Error ? error.message : String(error)}`);
    },
  });
  stores.push(store);
  return store;
}

/** A fresh namespace per test keeps tests independent on the shared server. */
async function freshNamespace(): Promise<string> {
  namespaceCount += 1;
  const name = `store-${namespaceCount}`;
  await kubectlOk(server.kubeconfig, ['create', 'namespace', name]);
  return name;
}

function configMap(namespace: string, name: string, data: Record<string, string>): KubeObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { namespace, name }, data };
}

function kubectlApply(objects: readonly KubeObject[]): Promise<string> {
  return kubectlOk(server.kubeconfig, ['apply', '--server-side', '--field-manager=someone-else', '-f', '-'], {
    stdin: objects.map((o) => JSON.stringify(o)).join('\n'),
  });
}

async function readWithKubectl(kind: string, namespace: string, name: string): Promise<KubeObject> {
  return JSON.parse(await kubectlOk(server.kubeconfig, ['get', kind, '-n', namespace, name, '-o', 'json']));
}

/** Polls until `check` returns a value (the informer is asynchronous by nature). */
async function eventually<T>(what: string, check: () => T | undefined | false): Promise<T> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const value = check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('KubeStore informers', () => {
  it('is synced only once every existing object is cached, listing page by page', async () => {
    const namespace = await freshNamespace();
    const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    await kubectlApply(names.map((name) => configMap(namespace, name, { name })));
    const store = newStore({ pageSize: 3 });
    expect(store.isSynced()).toBe(false);
    const starting = store.start([CONFIG_MAP]);
    expect(store.isSynced()).toBe(false);
    await starting;
    expect(store.isSynced()).toBe(true);
    expect(store.list(CONFIG_MAP, namespace).map((o) => o.metadata.name)).toEqual(names);
    expect(store.get(CONFIG_MAP, namespace, 'c')?.data).toEqual({ name: 'c' });
  });

  it('counts a kind the server does not serve as synced and empty, and reports it', async () => {
    const errors: string[] = [];
    const store = newStore({ errors });
    await store.start(['example.com/Widget']);
    expect(store.isSynced()).toBe(true);
    expect(store.list('example.com/Widget')).toEqual([]);
    await eventually('the unknown kind to be reported', () => errors.length > 0);
    expect(errors[0]).toMatch(/example\.com\/Widget/);
  });

  it('starts caching a kind whose CRD is installed after the store started', async () => {
    const namespace = await freshNamespace();
    const store = newStore();
    await store.start([RULE]);
    expect(store.list(RULE)).toEqual([]);
    await kubectlOk(server.kubeconfig, [
      'apply',
      '--server-side',
      '-f',
      path.join(repoRoot, 'infra/kube/crds-local/crd.alauda.io_rules.yaml'),
    ]);
    await waitForCrdsEstablished(server.kubeconfig, ['rules.crd.alauda.io']);
    const rule: KubeObject = {
      apiVersion: 'crd.alauda.io/v1',
      kind: 'Rule',
      metadata: { namespace, name: 'alb-demo-00080-late' },
      spec: { priority: 5 },
    };
    await kubectlApply([rule]);
    const cached = await eventually('the Rule to reach the cache', () =>
      store.get(RULE, namespace, 'alb-demo-00080-late'),
    );
    expect(cached.spec).toEqual({ priority: 5 });
  });

  it('delivers ADDED, MODIFIED and DELETED for changes made by other clients', async () => {
    const namespace = await freshNamespace();
    const store = newStore();
    await store.start([CONFIG_MAP]);
    const events: WatchEvent[] = [];
    const unsubscribe = store.watch(CONFIG_MAP, (event) => {
      if (event.object.metadata.namespace === namespace) events.push(event);
    });
    await kubectlApply([configMap(namespace, 'watched', { step: '1' })]);
    await eventually('ADDED', () => events.length >= 1);
    await kubectlApply([configMap(namespace, 'watched', { step: '2' })]);
    await eventually('MODIFIED', () => events.length >= 2);
    await kubectlOk(server.kubeconfig, ['delete', 'configmap', '-n', namespace, 'watched']);
    await eventually('DELETED', () => events.length >= 3);
    unsubscribe();
    expect(events.map((e) => [e.type, e.object.metadata.name, e.object.data])).toEqual([
      ['ADDED', 'watched', { step: '1' }],
      ['MODIFIED', 'watched', { step: '2' }],
      ['DELETED', 'watched', { step: '2' }],
    ]);
    expect(store.get(CONFIG_MAP, namespace, 'watched')).toBeUndefined();
  });
});

describe('KubeStore scoped informers', () => {
  it('caches only the named objects of a scope, following their changes and deletes', async () => {
    const namespace = await freshNamespace();
    await kubectlApply([
      configMap(namespace, 'wanted', { v: '1' }),
      configMap(namespace, 'other', { v: '1' }),
    ]);
    const store = newStore();
    await store.start([{ kind: CONFIG_MAP, namespace, names: ['wanted', 'not-yet'] }]);
    expect(store.isSynced()).toBe(true);
    expect(store.list(CONFIG_MAP).map((o) => `${o.metadata.namespace}/${o.metadata.name}`)).toEqual([
      `${namespace}/wanted`,
    ]);
    await kubectlApply([
      configMap(namespace, 'wanted', { v: '2' }),
      configMap(namespace, 'not-yet', { v: '1' }),
      configMap(namespace, 'other', { v: '2' }),
    ]);
    await eventually(
      'the change and the new named object',
      () =>
        (store.get(CONFIG_MAP, namespace, 'wanted')?.data as { v?: string } | undefined)?.v === '2' &&
        store.get(CONFIG_MAP, namespace, 'not-yet'),
    );
    expect(store.get(CONFIG_MAP, namespace, 'other')).toBeUndefined();
    await kubectlOk(server.kubeconfig, ['delete', 'configmap', '-n', namespace, 'wanted']);
    await eventually('the delete', () => store.get(CONFIG_MAP, namespace, 'wanted') === undefined);
  });

  it('caches a written object of a scope at once', async () => {
    const namespace = await freshNamespace();
    const store = newStore();
    await store.start([{ kind: CONFIG_MAP, namespace, names: ['mine'] }]);
    await store.apply(configMap(namespace, 'mine', { v: '1' }), { fieldManager: 'acpnet-test' });
    expect(store.get(CONFIG_MAP, namespace, 'mine')?.data).toEqual({ v: '1' });
  });
});

describe('KubeStore writes', () => {
  it('server-side applies with the caller field manager and caches the result at once', async () => {
    const namespace = await freshNamespace();
    const store = newStore();
    await store.start([CONFIG_MAP]);
    const stored = await store.apply(configMap(namespace, 'applied', { owner: 'a' }), {
      fieldManager: 'manager-a',
    });
    expect(stored.data).toEqual({ owner: 'a' });
    expect(store.get(CONFIG_MAP, namespace, 'applied')?.metadata.resourceVersion).toBe(
      stored.metadata.resourceVersion,
    );
    const onServer = JSON.parse(
      await kubectlOk(server.kubeconfig, [
        'get',
        'configmap',
        '-n',
        namespace,
        'applied',
        '-o',
        'json',
        '--show-managed-fields',
      ]),
    ) as KubeObject;
    const managers = (onServer.metadata.managedFields as Array<{ manager: string; operation: string }>).map(
      (m) => [m.manager, m.operation],
    );
    expect(managers).toEqual([['manager-a', 'Apply']]);
  });

  it("caches only acpnet managers' managedFields entries", async () => {
    const namespace = await freshNamespace();
    const store = newStore();
    await store.start([CONFIG_MAP]);
    await store.apply(configMap(namespace, 'trimmed', { owner: 'a' }), { fieldManager: 'acpnet-test' });
    await kubectlOk(server.kubeconfig, ['label', 'configmap', '-n', namespace, 'trimmed', 'by=kubectl']);
    const cached = await eventually('the label to reach the cache', () => {
      const object = store.get(CONFIG_MAP, namespace, 'trimmed');
      return object?.metadata.labels?.by === 'kubectl' && object;
    });
    const managers = (cached.metadata.managedFields as Array<{ manager: string }>).map((m) => m.manager);
    expect(managers).toEqual(['acpnet-test']);
  });

  it('refuses to take a field another manager owns unless forced', async () => {
    const namespace = await freshNamespace();
    const store = newStore();
    await store.apply(configMap(namespace, 'shared', { key: 'from-a' }), { fieldManager: 'manager-a' });
    const taking = store.apply(configMap(namespace, 'shared', { key: 'from-b' }), {
      fieldManager: 'manager-b',
    });
    await expect(taking).rejects.toBeInstanceOf(ConflictError);
    await expect(taking).rejects.toThrow(/manager-a/);
    const forced = await store.apply(configMap(namespace, 'shared', { key: 'from-b' }), {
      fieldManager: 'manager-b',
      force: true,
    });
    expect(forced.data).toEqual({ key: 'from-b' });
    const managers = (forced.metadata.managedFields as Array<{ manager: string; fieldsV1?: unknown }>)
      .filter((m) => JSON.stringify(m.fieldsV1 ?? {}).includes('f:key'))
      .map((m) => m.manager);
    expect(managers).toEqual(['manager-b']);
  });

  it('treats a stale resourceVersion in an applied object as a conflict', async () => {
    const namespace = await freshNamespace();
    const store = newStore();
    const first = await store.apply(configMap(namespace, 'versioned', { n: '1' }), { fieldManager: 'm' });
    await store.apply(configMap(namespace, 'versioned', { n: '2' }), { fieldManager: 'm' });
    const stale: KubeObject = {
      ...configMap(namespace, 'versioned', { n: '3' }),
      metadata: { namespace, name: 'versioned', resourceVersion: first.metadata.resourceVersion },
    };
    await expect(store.apply(stale, { fieldManager: 'm' })).rejects.toBeInstanceOf(ConflictError);
    expect((await readWithKubectl('configmap', namespace, 'versioned')).data).toEqual({ n: '2' });
  });

  it('after a conflict on a stale resourceVersion, caches the object the write lost to', async () => {
    const namespace = await freshNamespace();
    const store = newStore();
    await store.start([CONFIG_MAP]);
    const other = newStore();
    const first = await other.apply(configMap(namespace, 'moved', { n: '1' }), { fieldManager: 'm' });
    const latest = await other.apply(configMap(namespace, 'moved', { n: '2' }), { fieldManager: 'm' });
    const stale: KubeObject = {
      ...configMap(namespace, 'moved', { n: '3' }),
      metadata: { namespace, name: 'moved', resourceVersion: first.metadata.resourceVersion },
    };
    await expect(store.apply(stale, { fieldManager: 'm' })).rejects.toBeInstanceOf(ConflictError);
    // Read at once, without waiting for the watch: a plan made again right after sees it.
    expect(store.get('/ConfigMap', namespace, 'moved')?.metadata.resourceVersion).toBe(
      latest.metadata.resourceVersion,
    );
  });

  it('creates once with createIfAbsent and then returns what is stored', async () => {
    const namespace = await freshNamespace();
    const store = newStore();
    const first = await store.createIfAbsent(configMap(namespace, 'claim', { holder: 'first' }), {
      fieldManager: 'claims',
    });
    const second = await store.createIfAbsent(configMap(namespace, 'claim', { holder: 'second' }), {
      fieldManager: 'claims',
    });
    expect([first.created, second.created]).toEqual([true, false]);
    expect(second.object.data).toEqual({ holder: 'first' });
    expect(second.object.metadata.uid).toBe(first.object.metadata.uid);
  });

  it('deletes only when the uid and resourceVersion preconditions hold', async () => {
    const namespace = await freshNamespace();
    const store = newStore();
    await store.start([CONFIG_MAP]);
    const stored = await store.apply(configMap(namespace, 'doomed', { v: '1' }), { fieldManager: 'm' });
    const key = { groupKind: CONFIG_MAP, namespace, name: 'doomed' };
    await expect(store.delete(key, { uid: '00000000-0000-0000-0000-000000000000' })).rejects.toBeInstanceOf(
      PreconditionFailedError,
    );
    await expect(store.delete(key, { resourceVersion: '1' })).rejects.toBeInstanceOf(PreconditionFailedError);
    expect((await readWithKubectl('configmap', namespace, 'doomed')).metadata.uid).toBe(stored.metadata.uid);
    expect(
      await store.delete(key, { uid: stored.metadata.uid, resourceVersion: stored.metadata.resourceVersion }),
    ).toBe(true);
    expect(store.get(CONFIG_MAP, namespace, 'doomed')).toBeUndefined();
    expect(await store.delete(key)).toBe(false);
  });

  it('merges status through the status subresource and leaves spec alone', async () => {
    const namespace = await freshNamespace();
    const store = newStore();
    await store.start([FRONTEND]);
    const frontend: KubeObject = {
      apiVersion: 'crd.alauda.io/v1',
      kind: 'Frontend',
      metadata: { namespace, name: 'alb-demo-00080', labels: { 'alb2.cpaas.io/name': 'alb-demo' } },
      spec: { port: 80, protocol: 'http' },
    };
    await store.apply(frontend, { fieldManager: 'ingress-sync' });
    const key = { groupKind: FRONTEND, namespace, name: 'alb-demo-00080' };
    const patched = await store.patchStatus(
      key,
      { instances: { 'alb-demo-1': { conflict: false } } },
      { fieldManager: 'ingress-sync' },
    );
    expect(patched?.status).toEqual({ instances: { 'alb-demo-1': { conflict: false } } });
    expect(patched?.spec).toEqual({ port: 80, protocol: 'http' });
    expect(store.get(FRONTEND, namespace, 'alb-demo-00080')?.status).toEqual(patched?.status);
    expect(
      await store.patchStatus({ ...key, name: 'absent' }, {}, { fieldManager: 'ingress-sync' }),
    ).toBeUndefined();
  });

  it.each([
    [
      'a kind the server does not serve',
      { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } },
      /example\.com\/Widget/,
    ],
    ['an object without a name', { apiVersion: 'v1', kind: 'ConfigMap', metadata: {} }, /metadata\.name/],
    [
      'a field the schema rejects',
      {
        apiVersion: 'crd.alauda.io/v1',
        kind: 'Frontend',
        metadata: { namespace: 'default', name: 'bad-port' },
        spec: { port: 70000 },
      },
      /spec\.port/,
    ],
  ])('rejects applying %s with an error that names it', async (_case, obj, message) => {
    const store = newStore();
    await expect(store.apply(obj as KubeObject, { fieldManager: 'm' })).rejects.toThrow(message);
  });
});

describe('KubeStore Secrets', () => {
  it('reads a Secret by name on demand and never caches Secrets', async () => {
    const namespace = await freshNamespace();
    await kubectlOk(server.kubeconfig, [
      'create',
      'secret',
      'generic',
      'credentials',
      '-n',
      namespace,
      '--from-literal=token=s3cret',
    ]);
    const store = newStore();
    await store.start([CONFIG_MAP]);
    const secret = await store.readSecret(namespace, 'credentials');
    expect(secret?.kind).toBe('Secret');
    const data = (secret?.data ?? {}) as Record<string, string>;
    expect(Buffer.from(data.token ?? '', 'base64').toString()).toBe('s3cret');
    expect(store.list('/Secret')).toEqual([]);
    expect(store.get('/Secret', namespace, 'credentials')).toBeUndefined();
    expect(await store.readSecret(namespace, 'absent')).toBeUndefined();
  });
});

describe('KubeStore across an API server restart', () => {
  it('keeps its cache and resumes watching once the API server is back', async () => {
    const namespace = await freshNamespace();
    const errors: string[] = [];
    const store = newStore({ errors });
    await store.start([CONFIG_MAP]);
    await kubectlApply([
      configMap(namespace, 'before', { v: '1' }),
      configMap(namespace, 'kept', { v: '1' }),
    ]);
    await eventually('objects made before the restart', () => store.list(CONFIG_MAP, namespace).length === 2);

    await server.stopApiServer();
    expect(store.get(CONFIG_MAP, namespace, 'before')?.data).toEqual({ v: '1' });
    await server.startApiServer();

    await kubectlApply([
      configMap(namespace, 'before', { v: '2' }),
      configMap(namespace, 'after', { v: '1' }),
    ]);
    await kubectlOk(server.kubeconfig, ['delete', 'configmap', '-n', namespace, 'kept']);
    await eventually(
      'changes made after the restart',
      () =>
        store.get(CONFIG_MAP, namespace, 'after') !== undefined &&
        store.get(CONFIG_MAP, namespace, 'kept') === undefined &&
        (store.get(CONFIG_MAP, namespace, 'before')?.data as Record<string, string> | undefined)?.v === '2',
    );
    expect(store.get(CONFIG_MAP, namespace, 'before')?.data).toEqual({ v: '2' });
    expect(store.list(CONFIG_MAP, namespace).map((o) => o.metadata.name)).toEqual(['after', 'before']);
    expect(store.isSynced()).toBe(true);
  });
});
