import { MIGRATED_LISTENERS_ANNOTATION } from '../kube/keys/openshift-route.js';
import { NAMESPACE_NAME_LABEL } from '../kube/namespace-labels.js';
import type { Gateway } from '../kube/schemas/gateway-api/gateway.js';
import type { Listener } from '../kube/schemas/gateway-api/listener.js';
import type { GatewayRef } from './gateway-choice.js';
import { hostListenerName } from './names.js';

/** A listener a Route needs: plain HTTP, HTTPS (its own certificate, or the Gateway's default one), TLS passthrough. */
export type ListenerNeed =
  | { kind: 'http'; hostname: string }
  | { kind: 'https'; hostname: string; certificate?: { namespace: string; name: string } }
  | { kind: 'tls'; hostname: string };

export interface NeedOf {
  /** `namespace/name` of the Route. */
  route: string;
  namespace: string;
  need: ListenerNeed;
}

export interface Assignment {
  sectionName: string;
  /** For an HTTPS need with its own certificate: whose certificate the listener serves instead, if not its own. */
  servedBy?: string;
}

export interface GatewayPlan {
  /** Listeners added for the Routes, by name. */
  added: Listener[];
  /** The listeners the migration owns after this plan (the Gateway's annotation). */
  ours: string[];
  /** The listeners the Gateway keeps: every one not the migration's (with pruning), else every one. */
  base: readonly Listener[];
  /** Per Route, per need (in the order given): its listener, or why there is none. */
  assignments: Map<string, (Assignment | { failure: string })[]>;
}

export const HTTP_PORT = 80;
export const HTTPS_PORT = 443;

/** The listeners the migration added to a Gateway before, from its annotation. */
export function migratedListeners(gateway: Gateway | undefined): string[] {
  const text = gateway?.metadata.annotations?.[MIGRATED_LISTENERS_ANNOTATION] ?? '';
  return text.split(',').filter(Boolean);
}

function matches(l: Listener, protocol: string, port: number, hostname: string | undefined): boolean {
  return l.protocol === protocol && l.port === port && l.hostname === hostname;
}

class Planner {
  readonly added = new Map<string, { listener: Listener; namespaces: Set<string>; route?: string }>();
  private readonly taken: Set<string>;

  constructor(
    readonly gateway: GatewayRef,
    readonly base: readonly Listener[],
  ) {
    this.taken = new Set(base.map((l) => l.name));
  }

  private find(protocol: string, port: number, hostname: string | undefined): Listener | undefined {
    return (
      this.base.find((l) => matches(l, protocol, port, hostname)) ??
      [...this.added.values()].map((a) => a.listener).find((l) => matches(l, protocol, port, hostname))
    );
  }

  private add(name: string, listener: Omit<Listener, 'name'>, namespace: string, route?: string): string {
    // Called only when no listener fits; a name an existing listener has gets a suffix.
    const free = this.taken.has(name) ? `${name}-migrated` : name;
    this.added.set(free, {
      listener: { name: free, ...listener },
      namespaces: new Set([namespace]),
      ...(route ? { route } : {}),
    });
    return free;
  }

  private use(l: Listener, namespace: string): string {
    this.added.get(l.name)?.namespaces.add(namespace);
    return l.name;
  }

