import { describe, expect, it } from '@jest/globals';
import { NESTING_LIMIT, tooDeeplyNestedAt } from '../../../shared/kube/nesting.js';
import type { KubeObject } from '../../../shared/kube/object.js';
import { reviewObject } from '../../../webhooks/review/engine.js';
import type { Operation } from '../../../webhooks/rules/types.js';
import { deepJson, deepValue } from '../../support/fuzz/hostile-values.js';
import { webhookForInject } from '../../support/webhook-app.js';
import { fixtureView, testSettings } from './support/widgets.js';

const tooDeep = `nested too deeply (limit ${NESTING_LIMIT} levels)`;

/** A ConfigMap (a kind with rules) `levels` deep in all, the object itself being level 1. */
function configMap(levels: number, shape: 'object' | 'array' = 'object'): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'deep', namespace: 'demo' },
    data: deepValue(levels - 1, shape),
  };
}

const review = (operation: Operation, object?: KubeObject, oldObject?: KubeObject) =>
  reviewObject({ operation, object, oldObject, view: fixtureView([]), settings: testSettings });

describe('tooDeeplyNestedAt', () => {
  it.each([
    ['a scalar', 'x', undefined],
    ['an object at the limit', deepValue(NESTING_LIMIT, 'object'), undefined],
    ['a list at the limit', deepValue(NESTING_LIMIT, 'array'), undefined],
    ['an object one level over', deepValue(NESTING_LIMIT + 1, 'object'), NESTING_LIMIT],
    ['a list one level over', deepValue(NESTING_LIMIT + 1, 'array'), NESTING_LIMIT],
    ['200,000 levels', deepValue(200_000, 'object'), NESTING_LIMIT],
  ])('%s', (_name, value, pathLength) => {
    expect(tooDeeplyNestedAt(value)?.length).toBe(pathLength);
  });

  it('names the path to the first collection past the limit', () => {
    expect(tooDeeplyNestedAt({ spec: { a: [{ b: 1 }] }, status: {} }, 3)).toEqual(['spec', 'a', 0]);
  });
});

describe('the review of an object nested deeper than acpnet reads', () => {
  it.each(['object', 'array'] as const)(
    'admits a ConfigMap whose data %ss nest to the limit',
    async (shape) => {
      const result = await review('CREATE', configMap(NESTING_LIMIT, shape));
      expect(result.findings.filter((f) => f.rule === 'nesting')).toEqual([]);
    },
  );

  it.each([NESTING_LIMIT + 1, 5_000, 100_000])('denies %d levels with the limit named', async (levels) => {
    const result = await review('CREATE', configMap(levels));
    expect(result).toMatchObject({ allowed: false, code: 403, message: `data: ${tooDeep}`, failures: [] });
    expect(result.findings.map((f) => f.rule)).toEqual(['nesting']);
  });

  it('denies an UPDATE whose stored object is nested too deeply, naming oldObject', async () => {
    const result = await review('UPDATE', configMap(2), configMap(NESTING_LIMIT + 1));
    expect(result).toMatchObject({ allowed: false, code: 403, message: `oldObject.data: ${tooDeep}` });
  });

  it('leaves the DELETE of such a stored object unjudged, like any stored object it cannot read', async () => {
    const result = await review('DELETE', undefined, configMap(100_000));
    expect(result).toMatchObject({ allowed: true, code: 200, findings: [] });
  });
});

describe('the webhook on a review nested far too deeply', () => {
  it.each(['/validate', '/mutate'])('%s answers a denial naming the limit, never a 500', async (url) => {
    const app = await webhookForInject();
    const object = `{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"deep","namespace":"demo"},"data":${deepJson(20_000, 'object')}}`;
    const body = `{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"u-1","kind":{"group":"","version":"v1","kind":"ConfigMap"},"operation":"CREATE","namespace":"demo","object":${object}}}`;
    const reply = await app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/json' },
      payload: body,
    });
    await app.close();
    expect(reply.statusCode).toBe(200);
    expect(reply.json()).toMatchObject({
      response: { uid: 'u-1', allowed: false, status: { code: 403, message: `data: ${tooDeep}` } },
    });
  });
});
