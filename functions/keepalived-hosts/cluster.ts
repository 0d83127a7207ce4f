import type { ModelView } from '../../shared/kube/model/model-view.js';
import { groupKindOf, type KubeObject } from '../../shared/kube/object.js';
import { ALB2 } from '../../shared/kube/schemas/alb.js';
import { NODE, type Node, POD, type Pod } from '../../shared/kube/schemas/workloads.js';
import type { ResolvedEvent } from '../runtime/contract.js';
import { albKey, albKeyOfPod, PODS_BY_ALB } from './indexes.js';

/** What the backends of an ALB2 are computed from. */
export interface AlbCluster {
  albExists(namespace: string, name: string): boolean;
  /** The Pods labelled as the ALB2's (`service_name: alb2-<name>`) in its namespace. */
  podsOf(namespace: string, name: string): readonly Pod[];
  node(name: string): Node | undefined;
}

const isNamed = (object: KubeObject, namespace: string, name: string) =>
  object.metadata.name === name && (object.metadata.namespace ?? '') === namespace;

/**
 * The view with the event's own object in place (or gone, for a delete). An informer-backed view may
 * not hold the change the event reports yet; planning against it would miss that change, and
 * nothing would come to correct it.
 */
export function clusterOf(view: ModelView, event?: ResolvedEvent): AlbCluster {
  const kind = event && groupKindOf(event.object);
  const deleted = event?.type === 'delete';
  const changed = event?.object;
  const changedPod = kind === POD.groupKind && !deleted && changed ? view.read(POD, changed) : undefined;
  const changedNode = kind === NODE.groupKind && !deleted && changed ? view.read(NODE, changed) : undefined;
  return {
    albExists(namespace, name) {
      if (kind === ALB2.groupKind && changed && isNamed(changed, namespace, name)) return !deleted;
      return view.get(ALB2, namespace, name) !== undefined;
    },
    podsOf(namespace, name) {
      const pods = view.byIndex(POD, PODS_BY_ALB, albKey(namespace, name));
      if (kind !== POD.groupKind || !changed) return pods;
      const others = pods.filter(
        (pod) => !isNamed(pod, changed.metadata.namespace ?? '', changed.metadata.name ?? ''),
      );
      return changedPod && albKeyOfPod(changedPod) === albKey(namespace, name)
        ? [...others, changedPod]
        : others;
    },
    node(name) {
      if (kind === NODE.groupKind && changed?.metadata.name === name) return changedNode;
      return view.get(NODE, '', name);
    },
  };
}
