import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { ModelView } from '../../../../shared/kube/model/model-view.js';
import type { Subnet, SubnetSpec } from '../../../../shared/kube/schemas/kubeovn.js';
import { formatAddress } from '../../../../shared/net/address.js';
import { cidrFrom, cidrRange } from '../../../../shared/net/cidr.js';
import type { IPRange } from '../../../../shared/net/range.js';
import { kubeovnFamily } from '../../../../webhooks/rules/kubeovn/index.js';
import { subnetOverlapsRule } from '../../../../webhooks/rules/kubeovn/subnet-overlaps.js';
import { settingsWith, storeWith } from '../support/fixture-cases.js';

interface SubnetShape {
  family: 4 | 6;
  offset: number;
  hostBits: number;
  vpc: '' | 'tenant';
  vlan: '' | 'vlan10' | 'vlan20';
}

// CIDRs inside 10.16.0.0/16 or fd00:16::/112, so random sets overlap often.
const shapeArb: fc.Arbitrary<SubnetShape> = fc.record({
  family: fc.constantFrom<4 | 6>(4, 6),
  offset: fc.nat(0xffff),
  hostBits: fc.integer({ min: 2, max: 12 }),
  vpc: fc.constantFrom<'' | 'tenant'>('', 'tenant'),
  vlan: fc.constantFrom<'' | 'vlan10' | 'vlan20'>('', '', 'vlan10', 'vlan20'),
});

function rangeOf(shape: SubnetShape): IPRange {
  const base = shape.family === 4 ? 0x0a100000n : 0xfd000016n << 96n;
  const prefix = (shape.family === 4 ? 32 : 128) - shape.hostBits;
  return cidrRange(cidrFrom(shape.family, base + BigInt(shape.offset), prefix));
}

function subnetOf(name: string, shape: SubnetShape): Subnet {
  const range = rangeOf(shape);
  const prefix = (shape.family === 4 ? 32 : 128) - shape.hostBits;
  const spec: SubnetSpec = {
    cidrBlock: `${formatAddress(shape.family, range.first)}/${prefix}`,
  };
  if (shape.vpc) spec.vpc = shape.vpc;
  if (shape.vlan) spec.vlan = shape.vlan;
  return { apiVersion: 'kubeovn.io/v1', kind: 'Subnet', metadata: { name }, spec };
}

/** The brute-force model: every stored subnet in the same address space whose addresses intersect. */
function expectedConflicts(candidate: SubnetShape, stored: SubnetShape[]): string[] {
  const mine = rangeOf(candidate);
  return stored
    .map((shape, i) => ({ shape, name: `s${i}` }))
    .filter(({ shape }) => {
      if (shape.family !== candidate.family || shape.vpc !== candidate.vpc) return false;
      if (shape.vlan !== candidate.vlan) return false;
      const other = rangeOf(shape);
      return other.first <= mine.last && mine.first <= other.last;
    })
    .map(({ name }) => `Subnet ${name}`)
    .sort();
}

describe('subnet overlap rule agrees with a brute-force check', () => {
  it('on random v4 and v6 CIDR sets across VPCs and VLANs', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(shapeArb, { maxLength: 25 }), shapeArb, async (stored, candidate) => {
        const view = storeWith(
          [kubeovnFamily],
          stored.map((shape, i) => subnetOf(`s${i}`, shape)),
        );
        const findings = await subnetOverlapsRule.check({
          operation: 'CREATE',
          object: subnetOf('candidate', candidate),
          view: new ModelView(view),
          settings: settingsWith({ serviceCidrs: [] }),
        });
        const conflicts = findings.map((f) => f.conflictsWith ?? '').sort();
        expect(conflicts).toEqual(expectedConflicts(candidate, stored));
      }),
      { numRuns: 150 },
    );
  });
});
