import { describe, it } from '@jest/globals';
import { kubeovnFamily } from '../../../../webhooks/rules/kubeovn/index.js';
import { fixtureFiles, loadCases, runFixtureCase, serviceCidrs } from '../support/fixture-cases.js';

// Cases that leave serviceCidr out review against a dual-stack cluster.
const defaults = { serviceCidrs: serviceCidrs('10.96.0.0/12,fd00:10:96::/112') };

describe.each(fixtureFiles('kubeovn'))('%s', (file) => {
  it.each(loadCases('kubeovn', file))('%s', (_name, c) => runFixtureCase([kubeovnFamily], c, defaults));
});
