/**
 * One monitored row change applied to the zones state: an Availability_Zone's name, a Route's zone
 * and prefix. A change older (by the bridge's sequence) than what the state holds of its row is
 * not applied; applying a change twice leaves the state as once. The state changes in place, and
 * the one data key that changes with it is returned, so the ConfigMap is edited, not rebuilt.
 */
import { type RowChangeEvent, wireString, wireUuid } from '../../shared/events/ovsdb-row.js';
import { AVAILABILITY_ZONE, IC_SOUTHBOUND, ROUTE } from '../../shared/interconnect/names.js';
import {
  isOlder,
  ROUTE_KEY_PREFIX,
  routeEntry,
  ZONE_KEY_PREFIX,
  type ZonesState,
  zoneEntry,
} from '../../shared/interconnect/zones-state.js';
import type { RowSubscription } from '../runtime/contract.js';

/** What the function follows, and the columns it reads. */
export const ROW_SUBSCRIPTIONS: readonly RowSubscription[] = [
  { database: IC_SOUTHBOUND, table: AVAILABILITY_ZONE, columns: ['name'] },
  { database: IC_SOUTHBOUND, table: ROUTE, columns: ['availability_zone', 'ip_prefix'] },
];

/** A data key set to a value, or removed (value undefined); none when nothing changes. */
export type DataEdit = { key: string; value: string | undefined } | undefined;

function zoneChange(state: ZonesState, event: RowChangeEvent, sequence: string): DataEdit {
  if (isOlder(event.sequence, state.zones.get(event.uuid))) return undefined;
  if (event.change === 'delete') {
    state.zones.delete(event.uuid);
    return { key: `${ZONE_KEY_PREFIX}${event.uuid}`, value: undefined };
  }
  const zone = { sequence, name: wireString(event.new!, 'name', 'data.new') };
  state.zones.set(event.uuid, zone);
  const [key, value] = zoneEntry(event.uuid, zone);
  return { key, value };
}

function routeChange(state: ZonesState, event: RowChangeEvent, sequence: string): DataEdit {
  if (isOlder(event.sequence, state.routes.get(event.uuid))) return undefined;
  const removed = { key: `${ROUTE_KEY_PREFIX}${event.uuid}`, value: undefined };
  if (event.change === 'delete') {
    state.routes.delete(event.uuid);
    return removed;
  }
  const row = event.new!;
  const zone = wireUuid(row, 'availability_zone', 'data.new');
  const prefix = wireString(row, 'ip_prefix', 'data.new');
  if (zone === undefined || prefix === '' || /\s/.test(prefix)) {
    state.routes.delete(event.uuid);
    return removed;
  }
  const route = { sequence, zone, prefix };
  state.routes.set(event.uuid, route);
  const [key, value] = routeEntry(event.uuid, route);
  return { key, value };
}

/** Applies the change to `state` and returns the data key it changes. */
export function applyRowChange(state: ZonesState, event: RowChangeEvent): DataEdit {
  if (event.database !== IC_SOUTHBOUND) return undefined;
  const sequence = event.sequence ?? '-';
  if (event.table === AVAILABILITY_ZONE) return zoneChange(state, event, sequence);
  if (event.table === ROUTE) return routeChange(state, event, sequence);
  return undefined;
}

/** The data with the edit made (a copy; keys keep their order, a new key comes last). */
export function editedData(
  data: Readonly<Record<string, string>> | undefined,
  edit: DataEdit,
): Record<string, string> {
  const out: Record<string, string> = { ...data };
  if (edit?.value === undefined) {
    if (edit) delete out[edit.key];
  } else out[edit.key] = edit.value;
  return out;
}
