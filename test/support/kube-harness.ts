/**
 * A real kube-apiserver for integration tests (infra/kube). The server is either the one `.ci/run`
 * started (its kubeconfig in ACPNET_KUBECONFIG) or one this process starts with infra/kube/start.sh
 * in a temporary state directory and stops again.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const harnessDir = path.join(repoRoot, 'infra/kube');

/** Enough for a first build of the binaries on a cold machine (normally done by .ci/run). */
export const KUBE_SETUP_TIMEOUT_MS = 40 * 60 * 1000;

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  stdin?: string;
  env?: NodeJS.ProcessEnv;
}

export function run(
  command: string,
  args: readonly string[],
  options: RunOptions = {},
): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: repoRoot,
      env: options.env ?? process.env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({
        code: code ?? -1,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      }),
    );
    child.stdin.end(options.stdin ?? '');
  });
}

async function runScript(script: string, args: readonly string[]): Promise<string> {
  const result = await run('bash', [path.join(harnessDir, script), ...args]);
  if (result.code !== 0) {
    throw new Error(`infra/kube/${script} ${args.join(' ')} exited ${result.code}:\n${result.stderr}`);
  }
  return result.stdout.trim();
}

let binDir: Promise<string> | undefined;

/** Directory holding kube-apiserver, kubectl and etcd; builds them on the first call on a machine. */
export function kubeBinDir(): Promise<string> {
  binDir ??= runScript('ensure.sh', []).then((out) => out.split('\n').at(-1) ?? '');
  return binDir;
}

export interface KubeApiServer {
  kubeconfig: string;
  /** True when this process started the server (and so may restart and must stop it). */
  owned: boolean;
  /** Stops the API server only (etcd keeps the data); owned servers only. */
  stopApiServer(): Promise<void>;
  /** Starts the API server again on the same port, certificates and data; owned servers only. */
  startApiServer(): Promise<void>;
  /** Stops an owned server and removes its state; does nothing for a shared one. */
  stop(): Promise<void>;
}

/** Starts a private etcd + kube-apiserver for this test file. */
export async function startKubeApiServer(): Promise<KubeApiServer> {
  const stateDir = await mkdtemp(path.join(tmpdir(), 'acpnet-kube-'));
  try {
    const kubeconfig = (await runScript('start.sh', [stateDir])).split('\n').at(-1) ?? '';
    return {
      kubeconfig,
      owned: true,
      stopApiServer: async () => {
        await runScript('stop.sh', [stateDir, '--apiserver-only']);
      },
      startApiServer: async () => {
        await runScript('start.sh', [stateDir]);
      },
      stop: async () => {
        await runScript('stop.sh', [stateDir]);
        await rm(stateDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await runScript('stop.sh', [stateDir]).catch(() => undefined);
    throw error;
  }
}

/** The API server named by ACPNET_KUBECONFIG, or a private one when that is unset. */
export async function useKubeApiServer(): Promise<KubeApiServer> {
  const shared = process.env.ACPNET_KUBECONFIG;
  if (!shared) return startKubeApiServer();
  const refuse = () =>
    Promise.reject(new Error('the shared API server (ACPNET_KUBECONFIG) is not restarted by tests'));
  return {
    kubeconfig: shared,
    owned: false,
    stopApiServer: refuse,
    startApiServer: refuse,
    stop: async () => {},
  };
}

/** Runs the harness kubectl against `kubeconfig`; never throws on a non-zero exit. */
export async function kubectl(
  kubeconfig: string,
  args: readonly string[],
  options: RunOptions = {},
): Promise<CommandResult> {
  const bin = await kubeBinDir();
  return run(path.join(bin, 'kubectl'), ['--kubeconfig', kubeconfig, ...args], options);
}

/** Like kubectl(), but rejects with kubectl's stderr when it fails. */
export async function kubectlOk(
  kubeconfig: string,
  args: readonly string[],
  options: RunOptions = {},
): Promise<string> {
  const result = await kubectl(kubeconfig, args, options);
  if (result.code !== 0)
    throw new Error(`kubectl ${args.join(' ')} exited ${result.code}:\n${result.stderr}`);
  return result.stdout;
}

/**
 * Waits until every named CRD is Established. kubectl wait fails at once, instead of waiting, when a
 * freshly created CRD has no status.conditions yet ("accessor error: <nil>"), so that case is retried.
 */
export async function waitForCrdsEstablished(
  kubeconfig: string,
  crdNames: readonly string[],
  timeoutMs = 120_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const args = [
    'wait',
    '--for=condition=Established',
    '--timeout=60s',
    ...crdNames.map((name) => `crd/${name}`),
  ];
  for (;;) {
    const result = await kubectl(kubeconfig, args);
    if (result.code === 0) return;
    if (!result.stderr.includes('accessor error') || Date.now() > deadline)
      throw new Error(`kubectl ${args.join(' ')} exited ${result.code}:\n${result.stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Installs the upstream CRDs (Gateway API, Envoy Gateway, MetalLB, Kube-OVN, Knative, cert-manager, ALB). */
export async function installUpstreamCrds(
  kubeconfig: string,
  gatewayChannel: 'standard' | 'experimental' = 'experimental',
): Promise<void> {
  await runScript('install-crds.sh', [kubeconfig, '--gateway-channel', gatewayChannel]);
}
