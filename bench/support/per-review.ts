import { performance } from 'node:perf_hooks';

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export interface TimedRound {
  micros: number;
  deniedShare: number;
}

/**
 * One timed round: calls `review(i)` until both `minMillis` and `minReviews` are reached and returns
 * the mean time per call and the share of calls that `review` reported as denied.
 */
export async function timedRound(
  review: (i: number) => Promise<boolean>,
  offset: number,
  minMillis: number,
  minReviews: number,
): Promise<TimedRound> {
  let reviews = 0;
  let denied = 0;
  const start = performance.now();
  while (reviews < minReviews || performance.now() - start < minMillis) {
    if (!(await review(offset + reviews))) denied++;
    reviews++;
  }
  return { micros: ((performance.now() - start) * 1000) / reviews, deniedShare: denied / reviews };
}

export function formatMicros(micros: number): string {
  return micros >= 1000 ? `${(micros / 1000).toFixed(2)} ms` : `${micros.toFixed(1)} µs`;
}
