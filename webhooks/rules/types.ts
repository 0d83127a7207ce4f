import type { KindModel } from '../../shared/kube/model/kind-model.js';
import type { ModelView } from '../../shared/kube/model/model-view.js';
import type { KubeObject } from '../../shared/kube/object.js';
import type { EqualityIndexSpec, RangeIndexSpec } from '../../shared/kube/store.js';
import type { Cidr } from '../../shared/net/cidr.js';
import type { Reason } from './reasons.js';

export type Operation = 'CREATE' | 'UPDATE' | 'DELETE' | 'CONNECT';

export type Severity = 'deny' | 'warn';

/**
 * One thing a rule found. Rendered as `<field>: <message> (<reason>) [conflicts with <conflictsWith>]`.
 * `field` is a JSON-ish path into the object under review, e.g. `spec.listeners[1].hostname`.
 */
export interface Finding {
  severity: Severity;
  rule: string;
  field: string;
  message: string;
  /** A machine-readable reason such as HostnameConflict, RefNotPermitted (see reasons.ts). */
  reason?: Reason;
  /** The other object or listener involved, e.g. `listener "http" of Gateway default/eg`. */
  conflictsWith?: string;
}

/** Admission settings that come from server flags. */
export interface AdmissionSettings {
  /** Service CIDRs of the cluster: none, or one per family (dual stack). */
  serviceCidrs: readonly Cidr[];
  /** Namespace of platform secrets (Domain certificates). */
  platformNamespace: string;
  /** Namespace MetalLB objects must live in. */
  metallbNamespace: string;
  /** Clock for validity checks; tests pin it. */
  now: () => Date;
}

export interface AdmissionContext<T extends KubeObject = KubeObject> {
  operation: Operation;
  /** The object under review; for DELETE this is the old object. */
  object: T;
  oldObject?: T;
  /** The cluster, read through the kinds' models. */
  view: ModelView;
  settings: AdmissionSettings;
}

export interface ValidationRule<T extends KubeObject = KubeObject> {
  /** Stable id, `<family>/<name>`, e.g. `gateway/listener-conflicts`. */
  id: string;
  kinds: readonly KindModel[];
  /** Operations it runs on; default CREATE and UPDATE. */
  operations?: readonly Operation[];
  /** Every reason its findings can carry (the rule catalogue lists them). */
  reasons: readonly Reason[];
  /** The section of the platform's networking guide the rule enforces, by its title. */
  guide: string;
  check(ctx: AdmissionContext<T>): Finding[] | Promise<Finding[]>;
}

export interface JsonPatchOperation {
  op: 'add' | 'replace' | 'remove';
  path: string;
  value?: unknown;
}

export interface Mutator<T extends KubeObject = KubeObject> {
  id: string;
  kinds: readonly KindModel[];
  operations?: readonly Operation[];
  /** The section of the platform's networking guide whose defaults the mutator fills in, by its title. */
  guide: string;
  /** Returns JSONPatch operations against `ctx.object` as received (RFC 6901 paths). */
  mutate(ctx: AdmissionContext<T>): JsonPatchOperation[] | Promise<JsonPatchOperation[]>;
}

/**
 * A family of rules (gateway, ipam, certificates, ingress, alb, ...): its rules, its mutators,
 * the store indexes they query, and the kinds they read (which the store must cache).
 */
export interface RuleFamily {
  name: string;
  rules: readonly ValidationRule[];
  mutators: readonly Mutator[];
  equalityIndexes?: readonly EqualityIndexSpec[];
  rangeIndexes?: readonly RangeIndexSpec[];
  /** Kinds the rules read from the view (the store caches these). */
  reads: readonly KindModel[];
}
