import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { pino } from 'pino';
import type { CliIO } from '../../../cli/io.js';
import { run } from '../../../cli/main.js';
import type { KubeObject } from '../../../shared/kube/object.js';
import {
  DATA_LIMIT,
  dataSize,
  jsonSize,
  jsonStringSize,
  MIB,
  REQUEST_BODY_LIMIT,
  STORED_OBJECT_LIMIT,
} from '../../../shared/kube/sizes.js';
import { createSelfSignedCertificate } from '../../../shared/tls/self-signed.js';
import { reviewObject } from '../../../webhooks/review/engine.js';
import { RuleIndex } from '../../../webhooks/review/rule-index.js';
import { sizeViolations } from '../../../webhooks/review/size-check.js';
import type { Operation } from '../../../webhooks/rules/types.js';
import { buildWebhookApp, defaultBodyLimit } from '../../../webhooks/server/app.js';
import { createWebhookMetrics } from '../../../webhooks/server/metrics.js';
import { fixtureView, testSettings, widgetFamily } from './support/widgets.js';

const rules = new RuleIndex([widgetFamily]);

/** An object of a group acpnet does not judge, so only its size can deny it. */
function blob(payload: string): KubeObject {
  return {
    apiVersion: 'example.com/v1',
    kind: 'Blob',
    metadata: { name: 'big', namespace: 'demo' },
    spec: { payload },
  };
}

/** A Blob whose JSON is exactly `bytes` long. */
function blobOfSize(bytes: number): KubeObject {
  const base = Buffer.byteLength(JSON.stringify(blob('')));
  return blob('x'.repeat(bytes - base));
}

function configMap(data: Record<string, string>, binaryData?: Record<string, string>): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'cm', namespace: 'demo' },
    data,
    ...(binaryData ? { binaryData } : {}),
  };
}

function secret(data: Record<string, string>, stringData?: Record<string, string>): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 's', namespace: 'demo' },
    type: 'Opaque',
    data,
    ...(stringData ? { stringData } : {}),
  };
}

const base64Of = (bytes: number) => Buffer.alloc(bytes, 7).toString('base64');

async function review(object: KubeObject, operation: Operation = 'CREATE') {
  return reviewObject(
    operation === 'DELETE'
      ? { operation, oldObject: object, view: fixtureView([]), settings: testSettings }
      : { operation, object, view: fixtureView([]), settings: testSettings },
    { rules },
  );
}

describe('jsonSize', () => {
  it('is the UTF-8 length of JSON.stringify for any JSON value, escapes and surrogates included', () => {
    const unit = fc.constantFrom('a', 'é', '€', '😀', '"', '\\', '\n', '\u0001', '\ud800', '\udc00');
    // Short strings are counted in a loop, long ones natively: both paths are compared.
    const text = fc.oneof(fc.string({ unit }), fc.string({ unit, minLength: 250, maxLength: 600 }));
    const value = fc.letrec((tie) => ({
      json: fc.oneof(
        { depthSize: 'small' },
        text,
        fc.double(),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('json')),
        fc.dictionary(text, fc.oneof(tie('json'), fc.constant(undefined))),
      ),
    })).json;
    fc.assert(
      fc.property(value, (v) => {
        expect(jsonSize(v)).toBe(Buffer.byteLength(JSON.stringify(v) ?? '', 'utf8'));
      }),
      { numRuns: 500 },
    );
  });

  it('measures a string as JSON writes it', () => {
    expect(jsonStringSize('a"b\\c\n\u0001é😀\ud800')).toBe(
      Buffer.byteLength(JSON.stringify('a"b\\c\n\u0001é😀\ud800')),
    );
  });

  it('stops counting once past the cap', () => {
    const many = Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`k${i}`, 'x'.repeat(100)]));
    const full = Buffer.byteLength(JSON.stringify(many));
    const capped = jsonSize(many, 1000);
    expect(capped).toBeGreaterThan(1000);
    expect(capped).toBeLessThan(2000);
    expect(jsonSize(many, full)).toBe(full);
  });

  it.each([
    ['ConfigMap data in UTF-8', configMap({ a: 'é€' }), 5],
    ['ConfigMap binaryData decoded', configMap({ a: 'xy' }, { b: base64Of(5) }), 7],
    ['Secret data decoded', secret({ a: base64Of(4), b: base64Of(2) }), 6],
    ['Secret stringData replacing a data key', secret({ a: base64Of(4) }, { a: 'xy', c: 'z' }), 3],
    ['no data', configMap({}), 0],
  ])('counts data as the API server does: %s', (_what, object, bytes) => {
    expect(dataSize(object)).toBe(bytes);
  });
});

