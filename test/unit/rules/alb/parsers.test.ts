import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { dslxProblems, regexProblem } from '../../../../shared/alb/dslx.js';
import { parsePortProjects, projectRangeOf } from '../../../../shared/alb/port-projects.js';

describe('parsePortProjects', () => {
  it.each([
    ['', 'is not JSON'],
    ['{"port":"80","projects":["p"]}', 'expected a JSON list'],
    ['[null]', 'entry 0 is not an object'],
    ['[{"port":"80","projects":["p"],"ports":"81"}]', 'unknown field(s) ports'],
    ['[{"port":"0","projects":["p"]}]', 'within 1-65535'],
    ['[{"port":"1-2-3","projects":["p"]}]', 'within 1-65535'],
    ['[{"port":" ","projects":["p"]}]', 'within 1-65535'],
    ['[{"port":"80","projects":"p"}]', 'non-empty list'],
    ['[{"port":"80","projects":[""]}]', 'non-empty list'],
  ])('refuses %j: %s', (text, message) => {
    const { entries, problems } = parsePortProjects(text);
    expect(entries).toEqual([]);
    expect(problems.map((p) => p.message).join('\n')).toContain(message);
  });

  it('reads single ports and ranges, and finds the range of a port', () => {
    const { entries, problems } = parsePortProjects(
      '[{"port":"8080","projects":["p1"]},{"port":"30000-30100","projects":["p2","p3"]}]',
    );
    expect(problems).toEqual([]);
    expect(entries.map(({ from, to, projects }) => ({ from, to, projects }))).toEqual([
      { from: 8080, to: 8080, projects: ['p1'] },
      { from: 30000, to: 30100, projects: ['p2', 'p3'] },
    ]);
    expect(projectRangeOf(entries, 30100)?.port).toBe('30000-30100');
    expect(projectRangeOf(entries, 8081)).toBeUndefined();
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const { problems, entries } = parsePortProjects(text);
        return problems.length > 0 || entries.length >= 0;
      }),
    );
  });

  it('reports an overlap exactly when some pair of ranges intersects (brute force)', () => {
    const range = fc
      .tuple(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 0, max: 40 }))
      .map(([from, width]) => ({ from, to: from + width }));
    fc.assert(
      fc.property(fc.array(range, { maxLength: 8 }), (ranges) => {
        const text = JSON.stringify(
          ranges.map((r, i) => ({ port: `${r.from}-${r.to}`, projects: [`p${i}`] })),
        );
        const overlapReported = parsePortProjects(text).problems.some((p) => p.message.includes('overlaps'));
        const overlapExists = ranges.some((a, i) =>
          ranges.some((b, j) => i < j && a.from <= b.to && b.from <= a.to),
        );
        expect(overlapReported).toBe(overlapExists);
      }),
    );
  });
});

describe('dslx', () => {
  it('names the JavaScript RegExp error of a pattern that does not compile', () => {
    expect(regexProblem('^/(a|b')).toMatch(/Unterminated group/);
    expect(regexProblem('[z-a]')).toMatch(/out of order/);
    expect(regexProblem('^/api/v[0-9]+$')).toBeUndefined();
  });

  it('refuses values with no matcher before the operands, in both forms', () => {
    expect(dslxProblems([{ type: 'URL', values: ['/a'] }])).toEqual([
      { field: 'spec.dslx[0].values[0]', message: expect.stringContaining('not a matcher') },
    ]);
    expect(dslxProblems([{ type: 'URL', values: [['/a', 'EQ']] }])).toEqual([
      { field: 'spec.dslx[0].values[0][0]', message: expect.stringContaining('not a matcher') },
    ]);
  });

  it('never throws on arbitrary tokens', () => {
    const token = fc.oneof(
      fc.constantFrom('EQ', 'IN', 'RANGE', 'EXIST', 'REGEX', '1.1.1.1', '::1'),
      fc.string(),
    );
    const type = fc.constantFrom('METHOD', 'URL', 'PARAM', 'HOST', 'HEADER', 'COOKIE', 'SRC_IP' as const);
    fc.assert(
      fc.property(
        type,
        fc.option(fc.string(), { nil: undefined }),
        fc.array(token, { minLength: 1 }),
        (t, key, values) => {
          const problems = dslxProblems([{ type: t, key, values }]);
          return problems.every((p) => p.field.startsWith('spec.dslx[0]') && p.message.length > 0);
        },
      ),
    );
  });
});
