import type { Service } from '../../../../shared/kube/schemas/core.js';

export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';

export function serviceType(service: Service): ServiceType {
  return service.spec?.type ?? 'ClusterIP';
}

/** Reachable from outside the cluster, as the API server judges it for externalTrafficPolicy. */
export function externallyAccessible(service: Service): boolean {
  const type = serviceType(service);
  return (
    type === 'LoadBalancer' ||
    type === 'NodePort' ||
    (type === 'ClusterIP' && (service.spec?.externalIPs ?? []).length > 0)
  );
}

export interface NodePortUse {
  index: number;
  nodePort: number;
  protocol: string;
}

/** The node ports a Service asks for (0 and absent mean "allocate one"). */
export function nodePortsOf(service: Service): NodePortUse[] {
  const out: NodePortUse[] = [];
  (service.spec?.ports ?? []).forEach((port, index) => {
    if (port.nodePort === undefined || port.nodePort === 0) return;
    out.push({ index, nodePort: port.nodePort, protocol: port.protocol ?? 'TCP' });
  });
  return out;
}
