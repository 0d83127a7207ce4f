import { describe, it } from '@jest/globals';
import { ingressFamily } from '../../../../webhooks/rules/ingress/index.js';
import { fixtureFiles, loadCases, runFixtureCase } from '../support/fixture-cases.js';

describe.each(fixtureFiles('ingress'))('%s', (file) => {
  it.each(loadCases('ingress', file))('%s', (_name, c) => runFixtureCase([ingressFamily], c));
});
