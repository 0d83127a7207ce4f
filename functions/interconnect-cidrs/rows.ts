/**
 * One monitored row change applied to the zones state: an Availability_Zone's name, a Route's zone
 * and prefix. A change older (by the bridge's sequence) than what the state holds of its row is
 * not applied; applying a change twice leaves the state as once.
 */
import { type RowChangeEvent, wireString, wireUuid } from '../../shared/events/ovsdb-row.js';
import { AVAILABILITY_ZONE, IC_SOUTHBOUND, ROUTE } from '../../shared/interconnect/names.js';
import { isOlder, type ZonesState } from '../../shared/interconnect/zones-state.js';
import type { RowSubscription } from '../runtime/contract.js';

/** What the function follows, and the columns it reads. */
export const ROW_SUBSCRIPTIONS: readonly RowSubscription[] = [
  { database: IC_SOUTHBOUND, table: AVAILABILITY_ZONE, columns: ['name'] },
  { database: IC_SOUTHBOUND, table: ROUTE, columns: ['availability_zone', 'ip_prefix'] },
];

/** The state after the change (a copy; `state` is left as it was). */
export function applyRowChange(state: ZonesState, event: RowChangeEvent): ZonesState {
  const next: ZonesState = { zones: new Map(state.zones), routes: new Map(state.routes) };
  if (event.database !== IC_SOUTHBOUND) return next;
  const sequence = event.sequence ?? '-';
  if (event.table === AVAILABILITY_ZONE) {
    if (isOlder(event.sequence, state.zones.get(event.uuid))) return next;
    if (event.change === 'delete') next.zones.delete(event.uuid);
    else next.zones.set(event.uuid, { sequence, name: wireString(event.new!, 'name', 'data.new') });
  } else if (event.table === ROUTE) {
    if (isOlder(event.sequence, state.routes.get(event.uuid))) return next;
    if (event.change === 'delete') {
      next.routes.delete(event.uuid);
      return next;
    }
    const row = event.new!;
    const zone = wireUuid(row, 'availability_zone', 'data.new');
    const prefix = wireString(row, 'ip_prefix', 'data.new');
    if (zone === undefined || /\s/.test(prefix) || prefix === '') next.routes.delete(event.uuid);
    else next.routes.set(event.uuid, { sequence, zone, prefix });
  }
  return next;
}
