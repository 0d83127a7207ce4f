import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import {
  gatewayAllowsListenerSet,
  type ListenerOwnerObject,
  listenerSetParent,
  listenersOf,
} from '../../../shared/gateway/listeners.js';
import { referenceGrantAllows } from '../../../shared/gateway/reference-grants.js';
import type { KindModel } from '../../../shared/kube/model/kind-model.js';
import { namespaceLabels } from '../../../shared/kube/namespace-labels.js';
import { type KubeObject, versionOf } from '../../../shared/kube/object.js';
import { SECRET } from '../../../shared/kube/schemas/core.js';
import {
  GATEWAY,
  type GatewayRoute,
  GRPC_ROUTE,
  HTTP_ROUTE,
  LISTENER_SET,
  REFERENCE_GRANT,
  TCP_ROUTE,
  TLS_ROUTE,
  UDP_ROUTE,
} from '../../../shared/kube/schemas/gateway-api/definitions.js';
import {
  listenerRefsVerdict,
  missingTlsKeys,
} from '../../../webhooks/rules/gateway/lib/certificate-ref-planner.js';
import { conflictVerdicts } from '../../../webhooks/rules/gateway/lib/listener-conflict-planner.js';
import { planRouteAttachment } from '../../../webhooks/rules/gateway/lib/route-attachment-planner.js';
import { backendRefsOf, parentRefsOf, routeHostnames } from '../../../webhooks/rules/gateway/lib/routes.js';
import { envoyGatewayTranslatorCases, envoyGatewayTranslatorDir } from '../../support/corpora.js';
import { array, dig, integer, record, text } from '../../support/raw-fields.js';

/**
 * Glue between the Envoy Gateway translator corpus (NAME.in.yaml: a map of object lists;
 * NAME.out.yaml: the same objects with status) and the pure planners: it computes our decisions
 * from `in` and reads upstream's from `out`, keyed identically so they can be compared.
 */

export interface CorpusCase {
  name: string;
  input: Record<string, unknown>;
  output: Record<string, unknown>;
}

export function loadCases(): CorpusCase[] {
  const dir = envoyGatewayTranslatorDir();
  const read = (file: string) => record(parse(readFileSync(path.join(dir, file), 'utf8'))) ?? {};
  return envoyGatewayTranslatorCases().map((name) => ({
    name,
    input: read(`${name}.in.yaml`),
    output: read(`${name}.out.yaml`),
  }));
}

const ROUTE_LISTS: Record<string, string> = {
  httpRoutes: 'HTTPRoute',
  grpcRoutes: 'GRPCRoute',
  tlsRoutes: 'TLSRoute',
  tcpRoutes: 'TCPRoute',
  udpRoutes: 'UDPRoute',
};

const ROUTE_MODELS: Record<string, KindModel<GatewayRoute>> = {
  httpRoutes: HTTP_ROUTE,
  grpcRoutes: GRPC_ROUTE,
  tlsRoutes: TLS_ROUTE,
  tcpRoutes: TCP_ROUTE,
  udpRoutes: UDP_ROUTE,
};

/** Objects of one list, with the kind the list implies (some corpus files omit it). */
function objects(doc: Record<string, unknown>, list: string, kind: string): KubeObject[] {
  return array(doc[list]).flatMap((o) => {
    const r = record(o);
    if (!r) return [];
    const metadata = record(r.metadata) ?? {};
    return [
      { ...r, apiVersion: text(r.apiVersion) ?? 'v1', kind, metadata: { namespace: 'default', ...metadata } },
    ];
  });
}

/** Schema issues about constraints TypeScript types do not express (patterns, bounds, refinements). */
const CONSTRAINT_ISSUES: ReadonlySet<string> = new Set([
  'custom',
  'too_big',
  'too_small',
  'invalid_format',
  'not_multiple_of',
  'unrecognized_keys',
]);

/** Whether `raw` has the shape of `model`'s objects, whatever constraints of the schema it breaks. */
function shapedAs<T extends KubeObject>(model: KindModel<T>, raw: KubeObject): raw is T {
  const parsed = model.versions[versionOf(raw.apiVersion)]?.safeParse(raw);
  return (
    parsed !== undefined &&
    (parsed.success || parsed.error.issues.every((i) => CONSTRAINT_ISSUES.has(i.code)))
  );
}

