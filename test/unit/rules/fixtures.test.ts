/**
 * Every admission case of test/fixtures/<family>/*.yaml, reviewed through the engine with the rules of
 * the family the folder is named after. (With every family, some cases would also see other families'
 * findings about objects the case leaves out, such as a Secret or a Vlan.) A case's `expect:` block is
 * what the review says: the verdict, every denial and warning in order (field, exact message, reason,
 * other object, rule) and the patch.
 *
 * After a deliberate change of findings, rewrite the blocks from what the rules now say, then read the diff:
 *   ACPNET_UPDATE_FIXTURES=1 npm test -- test/unit/rules/fixtures.test.ts
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { ruleFamilies } from '../../../webhooks/rules/index.js';
import type { AdmissionSettings, RuleFamily } from '../../../webhooks/rules/types.js';
import { NOW } from './support/certificate-catalog.js';
import { expectDeclaredReasons } from './support/declared-reasons.js';
import {
  type AdmissionCase,
  admissionCaseFiles,
  type Expectation,
  expectationOf,
  fixtureLabel,
  loadCases,
  reviewCase,
  serviceCidrs,
} from './support/fixture-cases.js';
import { updatingFixtures, writeExpectations } from './support/fixture-update.js';

/** Settings a folder's cases run with unless a case sets its own. */
const FOLDER_SETTINGS: Readonly<Record<string, Partial<AdmissionSettings>>> = {
  // The clock of the generated certificates.
  certificates: { now: () => NOW },
  route: { now: () => NOW },
  // Cases that leave serviceCidr out review against a dual-stack cluster.
  kubeovn: { serviceCidrs: serviceCidrs('10.96.0.0/12,fd00:10:96::/112') },
};

function caseFile(family: RuleFamily, file: string): void {
  const folder = family.name;
  const cases = loadCases(folder, file);
  const defaults = FOLDER_SETTINGS[folder] ?? {};
  const observed = new Map<number, Expectation>();

  it.each(cases.map((c, i) => [c.name, c, i] as const))('%s', async (_name, c: AdmissionCase, i) => {
    const result = await reviewCase([family], c, defaults);
    expect(result.failures).toEqual([]);
    expectDeclaredReasons([family], result.findings);
    const actual = expectationOf(result);
    if (updatingFixtures) observed.set(i, actual);
    else expect(actual).toEqual(c.expect ?? 'an expect block (run the update mode)');
    // What the user reads names every denied field and the other object.
    for (const finding of actual.deny ?? []) {
      expect(result.message).toContain(finding.field);
      expect(result.message).toContain(finding.conflictsWith ?? '');
    }
    // A mutated object needs no further mutation.
    if (result.patch.length > 0)
      expect((await reviewCase([family], { ...c, object: result.object }, defaults)).patch).toEqual([]);
  });

  if (updatingFixtures) afterAll(() => writeExpectations(folder, file, observed));
  else
    it('has admitted and flagged cases', () => {
      expect(cases.some((c) => c.expect?.allowed)).toBe(true);
      expect(cases.some((c) => c.expect?.deny || c.expect?.warn)).toBe(true);
    });
}

describe.each(ruleFamilies.map((family) => [family.name, family] as const))('%s', (folder, family) => {
  const files = admissionCaseFiles(folder);

  it('has admission cases', () => {
    expect(files).not.toEqual([]);
  });

  describe.each(files)('%s', (file) => {
    try {
      caseFile(family, file);
    } catch (error) {
      it(`loads ${fixtureLabel(folder, file)}`, () => {
        throw error;
      });
    }
  });
});
