import { describe, it } from '@jest/globals';
import { metallbFamily } from '../../../../webhooks/rules/metallb/index.js';
import { expectDeclaredReasons } from '../support/declared-reasons.js';
import {
  type AdmissionCase,
  expectReview,
  fixtureFiles,
  loadCases,
  reviewCase,
} from '../support/fixture-cases.js';
import { METALLB_SERVICE_FIXTURES } from '../support/metallb-service-fixtures.js';

async function run(c: AdmissionCase): Promise<void> {
  const result = await reviewCase([metallbFamily], c);
  expectReview(result, c);
  expectDeclaredReasons([metallbFamily], result.findings);
}

describe.each(fixtureFiles('metallb'))('%s', (file) => {
  it.each(loadCases('metallb', file))('%s', (_name, c) => run(c));
});

describe.each(METALLB_SERVICE_FIXTURES)('service/%s', (file) => {
  it.each(loadCases('service', file))('%s', (_name, c) => run(c));
});
