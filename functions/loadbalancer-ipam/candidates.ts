import type { ModelView } from '../../shared/kube/model/model-view.js';
import { SERVICE } from '../../shared/kube/schemas/core.js';
import { IP_ADDRESS } from '../../shared/kube/schemas/ip-address.js';
import { type Address, tryParseAddress } from '../../shared/net/address.js';
import type { Holdings } from './holdings.js';
import { CLAIMS_BY_HOLDER, SERVICES_BY_SHARING } from './indexes.js';
import { readRequest } from './request.js';

function claimedBy(view: ModelView, key: string): Address[] {
  return view
    .byIndex(IP_ADDRESS, CLAIMS_BY_HOLDER, key)
    .map((claim) => tryParseAddress(claim.metadata.name ?? ''))
    .filter((address): address is Address => address !== undefined);
}

/**
 * The held addresses `key`'s Service might still use (checkSharing lets it): the ones it holds or
 * claims itself, those of the Services under its allow-shared-ip key, and those the batch changed.
 * An address anyone else holds is never its to use, so these and the free ones are all it can get.
 */
export function sharableAddresses(
  view: ModelView,
  holdings: Holdings,
  request: { key: string; sharing: string; held: readonly Address[] },
): Address[] {
  const out = [...request.held, ...claimedBy(view, request.key), ...holdings.plannedAddresses()];
  if (!request.sharing) return out;
  for (const service of view.byIndex(SERVICE, SERVICES_BY_SHARING, request.sharing)) {
    const theirs = readRequest(service);
    out.push(...theirs.held, ...claimedBy(view, theirs.key));
  }
  return out;
}
