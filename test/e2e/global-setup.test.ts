/** Which runs start the shared Kafka broker and kube-apiserver (test/support/global-setup.mjs). */
import { describe, expect, it } from '@jest/globals';
import { runNeedsServices } from '../support/global-setup.mjs';

describe('runNeedsServices', () => {
  it.each([
    ['the whole suite', {}, true],
    ['a unit directory', { testPathPatterns: ['test/unit/net'] }, false],
    ['a unit directory as jest 30 passes it', { testPathPatterns: { patterns: ['test/unit/net'] } }, false],
    ['the e2e directory', { testPathPatterns: ['test/e2e'] }, true],
    ['one integration file', { testPathPatterns: ['kube-store'] }, true],
    [
      'the ovsdb suites, which start their own server',
      { testPathPatterns: ['test/integration/ovsdb'] },
      false,
    ],
    [
      'unit and integration directories',
      { testPathPatterns: ['test/unit/cli', 'test/integration/deploy'] },
      true,
    ],
    ['the unit project only', { selectProjects: ['unit'] }, false],
    ['the integration project', { selectProjects: ['integration'] }, true],
    ['the integration project ignored', { ignoreProjects: ['integration'] }, false],
    [
      'the integration project with a unit path',
      { selectProjects: ['integration'], testPathPatterns: ['test/unit'] },
      false,
    ],
  ])('%s', (_name, globalConfig, expected) => {
    expect(runNeedsServices(globalConfig)).toBe(expected);
  });
});
