import { albReference, isKeepalivedConfigMap } from '../../shared/keepalived/configmap.js';
import { readConfigMapTemplate } from '../../shared/keepalived/configmap-template.js';
import { ALB_POD_LABEL, albOfPodLabel } from '../../shared/kube/keys/alb.js';
import { equalityIndex } from '../../shared/kube/model/indexes.js';
import { CONFIG_MAP } from '../../shared/kube/schemas/core.js';
import { POD, type Pod } from '../../shared/kube/schemas/workloads.js';

export const CONFIG_MAPS_BY_ALB = 'keepalived-hosts/configmaps-by-alb';
export const PODS_BY_ALB = 'keepalived-hosts/pods-by-alb';
export const ALB_PODS_BY_NODE = 'keepalived-hosts/alb-pods-by-node';

/** In CONFIG_MAPS_BY_ALB, every keepalived ConfigMap is also under this key. */
export const EVERY_CONFIG_MAP = '';

/** An ALB2 as the indexes key it: `<namespace>/<name>`. */
export function albKey(namespace: string, name: string): string {
  return `${namespace}/${name}`;
}

/** The ALB2 whose Pod this is (`service_name: alb2-<name>`, same namespace), as an albKey. */
export function albKeyOfPod(pod: Pod): string | undefined {
  const alb = albOfPodLabel(pod.metadata.labels?.[ALB_POD_LABEL]);
  return alb === undefined ? undefined : albKey(pod.metadata.namespace ?? '', alb);
}

/**
 * Keepalived ConfigMaps by the ALB2s their instances take backends from, and all of them under
 * EVERY_CONFIG_MAP. A template that does not read still names no ALB2; its own events report it.
 */
export const configMapsByAlb = equalityIndex(CONFIG_MAP, CONFIG_MAPS_BY_ALB, (configMap) => {
  if (!isKeepalivedConfigMap(configMap)) return [];
  const namespace = configMap.metadata.namespace ?? '';
  const albs = (readConfigMapTemplate(configMap).template?.instances ?? []).flatMap(({ instance }) => {
    if (instance.alb === undefined) return [];
    const ref = albReference(instance.alb, namespace);
    return [albKey(ref.namespace, ref.name)];
  });
  return [EVERY_CONFIG_MAP, ...new Set(albs)];
});

/** The Pods of each ALB2, by albKey. */
export const podsByAlb = equalityIndex(POD, PODS_BY_ALB, (pod) => {
  const key = albKeyOfPod(pod);
  return key === undefined ? [] : [key];
});

/** ALB2 Pods by the node they are bound to: a node's events re-plan the ALBs running there. */
export const albPodsByNode = equalityIndex(POD, ALB_PODS_BY_NODE, (pod) => {
  const node = pod.spec?.nodeName;
  return node && albKeyOfPod(pod) !== undefined ? [node] : [];
});
