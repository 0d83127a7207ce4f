import type { KubeObject } from '../../shared/kube/object.js';
import { describeObject } from '../../shared/kube/object.js';
import type { SchemaIssue } from '../../shared/kube/schema-issues.js';
import type { Reason } from './reasons.js';
import type { Finding } from './types.js';

// Findings are built and rendered here only, so every denial and warning text has one author.

type FindingArgs = [rule: string, field: string, message: string, reason?: Reason, conflictsWith?: string];

// Optional parts are left out rather than set to undefined, so findings compare and serialise cleanly.
function finding(
  severity: Finding['severity'],
  ...[rule, field, message, reason, conflictsWith]: FindingArgs
): Finding {
  const built: Finding = { severity, rule, field, message };
  if (reason) built.reason = reason;
  if (conflictsWith) built.conflictsWith = conflictsWith;
  return built;
}

export const deny = (...args: FindingArgs): Finding => finding('deny', ...args);

export const warn = (...args: FindingArgs): Finding => finding('warn', ...args);

/** The object under review does not conform to its kind's schema: one denial per issue. */
export function schemaViolations(issues: readonly SchemaIssue[]): Finding[] {
  return issues.map((issue) => deny('schema', issue.path, issue.message));
}

/**
 * Unknown fields the kind's CRD keeps (x-kubernetes-preserve-unknown-fields): the API server stores
 * them, so they do not deny, but they have no effect and the user is told so.
 */
export function keptUnknownFields(issues: readonly SchemaIssue[]): Finding[] {
  return issues.map((issue) => warn('schema', issue.path, issue.message, 'UnknownField'));
}

/** A rule or mutator threw: the review fails closed with a denial naming it. */
export function ruleFailure(rule: string, error: unknown): Finding {
  return deny(rule, '', `rule ${rule} failed: ${error instanceof Error ? error.message : String(error)}`);
}

/**
 * A stored object the review read that does not conform to its kind's schema: its conforming parts
 * were used, the rest ignored. Named so the user can fix it; it does not deny the object under review.
 */
export function malformedNeighbour(object: KubeObject, issues: readonly SchemaIssue[]): Finding {
  const other = describeObject(object);
  const first = issues[0];
  const where = first ? `${first.path}: ${first.message}` : 'unreadable';
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return warn(
    'model',
    '',
    `${other} does not conform to its schema at ${where}${more}; only its conforming parts were read`,
    'MalformedObject',
    other,
  );
}

/** `<field>: <message> (<reason>) [conflicts with <other>]`, leaving out the parts that are absent. */
export function formatFinding(finding: Finding): string {
  let text = finding.field ? `${finding.field}: ${finding.message}` : finding.message;
  if (finding.reason) text += ` (${finding.reason})`;
  if (finding.conflictsWith) text += ` [conflicts with ${finding.conflictsWith}]`;
  return text;
}

/** The denial message of a review: every deny finding, in the order found. */
export function denyMessage(findings: readonly Finding[]): string {
  return findings
    .filter((f) => f.severity === 'deny')
    .map(formatFinding)
    .join('; ');
}

export function warningMessages(findings: readonly Finding[]): string[] {
  return findings.filter((f) => f.severity === 'warn').map(formatFinding);
}
