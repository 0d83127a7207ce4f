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

  it('gives every documented difference a reason', () => {
    for (const list of Object.values(documented))
      for (const d of list ?? []) expect(d.why.length).toBeGreaterThan(40);
  });
});
