import { describe, expect, it } from '@jest/globals';
import type { Finding } from '../../../../webhooks/rules/types.js';
import { type ExpectedFinding, fixtureFiles, loadCases, runCase } from './harness.js';

function matches(finding: Finding, expected: ExpectedFinding): boolean {
  return (
    finding.field === expected.field &&
    (expected.contains ?? []).every((part) => finding.message.includes(part)) &&
    (expected.conflictsWith === undefined || finding.conflictsWith === expected.conflictsWith)
  );
}

function expectFindings(actual: Finding[], expected: ExpectedFinding[]): void {
  const described = actual.map((f) => `${f.field}: ${f.message} [${f.conflictsWith ?? ''}]`);
  expect({ count: actual.length, findings: described }).toEqual({
    count: expected.length,
    findings: described,
  });
  for (const want of expected) {
    const found = actual.some((f) => matches(f, want));
    expect({ found, want, findings: described }).toEqual({ found: true, want, findings: described });
  }
}

describe.each(fixtureFiles())('%s', (file) => {
  it.each(loadCases(file))('%s', async (_name, c) => {
    const result = await runCase(c);
    expect(result.failures).toEqual([]);
    expectFindings(
      result.findings.filter((f) => f.severity === 'deny'),
      c.expect.deny ?? [],
    );
    expectFindings(
      result.findings.filter((f) => f.severity === 'warn'),
      c.expect.warn ?? [],
    );
    expect(result.allowed).toBe(c.expect.allowed);
    if (c.expect.patch) expect(result.patch).toEqual(c.expect.patch);
    else expect(result.patch).toEqual([]);
  });
});
