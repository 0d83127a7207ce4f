import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { REGENERATE_DOCS } from '../../../cli/rules-report.js';
import { repoRoot, runCli } from './run-cli.js';

describe('docs/rules.md', () => {
  it('is what `acpnet rules --output markdown` prints now', async () => {
    const run = await runCli(['rules', '--output', 'markdown']);
    expect(run.code).toBe(0);
    const docs = await readFile(path.join(repoRoot, 'docs/rules.md'), 'utf8').catch(() => '');
    if (docs !== run.stdout) {
      const lines = docs.split('\n');
      const differs = lines.findIndex((line, i) => line !== run.stdout.split('\n')[i]);
      const at = differs < 0 ? lines.length : differs;
      throw new Error(
        `docs/rules.md is out of date (first difference at line ${at + 1}); regenerate it with:\n  ${REGENERATE_DOCS}`,
      );
    }
    expect(docs).toBe(run.stdout);
  }, 60_000);
});
