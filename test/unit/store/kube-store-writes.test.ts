import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { KubeConfig } from '@kubernetes/client-node';
import { parse } from 'yaml';
import { Tombstones } from '../../../functions/runtime/tombstones.js';
import type { ChangeEvent } from '../../../shared/events/apiserver.js';
import type { ApiRequest, ApiResponse } from '../../../shared/kube/kube-store/transport.js';
import { KubeStore } from '../../../shared/kube/kube-store.js';
import type { KubeObject } from '../../../shared/kube/object.js';

const discovery = parse(
  readFileSync(path.resolve(import.meta.dirname, '../../fixtures/manifests/store/discovery.yaml'), 'utf8'),
) as Record<string, unknown>;

/** Answers discovery from the fixture and every other request from `answers`, in order. */
function storeWith(answers: ApiResponse[]): { store: KubeStore; requests: ApiRequest[] } {
  const requests: ApiRequest[] = [];
  const store = new KubeStore({
    kubeConfig: new KubeConfig(),
    transport: async (request) => {
      const doc = discovery[request.path];
      if (request.method === 'GET' && doc !== undefined) return { statusCode: 200, body: doc };
      requests.push(request);
      const answer = answers.shift();
      if (!answer) throw new Error(`unexpected request ${request.method} ${request.path}`);
      return answer;
    },
  });
  return { store, requests };
}

const gateway: KubeObject = {
  apiVersion: 'gateway.networking.k8s.io/v1',
  kind: 'Gateway',
  metadata: { name: 'eg', managedFields: [{ manager: 'x' }], resourceVersion: '5' },
  spec: { gatewayClassName: 'eg' },
};
const stored = (extra: Record<string, unknown> = {}) => ({
  ...gateway,
  metadata: { name: 'eg', namespace: 'default', uid: 'u', resourceVersion: '6', ...extra },
});
const conflict = (message: string) => ({
  statusCode: 409,
  body: { kind: 'Status', reason: 'Conflict', message },
});

