import { describe, expect, it } from '@jest/globals';
import { apiErrorFor, KubeApiError, statusOf } from '../../../shared/kube/kube-store/api-errors.js';
import { isNewerVersion } from '../../../shared/kube/kube-store/kind-informer.js';
import { applyBody, namespaceFor } from '../../../shared/kube/kube-store/request-bodies.js';
import type { ObjectKey } from '../../../shared/kube/object.js';
import { ConflictError, PreconditionFailedError } from '../../../shared/kube/store.js';

const key: ObjectKey = { groupKind: 'gateway.networking.k8s.io/Gateway', namespace: 'a', name: 'eg' };
const status = (code: number, reason: string, message: string) => ({
  kind: 'Status',
  apiVersion: 'v1',
  status: 'Failure',
  code,
  reason,
  message,
});

describe('API error mapping', () => {
  it.each([
    [
      'delete with a stale uid',
      'delete',
      409,
      status(409, 'Conflict', 'Precondition failed: UID in precondition: x, UID in object meta: y'),
      PreconditionFailedError,
      /precondition failed for .*Gateway a\/eg: Precondition failed: UID in precondition/,
    ],
    [
      'apply over another manager',
      'apply',
      409,
      status(
        409,
        'Conflict',
        'Apply failed with 1 conflict: conflict with "kubectl": .spec.gatewayClassName',
      ),
      ConflictError,
      /conflict on .*Gateway a\/eg: Apply failed with 1 conflict/,
    ],
    [
      'invalid object',
      'apply',
      422,
      status(422, 'Invalid', 'spec.listeners: Required value'),
      KubeApiError,
      /HTTP 422 Invalid: spec.listeners: Required value/,
    ],
    [
      'forbidden',
      'delete',
      403,
      status(403, 'Forbidden', 'gateways is forbidden'),
      KubeApiError,
      /HTTP 403 Forbidden/,
    ],
    [
      'a body that is not a Status',
      'apply',
      500,
      'upstream connect error',
      KubeApiError,
      /HTTP 500: upstream connect error/,
    ],
    ['no body at all', 'list', 503, undefined, KubeApiError, /HTTP 503: no details/],
  ] as const)('%s', (_label, operation, code, body, type, message) => {
    const error = apiErrorFor(operation, key, code, body, '/apis/x');
    expect(error).toBeInstanceOf(type);
    expect(error.message).toMatch(message);
  });

  it('keeps status code and reason on KubeApiError', () => {
    const error = apiErrorFor('read', undefined, 404, status(404, 'NotFound', 'not found'), '/api/v1/x');
    expect(error).toMatchObject({ statusCode: 404, reason: 'NotFound', path: '/api/v1/x' });
    expect(statusOf({ code: 1 })).toEqual({ message: '{"code":1}' });
  });
});

describe('request bodies', () => {
  it('strips server-set metadata from an apply body and keeps uid and resourceVersion as preconditions', () => {
    const body = applyBody(
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: {
          name: 'x',
          uid: 'u',
          resourceVersion: '7',
          managedFields: [],
          creationTimestamp: '2026-01-01T00:00:00Z',
          generation: 3,
        },
        data: { k: 'v' },
      },
      'default',
    );
    expect(body).toEqual({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'x', uid: 'u', resourceVersion: '7', namespace: 'default' },
      data: { k: 'v' },
    });
  });

  it.each([
    [true, '', 'default'],
    [true, 'team-a', 'team-a'],
    [false, 'team-a', ''],
  ])('namespaced=%p, given %p -> %p', (namespaced, given, expected) => {
    expect(namespaceFor({ namespaced }, given)).toBe(expected);
  });
});

describe('resourceVersion order', () => {
  it.each([
    ['10', '9', true],
    ['9', '10', false],
    ['10', '10', false],
    ['18446744073709551617', '18446744073709551616', true],
    ['opaque-b', 'opaque-a', true],
    ['same', 'same', false],
    [undefined, '1', true],
  ])('%p newer than %p: %p', (candidate, cached, expected) => {
    expect(isNewerVersion(candidate, cached)).toBe(expected);
  });
});
