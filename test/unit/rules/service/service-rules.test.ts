import { describe, it } from '@jest/globals';
import { serviceFamily } from '../../../../webhooks/rules/service/index.js';
import { fixtureFiles, loadCases, runFixtureCase } from '../support/fixture-cases.js';

describe.each(fixtureFiles('service'))('%s', (file) => {
  it.each(loadCases('service', file))('%s', (_name, c) => runFixtureCase([serviceFamily], c));
});
