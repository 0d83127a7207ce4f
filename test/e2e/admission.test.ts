/**
 * End to end through the real kubectl: kube-apiserver (infra/kube) with the upstream CRDs calls
 * `acpnet serve webhooks --kubeconfig` through Validating and Mutating webhook configurations
 * (clientConfig.url + caBundle). The cases in test/fixtures/e2e/admission.yaml are applied,
 * dry-run and deleted with kubectl; denials must reach kubectl's stderr with acpnet's message, and
 * mutations must be visible on the stored object. Last, the webhook process is stopped and the
 * configured failurePolicy decides: Fail refuses, Ignore admits.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import {
  installUpstreamCrds,
  KUBE_SETUP_TIMEOUT_MS,
  type KubeApiServer,
  kubectl,
  kubectlOk,
  useKubeApiServer,
} from '../support/kube-harness.js';
import { apply, deniedWith, type Manifest, pollUntil, valueAt } from './support/cluster.js';
import { type AdmissionCase, certificateSecrets, loadCases } from './support/fixtures.js';
import { labelled } from './support/webhook-configuration.js';
import { type RunningWebhook, startWebhookServer } from './support/webhook-server.js';

// The API server is real and the CPU shared: allow each test minutes, not jest's default 5s.
jest.setTimeout(240_000);

const id = randomBytes(4).toString('hex');
const namespace = `acpnet-e2e-${id}`;
const configName = `acpnet-e2e-${id}`;
const ignoreId = `${id}-ignore`;
const ignoreConfigName = `acpnet-e2e-${ignoreId}`;
const cases = loadCases<AdmissionCase>('admission.yaml', { ns: namespace, id });

let server: KubeApiServer;
let webhook: RunningWebhook;

const kubeconfig = () => server.kubeconfig;
const denialPrefix = `admission webhook "validate.${id}.acpnet.test" denied the request`;

function gatewayWithConflict(name: string, runId: string): Manifest {
  return labelled(
    {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'Gateway',
      metadata: { name, namespace },
      spec: {
        gatewayClassName: 'eg',
        listeners: [
          { name: 'web', protocol: 'HTTP', port: 80 },
          { name: 'raw', protocol: 'TCP', port: 80 },
        ],
      },
    },
    runId,
  );
}

/** Applies each object through the webhook, retrying while the webhook's store catches up. */
async function createState(objects: readonly Manifest[]): Promise<void> {
  for (const object of objects) {
    await pollUntil(
      `${String(object.kind)} ${JSON.stringify((object.metadata as Manifest).name)} to be admitted`,
      () => apply(kubeconfig(), object),
      (result) => result.code === 0,
    );
  }
}

async function storedObject(manifest: Manifest): Promise<Manifest> {
  const out = JSON.parse(
    await kubectlOk(kubeconfig(), ['get', '-f', '-', '-o', 'json'], { stdin: JSON.stringify(manifest) }),
  ) as Manifest & { items?: Manifest[] };
  // kubectl get -f answers with a List even for one object.
  return out.kind === 'List' ? (out.items?.[0] ?? {}) : out;
}

beforeAll(async () => {
  server = await useKubeApiServer();
  await installUpstreamCrds(server.kubeconfig);
  await kubectlOk(server.kubeconfig, ['create', 'namespace', namespace]);
  webhook = await startWebhookServer({
    kubeconfig: server.kubeconfig,
    platformNamespace: namespace,
  });
  await webhook.register(configName, 'Fail', id);
  // A new configuration takes a moment to be used: wait until a conflicting Gateway is refused.
  await pollUntil(
    'the webhook configuration to take effect',
    () => apply(server.kubeconfig, gatewayWithConflict('probe', id), ['--dry-run=server']),
    (result) => deniedWith(result, [denialPrefix]),
  );
}, KUBE_SETUP_TIMEOUT_MS);

afterAll(async () => {
  if (server) {
    await webhook?.unregister(configName);
    await webhook?.unregister(ignoreConfigName);
    for (const runId of [id, ignoreId]) {
      await kubectl(server.kubeconfig, [
        'delete',
        'subnets.kubeovn.io,vpcs.kubeovn.io,domains.crd.alauda.io',
        '-l',
        `acpnet-e2e=${runId}`,
        '--wait=false',
      ]);
    }
    await kubectl(server.kubeconfig, ['delete', 'namespace', namespace, '--wait=false']);
  }
  await webhook?.stop();
  await server?.stop();
});

