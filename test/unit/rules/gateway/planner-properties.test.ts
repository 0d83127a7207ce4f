import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { OwnedListener } from '../../../../shared/gateway/listeners.js';
import { hostnamesIntersect } from '../../../../webhooks/rules/gateway/lib/hostnames.js';
import {
  conflictVerdicts,
  pairConflict,
  planListenerConflicts,
} from '../../../../webhooks/rules/gateway/lib/listener-conflict-planner.js';

const label = fc.constantFrom('a', 'b', 'api', 'www');
const concrete = fc.array(label, { minLength: 1, maxLength: 3 }).map((ls) => `${ls.join('.')}.example.com`);
const hostname = fc.oneof(
  concrete,
  concrete.map((h) => `*.${h.split('.').slice(1).join('.')}`),
  fc.constant('*'),
);

const listener = fc.record({
  owner: fc.constantFrom('Gateway/eg', 'ListenerSet/a', 'ListenerSet/b'),
  port: fc.constantFrom(80, 443, 53),
  protocol: fc.constantFrom('HTTP', 'HTTPS', 'TLS', 'TCP', 'UDP'),
  hostname: fc.option(fc.constantFrom('a.example.com', 'b.example.com'), { nil: undefined }),
});

function owned(
  rows: { owner: string; port: number; protocol: string; hostname?: string }[],
): OwnedListener[] {
  // Precedence order: the Gateway's listeners first, then ListenerSets.
  const sorted = [...rows].sort(
    (x, y) => (x.owner.startsWith('Gateway') ? 0 : 1) - (y.owner.startsWith('Gateway') ? 0 : 1),
  );
  return sorted.map((r, index) => {
    const [kind, name] = r.owner.split('/') as ['Gateway' | 'ListenerSet', string];
    return {
      owner: { kind, namespace: 'default', name },
      index,
      listener: { name: `l${index}`, port: r.port, protocol: r.protocol, hostname: r.hostname },
    };
  });
}

describe('planner properties', () => {
  it('hostname intersection is symmetric and reflexive', () => {
    fc.assert(
      fc.property(hostname, hostname, (a, b) => {
        expect(hostnamesIntersect(a, b)).toBe(hostnamesIntersect(b, a));
        expect(hostnamesIntersect(a, a)).toBe(true);
      }),
    );
  });

  it('a wildcard never covers its bare domain', () => {
    fc.assert(
      fc.property(concrete, (h) => {
        expect(hostnamesIntersect(`*.${h}`, h)).toBe(false);
      }),
    );
  });

  it('pairwise conflicts are symmetric and only on a shared port', () => {
    fc.assert(
      fc.property(fc.array(listener, { maxLength: 8 }), (rows) => {
        const listeners = owned(rows);
        for (const a of listeners)
          for (const b of listeners) {
            if (a === b) continue;
            expect(pairConflict(a, b)).toBe(pairConflict(b, a));
            if (a.listener.port !== b.listener.port) expect(pairConflict(a, b)).toBeUndefined();
          }
      }),
    );
  });

  it('a listener is Conflicted only if it has a conflict, and the Gateway keeps a port nothing of its own contests', () => {
    fc.assert(
      fc.property(fc.array(listener, { maxLength: 8 }), (rows) => {
        const listeners = owned(rows);
        const plans = planListenerConflicts(listeners);
        const verdicts = conflictVerdicts(listeners);
        verdicts.forEach((verdict, i) => {
          const plan = plans[i]!;
          if (verdict !== undefined) expect(plan.conflicts.map((c) => c.reason)).toContain(verdict);
          const gatewayOnly = plan.conflicts.every((c) => c.other.owner.kind === 'ListenerSet');
          if (plan.listener.owner.kind === 'Gateway' && gatewayOnly) expect(verdict).toBeUndefined();
        });
      }),
    );
  });
});
