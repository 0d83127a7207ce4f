import type { Finding } from './types.js';

// Optional parts are left out rather than set to undefined, so findings compare and serialise cleanly.
export function deny(
  rule: string,
  field: string,
  message: string,
  reason?: string,
  conflictsWith?: string,
): Finding {
  const finding: Finding = { severity: 'deny', rule, field, message };
  if (reason) finding.reason = reason;
  if (conflictsWith) finding.conflictsWith = conflictsWith;
  return finding;
}

export function warn(
  rule: string,
  field: string,
  message: string,
  reason?: string,
  conflictsWith?: string,
): Finding {
  const finding: Finding = { severity: 'warn', rule, field, message };
  if (reason) finding.reason = reason;
  if (conflictsWith) finding.conflictsWith = conflictsWith;
  return finding;
}
