import { AZ_NAME } from '../../shared/interconnect/ic-config.js';
import { readZonesState } from '../../shared/interconnect/zones-state.js';
import {
  IC_CIDRS_NAME,
  IC_CONFIG_NAME,
  IC_CONFIG_NAMESPACE,
  IC_ZONES_NAME,
} from '../../shared/kube/keys/kubeovn.js';
import type { ModelView } from '../../shared/kube/model/model-view.js';
import { CONFIG_MAP, type ConfigMap } from '../../shared/kube/schemas/core.js';
import type { Effect, EventFunction } from '../runtime/contract.js';
import { cidrsConfigMap, zonesConfigMap } from './desired.js';
import { applyRowChange, editedData, ROW_SUBSCRIPTIONS } from './rows.js';

const stored = (view: ModelView, name: string) => view.get(CONFIG_MAP, IC_CONFIG_NAMESPACE, name);

/** The cluster's own zone, which is not a remote one: ovn-ic-config's az-name. */
function localZone(config: ConfigMap | undefined): string | undefined {
  return config?.data?.[AZ_NAME]?.trim() || undefined;
}

/**
 * kube-system/acpnet-interconnect-cidrs, kept current from the IC southbound Route table (through
 * the OVSDB bridge's row events): the prefixes every other zone advertises, which the subnet
 * overlap rule checks new Subnets against. The rows it has heard of are kept, one key each, in
 * kube-system/acpnet-interconnect-zones; the cluster's own zone is ovn-ic-config's az-name.
 */
export const interconnectCidrs: EventFunction = {
  name: 'interconnect-cidrs',
  consumes: [CONFIG_MAP],
  reads: [],
  scopes: [
    { kind: CONFIG_MAP, namespace: IC_CONFIG_NAMESPACE, names: [IC_CONFIG_NAME] },
    {
      kind: CONFIG_MAP,
      namespace: IC_CONFIG_NAMESPACE,
      names: [IC_CIDRS_NAME, IC_ZONES_NAME],
      readOnly: true,
    },
  ],
  consumesRows: ROW_SUBSCRIPTIONS,
  serial: true,
  plan(event, view) {
    const config = event.type === 'delete' ? undefined : view.read(CONFIG_MAP, event.object);
    const state = readZonesState(stored(view, IC_ZONES_NAME)?.data);
    return [{ op: 'apply', object: cidrsConfigMap(state, localZone(config), stored(view, IC_CIDRS_NAME)) }];
  },
  planRow(event, view): Effect[] {
    const zones = stored(view, IC_ZONES_NAME);
    const data = zones?.data as Record<string, string> | undefined;
    const state = readZonesState(data);
    const edit = applyRowChange(state, event);
    const config = stored(view, IC_CONFIG_NAME);
    return [
      { op: 'apply', object: zonesConfigMap(editedData(data, edit), zones) },
      { op: 'apply', object: cidrsConfigMap(state, localZone(config), stored(view, IC_CIDRS_NAME)) },
    ];
  },
};
