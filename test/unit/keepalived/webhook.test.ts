import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from '@jest/globals';
import { parseAllDocuments } from 'yaml';
import { KEEPALIVED_LABEL } from '../../../shared/keepalived/configmap.js';

interface Webhook {
  name: string;
  clientConfig: { service?: { path?: string } };
  objectSelector?: { matchLabels?: Record<string, string> };
  matchConditions?: { expression: string }[];
  rules: { apiGroups: string[]; resources: string[]; operations: string[] }[];
}

const file = path.resolve(import.meta.dirname, '../../../infra/deploy/base/webhooks.yaml');
const validating = parseAllDocuments(readFileSync(file, 'utf8'))
  .map((d) => d.toJS() as { kind: string; webhooks: Webhook[] })
  .find((d) => d.kind === 'ValidatingWebhookConfiguration');

/** Every ConfigMap change going through the webhook would put it on the path of every workload. */
it('sends only the ConfigMaps labelled acpnet.io/keepalived: "true" (and kube-system/ovn-ic-config) to /validate', () => {
  const sendingConfigMaps = (validating?.webhooks ?? []).filter((w) =>
    w.rules.some((r) => r.apiGroups.includes('') && r.resources.includes('configmaps')),
  );
  expect(
    sendingConfigMaps.map((w) => [
      w.name,
      w.clientConfig.service?.path,
      w.objectSelector ?? w.matchConditions,
    ]),
  ).toEqual([
    ['keepalived.validate.acpnet.io', '/validate', { matchLabels: { [KEEPALIVED_LABEL]: 'true' } }],
    [
      'interconnect.validate.acpnet.io',
      '/validate',
      [expect.objectContaining({ expression: "object.metadata.name == 'ovn-ic-config'" })],
    ],
  ]);
});
