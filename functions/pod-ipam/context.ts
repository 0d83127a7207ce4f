import type { ModelView } from '../../shared/kube/model/model-view.js';
import type { Effect } from '../runtime/contract.js';
import type { Ledger } from './ledger.js';

/** What one plan reads and collects: the view, the ledger, the effects, and what changed where. */
export interface PlanContext {
  view: ModelView;
  ledger: Ledger;
  /** The event's time: Warning Events carry it, so replays write the same bytes. */
  time: string;
  effects: Effect[];
  /** Subnets whose addresses changed, with the IPPools (by name; '' for the rest) they changed in. */
  touched: Map<string, Set<string>>;
  /** Pods planned in this event (`namespace/name`), so a re-plan of waiting Pods skips them. */
  planned: Set<string>;
  /** Subnets some address of which was released: Pods waiting for one are planned again. */
  freed: Set<string>;
}

export function newContext(view: ModelView, ledger: Ledger, time: string | undefined): PlanContext {
  return {
    view,
    ledger,
    time: time ?? '1970-01-01T00:00:00Z',
    effects: [],
    touched: new Map(),
    planned: new Set(),
    freed: new Set(),
  };
}

export function touch(ctx: PlanContext, subnet: string, pool: string | undefined): void {
  const pools = ctx.touched.get(subnet) ?? new Set<string>();
  if (pool !== undefined) pools.add(pool);
  ctx.touched.set(subnet, pools);
}