/**
 * Objects of one list as the planners take them. The corpus holds objects Envoy Gateway's translator
 * judges although the schemas refuse them (a repeated listener, a TLS listener without mode, too many
 * rules): the planners' decisions on them are what is compared, so they are taken as they are. Only
 * an object holding a value of the wrong type is read through its kind's model.
 */
function typedObjects<T extends KubeObject>(
  doc: Record<string, unknown>,
  list: string,
  model: KindModel<T>,
): T[] {
  return objects(doc, list, model.kind).flatMap((o) => {
    const typed = shapedAs(model, o) ? o : model.read(o).object;
    return typed ? [typed] : [];
  });
}

/** Gateways, then ListenerSets. */
function listenerOwners(doc: Record<string, unknown>): ListenerOwnerObject[] {
  return [...typedObjects(doc, 'gateways', GATEWAY), ...typedObjects(doc, 'listenerSets', LISTENER_SET)];
}

/** One decision: a subject (listener, route parent, route) and its outcome. */
export type Decisions = Map<string, string>;

function labelsOf(namespaces: readonly KubeObject[], ns: string): Record<string, string> {
  const found = namespaces.find((n) => n.metadata.name === ns);
  return namespaceLabels(ns, found?.metadata.labels);
}

function mergesGateways(input: Record<string, unknown>): boolean {
  return dig(input, 'envoyProxyForGatewayClass', 'spec', 'mergeGateways') === true;
}

/** ListenerSet precedence: older first, then by namespace/name. */
function byAge(a: KubeObject, b: KubeObject): number {
  const ta = a.metadata.creationTimestamp ?? '';
  const tb = b.metadata.creationTimestamp ?? '';
  return ta === tb ? key(a).localeCompare(key(b)) : ta < tb ? -1 : 1;
}

function key(obj: KubeObject): string {
  return `${obj.metadata.namespace}/${obj.metadata.name}`;
}

/** Our listener conflict verdicts (`HostnameConflict`, `ProtocolConflict`, `None`) per listener. */
export function ourListenerConflicts(input: Record<string, unknown>): Decisions {
  const gateways = typedObjects(input, 'gateways', GATEWAY);
  const sets = typedObjects(input, 'listenerSets', LISTENER_SET);
  const namespaces = objects(input, 'namespaces', 'Namespace');
  const groups = mergesGateways(input) ? [gateways] : gateways.map((g) => [g]);
  const out: Decisions = new Map();
  for (const group of groups) {
    const children = sets.filter((s) => {
      const parent = listenerSetParent(s);
      const gateway = group.find((g) => key(g) === `${parent.namespace}/${parent.name}`);
      const ns = s.metadata.namespace ?? '';
      return gateway !== undefined && gatewayAllowsListenerSet(gateway, ns, labelsOf(namespaces, ns));
    });
    const owners: ListenerOwnerObject[] = [...group, ...children.sort(byAge)];
    const listeners = owners.flatMap((owner) => listenersOf(owner));
    conflictVerdicts(listeners).forEach((verdict, i) => {
      const { owner, listener } = listeners[i]!;
      out.set(`${owner.kind} ${owner.namespace}/${owner.name} listener ${listener.name}`, verdict ?? 'None');
    });
  }
  return out;
}

function condition(conditions: unknown, type: string): { status?: string; reason?: string } | undefined {
  const found = array(conditions)
    .map(record)
    .find((c) => c?.type === type);
  return found ? { status: text(found.status), reason: text(found.reason) } : undefined;
}

