/**
 * Every kustomize overlay under infra/deploy is accepted by a real kube-apiserver (server-side
 * dry-run with strict field validation) that has the upstream CRDs installed, and keeps the
 * properties the webhook and workload manifests promise.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { parseAllDocuments } from 'yaml';
import {
  installUpstreamCrds,
  KUBE_SETUP_TIMEOUT_MS,
  type KubeApiServer,
  kubectl,
  kubectlOk,
  startKubeApiServer,
} from '../../support/kube-harness.js';

// The API server is real and the CPU shared: allow each test minutes, not jest's default 5s.
jest.setTimeout(180_000);

const deployDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../infra/deploy');
const overlays = ['base', 'overlays/knative', 'overlays/without-knative'];

interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string };
  [field: string]: unknown;
}

let server: KubeApiServer;

beforeAll(async () => {
  // A private server: webhook configurations other test files register on the shared one (some
  // with failurePolicy Fail and the webhook down on purpose) would also judge these dry-runs.
  server = await startKubeApiServer();
  await installUpstreamCrds(server.kubeconfig);
  // Server-side dry-run does not create the namespace it is given, so namespaced objects need it.
  await kubectlOk(server.kubeconfig, ['apply', '--server-side', '--field-manager=acpnet-test', '-f', '-'], {
    // metallb-system: bgp-hosts writes there (MetalLB, which the platform installs, creates it).
    stdin: ['acpnet', 'metallb-system']
      .map((ns) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${ns}\n`)
      .join('---\n'),
  });
}, KUBE_SETUP_TIMEOUT_MS);

afterAll(async () => {
  await server?.stop();
});

async function render(dir: string): Promise<Manifest[]> {
  const out = await kubectlOk(server.kubeconfig, ['kustomize', dir]);
  return parseAllDocuments(out).map((doc) => doc.toJS() as Manifest);
}

function dryRun(dir: string) {
  return kubectl(server.kubeconfig, [
    'apply',
    '--dry-run=server',
    '--server-side',
    '--field-manager=acpnet-deploy',
    '--validate=strict',
    '-k',
    dir,
  ]);
}

describe('infra/deploy server-side dry-run', () => {
  it.each(overlays)('%s is accepted object by object', async (overlay) => {
    const dir = path.join(deployDir, overlay);
    const manifests = await render(dir);
    const result = await dryRun(dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const accepted = result.stdout.trim().split('\n');
    expect(accepted).toHaveLength(manifests.length);
    for (const line of accepted) expect(line).toMatch(/\(server dry run\)$/);
  });

  it('rejects a manifest with a field the CRD schema does not know, naming the field', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'acpnet-overlay-'));
    try {
      await writeFile(
        path.join(dir, 'kustomization.yaml'),
        [
          'resources:',
          `  - ${path.relative(dir, path.join(deployDir, 'base'))}`,
          'patches:',
          '  - target: { kind: Certificate, name: acpnet-webhook }',
          '    patch: |-',
          '      - op: add',
          '        path: /spec/dnsNamez',
          '        value: [typo.example]',
          '',
        ].join('\n'),
      );
      const result = await dryRun(dir);
      expect(result.code).not.toBe(0);
      expect(result.stderr).toMatch(/dnsNamez/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('webhook configurations', () => {
  it.each(['ValidatingWebhookConfiguration', 'MutatingWebhookConfiguration'])(
    '%s fails closed, quickly, without side effects, outside kube-system (but for ovn-ic-config) and acpnet',
    async (kind) => {
      const manifests = await render(path.join(deployDir, 'base'));
      const configs = manifests.filter((m) => m.kind === kind);
      expect(configs).toHaveLength(1);
      const config = configs[0] as Manifest & {
        metadata: { annotations: Record<string, string> };
        webhooks: Array<Record<string, unknown>>;
      };
      expect(config.metadata.annotations['cert-manager.io/inject-ca-from']).toBe('acpnet/acpnet-webhook');
      expect(config.webhooks.length).toBeGreaterThan(0);
      for (const webhook of config.webhooks) {
        expect(webhook).toMatchObject({
          admissionReviewVersions: ['v1'],
          sideEffects: 'None',
          failurePolicy: 'Fail',
          timeoutSeconds: 5,
        });
        // kube-system is reached for one object only: Kube-OVN's ovn-ic-config.
        if (webhook.name === 'interconnect.validate.acpnet.io') {
          expect(webhook).toMatchObject({
            namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
            rules: [{ apiGroups: [''], resources: ['configmaps'], operations: ['CREATE', 'UPDATE'] }],
            matchConditions: [
              { name: 'ovn-ic-config', expression: "object.metadata.name == 'ovn-ic-config'" },
            ],
          });
          continue;
        }
        expect(webhook).toMatchObject({
          namespaceSelector: {
            matchExpressions: [
              { key: 'kubernetes.io/metadata.name', operator: 'NotIn', values: ['kube-system', 'acpnet'] },
            ],
          },
        });
      }
    },
  );

  it('covers every group the rules act on', async () => {
    const manifests = await render(path.join(deployDir, 'base'));
    const validating = manifests.find((m) => m.kind === 'ValidatingWebhookConfiguration') as
      | (Manifest & { webhooks: Array<{ rules: Array<{ apiGroups: string[]; resources: string[] }> }> })
      | undefined;
    const covered = new Set(
      (validating?.webhooks ?? []).flatMap((w) =>
        w.rules.flatMap((r) => r.apiGroups.flatMap((g) => r.resources.map((res) => `${g}/${res}`))),
      ),
    );
    for (const resource of [
      'gateway.networking.k8s.io/gateways',
      'gateway.networking.k8s.io/httproutes',
      'gateway.envoyproxy.io/envoyproxies',
      'kubeovn.io/subnets',
      'metallb.io/ipaddresspools',
      'crd.alauda.io/rules',
      'crd.alauda.io/domains',
      'networking.k8s.io/ingresses',
      '/secrets',
      '/services',
      '/pods',
      'k8s.cni.cncf.io/network-attachment-definitions',
    ]) {
      expect(covered).toContain(resource);
    }
  });
});

describe('workloads', () => {
  it.each(overlays)(
    '%s: every container runs non-root on a read-only root filesystem with limits',
    async (overlay) => {
      const manifests = await render(path.join(deployDir, overlay));
      const podSpecs = manifests.flatMap((m) => {
        const spec = m.spec as { template?: { spec?: PodSpec } } | undefined;
        return spec?.template?.spec?.containers
          ? [{ name: `${m.kind}/${m.metadata.name}`, spec: spec.template.spec }]
          : [];
      });
      expect(podSpecs.length).toBeGreaterThan(0);
      for (const { name, spec } of podSpecs) {
        expect({ name, runAsNonRoot: spec.securityContext?.runAsNonRoot }).toEqual({
          name,
          runAsNonRoot: true,
        });
        for (const container of spec.containers) {
          expect({ name, ...container.securityContext }).toMatchObject({
            name,
            readOnlyRootFilesystem: true,
            allowPrivilegeEscalation: false,
          });
          expect(container.resources?.requests).toBeDefined();
          expect(container.resources?.limits?.memory).toBeDefined();
          expect(container.volumeMounts?.some((v) => v.mountPath === '/tmp')).toBe(true);
        }
      }
    },
  );

  it('the webhook runs two spread replicas behind a disruption budget with HTTPS probes', async () => {
    const manifests = await render(path.join(deployDir, 'base'));
    const deployment = manifests.find(
      (m) => m.kind === 'Deployment' && m.metadata.name === 'acpnet-webhook',
    ) as (Manifest & { spec: { replicas: number; template: { spec: PodSpec } } }) | undefined;
    expect(deployment?.spec.replicas).toBe(2);
    const pod = deployment?.spec.template.spec;
    expect(pod?.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution).toHaveLength(1);
    const container = pod?.containers[0];
    expect(container?.readinessProbe?.httpGet).toEqual({ path: '/readyz', port: 'https', scheme: 'HTTPS' });
    expect(container?.livenessProbe?.httpGet).toEqual({ path: '/healthz', port: 'https', scheme: 'HTTPS' });
    expect(
      manifests.some((m) => m.kind === 'PodDisruptionBudget' && m.metadata.name === 'acpnet-webhook'),
    ).toBe(true);
  });
});

interface PodSpec {
  securityContext?: { runAsNonRoot?: boolean };
  affinity?: { podAntiAffinity?: { requiredDuringSchedulingIgnoredDuringExecution?: unknown[] } };
  containers: Array<{
    securityContext?: Record<string, unknown>;
    resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
    volumeMounts?: Array<{ mountPath: string }>;
    readinessProbe?: { httpGet?: unknown };
    livenessProbe?: { httpGet?: unknown };
  }>;
}
