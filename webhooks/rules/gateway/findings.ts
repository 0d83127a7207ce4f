import type { Finding } from '../types.js';

export function deny(
  rule: string,
  field: string,
  message: string,
  reason?: string,
  conflictsWith?: string,
): Finding {
  return { severity: 'deny', rule, field, message, reason, conflictsWith };
}

export function warn(
  rule: string,
  field: string,
  message: string,
  reason?: string,
  conflictsWith?: string,
): Finding {
  return { severity: 'warn', rule, field, message, reason, conflictsWith };
}
