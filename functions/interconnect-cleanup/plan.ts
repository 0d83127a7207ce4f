/**
 * When a cluster leaves the interconnect, its availability zone is removed from the IC southbound
 * database, as `acpnet interconnect clean --az` does (the same readers and planners), and with a
 * northbound database configured, the transit switches, transit ports and learned routes there.
 */
import { EventFormatError, EventRefusedError } from '../../shared/events/errors.js';
import { readNorthboundCleanup, readSouthboundCleanup } from '../../shared/interconnect/cleanup-io.js';
import { connectedZoneRefusal } from '../../shared/interconnect/connected-zone.js';
import { AZ_NAME, ENABLE_IC, icSouthboundRemote } from '../../shared/interconnect/ic-config.js';
import { IC_SOUTHBOUND, NORTHBOUND } from '../../shared/interconnect/names.js';
import { IC_CONFIG_NAME, IC_CONFIG_NAMESPACE } from '../../shared/kube/keys/kubeovn.js';
import type { ModelView } from '../../shared/kube/model/model-view.js';
import { CONFIG_MAP, type ConfigMap } from '../../shared/kube/schemas/core.js';
import { parseRemotes, RemoteSyntaxError } from '../../shared/ovsdb/remote.js';
import type { Effect, PlanContext, ResolvedEvent } from '../runtime/contract.js';

/** The zone the event says the cluster left, or undefined when it did not leave. */
export function leftZone(event: ResolvedEvent, config: ConfigMap | undefined): string | undefined {
  const left = event.type === 'delete' || config?.data?.[ENABLE_IC] === 'false';
  const zone = config?.data?.[AZ_NAME]?.trim();
  return left && zone ? zone : undefined;
}

/** `--ic-sb` when given, else the address ovn-ic-config names (for a delete: the deleted content). */
function southboundRemote(config: ConfigMap | undefined, context: PlanContext): string {
  const remote = context.settings.icSouthbound ?? icSouthboundRemote(config);
  if (remote === undefined) {
    throw new EventRefusedError(
      `${IC_CONFIG_NAMESPACE}/${IC_CONFIG_NAME} names no IC database (ic-db-host, ic-sb-port) and no --ic-sb is set`,
    );
  }
  try {
    parseRemotes(remote);
  } catch (error) {
    if (error instanceof RemoteSyntaxError) throw new EventFormatError(error.message, 'data.data.ic-db-host');
    throw error;
  }
  return remote;
}

export async function planCleanup(
  event: ResolvedEvent,
  view: ModelView,
  context: PlanContext,
): Promise<Effect[]> {
  const config = view.read(CONFIG_MAP, event.object);
  const zone = leftZone(event, config);
  if (zone === undefined) return [];
  // The cluster may have joined again since (a re-created ConfigMap): its zone is in use.
  const refusal = connectedZoneRefusal(view.get(CONFIG_MAP, IC_CONFIG_NAMESPACE, IC_CONFIG_NAME), zone);
  if (refusal) throw new EventRefusedError(refusal);

  const remote = southboundRemote(config, context);
  const southbound = await readSouthboundCleanup(await context.ovsdb(remote), { az: zone });
  const effects: Effect[] = [];
  if (southbound.plan) {
    effects.push({ op: 'ovsdb', remote, database: IC_SOUTHBOUND, operations: southbound.plan.operations });
  }
  const northboundRemote = context.settings.northbound;
  if (northboundRemote !== undefined) {
    const plan = await readNorthboundCleanup(await context.ovsdb(northboundRemote), zone);
    if (plan.refusal) throw new EventRefusedError(`northbound database ${northboundRemote}: ${plan.refusal}`);
    if (plan.operations.length > 0) {
      effects.push({
        op: 'ovsdb',
        remote: northboundRemote,
        database: NORTHBOUND,
        operations: plan.operations,
      });
    }
  }
  return effects;
}
