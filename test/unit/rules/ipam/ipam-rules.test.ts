import { describe, it } from '@jest/globals';
import { ipamFamily } from '../../../../webhooks/rules/ipam/index.js';
import { fixtureFiles, loadCases, runFixtureCase } from '../support/fixture-cases.js';

// Cases that leave serviceCidr out review against a dual-stack cluster.
const defaults = { serviceCidr: '10.96.0.0/12,fd00:10:96::/112' };

describe.each(fixtureFiles('ipam'))('%s', (file) => {
  it.each(loadCases('ipam', file))('%s', (_name, c) => runFixtureCase([ipamFamily], c, defaults));
});
