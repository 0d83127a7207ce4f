import type { ModelView } from '../../shared/kube/model/model-view.js';
import { SERVICE } from '../../shared/kube/schemas/core.js';
import { IP_ADDRESS, type IPAddress } from '../../shared/kube/schemas/ip-address.js';
import { tryParseAddress } from '../../shared/net/address.js';
import type { ResolvedEvent } from '../runtime/contract.js';
import { holdersOfClaim, isOwnClaim } from './claims.js';
import { planWaiting } from './dependents.js';
import { CLAIM_GRACE_SECONDS } from './keys.js';
import type { Batch } from './plan.js';

function serviceOf(view: ModelView, key: string) {
  const slash = key.indexOf('/');
  return view.get(SERVICE, key.slice(0, slash), key.slice(slash + 1));
}

/** Old enough, at the event's time, that a holder the view lacks is gone, not merely not seen yet. */
function settled(claim: IPAddress, time: string | undefined): boolean {
  const created = Date.parse(claim.metadata.creationTimestamp ?? '');
  const now = Date.parse(time ?? '');
  return Number.isFinite(created) && Number.isFinite(now) && now - created >= CLAIM_GRACE_SECONDS * 1000;
}

/**
 * A claim's own events. A claim added (a restart lists every claim again) whose holder Services no
 * longer exist was left by Services deleted while nobody watched: its address is given back, and
 * Services waiting may take it. A claim deleted by someone else is claimed again by its holders.
 * Another allocator's IPAddresses are only ever read, as addresses held.
 */
export function planClaimChange(event: ResolvedEvent, view: ModelView, batch: Batch): void {
  const claim = view.read(IP_ADDRESS, event.object);
  if (!claim || !isOwnClaim(claim)) return;
  const holders = holdersOfClaim(claim);
  if (event.type === 'delete') {
    for (const key of holders) {
      const service = serviceOf(view, key);
      if (service && !batch.has(key)) batch.plan(service);
    }
    return;
  }
  const address = tryParseAddress(claim.metadata.name ?? '');
  if (event.type !== 'add' || !address || !settled(claim, event.time)) return;
  const missing = holders.filter((key) => !serviceOf(view, key));
  if (batch.forget(address, missing)) planWaiting(batch, view);
}
