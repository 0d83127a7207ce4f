import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { CloudEvent } from 'cloudevents';
import { parse } from 'yaml';
import {
  buildChangeEvent,
  decodeChangeEvent,
  parseSubject,
  partitionKeyOf,
  subjectFor,
} from '../../../shared/events/apiserver.js';
import { EventFormatError } from '../../../shared/events/errors.js';
import { decodeHttpEvent, encodeHttpEvent } from '../../../shared/events/http.js';
import { decodeKafkaRecord, encodeKafkaRecord } from '../../../shared/events/kafka.js';
import type { KubeObject } from '../../../shared/kube/object.js';

interface Broken {
  http: { what: string; headers: Record<string, string>; body: string; error: string }[];
  kafka: { what: string; headers: Record<string, string>; value: string | null; error: string }[];
  apiserver: {
    what: string;
    type: string;
    subject?: string;
    data: unknown;
    extensions?: Record<string, string>;
    error: string;
  }[];
}

const broken = parse(
  readFileSync(path.resolve(import.meta.dirname, '../../fixtures/events/broken.yaml'), 'utf8'),
) as Broken;

const ingress: KubeObject = {
  apiVersion: 'networking.k8s.io/v1',
  kind: 'Ingress',
  metadata: { name: 'shop', namespace: 'demo', uid: 'u-1', resourceVersion: '42' },
  spec: { ingressClassName: 'alb-demo' },
};
const namespace: KubeObject = {
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: { name: 'demo', uid: 'u-ns' },
};

describe('ApiServerSource events', () => {
  it.each([
    [ingress, '/apis/networking.k8s.io/v1/namespaces/demo/ingresses/shop'],
    [namespace, '/api/v1/namespaces/demo'],
    [
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'a' } },
      '/api/v1/namespaces/a/services/web',
    ],
    [
      {
        apiVersion: 'crd.alauda.io/v2beta1',
        kind: 'ALB2',
        metadata: { name: 'x', namespace: 'cpaas-system' },
      },
      '/apis/crd.alauda.io/v2beta1/namespaces/cpaas-system/alaudaloadbalancer2/x',
    ],
  ])('builds the subject of %#', (obj, subject) => {
    const event = buildChangeEvent('add', obj as KubeObject, { source: 's' });
    expect(event.subject).toBe(subject);
    const parsed = parseSubject(subject);
    expect(parsed.apiVersion).toBe(obj.apiVersion);
    expect(parsed.name).toBe(obj.metadata.name);
    expect(parsed.namespace).toBe(obj.metadata.namespace ?? '');
  });

  it('round-trips a Resource-mode event with extensions, key and a deterministic id', () => {
    const event = buildChangeEvent('update', ingress, { source: 'https://apiserver' });
    expect(event.type).toBe('dev.knative.apiserver.resource.update');
    expect(event.id).toBe('u-1/42/update');
    expect(event).toMatchObject({
      kind: 'Ingress',
      apiversion: 'networking.k8s.io/v1',
      name: 'shop',
      namespace: 'demo',
    });
    expect((event as unknown as { partitionkey: string }).partitionkey).toBe('demo/shop');
    const change = decodeChangeEvent(event);
    expect(change).toMatchObject({ type: 'update', mode: 'resource', resourceVersion: '42', uid: 'u-1' });
    expect(change.ref).toEqual({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      namespace: 'demo',
      name: 'shop',
    });
    expect(change.object).toEqual(ingress);
  });

  it('decodes a Reference-mode event to a ref without object', () => {
    const event = buildChangeEvent('delete', ingress, { source: 's', mode: 'ref' });
    expect(event.type).toBe('dev.knative.apiserver.ref.delete');
    const change = decodeChangeEvent(event);
    expect(change.mode).toBe('ref');
    expect(change.object).toBeUndefined();
    expect(change.ref.name).toBe('shop');
    expect(change.uid).toBe('u-1');
  });

  it('keys cluster-scoped objects by name', () => {
    expect(partitionKeyOf({ namespace: '', name: 'n' })).toBe('n');
    expect(
      subjectFor({ apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', namespace: '', name: 'alb' }),
    ).toBe('/apis/networking.k8s.io/v1/ingressclasses/alb');
  });

  it.each(broken.apiserver.map((c) => [c.what, c] as const))('refuses %s', (_what, c) => {
    const event = new CloudEvent<unknown>(
      {
        specversion: '1.0',
        id: 'x',
        source: 's',
        type: c.type,
        data: c.data,
        ...(c.subject ? { subject: c.subject } : {}),
        ...(c.extensions ?? {}),
      },
      false,
    );
    expect(() => decodeChangeEvent(event)).toThrow(EventFormatError);
    expect(() => decodeChangeEvent(event)).toThrow(new RegExp(c.error));
  });
});

describe('HTTP binding', () => {
  it.each(['binary', 'structured'] as const)('round-trips %s mode', (mode) => {
    const event = buildChangeEvent('add', ingress, { source: 's', time: '2026-01-01T00:00:00.000Z' });
    const message = encodeHttpEvent(event, mode);
    const decoded = decodeHttpEvent(message.headers, Buffer.from(message.body));
    expect(decoded.id).toBe(event.id);
    expect(decoded.time).toBe('2026-01-01T00:00:00.000Z');
    expect(decodeChangeEvent(decoded).object).toEqual(ingress);
  });

  it.each(broken.http.map((c) => [c.what, c] as const))('refuses %s', (_what, c) => {
    expect(() => decodeHttpEvent(c.headers, c.body)).toThrow(EventFormatError);
    expect(() => decodeHttpEvent(c.headers, c.body)).toThrow(new RegExp(c.error));
  });
});

describe('Kafka binding', () => {
  it.each(['binary', 'structured'] as const)('round-trips %s mode with the key', (mode) => {
    const event = buildChangeEvent('add', ingress, { source: 's' });
    const record = encodeKafkaRecord(event, mode);
    expect(record.key).toBe('demo/shop');
    if (mode === 'binary') expect(record.headers.ce_id).toBe('u-1/42/add');
    else expect(record.headers['content-type']).toBe('application/cloudevents+json; charset=utf-8');
    const decoded = decodeKafkaRecord({ ...record, value: Buffer.from(String(record.value)) });
    expect(decoded.id).toBe(event.id);
    expect(decodeChangeEvent(decoded).object).toEqual(ingress);
  });

  it('reads a structured record without a time (the SDK stamps one)', () => {
    const value = JSON.stringify({
      specversion: '1.0',
      id: '1',
      source: 's',
      type: 'dev.knative.apiserver.ref.add',
      data: {},
    });
    const decoded = decodeKafkaRecord({
      key: null,
      value,
      headers: { 'content-type': 'application/cloudevents+json' },
    });
    expect(decoded.id).toBe('1');
    expect(Number.isNaN(Date.parse(decoded.time ?? ''))).toBe(false);
  });

  it.each(broken.kafka.map((c) => [c.what, c] as const))('refuses %s', (_what, c) => {
    const record = { key: 'k', value: c.value, headers: c.headers };
    expect(() => decodeKafkaRecord(record)).toThrow(EventFormatError);
    expect(() => decodeKafkaRecord(record)).toThrow(new RegExp(c.error));
  });
});
