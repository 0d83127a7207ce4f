import { compareStrings } from '../../shared/kube/json-value.js';
import type { ModelView } from '../../shared/kube/model/model-view.js';
import { CONFIG_MAP, type ConfigMap } from '../../shared/kube/schemas/core.js';
import { POD } from '../../shared/kube/schemas/workloads.js';
import { ALB_PODS_BY_NODE, albKeyOfPod, CONFIG_MAPS_BY_ALB, EVERY_CONFIG_MAP } from './indexes.js';

/**
 * The keepalived ConfigMaps an event of another kind can change, each once, in namespace/name order,
 * found through the store indexes.
 */

function ordered(configMaps: readonly ConfigMap[]): ConfigMap[] {
  const unique = new Map(configMaps.map((c) => [`${c.metadata.namespace}/${c.metadata.name}`, c]));
  return [...unique.entries()].sort(([a], [b]) => compareStrings(a, b)).map(([, c]) => c);
}

/** ConfigMaps with an instance that takes its backends from one of these ALB2s (albKey). */
export function configMapsOfAlbs(view: ModelView, albKeys: Iterable<string>): ConfigMap[] {
  return ordered([...new Set(albKeys)].flatMap((key) => view.byIndex(CONFIG_MAP, CONFIG_MAPS_BY_ALB, key)));
}

/** Every keepalived ConfigMap: for a Pod deleted by reference, whose ALB2 is not known. */
export function everyKeepalivedConfigMap(view: ModelView): ConfigMap[] {
  return ordered(view.byIndex(CONFIG_MAP, CONFIG_MAPS_BY_ALB, EVERY_CONFIG_MAP));
}

/** ConfigMaps of the ALB2s with a Pod on the node. */
export function configMapsOfNode(view: ModelView, node: string): ConfigMap[] {
  const albs = view.byIndex(POD, ALB_PODS_BY_NODE, node).flatMap((pod) => albKeyOfPod(pod) ?? []);
  return configMapsOfAlbs(view, albs);
}