/** Our listener ResolvedRefs verdicts (route kinds, certificate references) and protocol support. */
export function ourListenerRefs(input: Record<string, unknown>): Decisions {
  const grants = typedObjects(input, 'referenceGrants', REFERENCE_GRANT);
  const usable = new Set(
    typedObjects(input, 'secrets', SECRET)
      .filter((s) => missingTlsKeys(s).length === 0)
      .map(key),
  );
  const out: Decisions = new Map();
  for (const obj of listenerOwners(input)) {
    const kind = obj.kind;
    const from = { group: 'gateway.networking.k8s.io', kind, namespace: obj.metadata.namespace ?? '' };
    for (const { listener } of listenersOf(obj)) {
      const verdict = listenerRefsVerdict(
        listener,
        from,
        (ns) => grants.filter((g) => g.metadata.namespace === ns),
        (ns, name) => usable.has(`${ns}/${name}`),
      );
      out.set(`${kind} ${key(obj)} listener ${listener.name}`, verdict);
    }
  }
  return out;
}

/** Upstream listener ResolvedRefs reasons. */
export function upstreamListenerRefs(output: Record<string, unknown>): Decisions {
  return listenerConditionReasons(output, 'ResolvedRefs');
}

const PLATFORM_PROTOCOLS = new Set(['HTTP', 'HTTPS', 'TLS', 'TCP', 'UDP']);

/** Ours: a listener protocol outside the five the platform serves is UnsupportedProtocol. */
export function ourListenerProtocols(input: Record<string, unknown>): Decisions {
  const out: Decisions = new Map();
  for (const obj of listenerOwners(input))
    for (const { listener } of listenersOf(obj))
      out.set(
        `${obj.kind} ${key(obj)} listener ${listener.name}`,
        PLATFORM_PROTOCOLS.has(listener.protocol) ? 'Supported' : 'UnsupportedProtocol',
      );
  return out;
}

/** Upstream: Accepted=False with UnsupportedProtocol, else Supported. */
export function upstreamListenerProtocols(output: Record<string, unknown>): Decisions {
  const out: Decisions = new Map();
  for (const [subject, reason] of listenerConditionReasons(output, 'Accepted'))
    out.set(subject, reason === 'UnsupportedProtocol' ? reason : 'Supported');
  return out;
}

/** The reason of condition `type` on every listener in status (the type itself when True). */
function listenerConditionReasons(output: Record<string, unknown>, type: string): Decisions {
  const out: Decisions = new Map();
  for (const [list, kind] of [
    ['gateways', 'Gateway'],
    ['listenerSets', 'ListenerSet'],
  ] as const) {
    for (const obj of objects(output, list, kind)) {
      for (const l of array(dig(obj, 'status', 'listeners'))) {
        const name = text(record(l)?.name);
        const c = condition(record(l)?.conditions, type);
        if (name === undefined || !c) continue;
        out.set(`${kind} ${key(obj)} listener ${name}`, c.status === 'True' ? type : (c.reason ?? 'False'));
      }
    }
  }
  return out;
}

/** Upstream listener verdicts from `status.listeners[].conditions` (type Conflicted). */
export function upstreamListenerConflicts(output: Record<string, unknown>): Decisions {
  const out: Decisions = new Map();
  for (const [list, kind] of [
    ['gateways', 'Gateway'],
    ['listenerSets', 'ListenerSet'],
  ] as const) {
    for (const obj of objects(output, list, kind)) {
      for (const l of array(dig(obj, 'status', 'listeners'))) {
        const name = text(record(l)?.name);
        if (name === undefined) continue;
        const c = condition(record(l)?.conditions, 'Conflicted');
        out.set(
          `${kind} ${key(obj)} listener ${name}`,
          c?.status === 'True' ? (c.reason ?? 'Conflicted') : 'None',
        );
      }
    }
  }
  return out;
}

function parentKey(route: KubeObject, ref: Record<string, unknown> | undefined): string {
  const ns = text(ref?.namespace) ?? route.metadata.namespace;
  const section = text(ref?.sectionName);
  const port = integer(ref?.port);
  return `${route.kind} ${key(route)} -> ${text(ref?.kind) ?? 'Gateway'} ${ns}/${text(ref?.name)}${section ? `#${section}` : ''}${port ? `:${port}` : ''}`;
}

