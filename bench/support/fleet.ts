import type { KubeObject } from '../../shared/kube/object.js';

const gatewayApi = 'gateway.networking.k8s.io/v1';

/** `count` namespaces' worth of objects: namespace i holds the Gateways and routes with index ≡ i. */
export function namespaceOf(index: number, namespaces: number): string {
  return `team-${index % namespaces}`;
}

export function gateway(name: string, namespace: string, listeners: number, hostBase: string): KubeObject {
  return {
    apiVersion: gatewayApi,
    kind: 'Gateway',
    metadata: { name, namespace },
    spec: {
      gatewayClassName: 'eg',
      listeners: Array.from({ length: listeners }, (_, i) => ({
        name: `http-${i}`,
        protocol: 'HTTP',
        port: 8000 + i,
        hostname: `l${i}.${hostBase}`,
        allowedRoutes: { namespaces: { from: 'Same' } },
      })),
    },
  };
}

export function httpRoute(name: string, namespace: string, parent: string, hostname: string): KubeObject {
  return {
    apiVersion: gatewayApi,
    kind: 'HTTPRoute',
    metadata: { name, namespace },
    spec: {
      parentRefs: [{ name: parent, sectionName: 'http-0' }],
      hostnames: [hostname],
      rules: [
        {
          matches: [{ path: { type: 'PathPrefix', value: '/' } }],
          backendRefs: [{ name: `svc-${name}`, port: 8080 }],
        },
      ],
    },
  };
}

export interface FleetSize {
  gateways: number;
  routes: number;
  namespaces: number;
}

/** A cluster's worth of Gateway API objects: Gateways with 2 listeners each, routes spread over them. */
export function fleet(size: FleetSize): KubeObject[] {
  const objects: KubeObject[] = [];
  for (let n = 0; n < size.namespaces; n++) {
    objects.push({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: `team-${n}` } });
  }
  for (let g = 0; g < size.gateways; g++) {
    objects.push(gateway(`gw-${g}`, namespaceOf(g, size.namespaces), 2, `gw-${g}.example.com`));
  }
  for (let r = 0; r < size.routes; r++) {
    const g = r % size.gateways;
    objects.push(
      httpRoute(`route-${r}`, namespaceOf(g, size.namespaces), `gw-${g}`, `l0.gw-${g}.example.com`),
    );
  }
  return objects;
}
