import type { Finding } from './types.js';

type FindingArgs = [rule: string, field: string, message: string, reason?: string, conflictsWith?: string];

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
