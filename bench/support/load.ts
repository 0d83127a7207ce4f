import { Agent, request } from 'node:https';

export interface LoadOptions {
  url: string;
  body: string;
  ca: Buffer;
  concurrency: number;
  requests: number;
}

export interface LoadRun {
  latenciesMs: number[];
  seconds: number;
  /** Responses by HTTP status and AdmissionReview verdict, to see the run measured what it meant to. */
  outcomes: Record<string, number>;
}

export interface LoadSummary {
  requests: number;
  seconds: number;
  perSecond: number;
  p50ms: number;
  p99ms: number;
  outcomes: Record<string, number>;
}

function post(agent: Agent, options: LoadOptions): Promise<{ ms: number; outcome: string }> {
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const req = request(
      options.url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json' } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const ms = Number(process.hrtime.bigint() - started) / 1e6;
          let allowed = 'unparsed';
          try {
            const review = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
              response?: { allowed?: boolean };
            };
            allowed = review.response?.allowed ? 'allowed' : 'denied';
          } catch {
            allowed = 'unparsed';
          }
          resolve({ ms, outcome: `${res.statusCode} ${allowed}` });
        });
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Sends `requests` POSTs with at most `concurrency` in flight over keep-alive connections. */
export async function runLoad(options: LoadOptions): Promise<LoadRun> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency, ca: options.ca });
  const latencies: number[] = [];
  const outcomes: Record<string, number> = {};
  let next = 0;
  const started = process.hrtime.bigint();
  const worker = async () => {
    while (next < options.requests) {
      next++;
      const { ms, outcome } = await post(agent, options);
      latencies.push(ms);
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  agent.destroy();
  return { latenciesMs: latencies, seconds, outcomes };
}

/** Throughput and latency percentiles over several runs (rounds interleaved with a baseline). */
export function summarize(runs: readonly LoadRun[]): LoadSummary {
  const latencies = runs.flatMap((r) => r.latenciesMs).sort((a, b) => a - b);
  const seconds = runs.reduce((sum, r) => sum + r.seconds, 0);
  const outcomes: Record<string, number> = {};
  for (const run of runs) {
    for (const [outcome, count] of Object.entries(run.outcomes))
      outcomes[outcome] = (outcomes[outcome] ?? 0) + count;
  }
  return {
    requests: latencies.length,
    seconds,
    perSecond: latencies.length / seconds,
    p50ms: percentile(latencies, 50),
    p99ms: percentile(latencies, 99),
    outcomes,
  };
}
