import { describe, expect, it } from '@jest/globals';
import type { KubeObject } from '../../../shared/kube/object.js';
import { parseAdmissionReview } from '../../../webhooks/server/admission-review.js';
import { webhookForInject } from '../../support/webhook-app.js';

const subnet: KubeObject = {
  apiVersion: 'kubeovn.io/v1',
  kind: 'Subnet',
  metadata: { name: 'net1' },
  spec: { cidrBlock: '10.16.0.0/16', protocol: 'IPv4' },
};
const service: KubeObject = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web', namespace: 'demo' },
  spec: { ports: [{ port: 80 }] },
};

function update(object: KubeObject, oldObject: KubeObject, namespace = '') {
  return {
    apiVersion: 'admission.k8s.io/v1',
    kind: 'AdmissionReview',
    request: {
      uid: 'u-1',
      kind: { group: 'kubeovn.io', version: 'v1', kind: object.kind },
      operation: 'UPDATE',
      namespace,
      object,
      oldObject,
    },
  };
}

/** `{a: {a: ... 1}}`, `depth` levels, built without recursion. */
function deeplyNested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

const renamed = (object: KubeObject, change: Partial<KubeObject['metadata']>): KubeObject => ({
  ...object,
  metadata: { ...object.metadata, ...change },
});

describe('an UPDATE whose oldObject is not the object', () => {
  it.each<[string, KubeObject, KubeObject, string, string]>([
    [
      'of another kind',
      subnet,
      { ...subnet, kind: 'Vpc' },
      '',
      'request.oldObject.kind is "Vpc" but request.object.kind is "Subnet"',
    ],
    [
      'of another group',
      subnet,
      { ...subnet, apiVersion: 'example.com/v1' },
      '',
      'request.oldObject.apiVersion is "example.com/v1" but request.object.apiVersion is "kubeovn.io/v1"',
    ],
    [
      'of another name',
      subnet,
      renamed(subnet, { name: 'net2' }),
      '',
      'request.oldObject.metadata.name is "net2" but request.object.metadata.name is "net1"',
    ],
    [
      'named by a value nested deeper than JSON.stringify goes',
      subnet,
      renamed(subnet, { name: deeplyNested(20_000) as unknown as string }),
      '',
      'request.oldObject.metadata.name is an object but request.object.metadata.name is "net1"',
    ],
    [
      'named by a string of a megabyte',
      subnet,
      renamed(subnet, { name: 'x'.repeat(1 << 20) }),
      '',
      `request.oldObject.metadata.name is "${'x'.repeat(100)}"… but request.object.metadata.name is "net1"`,
    ],
    [
      'of another namespace',
      service,
      renamed(service, { namespace: 'other' }),
      'demo',
      'request.oldObject.metadata.namespace is "other" but request.object.metadata.namespace is "demo"',
    ],
  ])(
    'is refused when the old object is %s, naming the field',
    (_what, object, oldObject, namespace, message) => {
      expect(() => parseAdmissionReview(update(object, oldObject, namespace))).toThrow(
        `invalid AdmissionReview: ${message}; the old object must be the same object`,
      );
    },
  );

  it('is accepted when the old object is an earlier version of the same object', () => {
    const older = { ...subnet, spec: { cidrBlock: '10.17.0.0/16', protocol: 'IPv4' } };
    expect(parseAdmissionReview(update(subnet, older)).oldObject).toEqual(older);
  });

  it('accepts an old object whose namespace comes from the request, as the object does', () => {
    const { namespace: _, ...bare } = service.metadata;
    const parsed = parseAdmissionReview(update({ ...service, metadata: bare }, service, 'demo'));
    expect(parsed.object?.metadata.namespace).toBe('demo');
  });

  it('is answered 400 by the webhook, before any rule reads the two', async () => {
    const app = await webhookForInject();
    const reply = await app.inject({
      method: 'POST',
      url: '/validate',
      payload: update(subnet, { ...subnet, kind: 'Vpc' }),
    });
    await app.close();
    expect(reply.statusCode).toBe(400);
    expect(reply.json<{ message: string }>().message).toContain('request.oldObject.kind is "Vpc"');
  });
});
