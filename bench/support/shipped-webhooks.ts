/**
 * acpnet's shipped webhook configurations (infra/deploy/base/webhooks.yaml) pointed at a webhook
 * server outside the cluster: each clientConfig becomes the server's URL and CA, everything else
 * (rules, selectors, matchConditions, timeouts) stays as shipped. Registering them waits until the
 * API server uses them; removing them waits until it stops.
 */
import { readFileSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { kubectl, kubectlOk } from '../../test/support/kube-harness.js';

const repoRoot = path.resolve(import.meta.dirname, '../..');

interface Webhook {
  name: string;
  clientConfig: { service?: { path?: string }; url?: string; caBundle?: string };
  matchConditions?: unknown[];
  [field: string]: unknown;
}

interface Configuration {
  apiVersion: string;
  kind: 'ValidatingWebhookConfiguration' | 'MutatingWebhookConfiguration';
  metadata: { name: string; annotations?: Record<string, string> };
  webhooks: Webhook[];
}

export interface Target {
  /** `https://host:port`: 127.0.0.1 lets the API server speak HTTP/2, any other address HTTP/1.1. */
  baseUrl: string;
  caPem: string;
  /** Leaves out the mutating webhooks' matchConditions, so every object is sent to /mutate. */
  withoutMutateConditions?: boolean;
}

export function shippedConfigurations(target: Target): Configuration[] {
  const file = readFileSync(path.join(repoRoot, 'infra/deploy/base/webhooks.yaml'), 'utf8');
  return parseAllDocuments(file).map((doc) => {
    const config = doc.toJS() as Configuration;
    const mutating = config.kind === 'MutatingWebhookConfiguration';
    return {
      apiVersion: config.apiVersion,
      kind: config.kind,
      metadata: { name: config.metadata.name },
      webhooks: config.webhooks.map((webhook) => {
        const { matchConditions, ...rest } = webhook;
        const keep = !(mutating && target.withoutMutateConditions) && matchConditions;
        return {
          ...rest,
          ...(keep ? { matchConditions } : {}),
          clientConfig: {
            url: `${target.baseUrl}${webhook.clientConfig.service?.path ?? '/validate'}`,
            caBundle: Buffer.from(target.caPem).toString('base64'),
          },
        };
      }),
    };
  });
}

/** A Gateway whose listeners conflict: acpnet refuses it, the API server alone admits it. */
function probe(namespace: string): string {
  return JSON.stringify({
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'Gateway',
    metadata: { name: 'webhook-probe', namespace },
    spec: {
      gatewayClassName: 'eg',
      listeners: [
        { name: 'web', protocol: 'HTTP', port: 80 },
        { name: 'raw', protocol: 'TCP', port: 80 },
      ],
    },
  });
}

async function waitForProbe(kubeconfig: string, namespace: string, refused: boolean): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const result = await kubectl(kubeconfig, ['create', '--dry-run=server', '-f', '-'], {
      stdin: probe(namespace),
    });
    if ((result.code !== 0) === refused) break;
    if (Date.now() > deadline)
      throw new Error(
        `the API server did not ${refused ? 'start' : 'stop'} calling acpnet: ${result.stderr}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  // The validating and the mutating configuration reach the API server's caches separately.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
}

export async function register(kubeconfig: string, namespace: string, target: Target): Promise<void> {
  await kubectlOk(kubeconfig, ['apply', '-f', '-'], {
    stdin: JSON.stringify({ apiVersion: 'v1', kind: 'List', items: shippedConfigurations(target) }),
  });
  await waitForProbe(kubeconfig, namespace, true);
}

export async function unregister(kubeconfig: string, namespace: string): Promise<void> {
  await kubectlOk(kubeconfig, [
    'delete',
    'validatingwebhookconfiguration/acpnet-validate',
    'mutatingwebhookconfiguration/acpnet-mutate',
    '--ignore-not-found',
  ]);
  await waitForProbe(kubeconfig, namespace, false);
}

export interface ReviewCounts {
  mutate: number;
  validate: number;
  /** Seconds spent in the handler (parse, review, answer) over all reviews so far. */
  handlerSeconds: number;
}

/** Reviews the webhook server has answered so far, by endpoint, and their time (from its /metrics). */
export async function reviewCounts(baseUrl: string, caPem: string): Promise<ReviewCounts> {
  const text = await new Promise<string>((resolve, reject) => {
    const req = httpsRequest(`${baseUrl}/metrics`, { ca: caPem }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    });
    req.on('error', reject);
    req.end();
  });
  const counts = { mutate: 0, validate: 0, handlerSeconds: 0 };
  for (const match of text.matchAll(/^acpnet_webhook_review_duration_seconds_sum\{[^}]*\} ([\d.e+-]+)/gm))
    counts.handlerSeconds += Number(match[1]);
  for (const match of text.matchAll(
    /^acpnet_webhook_reviews_total\{endpoint="(mutate|validate)"[^}]*\} (\d+)/gm,
  ))
    counts[match[1] as 'mutate' | 'validate'] += Number(match[2]);
  return counts;
}
