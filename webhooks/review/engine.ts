import { kindProblem } from '../../shared/kube/known-kinds.js';
import { ModelView } from '../../shared/kube/model/model-view.js';
import type { Reading } from '../../shared/kube/model/tolerant-read.js';
import type { KubeObject } from '../../shared/kube/object.js';
import { groupKindOf } from '../../shared/kube/object.js';
import { modelOf } from '../../shared/kube/registry.js';
import type { SchemaIssue } from '../../shared/kube/schema-issues.js';
import type { ReadView } from '../../shared/kube/store.js';
import {
  denyMessage,
  keptUnknownFields,
  malformedNeighbour,
  ruleFailure,
  schemaViolations,
  warningMessages,
} from '../rules/findings.js';
import type {
  AdmissionContext,
  AdmissionSettings,
  Finding,
  JsonPatchOperation,
  Operation,
} from '../rules/types.js';
import { defaultRuleIndex } from './default-index.js';
import { applyJsonPatch } from './json-patch.js';
import type { RuleIndex } from './rule-index.js';
import { sizeViolations } from './size-check.js';

export interface ReviewInput {
  operation: Operation;
  /** The object as submitted; absent for DELETE, where `oldObject` is reviewed instead. */
  object?: KubeObject;
  oldObject?: KubeObject;
  view: ReadView;
  settings: AdmissionSettings;
  /** An upper bound of the object's JSON size in bytes, when known (the request body's length). */
  sizeBound?: number;
}

export interface ReviewOptions {
  rules?: RuleIndex;
  /** `mutate`: schema and mutators only (the /mutate endpoint); `validate`: everything. */
  stage?: 'mutate' | 'validate';
}

/** A rule or mutator that threw; the review fails closed. */
export interface RuleFailure {
  rule: string;
  error: unknown;
}

export interface ReviewResult {
  allowed: boolean;
  /** 200 admitted, 403 denied by findings, 500 a rule or mutator failed. */
  code: 200 | 403 | 500;
  /** The deny findings joined; empty when allowed. */
  message: string;
  findings: Finding[];
  warnings: string[];
  /** JSONPatch against the submitted object; empty when nothing was mutated. */
  patch: JsonPatchOperation[];
  /** The object the rules saw: the submitted one with `patch` applied. */
  object: KubeObject | undefined;
  failures: RuleFailure[];
}

/** The object as its kind's model reads it; kinds acpnet does not model are taken as they are. */
function modelled(object: KubeObject): Reading<KubeObject> {
  const model = modelOf(object);
  return model ? model.read(object) : { object, issues: [], warnings: [] };
}

/** A stored neighbour that does not conform is read in part, and the review says so once. */
function malformedNeighbourSink(
  findings: Finding[],
): (object: KubeObject, issues: readonly SchemaIssue[]) => void {
  const told = new Set<KubeObject>();
  return (object, issues) => {
    if (told.has(object)) return;
    told.add(object);
    findings.push(malformedNeighbour(object, issues));
  };
}

function result(
  findings: Finding[],
  patch: JsonPatchOperation[],
  object: KubeObject | undefined,
  failures: RuleFailure[],
): ReviewResult {
  const denied = findings.some((f) => f.severity === 'deny');
  return {
    allowed: !denied,
    code: failures.length > 0 ? 500 : denied ? 403 : 200,
    message: denied ? denyMessage(findings) : '',
    findings,
    warnings: warningMessages(findings),
    patch,
    object,
    failures,
  };
}

async function runMutators(
  ctx: AdmissionContext,
  index: RuleIndex,
  failures: RuleFailure[],
): Promise<{ object: KubeObject; patch: JsonPatchOperation[] }> {
  let object = ctx.object;
  const patch: JsonPatchOperation[] = [];
  for (const mutator of index.mutatorsFor(groupKindOf(object), ctx.operation)) {
    try {
      // Each mutator sees the object as the mutators before it left it, so the concatenated patch
      // applies in order to the submitted object.
      const operations = await mutator.mutate({ ...ctx, object });
      if (operations.length === 0) continue;
      object = applyJsonPatch(object, operations);
      patch.push(...operations);
    } catch (error) {
      failures.push({ rule: mutator.id, error });
    }
  }
  return { object, patch };
}

/**
 * Admission of one object: size, schema, then mutators, then the validation rules of its kind and
 * operation against the mutated object. Pure apart from reads of `view`; a rule that throws denies
 * the review with code 500 instead of escaping.
 */
export async function reviewObject(input: ReviewInput, options: ReviewOptions = {}): Promise<ReviewResult> {
  const index = options.rules ?? defaultRuleIndex();
  const { operation, view, settings, oldObject } = input;
  const reviewed = operation === 'DELETE' ? (oldObject ?? input.object) : input.object;
  if (!reviewed) return result([], [], undefined, []);

  // Before the schema: the API server refuses an object this large whatever it holds, and a schema
  // walk over megabytes is the cost the size check spares.
  if (operation === 'CREATE' || operation === 'UPDATE') {
    const tooLarge = sizeViolations(reviewed, input.sizeBound);
    if (tooLarge.length > 0) return result(tooLarge, [], reviewed, []);
  }
  const noSuchKind = operation === 'DELETE' ? undefined : kindProblem(reviewed);
  if (noSuchKind) return result(schemaViolations([{ path: 'kind', message: noSuchKind }]), [], reviewed, []);
  const reading = modelled(reviewed);
  const written = operation === 'CREATE' || operation === 'UPDATE';
  // Unknown fields the kind's CRD keeps are told (once: by the validating review), not refused; the
  // rules read the object without them.
  const kept = written && options.stage !== 'mutate' ? keptUnknownFields(reading.warnings) : [];
  if (written && reading.issues.length > 0)
    return result([...schemaViolations(reading.issues), ...kept], [], reviewed, []);
  // Only a DELETE reviews a stored object without its schema: whatever cannot be read is not judged.
  if (!reading.object) return result([], [], reviewed, []);

  const failures: RuleFailure[] = [];
  const findings: Finding[] = [...kept];
  const models = new ModelView(view, malformedNeighbourSink(findings));
  const old = oldObject && modelled(oldObject).object;
  const base: AdmissionContext = {
    operation,
    object: reading.object,
    oldObject: old,
    view: models,
    settings,
  };
  const { object: mutated, patch } = await runMutators(base, index, failures);
  if (options.stage !== 'mutate') {
    const object = mutated === reading.object ? mutated : (modelled(mutated).object ?? mutated);
    const ctx: AdmissionContext = { ...base, object };
    for (const rule of index.rulesFor(groupKindOf(object), operation)) {
      try {
        findings.push(...(await rule.check(ctx)));
      } catch (error) {
        failures.push({ rule: rule.id, error });
      }
    }
  }
  findings.push(...failures.map((f) => ruleFailure(f.rule, f.error)));
  return result(findings, failures.length > 0 ? [] : patch, mutated, failures);
}
