import type { ModelView } from '../../shared/kube/model/model-view.js';
import type { BackendService } from '../../shared/kube/schemas/alb.js';
import { SERVICE } from '../../shared/kube/schemas/core.js';
import type { IngressBackend } from '../../shared/kube/schemas/ingress.js';

/**
 * The ALB backend of an Ingress backend: the Service in the Ingress's namespace on the given port; a
 * named port is resolved through the Service. Undefined when it cannot be resolved (a resource
 * backend, a missing Service or port name).
 */
export function backendServiceOf(
  backend: IngressBackend,
  namespace: string,
  view: ModelView,
): BackendService | undefined {
  const service = backend.service;
  if (!service) return undefined;
  if (service.port.number !== undefined) {
    return { name: service.name, namespace, port: service.port.number, weight: 100 };
  }
  const ports = view.get(SERVICE, namespace, service.name)?.spec?.ports ?? [];
  const port = ports.find((p) => p.name === service.port.name);
  return port ? { name: service.name, namespace, port: port.port, weight: 100 } : undefined;
}
