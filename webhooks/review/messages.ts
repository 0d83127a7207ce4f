import type { KubeObject } from '../../shared/kube/object.js';
import { describeObject } from '../../shared/kube/object.js';
import type { SchemaIssue } from '../../shared/kube/schema-issues.js';
import type { Finding } from '../rules/types.js';

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

/**
 * A stored object the review read that does not conform to its kind's schema: its conforming parts
 * were used, the rest ignored. Named so the user can fix it; it does not deny the object under review.
 */
export function malformedNeighbour(object: KubeObject, issues: readonly SchemaIssue[]): Finding {
  const other = describeObject(object);
  const first = issues[0];
  const where = first ? `${first.path}: ${first.message}` : 'unreadable';
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return {
    severity: 'warn',
    rule: 'model',
    field: '',
    message: `${other} does not conform to its schema at ${where}${more}; only its conforming parts were read`,
    reason: 'MalformedObject',
    conflictsWith: other,
  };
}
