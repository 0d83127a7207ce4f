import { stringField } from '../../../shared/kube/spec-fields.js';
import { deny } from '../findings.js';
import type { Finding } from '../types.js';
import { parseGoDuration } from './duration.js';

function readDuration(
  rule: string,
  spec: Record<string, unknown>,
  key: string,
  out: Finding[],
): number | undefined {
  const text = stringField(spec, key);
  if (text === undefined) return undefined;
  const seconds = parseGoDuration(text);
  if (seconds === undefined || seconds < 0)
    out.push(
      deny(
        rule,
        `spec.${key}`,
        `${JSON.stringify(text)} is not a duration such as "90s" or "1m30s"`,
        'InvalidTimer',
      ),
    );
  return seconds !== undefined && seconds >= 0 ? seconds : undefined;
}

/**
 * MetalLB's BGP timers: holdTime 0 or at least 3s (whole seconds counted), keepaliveTime not above
 * holdTime (each defaults from the other: keepalive = hold / 3, hold = keepalive * 3), connectTime
 * 1-65535 whole seconds.
 */
export function timerFindings(rule: string, spec: Record<string, unknown>): Finding[] {
  const out: Finding[] = [];
  const hold = readDuration(rule, spec, 'holdTime', out);
  const keepalive = readDuration(rule, spec, 'keepaliveTime', out);
  const connect = readDuration(rule, spec, 'connectTime', out);
  const effectiveHold = hold ?? (keepalive === undefined ? undefined : keepalive * 3);
  const effectiveKeepalive = keepalive ?? (hold === undefined ? undefined : hold / 3);
  if (effectiveHold !== undefined) {
    const rounded = Math.trunc(effectiveHold);
    if (rounded !== 0 && rounded < 3)
      out.push(
        deny(
          rule,
          'spec.holdTime',
          `hold time ${stringField(spec, 'holdTime')} must be 0 or at least 3s`,
          'InvalidTimer',
        ),
      );
  }
  if (effectiveHold !== undefined && effectiveKeepalive !== undefined && effectiveKeepalive > effectiveHold) {
    out.push(
      deny(
        rule,
        'spec.keepaliveTime',
        `keepaliveTime ${stringField(spec, 'keepaliveTime')} must not exceed holdTime ${stringField(spec, 'holdTime')}`,
        'InvalidTimer',
      ),
    );
  }
  if (connect !== undefined && (connect < 1 || connect > 65535 || !Number.isInteger(connect)))
    out.push(
      deny(
        rule,
        'spec.connectTime',
        `connect time ${stringField(spec, 'connectTime')} must be a whole number of seconds between 1s and 65535s`,
        'InvalidTimer',
      ),
    );
  return out;
}
