import { replayTarget, validateTarget } from './cli-targets.js';
import { functionsTarget } from './functions-target.js';
import type { FuzzPlan } from './runner.js';
import type { FuzzTarget } from './target.js';
import { webhookTarget } from './webhook-target.js';

/** Each target's share of the cases: the webhook answers fastest and has the most shapes. */
const shares: readonly [() => Promise<FuzzTarget<unknown>>, number][] = [
  [webhookTarget as () => Promise<FuzzTarget<unknown>>, 0.45],
  [validateTarget as () => Promise<FuzzTarget<unknown>>, 0.2],
  [functionsTarget as () => Promise<FuzzTarget<unknown>>, 0.25],
  [replayTarget as () => Promise<FuzzTarget<unknown>>, 0.1],
];

/** Opens every target and splits `total` cases among them (the first takes the rounding). */
export async function openPlans(total: number): Promise<FuzzPlan[]> {
  const plans: FuzzPlan[] = [];
  for (const [open, share] of shares) plans.push({ target: await open(), cases: Math.floor(total * share) });
  const first = plans[0] as FuzzPlan;
  first.cases += total - plans.reduce((sum, plan) => sum + plan.cases, 0);
  return plans;
}

export async function closePlans(plans: readonly FuzzPlan[]): Promise<void> {
  for (const plan of plans) await plan.target.close();
}

/** FUZZ_SEED when set (to reproduce a run), else a fresh one. */
export function seedFrom(env: NodeJS.ProcessEnv): number {
  const given = env.FUZZ_SEED;
  if (given === undefined || given === '') return Math.floor(Math.random() * 2 ** 31);
  const seed = Number(given);
  if (!Number.isInteger(seed)) throw new Error(`FUZZ_SEED must be an integer, got ${JSON.stringify(given)}`);
  return seed;
}
