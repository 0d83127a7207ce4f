import { z } from 'zod';
import type { GroupKind, KubeObject } from '../../shared/kube/object.js';
import { groupKindOf, groupOf } from '../../shared/kube/object.js';
import { formatZodIssues } from '../../shared/kube/schema-issues.js';
import type { ReviewResult } from '../review/engine.js';
import type { Operation } from '../rules/types.js';
import { BadAdmissionReviewError } from './errors.js';

export const admissionApiVersion = 'admission.k8s.io/v1';

const kubeObject = z.looseObject({
  apiVersion: z.string().min(1),
  kind: z.string().min(1),
  metadata: z.looseObject({}).optional(),
});

const admissionRequest = z.looseObject({
  uid: z.string().min(1, 'must not be empty'),
  kind: z.looseObject({ group: z.string(), version: z.string(), kind: z.string().min(1) }),
  operation: z.enum(['CREATE', 'UPDATE', 'DELETE', 'CONNECT']),
  namespace: z.string().optional(),
  name: z.string().optional(),
  object: kubeObject.nullable().optional(),
  oldObject: kubeObject.nullable().optional(),
  dryRun: z.boolean().optional(),
});

export type AdmissionRequest = z.infer<typeof admissionRequest>;

export interface ParsedRequest {
  uid: string;
  operation: Operation;
  /** `group/Kind` of the request, the metrics label. */
  groupKind: GroupKind;
  namespace: string;
  name: string;
  object?: KubeObject;
  oldObject?: KubeObject;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The object with metadata present and, for namespaced requests, its namespace filled in. */
function normalize(
  value: z.infer<typeof kubeObject> | null | undefined,
  namespace: string,
): KubeObject | undefined {
  if (!value) return undefined;
  const metadata = { ...(value.metadata ?? {}) } as KubeObject['metadata'];
  if (namespace && !metadata.namespace) metadata.namespace = namespace;
  return { ...value, metadata } as KubeObject;
}

/**
 * A field's value for a message: scalars as JSON (long strings cut), objects and lists by their type
 * only, since they may be nested deeper than JSON.stringify can go.
 */
function shortly(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string' && value.length > 100) return `${JSON.stringify(value.slice(0, 100))}…`;
  return JSON.stringify(value);
}

/**
 * Why the stored object cannot be the previous version of the object, if it cannot: the API server
 * sends both of one kind, name and namespace, and rules comparing them would otherwise judge one
 * object against another.
 */
function identityMismatch(object: KubeObject, oldObject: KubeObject): string | undefined {
  const differs = (field: string, was: unknown, is: unknown) =>
    `request.oldObject.${field} is ${shortly(was)} but request.object.${field} is ${shortly(is)}; the old object must be the same object`;
  if (groupKindOf(oldObject) !== groupKindOf(object)) {
    return groupOf(oldObject.apiVersion) === groupOf(object.apiVersion)
      ? differs('kind', oldObject.kind, object.kind)
      : differs('apiVersion', oldObject.apiVersion, object.apiVersion);
  }
  if (oldObject.metadata.name !== object.metadata.name)
    return differs('metadata.name', oldObject.metadata.name, object.metadata.name);
  if (oldObject.metadata.namespace !== object.metadata.namespace)
    return differs('metadata.namespace', oldObject.metadata.namespace, object.metadata.namespace);
  return undefined;
}

/** Checks the envelope of an AdmissionReview and extracts its request; throws BadAdmissionReviewError. */
export function parseAdmissionReview(body: unknown): ParsedRequest {
  if (!isRecord(body))
    throw new BadAdmissionReviewError('the body must be a JSON object (an AdmissionReview)');
  if (body.apiVersion !== admissionApiVersion) {
    throw new BadAdmissionReviewError(
      `apiVersion must be ${admissionApiVersion}, got ${JSON.stringify(body.apiVersion ?? null)}`,
    );
  }
  if (body.kind !== 'AdmissionReview') {
    throw new BadAdmissionReviewError(
      `kind must be AdmissionReview, got ${JSON.stringify(body.kind ?? null)}`,
    );
  }
  if (body.request === undefined || body.request === null) {
    throw new BadAdmissionReviewError('AdmissionReview has no request');
  }
  const parsed = admissionRequest.safeParse(body.request);
  if (!parsed.success) {
    const issues = formatZodIssues(parsed.error.issues, body.request).map(
      (i) => `request.${i.path}: ${i.message}`,
    );
    throw new BadAdmissionReviewError(`invalid AdmissionReview: ${issues.join('; ')}`);
  }
  const request = parsed.data;
  const namespace = request.namespace ?? '';
  const object = normalize(request.object, namespace);
  const oldObject = normalize(request.oldObject, namespace);
  if ((request.operation === 'CREATE' || request.operation === 'UPDATE') && !object) {
    throw new BadAdmissionReviewError(
      `invalid AdmissionReview: request.object is required for ${request.operation}`,
    );
  }
  const mismatch = object && oldObject && identityMismatch(object, oldObject);
  if (mismatch) throw new BadAdmissionReviewError(`invalid AdmissionReview: ${mismatch}`);
  return {
    uid: request.uid,
    operation: request.operation,
    groupKind: `${request.kind.group}/${request.kind.kind}`,
    namespace,
    name: request.name ?? object?.metadata.name ?? oldObject?.metadata.name ?? '',
    object,
    oldObject,
  };
}

export interface AdmissionResponse {
  uid: string;
  allowed: boolean;
  status?: { code: number; message: string; reason: string };
  warnings?: string[];
  patchType?: 'JSONPatch';
  patch?: string;
}

export interface AdmissionReviewResponse {
  apiVersion: typeof admissionApiVersion;
  kind: 'AdmissionReview';
  response: AdmissionResponse;
}

/** The AdmissionReview answering `uid`; a patch is attached only when `withPatch` and non-empty. */
export function admissionResponse(
  uid: string,
  result: ReviewResult,
  withPatch: boolean,
): AdmissionReviewResponse {
  const response: AdmissionResponse = { uid, allowed: result.allowed };
  if (!result.allowed) {
    response.status = {
      code: result.code,
      message: result.message,
      reason: result.code === 500 ? 'InternalError' : 'Forbidden',
    };
  }
  if (result.warnings.length > 0) response.warnings = result.warnings;
  if (withPatch && result.allowed && result.patch.length > 0) {
    response.patchType = 'JSONPatch';
    response.patch = Buffer.from(JSON.stringify(result.patch)).toString('base64');
  }
  return { apiVersion: admissionApiVersion, kind: 'AdmissionReview', response };
}
