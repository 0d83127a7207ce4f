import { describe, it } from '@jest/globals';
import { serviceFamily } from '../../../../webhooks/rules/service/index.js';
import { expectDeclaredReasons } from '../support/declared-reasons.js';
import { expectReview, fixtureFiles, loadCases, reviewCase } from '../support/fixture-cases.js';
import { METALLB_SERVICE_FIXTURES } from '../support/metallb-service-fixtures.js';

const files = fixtureFiles('service').filter((file) => !METALLB_SERVICE_FIXTURES.includes(file));

describe.each(files)('%s', (file) => {
  it.each(loadCases('service', file))('%s', async (_name, c) => {
    const result = await reviewCase([serviceFamily], c);
    expectReview(result, c);
    expectDeclaredReasons([serviceFamily], result.findings);
  });
});
