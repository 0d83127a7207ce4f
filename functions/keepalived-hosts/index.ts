import { groupKindOf } from '../../shared/kube/object.js';
import { ALB2 } from '../../shared/kube/schemas/alb.js';
import { CONFIG_MAP } from '../../shared/kube/schemas/core.js';
import { NODE, POD } from '../../shared/kube/schemas/workloads.js';
import type { EventFunction } from '../runtime/contract.js';
import { clusterOf } from './cluster.js';
import { configMapsOfAlbs, configMapsOfNode, everyKeepalivedConfigMap } from './dependents.js';
import { albKey, albKeyOfPod, albPodsByNode, configMapsByAlb, podsByAlb } from './indexes.js';
import { FUNCTION_NAME, planConfigMap, planConfigMaps } from './plan.js';

/**
 * Keeps the alive.yaml of every keepalived ConfigMap (label acpnet.io/keepalived: "true") in step
 * with the nodes its ALB2s serve on: the ConfigMap's own events render it, and an event of an ALB2,
 * one of its Pods or a node they run on re-plans the ConfigMaps that read it.
 */
export const keepalivedHosts: EventFunction = {
  name: FUNCTION_NAME,
  consumes: [CONFIG_MAP, ALB2, POD, NODE],
  reads: [],
  indexes: [configMapsByAlb, podsByAlb, albPodsByNode],
  plan(event, view) {
    const object = event.object;
    const namespace = object.metadata.namespace ?? '';
    const name = object.metadata.name ?? '';
    const cluster = clusterOf(view, event);
    switch (groupKindOf(object)) {
      case CONFIG_MAP.groupKind: {
        if (event.type === 'delete') return [];
        const configMap = view.read(CONFIG_MAP, object);
        return configMap ? planConfigMap(configMap, cluster, { report: true, time: event.time }) : [];
      }
      case ALB2.groupKind:
        return planConfigMaps(configMapsOfAlbs(view, [albKey(namespace, name)]), cluster, event.time);
      case POD.groupKind: {
        const pod = view.read(POD, object);
        const alb = pod && albKeyOfPod(pod);
        if (alb !== undefined) return planConfigMaps(configMapsOfAlbs(view, [alb]), cluster, event.time);
        // A delete by reference carries no labels: which ALB2 the Pod served is not known.
        const unknown = event.type === 'delete' && pod?.metadata.labels === undefined;
        return unknown ? planConfigMaps(everyKeepalivedConfigMap(view), cluster, event.time) : [];
      }
      default:
        return planConfigMaps(configMapsOfNode(view, name), cluster, event.time);
    }
  },
};