describe('size limits in the review', () => {
  const stored = `the API server stores at most 1.5 MiB`;
  it.each<[string, KubeObject, boolean, string]>([
    ['an object one byte under 1.5 MiB', blobOfSize(STORED_OBJECT_LIMIT - 1), true, ''],
    ['an object of exactly 1.5 MiB', blobOfSize(STORED_OBJECT_LIMIT), true, ''],
    [
      'an object one byte over 1.5 MiB',
      blobOfSize(STORED_OBJECT_LIMIT + 1),
      false,
      `object is ${STORED_OBJECT_LIMIT + 1} bytes; ${stored} (${STORED_OBJECT_LIMIT} bytes) per object`,
    ],
    [
      'an object of 1.9 MiB',
      blobOfSize(Math.round(1.9 * MIB)),
      false,
      `object is 1.9 MiB; ${stored} per object`,
    ],
    [
      'an object of exactly 3 MiB',
      blobOfSize(REQUEST_BODY_LIMIT),
      false,
      `object is 3 MiB; ${stored} per object`,
    ],
    [
      'an object one byte over 3 MiB',
      blobOfSize(REQUEST_BODY_LIMIT + 1),
      false,
      'object is more than 3 MiB; the API server accepts request bodies of at most 3 MiB',
    ],
    [
      'a 50 MB object',
      blobOfSize(50_000_000),
      false,
      'object is more than 3 MiB; the API server accepts request bodies of at most 3 MiB',
    ],
    ['ConfigMap data of exactly 1 MiB', configMap({ k: 'x'.repeat(DATA_LIMIT) }), true, ''],
    [
      'ConfigMap data one byte over 1 MiB',
      configMap({ k: 'x'.repeat(DATA_LIMIT + 1) }),
      false,
      'data: ConfigMap data is 1048577 bytes; the API server accepts at most 1 MiB (1048576 bytes) of data per ConfigMap',
    ],
    [
      'ConfigMap data and binaryData of exactly 1 MiB together',
      configMap({ k: 'x'.repeat(DATA_LIMIT - 3) }, { b: base64Of(3) }),
      true,
      '',
    ],
    [
      'ConfigMap data and binaryData one byte over 1 MiB together',
      configMap({ k: 'x'.repeat(DATA_LIMIT - 3) }, { b: base64Of(4) }),
      false,
      'data: ConfigMap data is 1048577 bytes',
    ],
    [
      'ConfigMap data of 1 MiB in two-byte characters',
      configMap({ k: 'é'.repeat(DATA_LIMIT / 2) }),
      true,
      '',
    ],
    [
      'ConfigMap data one byte over 1 MiB in two-byte characters',
      configMap({ k: `${'é'.repeat(DATA_LIMIT / 2)}x` }),
      false,
      'data: ConfigMap data is 1048577 bytes',
    ],
    ['Secret data of exactly 1 MiB decoded', secret({ k: base64Of(DATA_LIMIT) }), true, ''],
    [
      'Secret data one byte over 1 MiB decoded',
      secret({ k: base64Of(DATA_LIMIT + 1) }),
      false,
      'data: Secret data is 1048577 bytes; the API server accepts at most 1 MiB (1048576 bytes) of data per Secret',
    ],
    [
      'Secret stringData replacing the data it overrides',
      secret({ k: base64Of(DATA_LIMIT) }, { k: 'x' }),
      true,
      '',
    ],
    [
      'Secret stringData one byte past 1 MiB with data',
      secret({ k: base64Of(DATA_LIMIT) }, { extra: 'x' }),
      false,
      'data: Secret data is 1048577 bytes',
    ],
    [
      'a ConfigMap over both limits',
      configMap({ k: 'x'.repeat(Math.round(1.2 * MIB)) }, { b: base64Of(Math.round(0.4 * MIB)) }),
      false,
      `object is 1.7 MiB; ${stored} per object; data: ConfigMap data is 1.6 MiB; the API server accepts at most 1 MiB of data per ConfigMap`,
    ],
  ])('%s', async (_what, object, allowed, message) => {
    const result = await review(object);
    expect(result.allowed).toBe(allowed);
    if (allowed) expect(result.findings).toEqual([]);
    else {
      expect(result.code).toBe(403);
      expect(result.message.startsWith(message)).toBe(true);
      expect(result.findings.every((f) => f.rule === 'size')).toBe(true);
    }
  });

  it('judges the size on UPDATE too, and leaves a DELETE of a stored object alone', async () => {
    const big = blobOfSize(STORED_OBJECT_LIMIT + 1);
    expect((await review(big, 'UPDATE')).allowed).toBe(false);
    expect((await review(big, 'DELETE')).allowed).toBe(true);
  });

  it('denies before the schema: a ConfigMap over the limits is not also read by its schema', async () => {
    const result = await review({ ...configMap({ k: 'x'.repeat(DATA_LIMIT + 1) }), immutable: 'yes' });
    expect(result.findings.map((f) => f.rule)).toEqual(['size']);
  });

  it('denies in acpnet validate as well', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'acpnet-size-'));
    const file = path.join(dir, 'cm.json');
    writeFileSync(file, JSON.stringify(configMap({ k: 'x'.repeat(DATA_LIMIT + 1) })));
    let stdout = '';
    const io: CliIO = { stdout: (t) => (stdout += t), stderr: () => undefined, readStdin: async () => '' };
    try {
      expect(await run(['validate', file], io)).toBe(1);
      expect(stdout).toContain('data: ConfigMap data is 1048577 bytes');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the size bound of the request body', () => {
  /** An object any property read of which throws: proof that nothing walked it. */
  const untouchable = new Proxy({} as KubeObject, {
    get: () => {
      throw new Error('walked');
    },
  });

  it('spares the walk when the body that carried the object is under every limit', () => {
    expect(sizeViolations(untouchable, DATA_LIMIT)).toEqual([]);
    expect(() => sizeViolations(untouchable)).toThrow('walked');
    expect(() => sizeViolations(untouchable, DATA_LIMIT + 1)).toThrow('walked');
  });

  it.each<[string, KubeObject, number]>([
    ['a 1.9 MiB object in a body a little larger', blobOfSize(Math.round(1.9 * MIB)), 2 * MIB],
    ['a ConfigMap with 1.2 MiB of data', configMap({ big: 'x'.repeat(Math.round(1.2 * MIB)) }), 1.3 * MIB],
  ])('still measures %s when the body is over a limit', (_name, object, bound) => {
    expect(sizeViolations(object, bound)).toHaveLength(1);
  });
});

