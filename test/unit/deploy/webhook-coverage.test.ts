/**
 * The shipped webhook configurations and RBAC keep up with the rule registry: every kind and
 * operation a rule judges is sent to /validate, every mutated kind to /mutate, and the webhook's
 * ClusterRole may read every kind a rule family reads. Without this, a rule added to a family
 * silently runs only in `acpnet validate`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { parseAllDocuments } from 'yaml';
import type { GroupKind } from '../../../shared/kube/object.js';
import { groupOf } from '../../../shared/kube/object.js';
import { kindModel } from '../../../shared/kube/registry.js';
import { ruleFamilies } from '../../../webhooks/rules/index.js';
import type { Operation } from '../../../webhooks/rules/types.js';

const base = path.resolve(import.meta.dirname, '../../../infra/deploy/base');

// Core and third-party kinds acpnet reads but has no schema for (KubeStore finds them by discovery).
const pluralsWithoutSchema: Record<string, string> = {
  '/Pod': 'pods',
  '/Node': 'nodes',
  'k8s.cni.cncf.io/NetworkAttachmentDefinition': 'network-attachment-definitions',
};

interface WebhookRule {
  apiGroups: string[];
  operations: string[];
  resources: string[];
}
interface Webhook {
  name: string;
  clientConfig: { service?: { path?: string }; url?: string };
  rules: WebhookRule[];
}
interface PolicyRule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
}

function documents(file: string): Record<string, unknown>[] {
  return parseAllDocuments(readFileSync(path.join(base, file), 'utf8')).map(
    (d) => d.toJS() as Record<string, unknown>,
  );
}

function pluralOf(groupKind: GroupKind): string {
  const plural = kindModel(groupKind)?.plural ?? pluralsWithoutSchema[groupKind];
  if (!plural) throw new Error(`no plural known for ${groupKind}`);
  return plural;
}

function groupOfKind(groupKind: GroupKind): string {
  return groupKind.slice(0, groupKind.indexOf('/'));
}

function webhooksOf(kind: string): Webhook[] {
  const config = documents('webhooks.yaml').find((d) => d['kind'] === kind);
  return (config?.['webhooks'] as Webhook[] | undefined) ?? [];
}

function covered(webhooks: Webhook[], groupKind: GroupKind, operation: string): boolean {
  const group = groupOfKind(groupKind);
  const plural = pluralOf(groupKind);
  return webhooks.some((w) =>
    w.rules.some(
      (r) =>
        (r.apiGroups.includes(group) || r.apiGroups.includes('*')) &&
        (r.resources.includes(plural) || r.resources.includes('*')) &&
        (r.operations.includes(operation) || r.operations.includes('*')),
    ),
  );
}

const defaultOperations: readonly Operation[] = ['CREATE', 'UPDATE'];

const validated = ruleFamilies.flatMap((family) =>
  family.rules.flatMap((rule) =>
    rule.kinds.flatMap((kind) =>
      (rule.operations ?? defaultOperations)
        .filter((op) => op !== 'CONNECT')
        .map((op) => [rule.id, kind.groupKind, op] as const),
    ),
  ),
);
const mutated = ruleFamilies.flatMap((family) =>
  family.mutators.flatMap((m) =>
    m.kinds.flatMap((kind) =>
      (m.operations ?? defaultOperations).map((op) => [m.id, kind.groupKind, op] as const),
    ),
  ),
);
const read = [
  ...new Set(ruleFamilies.flatMap((family) => family.reads.map((kind) => kind.groupKind))),
].sort();

describe('infra/deploy webhook configurations follow the rule registry', () => {
  it.each(validated)('%s: %s %s is sent to the validating webhook', (_rule, kind, operation) => {
    expect(covered(webhooksOf('ValidatingWebhookConfiguration'), kind, operation)).toBe(true);
  });

  it.each(mutated)('%s: %s %s is sent to the mutating webhook', (_mutator, kind, operation) => {
    expect(covered(webhooksOf('MutatingWebhookConfiguration'), kind, operation)).toBe(true);
  });

  it('sends to /mutate only kinds that have a mutator (each call costs apply latency)', () => {
    const mutatedPlurals = new Set(mutated.map(([, kind]) => pluralOf(kind)));
    const sent = webhooksOf('MutatingWebhookConfiguration').flatMap((w) =>
      w.rules.flatMap((r) => r.resources),
    );
    expect(sent.filter((plural) => !mutatedPlurals.has(plural))).toEqual([]);
  });

  it('sends kube-system/ovn-ic-config, which the interconnect rules judge, and no other ConfigMap of kube-system', () => {
    const webhooks = webhooksOf('ValidatingWebhookConfiguration') as (Webhook & {
      namespaceSelector?: { matchLabels?: Record<string, string> };
      matchConditions?: { expression: string }[];
    })[];
    const inKubeSystem = webhooks.filter(
      (w) => w.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'] === 'kube-system',
    );
    expect(inKubeSystem.map((w) => w.name)).toEqual(['interconnect.validate.acpnet.io']);
    const [webhook] = inKubeSystem;
    expect(webhook?.rules).toEqual([
      expect.objectContaining({
        apiGroups: [''],
        resources: ['configmaps'],
        operations: ['CREATE', 'UPDATE'],
      }),
    ]);
    expect(webhook?.matchConditions?.map((c) => c.expression)).toEqual([
      "object.metadata.name == 'ovn-ic-config'",
    ]);
  });

  it('sends validations to /validate and mutations to /mutate', () => {
    const pathOf = (w: Webhook) => w.clientConfig.service?.path ?? new URL(w.clientConfig.url ?? '').pathname;
    expect(new Set(webhooksOf('ValidatingWebhookConfiguration').map(pathOf))).toEqual(new Set(['/validate']));
    expect(new Set(webhooksOf('MutatingWebhookConfiguration').map(pathOf))).toEqual(new Set(['/mutate']));
  });
});

describe('the webhook ClusterRole may read what the rules read', () => {
  const role = documents('webhook-rbac.yaml').find(
    (d) => d['kind'] === 'ClusterRole' && (d['metadata'] as { name: string }).name === 'acpnet-webhook',
  );
  const rules = (role?.['rules'] as PolicyRule[] | undefined) ?? [];

  it.each(read)('%s: get, list and watch', (kind) => {
    const group = groupOf(`${groupOfKind(kind)}/v1`) === '' ? '' : groupOfKind(kind);
    const plural = pluralOf(kind);
    const grant = rules.find((r) => r.apiGroups.includes(group) && r.resources.includes(plural));
    expect(grant?.verbs).toEqual(
      expect.arrayContaining(kind === '/Secret' ? ['get'] : ['get', 'list', 'watch']),
    );
  });
});
