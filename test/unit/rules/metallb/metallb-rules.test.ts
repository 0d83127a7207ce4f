import { describe, it } from '@jest/globals';
import { metallbFamily } from '../../../../webhooks/rules/metallb/index.js';
import { fixtureFiles, loadCases, runFixtureCase } from '../support/fixture-cases.js';

describe.each(fixtureFiles('metallb'))('%s', (file) => {
  it.each(loadCases('metallb', file))('%s', (_name, c) => runFixtureCase([metallbFamily], c));
});
