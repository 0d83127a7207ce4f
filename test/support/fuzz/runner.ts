import fc from 'fast-check';
import { FuzzCrash, type FuzzTarget } from './target.js';

export interface FuzzPlan {
  // biome-ignore lint/suspicious/noExplicitAny: plans of targets of different inputs share one list.
  target: FuzzTarget<any>;
  cases: number;
}

export interface FuzzOptions {
  seed: number;
  /** A case that has not settled after this long, or settled only after it, is a hang. */
  watchdogMs: number;
  /** Replays one case: `target:run` as a failure report prints it. */
  replay?: string;
  onProgress?: (target: string, done: number) => void;
}

export interface FuzzFailure {
  target: string;
  run: number;
  kind: 'crash' | 'hang';
  message: string;
  input: string;
}

export interface TargetReport {
  name: string;
  cases: number;
  outcomes: Record<string, number>;
  seconds: number;
}

export interface FuzzReport {
  seed: number;
  targets: TargetReport[];
  failures: FuzzFailure[];
}

const HUNG = Symbol('hung');

/** Settles with the work's result, or HUNG once `ms` pass; a result that came later is HUNG too. */
async function watched<T>(work: () => Promise<T>, ms: number): Promise<T | typeof HUNG> {
  let timer: NodeJS.Timeout | undefined;
  const started = performance.now();
  const deadline = new Promise<typeof HUNG>((resolve) => {
    timer = setTimeout(() => resolve(HUNG), ms);
  });
  try {
    const result = await Promise.race([work(), deadline]);
    return performance.now() - started > ms ? HUNG : result;
  } finally {
    clearTimeout(timer);
  }
}

const prototypes = { Object: Object.prototype, Array: Array.prototype, Function: Function.prototype };
const pristine = new Map(
  Object.entries(prototypes).map(([name, proto]) => [name, new Set(Reflect.ownKeys(proto))]),
);

/** Properties a case added to a built-in prototype (`__proto__` keys merged unsafely), removed again. */
function pollution(): string[] {
  const added: string[] = [];
  for (const [name, proto] of Object.entries(prototypes)) {
    for (const key of Reflect.ownKeys(proto)) {
      if (pristine.get(name)?.has(key)) continue;
      added.push(`${name}.prototype.${String(key)}`);
      Reflect.deleteProperty(proto, key);
    }
  }
  return added;
}

/** How to run exactly one failing case again. */
export function reproduction(seed: number, failure: Pick<FuzzFailure, 'target' | 'run'>): string {
  return `FUZZ_SEED=${seed} FUZZ_REPLAY=${failure.target}:${failure.run}`;
}

function parseReplay(replay: string | undefined): { target: string; run: number } | undefined {
  if (replay === undefined) return undefined;
  const match = /^([\w-]+):(\d+)$/.exec(replay);
  if (!match) throw new Error(`FUZZ_REPLAY must be TARGET:RUN, got ${JSON.stringify(replay)}`);
  return { target: match[1] as string, run: Number(match[2]) };
}

/**
 * Runs each plan's cases through its target: fast-check generates them from `seed` (case `i` of a
 * target is fast-check's run `i`, so `FUZZ_REPLAY=target:i` replays it), each under a watchdog, and
 * every outcome is counted. Crashes (FuzzCrash, any other exception, an uncaught error while the
 * case runs, a property added to a built-in prototype) and hangs are collected, never thrown: a report holds them all.
 */
export async function runFuzz(plans: readonly FuzzPlan[], options: FuzzOptions): Promise<FuzzReport> {
  const replay = parseReplay(options.replay);
  const failures: FuzzFailure[] = [];
  const targets: TargetReport[] = [];
  let uncaught: unknown[] = [];
  const onUncaught = (error: unknown) => uncaught.push(error);
  process.on('uncaughtException', onUncaught);
  process.on('unhandledRejection', onUncaught);
  try {
    for (const { target, cases } of plans) {
      if (replay && replay.target !== target.name) continue;
      const outcomes: Record<string, number> = {};
      let run = replay?.run ?? 0;
      const started = performance.now();
      const property = fc.asyncProperty(target.inputs, async (input: unknown) => {
        const here = run++;
        const fail = (kind: FuzzFailure['kind'], message: string) => {
          failures.push({ target: target.name, run: here, kind, message, input: target.describe(input) });
          outcomes[kind] = (outcomes[kind] ?? 0) + 1;
        };
        uncaught = [];
        try {
          const outcome = await watched(() => target.run(input), options.watchdogMs);
          if (outcome === HUNG) fail('hang', `no answer within ${options.watchdogMs} ms`);
          else outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
        } catch (error) {
          const detail =
            error instanceof FuzzCrash ? error.message : ((error as Error)?.stack ?? String(error));
          fail('crash', detail);
        }
        for (const error of uncaught) fail('crash', `uncaught: ${(error as Error)?.stack ?? String(error)}`);
        const polluted = pollution();
        if (polluted.length > 0) fail('crash', `polluted ${polluted.join(', ')}`);
        options.onProgress?.(target.name, here + 1);
        return true;
      });
      const numRuns = replay ? 1 : cases;
      await fc.check(property, {
        seed: options.seed,
        numRuns,
        ...(replay ? { path: String(replay.run) } : {}),
      });
      const seconds = (performance.now() - started) / 1000;
      targets.push({ name: target.name, cases: numRuns, outcomes, seconds });
    }
  } finally {
    process.off('uncaughtException', onUncaught);
    process.off('unhandledRejection', onUncaught);
  }
  return { seed: options.seed, targets, failures };
}

/** The report as lines: outcomes per target, cases per second, then each failure and its replay. */
export function formatReport(report: FuzzReport): string {
  const lines = [`seed ${report.seed}`];
  for (const target of report.targets) {
    const counts = Object.entries(target.outcomes)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([outcome, count]) => `${outcome}: ${count}`)
      .join(', ');
    const rate = target.seconds > 0 ? Math.round(target.cases / target.seconds) : 0;
    lines.push(
      `${target.name}: ${target.cases} cases in ${target.seconds.toFixed(1)} s (${rate}/s) — ${counts}`,
    );
  }
  for (const failure of report.failures) {
    lines.push(
      `${failure.kind} in ${failure.target} run ${failure.run} (${reproduction(report.seed, failure)}):`,
    );
    lines.push(`  ${failure.message}`);
    lines.push(`  input: ${failure.input}`);
  }
  return lines.join('\n');
}
