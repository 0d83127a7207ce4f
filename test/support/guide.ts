import { readFileSync } from 'node:fs';
import { describe, it } from '@jest/globals';
import { GUIDE_PATH, guideFound } from './guide-location.mjs';

/**
 * Suites that read the platform guide. The guide lives beside the repository, so a bare clone
 * skips them; jest's global setup says so once per run (GUIDE_MISSING_MESSAGE).
 */

let text: string | undefined;

/** The guide's text. Only for use inside a `describeWithGuide` body, which runs only when it exists. */
export function guideText(): string {
  text ??= readFileSync(GUIDE_PATH, 'utf8');
  return text;
}

/** `describe` when the guide is beside the repository; otherwise a skipped suite that says why. */
export function describeWithGuide(title: string, body: () => void): void {
  if (guideFound()) {
    describe(title, body);
    return;
  }
  describe.skip(title, () => {
    it('needs the platform guide, which was not found beside the repository', () => {});
  });
}
