import { expect, it } from '@jest/globals';
import { ruleFamilies } from '../../../webhooks/rules/index.js';
import { describeWithGuide, guideText } from '../../support/guide.js';

/** The `guide` each rule and mutator declares is the title of a section of the platform guide. */
describeWithGuide('the guide sections the rules name', () => {
  const titles = new Set(
    guideText()
      .split('\n')
      .map((line) => line.trim()),
  );
  const declared = ruleFamilies.flatMap((family) =>
    [...family.rules, ...family.mutators].map((item) => [item.id, item.guide] as const),
  );

  it.each(declared)('%s names the section %p, a line of the guide', (_id, guide) => {
    expect(titles.has(guide)).toBe(true);
  });
});
