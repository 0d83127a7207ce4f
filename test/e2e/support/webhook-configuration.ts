/**
 * Validating and Mutating webhook configurations pointing at a locally running `acpnet serve
 * webhooks` by URL with its CA. They only select objects labelled with this run's id, so a shared
 * API server keeps working for every other test.
 */
export const E2E_LABEL = 'acpnet-e2e';

export interface WebhookTarget {
  name: string;
  port: number;
  caPem: string;
  runId: string;
  failurePolicy?: 'Fail' | 'Ignore';
}

function webhook(target: WebhookTarget, path: '/validate' | '/mutate', name: string) {
  return {
    name,
    clientConfig: {
      url: `https://127.0.0.1:${target.port}${path}`,
      caBundle: Buffer.from(target.caPem).toString('base64'),
    },
    rules: [
      {
        apiGroups: ['*'],
        apiVersions: ['*'],
        operations: path === '/validate' ? ['CREATE', 'UPDATE', 'DELETE'] : ['CREATE', 'UPDATE'],
        resources: ['*'],
        scope: '*',
      },
    ],
    objectSelector: { matchLabels: { [E2E_LABEL]: target.runId } },
    failurePolicy: target.failurePolicy ?? 'Fail',
    sideEffects: 'None',
    admissionReviewVersions: ['v1'],
    timeoutSeconds: 10,
  };
}

export function webhookConfigurations(target: WebhookTarget): Record<string, unknown>[] {
  return [
    {
      apiVersion: 'admissionregistration.k8s.io/v1',
      kind: 'MutatingWebhookConfiguration',
      metadata: { name: target.name },
      webhooks: [webhook(target, '/mutate', `mutate.${target.runId}.acpnet.test`)],
    },
    {
      apiVersion: 'admissionregistration.k8s.io/v1',
      kind: 'ValidatingWebhookConfiguration',
      metadata: { name: target.name },
      webhooks: [webhook(target, '/validate', `validate.${target.runId}.acpnet.test`)],
    },
  ];
}

/** Adds the run's label so the webhook configurations select the object. */
export function labelled(manifest: Record<string, unknown>, runId: string): Record<string, unknown> {
  const metadata = (manifest.metadata ?? {}) as Record<string, unknown>;
  const labels = (metadata.labels ?? {}) as Record<string, string>;
  return { ...manifest, metadata: { ...metadata, labels: { ...labels, [E2E_LABEL]: runId } } };
}
