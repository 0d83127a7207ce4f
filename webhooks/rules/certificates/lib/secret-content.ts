import type { Secret } from '../../../../shared/kube/schemas/core.js';
import type { AdmissionContext } from '../../types.js';

function contentOf(secret: Secret): string {
  return JSON.stringify([secret.type ?? '', secret.data ?? {}, secret.stringData ?? {}]);
}

/**
 * An UPDATE that leaves type and data as they were (labels, annotations, owners...). Such edits are
 * not refused for content that predates the webhook: problems with it are reported as warnings.
 */
export function secretContentUnchanged(ctx: AdmissionContext<Secret>): boolean {
  return (
    ctx.operation === 'UPDATE' &&
    ctx.oldObject !== undefined &&
    contentOf(ctx.oldObject) === contentOf(ctx.object)
  );
}
