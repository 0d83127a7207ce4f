import { expect, it } from '@jest/globals';
import { runInProcess } from '../../support/cli-in-process.js';
import { describeWithGuide, guideText } from '../../support/guide.js';

const validate = (text: string) => runInProcess(['validate', '-o', 'json', '-'], text);

interface Report {
  results: { source: string; kind?: string; allowed?: boolean; checked?: boolean; error?: string }[];
  summary: { admitted: number; denied: number; unusable: number; unchecked: number };
}

/** The guide's fenced code blocks that hold Kubernetes objects, each as it is printed. */
function objectBlocks(): string[] {
  return [...guideText().matchAll(/```[a-z]*\n([\s\S]*?)```/g)]
    .map(([, block = '']) => block)
    .filter((block) => /^\s*apiVersion:/m.test(block) && /^\s*kind:/m.test(block));
}

/**
 * Every YAML block of the guide through `acpnet validate`, each on its own as a user would paste it:
 * each gets an answer (admitted, denied, or unusable input naming file and line), never an internal
 * error. The counts are printed for the record; which examples are the guide's own slips is asserted
 * family by family in the rules' guide-example tests.
 */
describeWithGuide('the guide’s YAML blocks through acpnet validate', () => {
  it('answers every block without an internal error', async () => {
    const totals = { blocks: 0, admitted: 0, denied: 0, unusable: 0, unchecked: 0 };
    for (const block of objectBlocks()) {
      const answer = await validate(block);
      expect([0, 1, 2]).toContain(answer.code);
      const report = JSON.parse(answer.stdout) as Report;
      totals.blocks += 1;
      totals.admitted += report.summary.admitted;
      totals.denied += report.summary.denied;
      totals.unusable += report.summary.unusable;
      totals.unchecked += report.summary.unchecked;
    }
    console.log(`guide YAML blocks through validate: ${JSON.stringify(totals)}`);
    expect(totals.blocks).toBeGreaterThan(90);
  }, 120_000);
});
