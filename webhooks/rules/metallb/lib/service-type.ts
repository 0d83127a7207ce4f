import type { Service } from '../../../../shared/kube/schemas/core.js';

export function serviceTypeOf(service: Service): string {
  return service.spec?.type ?? 'ClusterIP';
}
