import { describe, it } from '@jest/globals';
import { metallbFamily } from '../../../../webhooks/rules/metallb/index.js';
import { expectCase, FixtureHarness } from './harness.js';

const harness = new FixtureHarness('metallb', [metallbFamily]);

describe.each(harness.files())('%s', (file) => {
  it.each(harness.cases(file))('%s', async (_name, c) => {
    expectCase(await harness.run(c), c);
  });
});
