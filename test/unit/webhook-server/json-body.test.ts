import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { WebhookApp } from '../../../webhooks/server/app.js';
import { webhookForInject } from '../../support/webhook-app.js';

let app: Awaited<WebhookApp>;

beforeAll(async () => {
  app = await webhookForInject();
});

afterAll(async () => {
  await app.close();
});

const post = (payload: string) =>
  app.inject({ method: 'POST', url: '/validate', headers: { 'content-type': 'application/json' }, payload });

/** A review of a ConfigMap whose data is the given JSON text. */
function review(data: string): string {
  return `{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"u-1","kind":{"group":"","version":"v1","kind":"ConfigMap"},"operation":"CREATE","namespace":"demo","object":{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cm","namespace":"demo"},"data":${data}}}}`;
}

describe('JSON request bodies of the webhook', () => {
  it.each([
    ['a key __proto__', '{"__proto__":"x"}'],
    ['keys constructor and prototype', '{"constructor":"y","prototype":"z"}'],
  ])(
    'reviews a ConfigMap with %s (valid JSON the API server sends), polluting nothing',
    async (_what, data) => {
      const reply = await post(review(data));
      expect(reply.statusCode).toBe(200);
      expect(reply.json()).toMatchObject({ response: { uid: 'u-1', allowed: true } });
      expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('x');
      expect(({} as Record<string, unknown>).x).toBeUndefined();
    },
  );

  it('refuses a constructor.prototype that is a mapping only as a ConfigMap value would be: by its schema', async () => {
    const reply = await post(review('{"constructor":{"prototype":{"polluted":"yes"}}}'));
    expect(reply.statusCode).toBe(200);
    expect(reply.json()).toMatchObject({ response: { allowed: false, status: { code: 403 } } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['{"apiVersion":', 'request body is not valid JSON: Unexpected end of JSON input'],
    [
      '{"a":"x\u0000"}',
      'request body is not valid JSON: Bad control character in string literal in JSON at position 7 (line 1 column 8)',
    ],
    ['', 'request body is empty; expected an AdmissionReview'],
  ])('says where a body that is not JSON goes wrong: %j', async (body, message) => {
    const reply = await post(body);
    expect(reply.statusCode).toBe(400);
    expect(reply.json()).toEqual({ statusCode: 400, message });
  });

  it('ignores a byte order mark before the JSON', async () => {
    const reply = await post(`\uFEFF${review('{}')}`);
    expect(reply.json()).toMatchObject({ response: { uid: 'u-1', allowed: true } });
  });
});
