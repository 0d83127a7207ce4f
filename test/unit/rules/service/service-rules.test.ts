import { describe, it } from '@jest/globals';
import { serviceFamily } from '../../../../webhooks/rules/service/index.js';
import { expectCase, FixtureHarness } from '../metallb/harness.js';

const harness = new FixtureHarness('service', [serviceFamily]);

describe.each(harness.files())('%s', (file) => {
  it.each(harness.cases(file))('%s', async (_name, c) => {
    expectCase(await harness.run(c), c);
  });
});
