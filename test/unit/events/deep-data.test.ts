import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { allFunctions } from '../../../functions/registry.js';
import { buildHttpRuntimeApp } from '../../../functions/runtime/http-runtime.js';
import { createLogger } from '../../../functions/runtime/logger.js';
import { prepareStore } from '../../../functions/runtime/prepare.js';
import { EventProcessor } from '../../../functions/runtime/processor.js';
import { decodeChangeEvent } from '../../../shared/events/apiserver.js';
import { parseStructuredJson } from '../../../shared/events/cloud-event.js';
import { EventFormatError } from '../../../shared/events/errors.js';
import { MemoryStore } from '../../../shared/kube/memory-store.js';
import { NESTING_LIMIT } from '../../../shared/kube/nesting.js';
import { runInProcess } from '../../support/cli-in-process.js';
import { deepJson } from '../../support/fuzz/hostile-values.js';

const tooDeep = `data.spec: nested too deeply (limit ${NESTING_LIMIT} levels)`;

/** An Ingress whose spec nests `levels` deep (the Ingress itself is level 1 of the data). */
function ingressJson(levels: number, name = 'deep'): string {
  const spec = levels > 1 ? deepJson(levels - 1, 'object') : '{}';
  return `{"apiVersion":"networking.k8s.io/v1","kind":"Ingress","metadata":{"name":"${name}","namespace":"demo","uid":"u-${name}","resourceVersion":"3"},"spec":${spec}}`;
}

function structured(levels: number, name = 'deep'): string {
  return `{"specversion":"1.0","id":"e-${name}","source":"https://kubernetes.default.svc","type":"dev.knative.apiserver.resource.add","time":"2026-01-01T00:00:00Z","datacontenttype":"application/json","data":${ingressJson(levels, name)}}`;
}

describe('CloudEvent data nested deeper than acpnet reads', () => {
  it.each([NESTING_LIMIT + 1, 100_000])('is a format error naming the limit (%d levels)', (levels) => {
    const event = parseStructuredJson(structured(levels));
    expect(() => decodeChangeEvent(event)).toThrow(EventFormatError);
    expect(() => decodeChangeEvent(event)).toThrow(tooDeep);
  });

  it('is read up to the limit', () => {
    expect(decodeChangeEvent(parseStructuredJson(structured(NESTING_LIMIT))).ref.name).toBe('deep');
  });

  it('is refused by the HTTP runtime with 400 (never retried), in both content modes', async () => {
    const store = new MemoryStore();
    await prepareStore(store, allFunctions);
    const logger = createLogger('silent');
    const processor = new EventProcessor({ store, functions: allFunctions, mirror: true, logger });
    const app = buildHttpRuntimeApp({ processor, logger, ready: () => true });
    const binary = await app.inject({
      method: 'POST',
      url: '/',
      headers: {
        'content-type': 'application/json',
        'ce-specversion': '1.0',
        'ce-id': 'e-deep',
        'ce-source': 'https://kubernetes.default.svc',
        'ce-type': 'dev.knative.apiserver.resource.update',
      },
      payload: ingressJson(20_000),
    });
    const whole = await app.inject({
      method: 'POST',
      url: '/',
      headers: { 'content-type': 'application/cloudevents+json' },
      payload: structured(20_000),
    });
    await app.close();
    for (const reply of [binary, whole]) {
      expect(reply.statusCode).toBe(400);
      expect(reply.json()).toEqual({ error: tooDeep });
    }
  });

  it('is reported by acpnet replay against its line, the other events replayed', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'acpnet-deep-'));
    const file = path.join(dir, 'events.jsonl');
    await writeFile(file, `${structured(20_000)}\n${structured(1, 'shallow')}\n`);
    const run = await runInProcess(['replay', '--from', file, '--output', 'json']);
    await rm(dir, { recursive: true, force: true });
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { events: number; errors: { message: string }[] };
    expect(report.events).toBe(2);
    expect(report.errors.map((e) => e.message)).toEqual([`${file}:1: ${tooDeep}`]);
  });
});
