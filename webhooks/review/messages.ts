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
