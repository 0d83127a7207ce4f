/** bench:apply's figures: per-round ratios of each mode against the run without acpnet, paired by round. */
import { median } from './per-review.js';

export interface Sample {
  /** Calls the webhook answered per object created or applied, by endpoint. */
  mutatePerObject: number;
  validatePerObject: number;
  /** Milliseconds acpnet's handler took per call (its own histogram): the rest is the call itself. */
  handlerMsPerCall: number;
  gatewayMs: number;
  gatewayP50: number;
  routeMs: number;
  routeP50: number;
  dryRunMs: number;
}

function range(values: readonly number[], digits: number): string {
  return `${median(values).toFixed(digits)} (${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)})`;
}

export interface Ratios {
  gatewayThroughput: number[];
  gatewayP50: number[];
  routeThroughput: number[];
  routeP50: number[];
  dryRunTime: number[];
  extraMsPerObject: number[];
}

export function ratios(without: readonly Sample[], other: readonly Sample[], dryRunObjects: number): Ratios {
  const pairs = without.map((a, i) => [a, other[i]!] as const);
  return {
    gatewayThroughput: pairs.map(([a, b]) => a.gatewayMs / b.gatewayMs),
    gatewayP50: pairs.map(([a, b]) => b.gatewayP50 / a.gatewayP50),
    routeThroughput: pairs.map(([a, b]) => a.routeMs / b.routeMs),
    routeP50: pairs.map(([a, b]) => b.routeP50 / a.routeP50),
    dryRunTime: pairs.map(([a, b]) => b.dryRunMs / a.dryRunMs),
    extraMsPerObject: pairs.map(([a, b]) => (b.dryRunMs - a.dryRunMs) / dryRunObjects),
  };
}

export function print(mode: string, r: Ratios, samples: readonly Sample[], dryRunObjects: number): void {
  console.log(`\n${mode} / without (median of ${r.gatewayThroughput.length} rounds, min–max):`);
  const calls = (pick: (s: Sample) => number) => median(samples.map(pick)).toFixed(2);
  console.log(
    `  webhook calls per object: ${calls((s) => s.mutatePerObject)} mutate, ${calls((s) => s.validatePerObject)} validate, ${calls((s) => s.handlerMsPerCall)} ms in acpnet's handler per call`,
  );
  console.log(
    `  Gateway creates, 8 in flight: throughput ${range(r.gatewayThroughput, 2)}x, p50 ${range(r.gatewayP50, 2)}x`,
  );
  console.log(
    `  HTTPRoute creates, 8 in flight: throughput ${range(r.routeThroughput, 2)}x, p50 ${range(r.routeP50, 2)}x`,
  );
  console.log(
    `  kubectl apply --dry-run=server of ${dryRunObjects}: time ${range(r.dryRunTime, 2)}x, ${range(r.extraMsPerObject, 2)} ms more per object`,
  );
}
