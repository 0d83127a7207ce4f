import { isPlainObject } from '../json-value.js';
import type { ObjectKey } from '../object.js';
import { ConflictError, PreconditionFailedError } from '../store.js';

/** A response of the API server that is neither success nor an outcome the store handles. */
export class KubeApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly reason: string | undefined,
    readonly path: string,
    detail: string,
  ) {
    super(`${path}: HTTP ${statusCode}${reason ? ` ${reason}` : ''}: ${detail}`);
    this.name = 'KubeApiError';
  }
}

/** reason and message of a metav1.Status body (or whatever text came back). */
export function statusOf(body: unknown): { reason?: string; message: string } {
  if (isPlainObject(body)) {
    const reason = typeof body.reason === 'string' ? body.reason : undefined;
    const message = typeof body.message === 'string' ? body.message : JSON.stringify(body);
    return reason ? { reason, message } : { message };
  }
  return { message: typeof body === 'string' && body ? body : 'no details' };
}

export type WriteOperation = 'apply' | 'create' | 'delete' | 'patchStatus' | 'patch' | 'read' | 'list';

/**
 * The error for a failed request: 409 on delete means a precondition (uid or resourceVersion)
 * did not hold; 409 on apply means fields owned by another manager, or a stale resourceVersion.
 */
export function apiErrorFor(
  operation: WriteOperation,
  key: ObjectKey | undefined,
  statusCode: number,
  body: unknown,
  path: string,
): Error {
  const { reason, message } = statusOf(body);
  if (key && statusCode === 409 && operation === 'delete') return new PreconditionFailedError(key, message);
  if (
    key &&
    statusCode === 409 &&
    (operation === 'apply' || operation === 'patchStatus' || operation === 'create')
  ) {
    return new ConflictError(key, message);
  }
  return new KubeApiError(statusCode, reason, path, message);
}

export function isSuccess(statusCode: number): boolean {
  return statusCode >= 200 && statusCode < 300;
}
