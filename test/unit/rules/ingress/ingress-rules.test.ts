import { describe, it } from '@jest/globals';
import { ingressFamily } from '../../../../webhooks/rules/ingress/index.js';
import { expectCase, fixtureFiles, loadCases } from './harness.js';

describe.each(fixtureFiles('ingress'))('%s', (file) => {
  it.each(loadCases('ingress', file))('%s', (_name, c) => expectCase([ingressFamily], c));
});