/** Our attachment reason per route parentRef whose parent is in the corpus case. */
export function ourRouteAttachments(input: Record<string, unknown>): Decisions {
  const gateways = typedObjects(input, 'gateways', GATEWAY);
  const sets = typedObjects(input, 'listenerSets', LISTENER_SET);
  const namespaces = objects(input, 'namespaces', 'Namespace');
  const out: Decisions = new Map();
  for (const [list, model] of Object.entries(ROUTE_MODELS)) {
    const kind = model.kind;
    for (const route of typedObjects(input, list, model)) {
      const ns = route.metadata.namespace ?? '';
      const subject = { kind, namespace: ns, hostnames: routeHostnames(route) };
      const refs = array(dig(route, 'spec', 'parentRefs')).map(record);
      for (const ref of parentRefsOf(route)) {
        const parents: readonly ListenerOwnerObject[] = ref.kind === 'ListenerSet' ? sets : gateways;
        const parent = parents.find((p) => key(p) === `${ref.namespace}/${ref.name}`);
        if (!parent) continue;
        const plan = planRouteAttachment(subject, ref, listenersOf(parent), labelsOf(namespaces, ns));
        out.set(parentKey(route, refs[ref.index]), plan.reason);
      }
    }
  }
  return out;
}

/** Upstream attachment reason per route parent (`Accepted` condition; `Accepted` when True). */
export function upstreamRouteAttachments(output: Record<string, unknown>): Decisions {
  const out: Decisions = new Map();
  for (const [list, kind] of Object.entries(ROUTE_LISTS)) {
    for (const route of objects(output, list, kind)) {
      for (const p of array(dig(route, 'status', 'parents'))) {
        const c = condition(record(p)?.conditions, 'Accepted');
        if (!c) continue;
        out.set(
          parentKey(route, record(record(p)?.parentRef)),
          c.status === 'True' ? 'Accepted' : (c.reason ?? 'False'),
        );
      }
    }
  }
  return out;
}

/** Our backend reference verdict per route: RefNotPermitted when a cross-namespace ref lacks a grant. */
export function ourRouteRefs(input: Record<string, unknown>): Decisions {
  const grants = typedObjects(input, 'referenceGrants', REFERENCE_GRANT);
  const out: Decisions = new Map();
  for (const [list, model] of Object.entries(ROUTE_MODELS)) {
    const kind = model.kind;
    for (const route of typedObjects(input, list, model)) {
      const ns = route.metadata.namespace ?? '';
      const denied = backendRefsOf(route).some(
        (ref) =>
          ref.namespace !== ns &&
          !referenceGrantAllows(
            grants.filter((g) => g.metadata.namespace === ref.namespace),
            { group: 'gateway.networking.k8s.io', kind, namespace: ns },
            { group: ref.group, kind: ref.kind, name: ref.name },
          ),
      );
      out.set(`${kind} ${key(route)}`, denied ? 'RefNotPermitted' : 'Permitted');
    }
  }
  return out;
}

/** Upstream: RefNotPermitted when any parent's ResolvedRefs condition says so. */
export function upstreamRouteRefs(output: Record<string, unknown>): Decisions {
  const out: Decisions = new Map();
  for (const [list, kind] of Object.entries(ROUTE_LISTS)) {
    for (const route of objects(output, list, kind)) {
      const parents = array(dig(route, 'status', 'parents'));
      if (parents.length === 0) continue;
      const denied = parents.some(
        (p) => condition(record(p)?.conditions, 'ResolvedRefs')?.reason === 'RefNotPermitted',
      );
      out.set(`${kind} ${key(route)}`, denied ? 'RefNotPermitted' : 'Permitted');
    }
  }
  return out;
}

export interface Comparison {
  compared: number;
  agree: number;
  /** `case: subject: ours=X upstream=Y` for every disagreement. */
  differences: { case: string; subject: string; ours: string; upstream: string }[];
}

/** Compares the subjects both sides decided on. */
export function compare(caseName: string, ours: Decisions, upstream: Decisions, into: Comparison): void {
  for (const [subject, theirs] of upstream) {
    const mine = ours.get(subject);
    if (mine === undefined) continue;
    into.compared += 1;
    if (mine === theirs) into.agree += 1;
    else into.differences.push({ case: caseName, subject, ours: mine, upstream: theirs });
  }
}