describe('the webhook body limit', () => {
  async function app() {
    const pair = await createSelfSignedCertificate({ dnsNames: ['localhost'] });
    return buildWebhookApp({
      tls: { cert: Buffer.from(pair.certPem), key: Buffer.from(pair.keyPem) },
      view: fixtureView([]),
      isReady: () => true,
      settings: testSettings,
      review: (input, stage) => reviewObject(input, { rules, stage }),
      metrics: createWebhookMetrics(),
      logger: pino({ level: 'silent' }),
    });
  }

  function admissionReview(object: KubeObject, oldObject?: KubeObject): string {
    return JSON.stringify({
      apiVersion: 'admission.k8s.io/v1',
      kind: 'AdmissionReview',
      request: {
        uid: 'u1',
        kind: { group: 'example.com', version: 'v1', kind: 'Blob' },
        operation: oldObject ? 'UPDATE' : 'CREATE',
        namespace: 'demo',
        name: 'big',
        object,
        ...(oldObject ? { oldObject } : {}),
        userInfo: { username: 'someone', groups: ['system:authenticated'] },
      },
    });
  }

  it('holds the AdmissionReview of a 3 MiB object updating a 1.5 MiB one, and refuses more with 413', async () => {
    expect(defaultBodyLimit).toBe(5 * MIB);
    const webhook = await app();
    try {
      const largest = admissionReview(blobOfSize(REQUEST_BODY_LIMIT), blobOfSize(STORED_OBJECT_LIMIT));
      expect(Buffer.byteLength(largest)).toBeLessThan(defaultBodyLimit);
      const answered = await webhook.inject({
        method: 'POST',
        url: '/validate',
        headers: { 'content-type': 'application/json' },
        payload: largest,
      });
      expect(answered.statusCode).toBe(200);
      expect(answered.json().response).toMatchObject({
        allowed: false,
        status: { code: 403, message: `object is 3 MiB; the API server stores at most 1.5 MiB per object` },
      });

      const refused = await webhook.inject({
        method: 'POST',
        url: '/validate',
        headers: { 'content-type': 'application/json' },
        payload: admissionReview(blobOfSize(defaultBodyLimit)),
      });
      expect(refused.statusCode).toBe(413);
      expect(refused.json().message).toBe('request body is larger than the 5 MiB limit');
    } finally {
      await webhook.close();
    }
  });
});
