/**
 * kubectl helpers for e2e tests: apply manifests from text, read objects back, and poll for a
 * condition instead of sleeping blindly.
 */
import { type CommandResult, kubectl, kubectlOk } from '../../support/kube-harness.js';

export type Manifest = Record<string, unknown>;

export function apply(kubeconfig: string, manifest: Manifest, extra: readonly string[] = []) {
  return kubectl(kubeconfig, ['apply', ...extra, '-f', '-'], { stdin: JSON.stringify(manifest) });
}

export async function applyOk(kubeconfig: string, manifests: readonly Manifest[]): Promise<void> {
  if (manifests.length === 0) return;
  const list = { apiVersion: 'v1', kind: 'List', items: manifests };
  await kubectlOk(kubeconfig, ['apply', '-f', '-'], { stdin: JSON.stringify(list) });
}

/** The object as stored, or undefined when the API server has none. */
export async function getObject(
  kubeconfig: string,
  resource: string,
  name: string,
  namespace?: string,
): Promise<Manifest | undefined> {
  const scope = namespace ? ['-n', namespace] : [];
  const result = await kubectl(kubeconfig, ['get', resource, name, ...scope, '-o', 'json']);
  if (result.code !== 0) {
    if (result.stderr.includes('NotFound')) return undefined;
    throw new Error(`kubectl get ${resource} ${name} exited ${result.code}:\n${result.stderr}`);
  }
  return JSON.parse(result.stdout) as Manifest;
}

/** Repeats `attempt` every `intervalMs` until `done` holds for its result, or fails after `timeoutMs`. */
export async function pollUntil<T>(
  what: string,
  attempt: () => Promise<T>,
  done: (value: T) => boolean,
  { timeoutMs = 90_000, intervalMs = 500 } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await attempt();
  while (!done(last)) {
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}; last result: ${JSON.stringify(last).slice(0, 2000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
    last = await attempt();
  }
  return last;
}

export function deniedWith(result: CommandResult, expected: readonly string[]): boolean {
  return result.code !== 0 && expected.every((text) => result.stderr.includes(text));
}

/** Value at a dotted path with `[i]` indexes and `["key"]` keys, e.g. `spec.listeners[0].tls.mode`. */
export function valueAt(object: unknown, fieldPath: string): unknown {
  const steps = [...fieldPath.matchAll(/\[(\d+)\]|\["([^"]+)"\]|([^.[\]]+)/g)].map(
    (match) => match[1] ?? match[2] ?? match[3] ?? '',
  );
  let current: unknown = object;
  for (const step of steps) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[step];
  }
  return current;
}
