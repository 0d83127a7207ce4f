/**
 * pod-ipam against a naive model, for IPv4, IPv6 and dual-stack Subnets: random sequences of Pods
 * created (some asking for a fixed address), deleted and finished, each one event through the
 * runtime onto a MemoryStore. After every event: no address is held twice, every address is inside
 * the Subnet's usable range and outside excludeIps and the gateway (unless fixed there), the claims
 * are exactly the live holdings, each allocation is the model's (lowest free first, released
 * addresses only once the never-used ones run out, one per family or none), and the Subnet's
 * counters are the model's.
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { podIpam } from '../../../functions/pod-ipam/index.js';
import { kubeOvnSubnetLayout } from '../../../shared/ipam/index.js';
import type { KubeObject } from '../../../shared/kube/object.js';
import type { Subnet } from '../../../shared/kube/schemas/kubeovn.js';
import { type Family, formatAddress, parseAddress } from '../../../shared/net/address.js';
import { parseCidr } from '../../../shared/net/cidr.js';
import { feed, newRuntime } from '../../unit/functions/harness.js';
import { NaiveAllocator } from '../ipam/naive-model.js';

const cidrs: Record<Family, (prefix: number) => string> = {
  4: (prefix) => `10.16.0.0/${prefix}`,
  6: (prefix) => `fd00:10:16::/${prefix}`,
};
const pods = 8;

type Op =
  | { op: 'create'; pod: number; fixed: number | undefined }
  | { op: 'delete'; pod: number }
  | { op: 'finish'; pod: number };

interface Setup {
  families: Family[];
  hostBits: number;
  excluded: [number, number][];
  ops: Op[];
}

const setupArb = (families: Family[]): fc.Arbitrary<Setup> =>
  fc.record({
    families: fc.constant(families),
    hostBits: fc.integer({ min: 2, max: 4 }),
    excluded: fc.array(fc.tuple(fc.nat(15), fc.nat(2)), { maxLength: 3 }),
    ops: fc.array(
      fc.oneof(
        {
          weight: 6,
          arbitrary: fc.record({
            op: fc.constant('create' as const),
            pod: fc.nat(pods - 1),
            fixed: fc.option(fc.nat(16), { nil: undefined, freq: 4 }),
          }),
        },
        { weight: 3, arbitrary: fc.record({ op: fc.constant('delete' as const), pod: fc.nat(pods - 1) }) },
        { weight: 1, arbitrary: fc.record({ op: fc.constant('finish' as const), pod: fc.nat(pods - 1) }) },
      ),
      { minLength: 1, maxLength: 30 },
    ),
  });

function subnetOf(setup: Setup): Subnet {
  const prefix = (family: Family) => (family === 4 ? 32 : 128) - setup.hostBits;
  const blocks = setup.families.map((f) => cidrs[f](prefix(f)));
  const excludeIps = setup.families.flatMap((family) => {
    const base = parseCidr(blocks[setup.families.indexOf(family)]!).network;
    return setup.excluded.map(([offset, width]) => {
      const first = formatAddress(family, base + BigInt(offset));
      return width === 0 ? first : `${first}..${formatAddress(family, base + BigInt(offset + width))}`;
    });
  });
  return {
    apiVersion: 'kubeovn.io/v1',
    kind: 'Subnet',
    metadata: { name: 'net' },
    spec: { cidrBlock: blocks.join(','), default: true, excludeIps },
  };
}

function podObject(
  pod: number,
  generation: number,
  annotations?: Record<string, string>,
  phase?: string,
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `pod-${pod}`,
      namespace: 'demo',
      uid: `uid-${pod}-${generation}`,
      ...(annotations ? { annotations } : {}),
    },
    ...(phase ? { status: { phase } } : {}),
  };
}

async function check(setup: Setup): Promise<void> {
  const subnet = subnetOf(setup);
  const layout = kubeOvnSubnetLayout(subnet, []);
  const models = new Map(layout.map((config) => [config.family, new NaiveAllocator(config)]));
  const namespace = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'demo' } };
  const { store, processor } = await newRuntime([subnet, namespace], [podIpam]);
  const generation = new Array<number>(pods).fill(0);
  const live = new Map<number, { fixed: string | undefined; finished: boolean }>();
  const owner = (pod: number) => `pod-${pod}.demo`;
  const waiting = new Set<number>();
  /** The model: fixed addresses (the other families the lowest free), all or nothing. */
  const allocateInModel = (pod: number, fixed: string | undefined): boolean => {
    const saved = [...models.values()].map((m) => m.clone());
    const results = [...models.entries()].map(([family, model]) =>
      fixed
        ? model.allocateSpecific(
            parseAddress(fixed.split(',')[setup.families.indexOf(family)]!).value,
            owner(pod),
          )
        : model.allocate(owner(pod)),
    );
    if (results.every((r) => r.ok)) return true;
    for (const [i, model] of [...models.values()].entries()) model.restore(saved[i]!);
    return false;
  };
  const network = new Map(
    layout.map((c) => [
      c.family,
      parseCidr(subnet.spec!.cidrBlock!.split(',')[setup.families.indexOf(c.family)]!),
    ]),
  );

  for (const [index, step] of setup.ops.entries()) {
    const id = `e${index}`;
    if (step.op === 'create') {
      if (live.has(step.pod)) continue;
      generation[step.pod]! += 1;
      const fixed =
        step.fixed === undefined
          ? undefined
          : setup.families
              .map((f) => formatAddress(f, network.get(f)!.network + BigInt(step.fixed!)))
              .join(',');
      live.set(step.pod, { fixed, finished: false });
      const annotations = fixed ? { 'ovn.kubernetes.io/ip_address': fixed } : undefined;
      await feed(processor, [
        { type: 'add', object: podObject(step.pod, generation[step.pod]!, annotations), id },
      ]);
      if (!allocateInModel(step.pod, fixed) && !fixed) waiting.add(step.pod);
    } else {
      const entry = live.get(step.pod);
      if (!entry || entry.finished) continue;
      if (step.op === 'delete') live.delete(step.pod);
      else entry.finished = true;
      const object = podObject(
        step.pod,
        generation[step.pod]!,
        undefined,
        step.op === 'finish' ? 'Succeeded' : undefined,
      );
      await feed(processor, [{ type: step.op === 'delete' ? 'delete' : 'update', object, id }]);
      waiting.delete(step.pod);
      const released = [...models.values()].map((model) => model.releaseOwner(owner(step.pod)).released);
      // Pods that found no free address are planned again, in name order, once one is released.
      if (released.some(Boolean)) {
        for (const pod of [...waiting].sort((a, b) => (`pod-${a}` < `pod-${b}` ? -1 : 1))) {
          if (allocateInModel(pod, undefined)) waiting.delete(pod);
        }
      }
    }

    // Every live Pod's addresses are the model's, and nothing else is held.
    const held = new Map<string, string>();
    for (const [pod, { fixed, finished }] of live) {
      // A finished Pod keeps its annotations (as with kube-ovn-controller); its addresses are free.
      if (finished) continue;
      const annotations = store.get('/Pod', 'demo', `pod-${pod}`)?.metadata.annotations ?? {};
      const want = [...models.entries()].map(([f, m]) =>
        m.owners.get(owner(pod)) !== undefined ? formatAddress(f, m.owners.get(owner(pod))!) : undefined,
      );
      const allocated = want.every((a) => a !== undefined);
      expect({ pod, ip: annotations['ovn.kubernetes.io/ip_address'] }).toEqual({
        pod,
        ip: allocated ? want.join(',') : fixed,
      });
      if (!allocated) continue;
      for (const [i, text] of want.entries()) {
        const family = setup.families[i]!;
        const value = parseAddress(text!).value;
        const model = models.get(family)!;
        expect(model.contains(value)).toBe(true);
        if (!fixed) expect(model.isExcluded(value)).toBe(false);
        expect(held.has(`${family}|${text}`)).toBe(false);
        held.set(`${family}|${text}`, owner(pod));
      }
    }
    const claims = store.list('acpnet.io/IPClaim').map((c) => c.spec as { address: string; owner: string });
    expect(new Map(claims.map((c) => [`${c.address.includes(':') ? 6 : 4}|${c.address}`, c.owner]))).toEqual(
      held,
    );
    const status = store.get('kubeovn.io/Subnet', '', 'net')?.status as Record<string, number> | undefined;
    for (const [family, model] of models) {
      const counters = model.counters()!;
      expect({
        family,
        available: status?.[`v${family}availableIPs`] ?? Number(counters.available),
        using: status?.[`v${family}usingIPs`] ?? 0,
      }).toEqual({
        family,
        available: Number(counters.available),
        using: Number(counters.used - counters.usedInExcluded),
      });
    }
  }
}

describe('pod-ipam against a naive model', () => {
  it.each([
    ['IPv4', [4] as Family[]],
    ['IPv6', [6] as Family[]],
    ['dual stack', [4, 6] as Family[]],
  ])(
    '%s: never twice, in range, outside excludeIps, lowest free, delayed reuse, counters',
    async (_name, families) => {
      await fc.assert(fc.asyncProperty(setupArb(families), check), { numRuns: 60 });
    },
  );
});
