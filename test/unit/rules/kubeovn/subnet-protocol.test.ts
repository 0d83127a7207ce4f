import { describe, expect, it } from '@jest/globals';
import { ModelView } from '../../../../shared/kube/model/model-view.js';
import type { Subnet, SubnetSpec } from '../../../../shared/kube/schemas/kubeovn.js';
import { kubeovnFamily } from '../../../../webhooks/rules/kubeovn/index.js';
import { subnetAddressingRule } from '../../../../webhooks/rules/kubeovn/subnet-addressing.js';
import { subnetProtocolMutator } from '../../../../webhooks/rules/kubeovn/subnet-protocol.js';
import { settingsWith, storeWith } from '../support/fixture-cases.js';

const subnetWith = (spec: SubnetSpec): Subnet => ({
  apiVersion: 'kubeovn.io/v1',
  kind: 'Subnet',
  metadata: { name: 'app' },
  spec,
});

const ctxFor = (object: Subnet) => ({
  operation: 'CREATE' as const,
  object,
  view: new ModelView(storeWith([kubeovnFamily], [])),
  settings: settingsWith(),
});

describe('Subnet protocol against cidrBlock', () => {
  it.each([
    [{ cidrBlock: '10.2.0.0/24', protocol: 'Dual' }, 'IPv4'],
    [{ cidrBlock: 'fd00:2::/64', protocol: 'IPv4' }, 'IPv6'],
    [{ cidrBlock: '10.2.0.0/24,fd00:2::/64', protocol: 'IPv6' }, 'Dual'],
  ])('the mutator rewrites %j to protocol %s', async (spec, derived) => {
    expect(await subnetProtocolMutator.mutate(ctxFor(subnetWith(spec)))).toEqual([
      { op: 'replace', path: '/spec/protocol', value: derived },
    ]);
  });

  it.each([
    { cidrBlock: '10.2.0.0/24', protocol: 'IPv4' },
    { cidrBlock: '10.2.0.0/24' },
    { cidrBlock: 'not-a-cidr', protocol: 'Dual' },
    { cidrBlock: '10.2.0.0/24', protocol: 'Triple' },
  ])('the mutator leaves %j alone', async (spec) => {
    expect(await subnetProtocolMutator.mutate(ctxFor(subnetWith(spec)))).toEqual([]);
  });

  it('the validating rule alone (no mutating webhook registered) still refuses a mismatch', async () => {
    const findings = await subnetAddressingRule.check(
      ctxFor(subnetWith({ cidrBlock: '10.2.0.0/24', protocol: 'Dual' })),
    );
    expect(findings).toEqual([
      expect.objectContaining({
        severity: 'deny',
        field: 'spec.protocol',
        message: expect.stringContaining('add an IPv6 CIDR or set protocol IPv4'),
      }),
    ]);
  });
});
