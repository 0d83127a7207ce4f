import { AZ_NAME, ENABLE_IC, isConnected } from '../../../shared/interconnect/ic-config.js';
import type { ConfigMap } from '../../../shared/kube/schemas/core.js';
import { CONFIG_MAP } from '../../../shared/kube/schemas/core.js';
import { warn } from '../findings.js';
import type { AdmissionContext, Finding, ValidationRule } from '../types.js';
import { isInterconnectConfig } from './interconnect-config.js';

const RULE = 'kubeovn/interconnect-config-edit';

/** The settings an update changed, enable-ic aside. */
function changedSettings(old: ConfigMap, next: ConfigMap): string[] {
  const before = old.data ?? {};
  const after = next.data ?? {};
  return [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((key) => key !== ENABLE_IC && before[key] !== after[key])
    .sort();
}

function check(ctx: AdmissionContext<ConfigMap>): Finding[] {
  const old = ctx.oldObject;
  if (ctx.operation !== 'UPDATE' || !old || !isInterconnectConfig(ctx.object)) return [];
  const findings: Finding[] = [];
  const oldZone = old.data?.[AZ_NAME]?.trim();
  const zone = ctx.object.data?.[AZ_NAME]?.trim();
  if (oldZone && zone && oldZone !== zone) {
    findings.push(
      warn(
        RULE,
        `data["${AZ_NAME}"]`,
        `renames the availability zone from ${oldZone} to ${zone}: the interconnect gets a new zone and ${oldZone} stays in its database; leave the interconnect first (delete the ConfigMap, or set enable-ic to "false"), then apply the ConfigMap with the new name`,
        'ZoneRenamed',
      ),
    );
  }
  const changed = changedSettings(old, ctx.object);
  if (isConnected(old) && isConnected(ctx.object) && changed.length > 0) {
    findings.push(
      warn(
        RULE,
        'data',
        `changes ${changed.join(', ')} while the cluster stays connected: the guide changes a connected cluster's interconnect settings by setting enable-ic to "false" first, then changing them and setting enable-ic back to "true" (or by deleting the ConfigMap and applying it again), not by editing it in place`,
        'EditedWhileConnected',
      ),
    );
  }
  return findings;
}

/** An edit of ovn-ic-config, which the guide has made by leaving and joining again, not in place. */
export const interconnectConfigEditRule: ValidationRule<ConfigMap> = {
  id: RULE,
  kinds: [CONFIG_MAP],
  operations: ['UPDATE'],
  reasons: ['ZoneRenamed', 'EditedWhileConnected'],
  guide: '配置集群网关高可用',
  check,
};