describe('KubeStore writes', () => {
  it('applies server-side with the field manager in the object version, namespace defaulted', async () => {
    const { store, requests } = storeWith([{ statusCode: 200, body: stored() }]);
    const result = await store.apply(gateway, { fieldManager: 'acpnet-ipam', force: true });
    expect(requests).toEqual([
      {
        method: 'PATCH',
        path: '/apis/gateway.networking.k8s.io/v1/namespaces/default/gateways/eg?fieldManager=acpnet-ipam&force=true',
        contentType: 'application/apply-patch+yaml',
        body: { ...gateway, metadata: { name: 'eg', namespace: 'default', resourceVersion: '5' } },
      },
    ]);
    expect(result.metadata.resourceVersion).toBe('6');
    expect(Object.isFrozen(result)).toBe(true);
  });

  it('turns an apply conflict into ConflictError', async () => {
    const { store } = storeWith([conflict('Apply failed with 1 conflict: conflict with "kubectl"')]);
    await expect(store.apply(gateway, { fieldManager: 'acpnet' })).rejects.toMatchObject({
      name: 'ConflictError',
      key: { groupKind: 'gateway.networking.k8s.io/Gateway', namespace: 'default', name: 'eg' },
    });
  });

  it('refuses a kind in a version the server does not serve, naming the versions it does', async () => {
    const { store } = storeWith([]);
    await expect(
      store.apply({ ...gateway, apiVersion: 'gateway.networking.k8s.io/v9' }, { fieldManager: 'acpnet' }),
    ).rejects.toThrow(/not in version v9 \(group versions: v1, v1beta1, v1alpha2\)/);
  });

  it.each([
    ['creates', [{ statusCode: 201, body: stored() }], true, ['POST']],
    [
      'reads what exists',
      [conflict('already exists'), { statusCode: 200, body: stored({ uid: 'old' }) }],
      false,
      ['POST', 'GET'],
    ],
    [
      'creates again when what existed is gone',
      [conflict('already exists'), { statusCode: 404, body: {} }, { statusCode: 201, body: stored() }],
      true,
      ['POST', 'GET', 'POST'],
    ],
  ] as [string, ApiResponse[], boolean, string[]][])(
    'createIfAbsent %s',
    async (_label, answers, created, methods) => {
      const { store, requests } = storeWith(answers);
      const result = await store.createIfAbsent(gateway, { fieldManager: 'acpnet-ipam' });
      expect(result.created).toBe(created);
      expect(requests.map((r) => r.method)).toEqual(methods);
      expect(requests[0]?.path).toBe(
        '/apis/gateway.networking.k8s.io/v1/namespaces/default/gateways?fieldManager=acpnet-ipam',
      );
    },
  );

  it.each([
    ['deleted', { statusCode: 200, body: stored() }, true],
    ['already gone', { statusCode: 404, body: { kind: 'Status', reason: 'NotFound' } }, false],
  ] as [string, ApiResponse, boolean][])('delete: %s', async (_label, answer, expected) => {
    const { store, requests } = storeWith([answer]);
    const key = { groupKind: 'gateway.networking.k8s.io/Gateway' as const, namespace: 'a', name: 'eg' };
    await expect(store.delete(key, { uid: 'u', resourceVersion: '6' })).resolves.toBe(expected);
    expect(requests[0]).toEqual({
      method: 'DELETE',
      path: '/apis/gateway.networking.k8s.io/v1/namespaces/a/gateways/eg',
      body: { apiVersion: 'v1', kind: 'DeleteOptions', preconditions: { uid: 'u', resourceVersion: '6' } },
    });
  });

  it('turns a failed delete precondition into PreconditionFailedError', async () => {
    const { store } = storeWith([
      conflict('Precondition failed: UID in precondition: u, UID in object meta: v'),
    ]);
    const key = { groupKind: 'gateway.networking.k8s.io/Gateway' as const, namespace: 'a', name: 'eg' };
    await expect(store.delete(key, { uid: 'u' })).rejects.toMatchObject({
      name: 'PreconditionFailedError',
      key,
    });
  });

  it('merge-patches status on the status subresource; an absent object gives undefined', async () => {
    const { store, requests } = storeWith([
      { statusCode: 200, body: stored() },
      { statusCode: 404, body: {} },
    ]);
    const key = { groupKind: 'gateway.networking.k8s.io/Gateway' as const, namespace: 'a', name: 'eg' };
    await store.patchStatus(key, { addresses: [{ value: '192.0.2.1' }] }, { fieldManager: 'acpnet-lb' });
    await expect(store.patchStatus(key, {}, { fieldManager: 'acpnet-lb' })).resolves.toBeUndefined();
    expect(requests[0]).toEqual({
      method: 'PATCH',
      path: '/apis/gateway.networking.k8s.io/v1/namespaces/a/gateways/eg/status?fieldManager=acpnet-lb',
      contentType: 'application/merge-patch+json',
      body: { status: { addresses: [{ value: '192.0.2.1' }] } },
    });
  });

  it('reads Secrets with a direct GET and never caches them', async () => {
    const secret = { metadata: { name: 's', namespace: 'a' }, data: { 'ca.crt': 'eA==' } };
    const { store, requests } = storeWith([
      { statusCode: 200, body: secret },
      { statusCode: 404, body: {} },
      { statusCode: 403, body: { kind: 'Status', reason: 'Forbidden', message: 'secrets "t" is forbidden' } },
    ]);
    await expect(store.readSecret('a', 's')).resolves.toMatchObject({
      apiVersion: 'v1',
      kind: 'Secret',
      data: secret.data,
    });
    await expect(store.readSecret('a', 'missing')).resolves.toBeUndefined();
    await expect(store.readSecret('a', 't')).rejects.toThrow(/HTTP 403 Forbidden: secrets "t" is forbidden/);
    expect(requests.map((r) => r.path)).toEqual([
      '/api/v1/namespaces/a/secrets/s',
      '/api/v1/namespaces/a/secrets/missing',
      '/api/v1/namespaces/a/secrets/t',
    ]);
    expect(store.list('/Secret')).toEqual([]);
  });

  it('reads one object with a direct GET in its preferred version, never caching it', async () => {
    const configMap = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'c', namespace: 'acpnet' },
      data: { a: 'b' },
    };
    const { store, requests } = storeWith([
      { statusCode: 200, body: configMap },
      { statusCode: 404, body: {} },
      {
        statusCode: 403,
        body: { kind: 'Status', reason: 'Forbidden', message: 'configmaps "t" is forbidden' },
      },
    ]);
    const key = (name: string) => ({ groupKind: '/ConfigMap' as const, namespace: 'acpnet', name });
    await expect(store.readObject(key('c'))).resolves.toEqual(configMap);
    await expect(store.readObject(key('missing'))).resolves.toBeUndefined();
    await expect(store.readObject(key('t'))).rejects.toThrow(
      /HTTP 403 Forbidden: configmaps "t" is forbidden/,
    );
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /api/v1/namespaces/acpnet/configmaps/c',
      'GET /api/v1/namespaces/acpnet/configmaps/missing',
      'GET /api/v1/namespaces/acpnet/configmaps/t',
    ]);
    expect(store.list('/ConfigMap')).toEqual([]);
  });
});

