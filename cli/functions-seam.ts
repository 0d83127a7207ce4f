import type { Logger } from 'pino';
import type { ResourceStore } from '../shared/kube/store.js';

/** What `serve` hands the functions runtime. */
export interface StartFunctionsOptions {
  port: number;
  store: ResourceStore;
  kafkaBrokers?: string[];
  logger: Logger;
  /** With the in-memory store: the --state directory of manifests. */
  stateDir?: string;
}

export interface RunningFunctions {
  /** Stops consuming and resolves once in-flight events are done. */
  close(): Promise<void>;
}

export type StartFunctions = (options: StartFunctionsOptions) => Promise<RunningFunctions>;

/** Module of the functions runtime's entry point: `export async function startFunctions(...)`. */
const functionsEntry = '../functions/runtime/serve.js';

/**
 * The functions runtime's `startFunctions`, or undefined when this build has none. Imported by a
 * computed specifier so the webhooks half builds and runs without the functions half.
 */
export async function loadStartFunctions(): Promise<StartFunctions | undefined> {
  let loaded: unknown;
  try {
    loaded = await import(functionsEntry);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' && String(error).includes('functions/runtime/serve'))
      return undefined;
    throw error;
  }
  const start = (loaded as { startFunctions?: unknown }).startFunctions;
  return typeof start === 'function' ? (start as StartFunctions) : undefined;
}
