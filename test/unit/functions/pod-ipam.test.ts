/**
 * pod-ipam over a MemoryStore, case by case (test/fixtures/functions/pod-ipam/cases.yaml): each
 * case's events over state.yaml (plus the case's own state), then what the store holds. Claims,
 * IP objects and Warning Events are compared whole; Pod annotations and statuses field by field.
 */
import { describe, expect, it } from '@jest/globals';
import { podIpam } from '../../../functions/pod-ipam/index.js';
import type { KubeObject } from '../../../shared/kube/object.js';
import { type EventSpec, feed, newRuntime, readYaml } from './harness.js';

interface Case {
  name: string;
  state?: KubeObject[];
  events: EventSpec[];
  expect: {
    pods?: Record<string, Record<string, string>>;
    unallocated?: string[];
    claims?: Record<string, string>;
    ips?: Record<string, Record<string, unknown>>;
    subnets?: Record<string, Record<string, unknown>>;
    ippools?: Record<string, Record<string, unknown>>;
    warnings?: string[];
    gateways?: Record<string, Record<string, unknown>>;
  };
}

const state = readYaml<KubeObject[]>('pod-ipam/state.yaml');
const cases = readYaml<Case[]>('pod-ipam/cases.yaml');

describe('pod-ipam', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, testCase) => {
    const { store, processor } = await newRuntime([...state, ...(testCase.state ?? [])], [podIpam]);
    const results = await feed(processor, testCase.events);
    expect(results.map((r) => r.outcome)).toEqual(testCase.events.map(() => 'processed'));
    const want = testCase.expect;

    for (const [key, annotations] of Object.entries(want.pods ?? {})) {
      const [namespace = '', name = ''] = key.split('/');
      expect({ [key]: store.get('/Pod', namespace, name)?.metadata.annotations }).toEqual({
        [key]: expect.objectContaining(annotations),
      });
    }
    for (const key of want.unallocated ?? []) {
      const [namespace = '', name = ''] = key.split('/');
      const annotations = store.get('/Pod', namespace, name)?.metadata.annotations ?? {};
      expect({ [key]: annotations['ovn.kubernetes.io/allocated'] }).toEqual({ [key]: undefined });
    }
    if (want.claims) {
      const claims = store.list('acpnet.io/IPClaim');
      expect(
        Object.fromEntries(claims.map((c) => [c.metadata.name, (c.spec as { owner: string }).owner])),
      ).toEqual(want.claims);
    }
    if (want.ips) {
      const ips = store.list('kubeovn.io/IP');
      expect(ips.map((ip) => ip.metadata.name).sort()).toEqual(Object.keys(want.ips).sort());
      for (const [name, spec] of Object.entries(want.ips)) {
        expect({ [name]: store.get('kubeovn.io/IP', '', name)?.spec }).toEqual({
          [name]: expect.objectContaining(spec),
        });
      }
    }
    for (const [name, status] of Object.entries(want.subnets ?? {})) {
      expect({ [name]: store.get('kubeovn.io/Subnet', '', name)?.status }).toEqual({
        [name]: expect.objectContaining(status),
      });
    }
    for (const [name, status] of Object.entries(want.ippools ?? {})) {
      expect({ [name]: store.get('kubeovn.io/IPPool', '', name)?.status }).toEqual({
        [name]: expect.objectContaining(status),
      });
    }
    if (want.warnings) {
      const warnings = store
        .list('/Event')
        .map((e) => {
          const object = e['involvedObject'] as { namespace: string; name: string; kind: string };
          return `${object.kind} ${object.namespace}/${object.name} ${e['reason']}: ${e['message']}`;
        })
        .sort();
      expect(warnings).toEqual([...want.warnings].sort());
    }
    for (const [key, spec] of Object.entries(want.gateways ?? {})) {
      const [namespace = '', name = ''] = key.split('/');
      expect({ [key]: store.get('kubeovn.io/VpcEgressGateway', namespace, name)?.spec }).toEqual({
        [key]: expect.objectContaining(spec),
      });
    }
  });
});
