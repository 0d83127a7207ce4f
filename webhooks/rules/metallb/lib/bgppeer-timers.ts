import { parseGoDuration } from '../../../../shared/kube/go-duration.js';
import { deny } from '../../findings.js';
import type { Finding } from '../../types.js';

/** The timers of a BGPPeer spec (v1beta1 has no connectTime). */
export interface PeerTimers {
  holdTime?: string;
  keepaliveTime?: string;
  connectTime?: string;
}

function readDuration(
  rule: string,
  timers: PeerTimers,
  key: keyof PeerTimers,
  out: Finding[],
): number | undefined {
  const text = timers[key];
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
export function timerFindings(rule: string, timers: PeerTimers): Finding[] {
  const out: Finding[] = [];
  const hold = readDuration(rule, timers, 'holdTime', out);
  const keepalive = readDuration(rule, timers, 'keepaliveTime', out);
  const connect = readDuration(rule, timers, 'connectTime', out);
  const effectiveHold = hold ?? (keepalive === undefined ? undefined : keepalive * 3);
  const effectiveKeepalive = keepalive ?? (hold === undefined ? undefined : hold / 3);
  if (effectiveHold !== undefined) {
    const rounded = Math.trunc(effectiveHold);
    const problem =
      timers.holdTime === undefined
        ? `without holdTime, keepaliveTime ${timers.keepaliveTime} makes the hold time ${effectiveHold}s (three keepalives); it must be 0 or at least 3s`
        : `hold time ${timers.holdTime} must be 0 or at least 3s`;
    if (rounded !== 0 && rounded < 3) out.push(deny(rule, 'spec.holdTime', problem, 'InvalidTimer'));
  }
  if (effectiveHold !== undefined && effectiveKeepalive !== undefined && effectiveKeepalive > effectiveHold) {
    out.push(
      deny(
        rule,
        'spec.keepaliveTime',
        `keepaliveTime ${timers.keepaliveTime} must not exceed holdTime ${timers.holdTime}`,
        'InvalidTimer',
      ),
    );
  }
  if (connect !== undefined && (connect < 1 || connect > 65535 || !Number.isInteger(connect)))
    out.push(
      deny(
        rule,
        'spec.connectTime',
        `connect time ${timers.connectTime} must be a whole number of seconds between 1s and 65535s`,
        'InvalidTimer',
      ),
    );
  return out;
}
