import { canonicalAddress } from '../../../shared/keepalived/backends.js';
import { isKeepalivedConfigMap, TEMPLATE_KEY } from '../../../shared/keepalived/configmap.js';
import { readTemplate } from '../../../shared/keepalived/read-template.js';
import { equalityIndex } from '../../../shared/kube/model/indexes.js';
import { CONFIG_MAP, type ConfigMap } from '../../../shared/kube/schemas/core.js';

/** Keepalived ConfigMaps by the canonical text of each VIP their template holds. */
export const KEEPALIVED_VIP_INDEX = 'keepalived/vip';

/** The canonical VIPs of a keepalived ConfigMap's template (none when it is not one, or unreadable). */
export function templateVips(configMap: ConfigMap): string[] {
  const text = configMap.data?.[TEMPLATE_KEY];
  if (!isKeepalivedConfigMap(configMap) || text === undefined) return [];
  const instances = readTemplate(text).template?.instances ?? [];
  return instances.flatMap(({ instance }) => canonicalAddress(instance.vip) ?? []);
}

export const keepalivedEqualityIndexes = [equalityIndex(CONFIG_MAP, KEEPALIVED_VIP_INDEX, templateVips)];
