import type { OwnedListener } from '../../../../shared/gateway/listeners.js';

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
  if (a.listener.port !== b.listener.port) return undefined;
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
    const group = byPort.get(l.listener.port);
    if (group) group.push(l);
    else byPort.set(l.listener.port, [l]);
  }
  return listeners.map((listener) => {
    const samePort = byPort.get(listener.listener.port) ?? [];
    const conflicts: ListenerConflict[] = [];
    for (const other of samePort) {
      if (other === listener) continue;
      const reason = pairConflict(listener, other);
      if (reason) conflicts.push({ other, reason });
    }
    return { listener, conflicts };
  });
}

/**
 * Precedence tiers: every Gateway listener is tier 0 (Gateways pinning one address are judged as
 * one); each ListenerSet is its own tier, in input order (oldest first).
 */
function tiers(listeners: readonly OwnedListener[]): number[] {
  const setTier = new Map<string, number>();
  return listeners.map((l) => {
    if (l.owner.kind === 'Gateway') return 0;
    const key = `${l.owner.namespace}/${l.owner.name}`;
    if (!setTier.has(key)) setTier.set(key, setTier.size + 1);
    return setTier.get(key) ?? 0;
  });
}

function sameLayer4Protocol(a: OwnedListener, b: OwnedListener): boolean {
  const p = a.listener.protocol;
  return (p === 'TCP' || p === 'UDP') && p === b.listener.protocol;
}

/**
 * The Conflicted condition a controller would set on each listener of `listeners` (given in
 * precedence order: Gateways, then ListenerSets oldest first), as Envoy Gateway does it:
 * - tiers are settled in order; a listener loses to a conflicting listener of an earlier tier
 *   (the Gateway beats its ListenerSets, an older ListenerSet a newer one) unless that one lost
 *   its port itself (ProtocolConflict);
 * - then, among the survivors of one tier, both sides of a conflict lose, except two listeners
 *   of one layer-4 protocol on a port, where the first keeps the port;
 * - protocols are settled before hostnames: a listener that lost with ProtocolConflict takes no
 *   part in hostname comparisons.
 * Returns one verdict per input listener, in input order.
 */
export function conflictVerdicts(listeners: readonly OwnedListener[]): (ConflictReason | undefined)[] {
  const tier = tiers(listeners);
  const plans = planListenerConflicts(listeners);
  const position = new Map(listeners.map((l, i) => [l, i]));
  const verdicts: (ConflictReason | undefined)[] = listeners.map(() => undefined);
  const tierOrder = [...new Set(tier)].sort((a, b) => a - b);
  for (const reason of ['ProtocolConflict', 'HostnameConflict'] as const) {
    for (const t of tierOrder) {
      const members = plans.flatMap((_plan, i) => (tier[i] === t && verdicts[i] === undefined ? [i] : []));
      const candidates = (i: number) =>
        (plans[i]?.conflicts ?? []).filter((c) => c.reason === reason).map((c) => position.get(c.other) ?? 0);
      const lostToEarlier = members.filter((i) =>
        candidates(i).some((j) => (tier[j] ?? 0) < t && verdicts[j] !== 'ProtocolConflict'),
      );
      for (const i of lostToEarlier) verdicts[i] = reason;
      const survivors = new Set(members.filter((i) => verdicts[i] === undefined));
      const lostWithin = [...survivors].filter((i) =>
        candidates(i).some(
          (j) => survivors.has(j) && (!sameLayer4Protocol(listeners[i]!, listeners[j]!) || j < i),
        ),
      );
      for (const i of lostWithin) verdicts[i] = reason;
    }
  }
  return verdicts;
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
