/**
 * HTTPS load on POST /validate from outside the servers: acpnet (every rule family, a store of
 * 5,000 Gateways and 20,000 HTTPRoutes) and a "null webhook" (the same server stack answering a
 * constant allow) each run in a process of their own, driven by autocannon from this one. A
 * 16-listener Gateway is reviewed. Reports, in the same run: throughput and p50/p99 at saturation
 * (rounds interleaved), p50/p99 at half of the null webhook's saturation rate, RSS, and the time
 * from process start to ready with the store's sync apart. The servers run as the image runs
 * acpnet: compiled ahead of time (infra/build/bundle.mjs) with the image's NODE_OPTIONS.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
// @ts-expect-error: a plain ES module without type declarations.
import { bundle } from '../infra/build/bundle.mjs';
import { reportFigure } from './support/figures.js';
import { gateway } from './support/fleet.js';
import type { ReadyMessage, RssMessage, ServerMode } from './support/webhook-process.js';

const size = { gateways: 5_000, routes: 20_000, namespaces: 500 };
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);
const seconds = Number(process.env.BENCH_SECONDS ?? 4);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);

interface Server {
  mode: ServerMode;
  child: ChildProcess;
  ready: ReadyMessage;
}

function reviewBody(): string {
  return JSON.stringify({
    apiVersion: 'admission.k8s.io/v1',
    kind: 'AdmissionReview',
    request: {
      uid: 'bench',
      kind: { group: 'gateway.networking.k8s.io', version: 'v1', kind: 'Gateway' },
      resource: { group: 'gateway.networking.k8s.io', version: 'v1', resource: 'gateways' },
      operation: 'CREATE',
      namespace: 'team-7',
      name: 'bench-edge',
      object: gateway('bench-edge', 'team-7', 16, 'bench.example.com'),
    },
  });
}

const repoRoot = path.resolve(import.meta.dirname, '..');
const buildDir = path.join(repoRoot, '.acpnet/bench-build');

/** The node flags the image sets (`ENV NODE_OPTIONS=` in infra/deploy/Dockerfile). */
function imageNodeOptions(): string[] {
  const dockerfile = readFileSync(path.join(repoRoot, 'infra/deploy/Dockerfile'), 'utf8');
  const value = /^ENV NODE_OPTIONS=(.*)$/m.exec(dockerfile)?.[1];
  if (value === undefined) throw new Error('infra/deploy/Dockerfile sets no NODE_OPTIONS');
  return value.trim().split(/\s+/);
}

function start(mode: ServerMode, nodeOptions: readonly string[]): Promise<Server> {
  const script = path.join(buildDir, 'webhook-process.mjs');
  const child = fork(script, [mode, String(size.gateways), String(size.routes), String(size.namespaces)], {
    // BENCH_SERVER_NODE_OPTIONS adds flags to both servers, e.g. `--cpu-prof --cpu-prof-dir=DIR`.
    execArgv: [
      ...nodeOptions,
      ...(process.env.BENCH_SERVER_NODE_OPTIONS?.split(/\s+/).filter(Boolean) ?? []),
    ],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) =>
      reject(new Error(`${mode} webhook process exited ${code} before it was ready`)),
    );
    child.once('message', (message) => resolve({ mode, child, ready: message as ReadyMessage }));
  });
}

function rssOf(server: Server): Promise<number> {
  return new Promise((resolve) => {
    server.child.once('message', (message) => resolve((message as RssMessage).rss));
    server.child.send('rss');
  });
}

interface Run {
  perSecond: number;
  p50: number;
  p99: number;
  requests: number;
  failures: number;
}

