import { describe, it } from '@jest/globals';
import { albFamily } from '../../../../webhooks/rules/alb/index.js';
import { expectCase, fixtureFiles, loadCases } from '../ingress/harness.js';

describe.each(fixtureFiles('alb'))('%s', (file) => {
  it.each(loadCases('alb', file))('%s', (_name, c) => expectCase([albFamily], c));
});
