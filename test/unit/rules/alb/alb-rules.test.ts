import { describe, it } from '@jest/globals';
import { albFamily } from '../../../../webhooks/rules/alb/index.js';
import { fixtureFiles, loadCases, runFixtureCase } from '../support/fixture-cases.js';

describe.each(fixtureFiles('alb'))('%s', (file) => {
  it.each(loadCases('alb', file))('%s', (_name, c) => runFixtureCase([albFamily], c));
});
