import type { OwnedListener } from './listeners.js';

export type ConflictReason = 'HostnameConflict' | 'ProtocolConflict';

export interface ListenerConflict {
  other: OwnedListener;
  reason: ConflictReason;
}

export interface ListenerConflictPlan {
  listener: OwnedListener;
  /** Every other listener it cannot share its port with, in input order. */
  conflicts: ListenerConflict[];
}

type ProtocolFamily = 'http' | 'tls' | 'tcp' | 'udp' | 'other';

function familyOf(protocol: string): ProtocolFamily {
  switch (protocol) {
    case 'HTTP':
      return 'http';
    case 'HTTPS':
    case 'TLS':
      return 'tls';
    case 'TCP':
      return 'tcp';
    case 'UDP':
      return 'udp';
    default:
      return 'other';
  }
}

/**
 * Whether two listeners on the same port can coexist (Gateway API distinctness, platform flavour):
 * UDP shares a port with any TCP-based listener but not with another UDP listener; TCP shares it
 * with nothing TCP-based; HTTP does not share it with HTTPS or TLS; HTTPS and TLS are compatible
 * (they are told apart by SNI) as are listeners of one family with distinct hostnames.
 */
export function pairConflict(a: OwnedListener, b: OwnedListener): ConflictReason | undefined {
  if (a.listener.port === undefined || a.listener.port !== b.listener.port) return undefined;
  const fa = familyOf(a.listener.protocol);
  const fb = familyOf(b.listener.protocol);
  if (fa === 'other' || fb === 'other') return undefined;
  if (fa === 'udp' || fb === 'udp') return fa === fb ? 'ProtocolConflict' : undefined;
  if (fa === 'tcp' || fb === 'tcp' || fa !== fb) return 'ProtocolConflict';
  return (a.listener.hostname ?? '') === (b.listener.hostname ?? '') ? 'HostnameConflict' : undefined;
}

/**
 * Pairwise conflicts among listeners that share one data plane (a Gateway with its ListenerSets,
 * or Gateways that share a static address). Pure: callers assemble the list in precedence order
 * (Gateway first, then ListenerSets oldest first).
 */
export function planListenerConflicts(listeners: readonly OwnedListener[]): ListenerConflictPlan[] {
  const byPort = new Map<number, OwnedListener[]>();
  for (const l of listeners) {
    if (l.listener.port === undefined) continue;
    const group = byPort.get(l.listener.port);
    if (group) group.push(l);
    else byPort.set(l.listener.port, [l]);
  }
  return listeners.map((listener) => {
    const samePort = listener.listener.port === undefined ? [] : (byPort.get(listener.listener.port) ?? []);
    const conflicts: ListenerConflict[] = [];
    for (const other of samePort) {
      if (other === listener) continue;
      const reason = pairConflict(listener, other);
      if (reason) conflicts.push({ other, reason });
    }
    return { listener, conflicts };
  });
}

/** A Gateway's own listeners outrank those merged in from ListenerSets; ListenerSets rank equally. */
function rank(l: OwnedListener): number {
  return l.owner.kind === 'Gateway' ? 0 : 1;
}

/**
 * The condition a controller would set: the listener loses (Conflicted) when it conflicts with a
 * listener of equal or higher rank. ProtocolConflict wins over HostnameConflict.
 */
export function conflictVerdict(plan: ListenerConflictPlan): ConflictReason | undefined {
  const losing = plan.conflicts.filter((c) => rank(c.other) <= rank(plan.listener));
  if (losing.length === 0) return undefined;
  return losing.some((c) => c.reason === 'ProtocolConflict') ? 'ProtocolConflict' : 'HostnameConflict';
}

export function describeConflict(plan: ListenerConflictPlan, conflict: ListenerConflict): string {
  const l = plan.listener.listener;
  const where = `${l.port}/${l.protocol}`;
  if (conflict.reason === 'HostnameConflict') {
    const host = l.hostname === undefined ? 'no hostname' : `hostname "${l.hostname}"`;
    return `${host} on port ${where} is already used`;
  }
  return `port ${where} cannot be shared with a ${conflict.other.listener.protocol} listener`;
}
