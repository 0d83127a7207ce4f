import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import {
  collectionPath,
  objectPath,
  type ResourceInfo,
  statusPath,
  withQuery,
} from '../../../shared/kube/kube-store/api-paths.js';
import { Discovery, UnknownKindError } from '../../../shared/kube/kube-store/discovery.js';
import type { GroupKind } from '../../../shared/kube/object.js';

const documents = parse(
  readFileSync(path.resolve(import.meta.dirname, '../../fixtures/manifests/store/discovery.yaml'), 'utf8'),
) as Record<string, unknown>;

function discoveryOver(docs: Record<string, unknown>, fetched: string[] = []): Discovery {
  return new Discovery(async (p) => {
    fetched.push(p);
    return docs[p];
  });
}

describe('Discovery', () => {
  it.each([
    ['/Secret', { group: '', version: 'v1', plural: 'secrets', namespaced: true }],
    ['/Namespace', { group: '', version: 'v1', plural: 'namespaces', namespaced: false }],
    ['gateway.networking.k8s.io/Gateway', { version: 'v1', plural: 'gateways', namespaced: true }],
    [
      'gateway.networking.k8s.io/GatewayClass',
      { version: 'v1', plural: 'gatewayclasses', namespaced: false },
    ],
    ['gateway.networking.k8s.io/ReferenceGrant', { version: 'v1beta1', plural: 'referencegrants' }],
    ['gateway.networking.k8s.io/TCPRoute', { version: 'v1alpha2', plural: 'tcproutes' }],
    ['kubeovn.io/Subnet', { group: 'kubeovn.io', version: 'v1', plural: 'subnets', namespaced: false }],
  ] as [GroupKind, Partial<ResourceInfo>][])(
    '%s maps to its preferred served version',
    async (kind, expected) => {
      await expect(discoveryOver(documents).preferred(kind)).resolves.toMatchObject(expected);
    },
  );

  it('finds a kind in the version an object is written in', async () => {
    const discovery = discoveryOver(documents);
    await expect(
      discovery.inVersion('gateway.networking.k8s.io/HTTPRoute', 'v1beta1'),
    ).resolves.toMatchObject({
      version: 'v1beta1',
      plural: 'httproutes',
    });
    await expect(discovery.inVersion('gateway.networking.k8s.io/TCPRoute', 'v1')).rejects.toThrow(
      /TCPRoute is not served by the API server: not in version v1 \(group versions: v1, v1beta1, v1alpha2\)/,
    );
  });

  it.each([
    ['metallb.io/IPAddressPool', /group metallb.io is not served/],
    ['kubeovn.io/Vpc', /no version of group kubeovn.io has it \(versions: v1\)/],
  ] as [GroupKind, RegExp][])('names %s as not served', async (kind, message) => {
    const failure = discoveryOver(documents).preferred(kind);
    await expect(failure).rejects.toBeInstanceOf(UnknownKindError);
    await expect(failure).rejects.toThrow(message);
  });

  it('caches documents and refreshes once when a kind is missing (a CRD installed later)', async () => {
    const fetched: string[] = [];
    const docs: Record<string, unknown> = { ...documents };
    const discovery = discoveryOver(docs, fetched);
    await discovery.preferred('gateway.networking.k8s.io/Gateway');
    await discovery.preferred('gateway.networking.k8s.io/HTTPRoute');
    await discovery.preferred('kubeovn.io/Subnet');
    expect(fetched).toEqual(['/api', '/apis', '/apis/gateway.networking.k8s.io/v1', '/apis/kubeovn.io/v1']);

    docs['/apis/kubeovn.io/v1'] = {
      resources: [{ name: 'vpcs', namespaced: false, kind: 'Vpc' }],
    };
    fetched.length = 0;
    await expect(discovery.preferred('kubeovn.io/Vpc')).resolves.toMatchObject({ plural: 'vpcs' });
    expect(fetched).toEqual(['/api', '/apis', '/apis/kubeovn.io/v1']);
  });

  it('does not keep a failed fetch', async () => {
    let fail = true;
    const discovery = new Discovery(async (p) => {
      if (fail) throw new Error('connection refused');
      return documents[p];
    });
    await expect(discovery.preferred('/Secret')).rejects.toThrow('connection refused');
    fail = false;
    await expect(discovery.preferred('/Secret')).resolves.toMatchObject({ plural: 'secrets' });
  });

  it('ignores malformed documents instead of failing on them', async () => {
    const discovery = discoveryOver({ '/api': 'garbage', '/apis': { groups: [42, { name: 'x' }] } });
    await expect(discovery.preferred('/Secret')).rejects.toBeInstanceOf(UnknownKindError);
  });
});

describe('API paths', () => {
  const gateway: ResourceInfo = {
    group: 'gateway.networking.k8s.io',
    version: 'v1',
    kind: 'Gateway',
    plural: 'gateways',
    namespaced: true,
  };
  const namespace: ResourceInfo = {
    group: '',
    version: 'v1',
    kind: 'Namespace',
    plural: 'namespaces',
    namespaced: false,
  };

  it.each([
    [
      'collection in a namespace',
      collectionPath(gateway, 'team-a'),
      '/apis/gateway.networking.k8s.io/v1/namespaces/team-a/gateways',
    ],
    ['collection across namespaces', collectionPath(gateway), '/apis/gateway.networking.k8s.io/v1/gateways'],
    [
      'namespaced object',
      objectPath(gateway, 'a', 'eg'),
      '/apis/gateway.networking.k8s.io/v1/namespaces/a/gateways/eg',
    ],
    [
      'status subresource',
      statusPath(gateway, 'a', 'eg'),
      '/apis/gateway.networking.k8s.io/v1/namespaces/a/gateways/eg/status',
    ],
    [
      'core cluster-scoped object ignores a namespace',
      objectPath(namespace, 'x', 'team-a'),
      '/api/v1/namespaces/team-a',
    ],
    [
      'names are escaped',
      objectPath(gateway, 'a', 'system:x'),
      '/apis/gateway.networking.k8s.io/v1/namespaces/a/gateways/system%3Ax',
    ],
    [
      'apply query',
      withQuery('/p', { fieldManager: 'acpnet-ipam', force: true, dryRun: undefined }),
      '/p?fieldManager=acpnet-ipam&force=true',
    ],
    ['no query', withQuery('/p', { continue: undefined }), '/p'],
    [
      'continue token is encoded',
      withQuery('/p', { limit: 500, continue: 'a+b/c=' }),
      '/p?limit=500&continue=a%2Bb%2Fc%3D',
    ],
  ])('%s', (_label, actual, expected) => {
    expect(actual).toBe(expected);
  });
});