  assign(of: NeedOf): Assignment | { failure: string } {
    const { need, namespace } = of;
    switch (need.kind) {
      case 'http': {
        const l = this.find('HTTP', HTTP_PORT, need.hostname) ?? this.find('HTTP', HTTP_PORT, undefined);
        return {
          sectionName: l
            ? this.use(l, namespace)
            : this.add('http', { protocol: 'HTTP', port: HTTP_PORT }, namespace),
        };
      }
      case 'tls': {
        const l = this.find('TLS', HTTPS_PORT, need.hostname);
        if (l) return { sectionName: this.use(l, namespace) };
        const name = hostListenerName('tls', need.hostname);
        return {
          sectionName: this.add(
            name,
            { protocol: 'TLS', port: HTTPS_PORT, hostname: need.hostname, tls: { mode: 'Passthrough' } },
            namespace,
          ),
        };
      }
      case 'https': {
        const own = this.find('HTTPS', HTTPS_PORT, need.hostname);
        if (own) {
          const addedBy = this.added.get(own.name)?.route;
          const servedBy =
            addedBy === undefined
              ? `listener "${own.name}"`
              : addedBy === of.route
                ? undefined
                : `Route ${addedBy}`;
          return {
            sectionName: this.use(own, namespace),
            ...(need.certificate && servedBy ? { servedBy } : {}),
          };
        }
        if (need.certificate) {
          const { name, namespace: secretNamespace } = need.certificate;
          const ref =
            secretNamespace === this.gateway.namespace ? { name } : { name, namespace: secretNamespace };
          const listener = {
            protocol: 'HTTPS',
            port: HTTPS_PORT,
            hostname: need.hostname,
            tls: { mode: 'Terminate' as const, certificateRefs: [ref] },
          };
          return {
            sectionName: this.add(hostListenerName('https', need.hostname), listener, namespace, of.route),
          };
        }
        const fallback = this.find('HTTPS', HTTPS_PORT, undefined);
        if (fallback) return { sectionName: this.use(fallback, namespace) };
        return {
          failure: `Gateway ${this.gateway.namespace}/${this.gateway.name} has no HTTPS listener on port ${HTTPS_PORT} without a hostname to serve its default certificate to a Route without one (guide: 默认 TLS 证书用于 Ingress); add one, or give the Route a certificate`,
        };
      }
    }
  }

  addedListeners(): Listener[] {
    return [...this.added.values()]
      .map(({ listener, namespaces }) => {
        const others = [...namespaces].filter((ns) => ns !== this.gateway.namespace).sort();
        if (others.length === 0) return listener;
        const values = [...namespaces].sort();
        return {
          ...listener,
          allowedRoutes: {
            namespaces: {
              from: 'Selector' as const,
              selector: { matchExpressions: [{ key: NAMESPACE_NAME_LABEL, operator: 'In', values }] },
            },
          },
        };
      })
      .sort((a, b) => (a.name < b.name ? -1 : 1));
  }
}

/**
 * The listeners a Gateway needs for Routes, in the order given (oldest Route first, so its
 * certificate is the one a shared host listener serves): an existing listener that fits is used;
 * otherwise one is added (`http`, `https-<host>` with the Route's certificate, `tls-<host>`).
 * HTTPS needs with a certificate go first, so that a Route without one shares its host's listener.
 * With `prune`, the listeners the migration added before are planned anew (the Routes given are
 * all the Routes migrated onto the Gateway).
 */
export function planGatewayListeners(
  gateway: GatewayRef,
  existing: Gateway | undefined,
  needs: readonly NeedOf[],
  prune: boolean,
): GatewayPlan {
  const before = migratedListeners(existing);
  const current = existing?.spec.listeners ?? [];
  const base = prune ? current.filter((l) => !before.includes(l.name)) : current;
  const planner = new Planner(gateway, base);
  const results = new Map<NeedOf, Assignment | { failure: string }>();
  const withCertificate = (n: NeedOf) => n.need.kind === 'https' && n.need.certificate !== undefined;
  for (const of of needs.filter(withCertificate)) results.set(of, planner.assign(of));
  for (const of of needs.filter((n) => !withCertificate(n))) results.set(of, planner.assign(of));
  const assignments = new Map<string, (Assignment | { failure: string })[]>();
  for (const of of needs) assignments.set(of.route, [...(assignments.get(of.route) ?? []), results.get(of)!]);
  const added = planner.addedListeners();
  const ours = [...new Set([...(prune ? [] : before), ...added.map((l) => l.name)])].sort();
  return { added, ours, base, assignments };
}
