import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import {
  type Comparison,
  compare,
  type Decisions,
  loadCases,
  ourListenerConflicts,
  ourListenerProtocols,
  ourListenerRefs,
  ourRouteAttachments,
  ourRouteRefs,
  upstreamListenerConflicts,
  upstreamListenerProtocols,
  upstreamListenerRefs,
  upstreamRouteAttachments,
  upstreamRouteRefs,
} from './support/envoy-gateway-corpus.js';

/**
 * Why acpnet deliberately decides differently from Envoy Gateway's translator. Every listed
 * difference (fixtures/gateway/envoy-gateway-translator-differences.yaml) names one of these.
 */
const DELIBERATE: Record<string, string> = {
  'secret-missing-skips-conflicts':
    'Envoy Gateway leaves a listener whose certificate Secret is missing out of conflict resolution. acpnet judges the spec: a missing Secret only warns (GitOps may apply it later), and once it exists the two listeners conflict.',
  'tcp-beside-tls':
    'Platform rule (issue 2 section 4): a TCP listener cannot share a port with HTTP, HTTPS or TLS listeners. Envoy Gateway lets TCP and TLS share one.',
  'tlsroute-on-terminate':
    'Platform rule (guide, supported route kinds): a TLS listener in Terminate mode carries TCPRoute only, so a TLSRoute does not attach and allowedRoutes.kinds TLSRoute there is InvalidRouteKinds. Envoy Gateway also attaches TLSRoutes to it.',
  'tls-listener-without-mode':
    'The corpus Gateway has a TLS listener without tls, which the schema refuses (tls mode must be set for protocol TLS). Envoy Gateway treats it as Passthrough; acpnet reads the API default, Terminate.',
  'kinds-group-default':
    "The corpus skips API-server defaulting: allowedRoutes.kinds[].group defaults to gateway.networking.k8s.io, so Envoy Gateway's translator sees no group and matches no kind. acpnet applies the default.",
  'route-rule-count':
    'Not an attachment decision: Envoy Gateway refuses a TCPRoute/UDPRoute with more than one rule (InvalidRule). acpnet refuses it through the v1 route schemas and, for v1alpha2, the gateway/l4-route-rules platform rule, not the attachment planner.',
  'route-field-values':
    'Not an attachment decision: Envoy Gateway refuses an invalid URLRewrite or filter value (UnsupportedValue). acpnet refuses it through the HTTPRoute field rules, not the attachment planner.',
  'certificate-content':
    "Certificate content is not this planner's: Envoy Gateway also refuses Secrets whose tls.crt does not decode, whose key does not match, or SDS reference Secrets. The gateway rules check that the Secret exists with tls.crt and tls.key; the certificates rules judge the content.",
};

interface Difference {
  case: string;
  subject: string;
  ours: string;
  upstream: string;
  why: string;
}

const documented = parse(
  readFileSync(
    path.resolve(import.meta.dirname, '../fixtures/gateway/envoy-gateway-translator-differences.yaml'),
    'utf8',
  ),
) as Record<string, Difference[] | null>;

const cases = loadCases();

type Side = (doc: Record<string, unknown>) => Decisions;

const decisions: { name: string; title: string; ours: Side; upstream: Side }[] = [
  {
    name: 'listenerConflicts',
    title: 'listener conflicts',
    ours: ourListenerConflicts,
    upstream: upstreamListenerConflicts,
  },
  {
    name: 'routeAttachment',
    title: 'route attachment',
    ours: ourRouteAttachments,
    upstream: upstreamRouteAttachments,
  },
  { name: 'routeRefs', title: 'route ResolvedRefs', ours: ourRouteRefs, upstream: upstreamRouteRefs },
  {
    name: 'listenerRefs',
    title: 'listener ResolvedRefs',
    ours: ourListenerRefs,
    upstream: upstreamListenerRefs,
  },
  {
    name: 'listenerProtocols',
    title: 'listener protocols',
    ours: ourListenerProtocols,
    upstream: upstreamListenerProtocols,
  },
];

function run(ours: Side, upstream: Side): Comparison & { unmatched: string[] } {
  const result = {
    compared: 0,
    agree: 0,
    differences: [] as Comparison['differences'],
    unmatched: [] as string[],
  };
  for (const c of cases) {
    const mine = ours(c.input);
    const theirs = upstream(c.output);
    for (const subject of theirs.keys())
      if (!mine.has(subject)) result.unmatched.push(`${c.name}: ${subject}`);
    compare(c.name, mine, theirs, result);
  }
  return result;
}

const results = decisions.map((d) => ({ ...d, result: run(d.ours, d.upstream) }));

describe('Envoy Gateway translator corpus', () => {
  it('reads every pair of the corpus', () => {
    expect(cases.length).toBeGreaterThanOrEqual(200);
    for (const c of cases) expect(Object.keys(c.output).length).toBeGreaterThan(0);
  });

  it.each(results.map((r) => [`${r.title}: ${r.result.agree}/${r.result.compared} agree`, r] as const))(
    '%s; every difference is documented',
    (_title, r) => {
      const expected = (documented[r.name] ?? []).map(({ why: _why, ...d }) => d);
      expect(r.result.compared).toBeGreaterThan(0);
      // Every upstream decision is matched by one of ours: nothing is skipped silently.
      expect(r.result.unmatched).toEqual([]);
      expect(r.result.differences).toEqual(expected);
      expect(r.result.agree).toBe(r.result.compared - expected.length);
    },
  );

  it.each(Object.entries(DELIBERATE))('deliberate difference %s is used and explained', (id, why) => {
    const uses = Object.values(documented).flatMap((list) => (list ?? []).filter((d) => d.why === id));
    expect(uses.length).toBeGreaterThan(0);
    expect(why.length).toBeGreaterThan(40);
  });

  it('names a known reason for every documented difference', () => {
    for (const list of Object.values(documented))
      for (const d of list ?? []) expect(Object.keys(DELIBERATE)).toContain(d.why);
  });
});
