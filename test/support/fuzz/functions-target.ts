import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { allFunctions } from '../../../functions/registry.js';
import { buildHttpRuntimeApp } from '../../../functions/runtime/http-runtime.js';
import { createLogger } from '../../../functions/runtime/logger.js';
import { prepareStore } from '../../../functions/runtime/prepare.js';
import { EventProcessor, type EventSink } from '../../../functions/runtime/processor.js';
import { MemoryStore } from '../../../shared/kube/memory-store.js';
import type { KubeObject } from '../../../shared/kube/object.js';
import { functionRequests } from './cloud-events.js';
import type { HttpCase } from './http-requests.js';
import { excerpt, FuzzCrash, type FuzzTarget } from './target.js';

const stateFile = path.resolve(import.meta.dirname, '../../fixtures/functions/ingress-sync/state.yaml');

/**
 * The functions' HTTP runtime in process (fastify inject) over the ingress-sync cluster state. Each
 * input meets a fresh store and processor, so that it reproduces alone. In memory nothing is
 * transient: a 503 (retry) is as much a crash as a 500.
 */
export async function functionsTarget(): Promise<FuzzTarget<HttpCase>> {
  const state = parse(readFileSync(stateFile, 'utf8')) as KubeObject[];
  const logger = createLogger('silent');
  let current: EventSink | undefined;
  const app = buildHttpRuntimeApp({
    processor: { process: (event) => (current as EventSink).process(event) },
    logger,
    ready: () => true,
  });
  await app.ready();
  return {
    name: 'functions-http',
    inputs: functionRequests,
    describe: (input) =>
      `${input.method} ${input.url} ${JSON.stringify(input.headers)} ${excerpt(input.body)}`,
    close: () => app.close(),
    async run(input) {
      const store = new MemoryStore({ now: () => new Date('2026-01-01T00:00:00Z') });
      store.load(structuredClone(state));
      await prepareStore(store, allFunctions);
      current = new EventProcessor({ store, functions: allFunctions, mirror: true, logger });
      const reply = await app.inject({
        method: input.method,
        url: input.url,
        headers: input.headers,
        payload: input.body,
      });
      const status = reply.statusCode;
      if (status >= 500) throw new FuzzCrash(`HTTP ${status}: ${excerpt(reply.body, 600)}`);
      if (status === 202) return `202 ${(reply.json() as { outcome?: string }).outcome}`;
      return `${status}`;
    },
  };
}