describe('kubectl against acpnet webhooks on a real API server', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, testCase) => {
    const secrets = await certificateSecrets(testCase.certificates ?? [], namespace);
    if (secrets.length > 0)
      await kubectlOk(kubeconfig(), ['apply', '-f', '-'], {
        stdin: JSON.stringify({ apiVersion: 'v1', kind: 'List', items: secrets }),
      });
    await createState((testCase.state ?? []).map((object) => labelled(object, id)));
    const denied = testCase.expect.denied;
    const stored = testCase.expect.stored;

    if (testCase.apply) {
      const object = labelled(testCase.apply, id);
      if (denied) {
        // Poll a dry run until the webhook's store has the state objects and refuses.
        await pollUntil(
          'a dry run to be refused',
          () => apply(kubeconfig(), object, ['--dry-run=server']),
          (result) => deniedWith(result, denied),
        );
        const result = await apply(kubeconfig(), object);
        expect(result.code).not.toBe(0);
        expect(result.stderr).toContain(denialPrefix);
        for (const text of denied) expect(result.stderr).toContain(text);
        const after = await kubectl(kubeconfig(), ['get', '-f', '-'], { stdin: JSON.stringify(object) });
        expect(after.stderr).toContain('NotFound');
      }
      if (stored) {
        const dryRun = await apply(kubeconfig(), object, ['--dry-run=server', '-o', 'json']);
        expect(dryRun.stderr).toBe('');
        const preview = JSON.parse(dryRun.stdout) as Manifest;
        const result = await apply(kubeconfig(), object);
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
        const saved = await storedObject(object);
        for (const [field, value] of Object.entries(stored)) {
          expect([field, valueAt(preview, field)]).toEqual([field, value]);
          expect([field, valueAt(saved, field)]).toEqual([field, value]);
        }
      }
    }

    if (testCase.delete && denied) {
      const { resource, name } = testCase.delete;
      const scope = testCase.delete.namespace ? ['-n', testCase.delete.namespace] : [];
      const remove = (extra: readonly string[]) =>
        kubectl(kubeconfig(), ['delete', resource, name, ...scope, ...extra]);
      await pollUntil(
        'a dry-run delete to be refused',
        () => remove(['--dry-run=server']),
        (result) => deniedWith(result, denied),
      );
      const result = await remove([]);
      expect(result.code).not.toBe(0);
      expect(result.stderr).toContain(denialPrefix);
      for (const text of denied) expect(result.stderr).toContain(text);
      await kubectlOk(kubeconfig(), ['get', resource, name, ...scope]);
    }
  });
});

describe('when the webhook is unavailable', () => {
  const valid = (name: string, runId: string): Manifest =>
    labelled(
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name, namespace },
        data: { purpose: 'admitted only when the failure policy allows it' },
      },
      runId,
    );

  beforeAll(async () => {
    await webhook.register(ignoreConfigName, 'Ignore', ignoreId);
    // Both configurations are known to work before the process goes away.
    for (const [runId, prefix] of [
      [id, denialPrefix],
      [ignoreId, `admission webhook "validate.${ignoreId}.acpnet.test" denied the request`],
    ] as const) {
      await pollUntil(
        `configuration ${runId} to take effect`,
        () => apply(kubeconfig(), gatewayWithConflict(`probe-${runId}`, runId), ['--dry-run=server']),
        (result) => deniedWith(result, [prefix]),
      );
    }
    expect(await webhook.process.stop()).toBe(0);
  });

  it('refuses the apply with failurePolicy Fail, naming the failed webhook call', async () => {
    const result = await apply(kubeconfig(), valid('refused', id));
    expect(result.code).not.toBe(0);
    // The mutating webhook is called first, so either configuration may be the one named.
    expect(result.stderr).toMatch(
      new RegExp(`failed calling webhook "(mutate|validate)\\.${id}\\.acpnet\\.test"`),
    );
    expect(result.stderr).toContain(`https://127.0.0.1:${webhook.port}/`);
    const after = await kubectl(kubeconfig(), ['get', 'configmap', 'refused', '-n', namespace]);
    expect(after.stderr).toContain('NotFound');
  });

  it('admits the apply with failurePolicy Ignore', async () => {
    const result = await apply(kubeconfig(), valid('admitted', ignoreId));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const saved = await storedObject(valid('admitted', ignoreId));
    expect(valueAt(saved, 'metadata.labels.acpnet-e2e')).toBe(ignoreId);
  });
});