describe('tombstones on a KubeStore', () => {
  const path = '/api/v1/namespaces/acpnet/configmaps/acpnet-tombstones-ingress-sync';
  const event: ChangeEvent = {
    id: 'd',
    source: 'test://kube',
    type: 'delete',
    mode: 'resource',
    ref: { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', namespace: 'demo', name: 'shop' },
    uid: 'uid-shop',
    resourceVersion: '12',
    time: '2026-01-01T00:00:09Z',
  };
  const ingressKey = { groupKind: 'networking.k8s.io/Ingress' as const, namespace: 'demo', name: 'shop' };
  const storedMap = (resourceVersion: string, data: Record<string, string>) => ({
    statusCode: 200,
    body: {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'acpnet-tombstones-ingress-sync', namespace: 'acpnet', resourceVersion },
      data,
    },
  });

  it('reads the ConfigMap at start and applies it server-side, again on the newer one after a conflict', async () => {
    const other = { 'uid-other': 'networking.k8s.io/Ingress demo/other 11 2026-01-01T00:00:08Z' };
    const { store, requests } = storeWith([
      { statusCode: 404, body: {} },
      storedMap('5', {}),
      conflict('the object has been modified; please apply your changes to the latest version'),
      storedMap('6', other),
      storedMap('7', {}),
    ]);
    const tombstones = new Tombstones({ store, consumer: 'ingress-sync', persist: true });
    await tombstones.ready();
    await tombstones.record(event, ingressKey);
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET ${path}`,
      `GET ${path}`,
      `PATCH ${path}?fieldManager=acpnet-runtime&force=true`,
      `GET ${path}`,
      `PATCH ${path}?fieldManager=acpnet-runtime&force=true`,
    ]);
    expect(requests[4]).toMatchObject({
      contentType: 'application/apply-patch+yaml',
      body: {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'acpnet-tombstones-ingress-sync', namespace: 'acpnet', resourceVersion: '6' },
        data: { ...other, 'uid-shop': 'networking.k8s.io/Ingress demo/shop 12 2026-01-01T00:00:09Z' },
      },
    });
    expect([tombstones.has('uid-shop'), tombstones.has('uid-other')]).toEqual([true, true]);
  });

  it('knows what the stored ConfigMap holds after a restart', async () => {
    const { store } = storeWith([
      storedMap('5', { 'uid-shop': 'networking.k8s.io/Ingress demo/shop 12 2026-01-01T00:00:09Z' }),
    ]);
    const tombstones = new Tombstones({ store, consumer: 'ingress-sync', persist: true });
    await tombstones.ready();
    expect(tombstones.has('uid-shop')).toBe(true);
  });
});
