import { describe, expect, it } from '@jest/globals';
import { editArgs } from '../../../functions/bgp-hosts/speaker-args.js';
import { speakerFlags } from '../../../functions/bgp-hosts/speaker-flags.js';
import type { BGPPeer } from '../../../shared/kube/schemas/metallb.js';
import { readYaml } from './harness.js';

interface ArgsCase {
  name: string;
  args: string[];
  handled: string[];
  values: Record<string, string>;
  expect: string[];
}

describe('kube-ovn-speaker args', () => {
  it.each(readYaml<ArgsCase[]>('bgp-hosts/args.yaml').map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(editArgs(c.args, new Set(c.handled), new Map(Object.entries(c.values)))).toEqual(c.expect);
  });
});

function peer(name: string, spec: Record<string, unknown>): BGPPeer {
  return {
    apiVersion: 'metallb.io/v1beta2',
    kind: 'BGPPeer',
    metadata: { name, namespace: 'metallb-system' },
    spec: { myASN: 65000, ...spec },
  } as BGPPeer;
}

describe('speaker flags from BGPPeers', () => {
  it('a hold time that is no Go duration is a conflict, never a flag value', () => {
    const flags = speakerFlags([peer('a', { peerASN: 1, peerAddress: '10.0.0.1', holdTime: 'soon' })]);
    expect(flags.values.has('--holdtime')).toBe(false);
    expect(flags.conflicts.get('--holdtime')).toBe('metallb-system/a: "soon" is no duration');
  });

  it('a peer address that is no IP address gives no neighbour; duplicates and the order of peers do not matter', () => {
    const flags = speakerFlags([
      peer('b', { peerASN: 1, peerAddress: '10.0.0.10' }),
      peer('a', { peerASN: 1, peerAddress: 'router.example' }),
      peer('c', { peerASN: 1, peerAddress: '10.0.0.9' }),
      peer('d', { peerASN: 1, peerAddress: '10.0.0.9' }),
    ]);
    expect(flags.values.get('--neighbor-address')).toBe('10.0.0.9,10.0.0.10');
    expect(flags.values.has('--neighbor-ipv6-address')).toBe(false);
  });

  it('a peer without peerASN (dynamicASN) against one with it is a conflict', () => {
    const flags = speakerFlags([peer('a', { peerASN: 65001 }), peer('b', { dynamicASN: 'external' })]);
    expect(flags.conflicts.get('--neighbor-as')).toBe('metallb-system/a: 65001, metallb-system/b: default');
  });

  it('no peer, no flag', () => {
    expect(speakerFlags([])).toEqual({ values: new Map(), conflicts: new Map() });
  });
});
