import type { KubeObject } from '../../../shared/kube/object.js';
import { objectList, specOf, stringField, stringList } from '../../../shared/kube/spec-fields.js';

export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';

export function serviceType(service: KubeObject): string {
  return stringField(specOf(service), 'type') ?? 'ClusterIP';
}

/** Reachable from outside the cluster, as the API server judges it for externalTrafficPolicy. */
export function externallyAccessible(service: KubeObject): boolean {
  const type = serviceType(service);
  return (
    type === 'LoadBalancer' ||
    type === 'NodePort' ||
    (type === 'ClusterIP' && stringList(specOf(service), 'externalIPs').length > 0)
  );
}

export interface NodePortUse {
  index: number;
  nodePort: number;
  protocol: string;
}

/** The node ports a Service asks for (0 and absent mean "allocate one"). */
export function nodePortsOf(service: KubeObject): NodePortUse[] {
  const out: NodePortUse[] = [];
  objectList(specOf(service), 'ports').forEach((port, index) => {
    const nodePort = port['nodePort'];
    if (typeof nodePort !== 'number' || nodePort === 0) return;
    out.push({ index, nodePort, protocol: stringField(port, 'protocol') ?? 'TCP' });
  });
  return out;
}