async function load(server: Server, overallRate?: number): Promise<Run> {
  const result = await autocannon({
    url: `${server.ready.url}/validate`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: reviewBody(),
    connections,
    duration: seconds,
    ...(overallRate ? { overallRate } : {}),
  });
  return {
    perSecond: result.requests.total / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}

/** Sums requests over rounds; latency percentiles as the median of the rounds' percentiles. */
function combine(runs: readonly Run[]): Run {
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const requests = runs.reduce((sum, run) => sum + run.requests, 0);
  return {
    perSecond: requests / (seconds * runs.length),
    p50: median(runs.map((run) => run.p50)),
    p99: median(runs.map((run) => run.p99)),
    requests,
    failures: runs.reduce((sum, run) => sum + run.failures, 0),
  };
}

function line(name: string, run: Run): string {
  return `${name.padEnd(14)} ${run.perSecond.toFixed(0).padStart(6)} reviews/s  p50 ${run.p50.toFixed(1)} ms  p99 ${run.p99.toFixed(1)} ms  (${run.requests} requests, ${run.failures} failed)`;
}

async function main(): Promise<void> {
  await bundle([{ in: 'bench/support/webhook-process.ts', out: 'webhook-process' }], buildDir);
  const nodeOptions = imageNodeOptions();
  const nullServer = await start('null', nodeOptions);
  const acpnet = await start('acpnet', nodeOptions);
  try {
    console.log(`servers: compiled ahead of time, node ${nodeOptions.join(' ')} (the image's NODE_OPTIONS)`);
    console.log(
      `acpnet ready ${acpnet.ready.readyMs.toFixed(0)} ms after process start with ${acpnet.ready.cachedObjects} cached objects: store sync ${acpnet.ready.syncMs.toFixed(0)} ms, the rest ${(acpnet.ready.readyMs - acpnet.ready.syncMs).toFixed(0)} ms (null webhook: ${nullServer.ready.readyMs.toFixed(0)} ms)`,
    );
    console.log(
      `load: autocannon from its own process, ${connections} connections, HTTPS keep-alive on loopback, ${rounds} interleaved rounds of ${seconds} s per server after a warm-up round`,
    );
    await load(nullServer);
    await load(acpnet);
    const nullRuns: Run[] = [];
    const acpnetRuns: Run[] = [];
    for (let round = 0; round < rounds; round++) {
      nullRuns.push(await load(nullServer));
      acpnetRuns.push(await load(acpnet));
    }
    const nullSaturated = combine(nullRuns);
    const acpnetSaturated = combine(acpnetRuns);
    console.log('at saturation:');
    console.log(line('null webhook', nullSaturated));
    console.log(line('acpnet', acpnetSaturated));
    const rate = Math.max(1, Math.round(nullSaturated.perSecond / 2));
    const nullHalf = await load(nullServer, rate);
    const acpnetHalf = await load(acpnet, rate);
    console.log(`at ${rate} reviews/s (half of the null webhook's saturation rate):`);
    console.log(line('null webhook', nullHalf));
    console.log(line('acpnet', acpnetHalf));
    const [nullRss, acpnetRss] = await Promise.all([rssOf(nullServer), rssOf(acpnet)]);
    console.log(
      `RSS after the load: acpnet ${(acpnetRss / 2 ** 20).toFixed(0)} MiB, null webhook ${(nullRss / 2 ** 20).toFixed(0)} MiB`,
    );
    console.log(
      `ratio acpnet/null: throughput ${(acpnetSaturated.perSecond / nullSaturated.perSecond).toFixed(2)} (goal ≥ 0.8), p99 at half rate ${acpnetHalf.p99.toFixed(1)} ms (goal ≤ 5 ms)`,
    );
    reportFigure({
      name: 'webhook throughput acpnet/null',
      value: acpnetSaturated.perSecond / nullSaturated.perSecond,
      unit: 'x',
      goal: '≥ 0.8',
    });
    reportFigure({
      name: 'webhook p99 at half the null saturation rate',
      value: acpnetHalf.p99,
      unit: 'ms',
      goal: '≤ 5',
    });
    reportFigure({
      name: 'webhook RSS, 25,500 cached objects',
      value: acpnetRss / 2 ** 20,
      unit: 'MiB',
      goal: '≤ 200',
    });
    reportFigure({
      name: 'webhook start to ready, without the sync',
      value: acpnet.ready.readyMs - acpnet.ready.syncMs,
      unit: 'ms',
      goal: '< 300',
    });
    reportFigure({ name: 'webhook store sync, 25,500 objects', value: acpnet.ready.syncMs, unit: 'ms' });
    console.log(
      `load average: ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} on ${os.availableParallelism()} CPUs`,
    );
  } finally {
    for (const server of [nullServer, acpnet]) server.child.send('stop');
  }
}

await main();
