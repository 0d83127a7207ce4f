/**
 * `acpnet migrate routes` as a table: every case of test/fixtures/route-migration/*.yaml converts
 * its Routes against a cluster and must give exactly its `expect:` block: the objects, the report
 * of every Route (mapped, approximated with the difference, dropped with the reason), and what
 * validate says of the objects, which must admit them unless the case is about a refusal.
 *
 * After a deliberate change of the conversion, rewrite the blocks from what it now gives, then read the diff:
 *   ACPNET_UPDATE_FIXTURES=1 npm test -- test/unit/route-migration/fixtures.test.ts
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it, jest } from '@jest/globals';
import { describeWithGuide, guideText } from '../../support/guide.js';
import type { Expectation } from '../rules/support/fixture-cases.js';
import { updatingFixtures, writeExpectations } from '../rules/support/fixture-update.js';
import {
  loadMigrationCases,
  type MigrationCase,
  type MigrationExpectation,
  migrationFixtures,
  runMigrationCase,
} from './support/migration-cases.js';

// The first case generates the certificates every case uses (RSA keys among them): on a loaded
// machine that takes longer than jest's default.
jest.setTimeout(60_000);

const files = readdirSync(migrationFixtures)
  .filter((f) => f.endsWith('.yaml') && f !== 'state.yaml')
  .sort();

/** Cases whose output validate must refuse say so in their name. */
const refused = (c: MigrationCase) => /refuse|denied/i.test(c.name);

describe.each(files)('%s', (file) => {
  const cases = loadMigrationCases(file);
  const observed = new Map<number, MigrationExpectation>();

  it.each(cases.map((c, i) => [c.name, c, i] as const))('%s', async (_name, c, i) => {
    const actual = await runMigrationCase(c);
    if (updatingFixtures) observed.set(i, actual);
    else expect(actual).toEqual(c.expect ?? 'an expect block (run the update mode)');
    if (refused(c)) expect(actual.validation.denials).not.toEqual([]);
    else expect(actual.validation.denials).toEqual([]);
  });

  if (updatingFixtures)
    afterAll(() =>
      writeExpectations('route-migration', file, observed as unknown as ReadonlyMap<number, Expectation>),
    );
});

it('has a fixture for the basic Route and each of the fourteen features of the guide', () => {
  const sections = new Set(
    files.flatMap((file) => loadMigrationCases(file).flatMap((c) => (c.guide ? [c.guide] : []))),
  );
  expect([...sections].sort()).toEqual(
    [
      '基础 HTTP Route',
      '路由超时',
      'HTTP 严格传输安全 (HSTS)',
      '基于 Cookie 的会话亲和',
      '基于路径的路由',
      '头部修改',
      '连接限制',
      '速率限制',
      'IP 允许列表/阻止列表',
      'URL 重写',
      '跨命名空间路由准入',
      '默认 TLS 证书用于 Ingress',
      '使用自定义 CA 的 TLS 重新加密',
      '使用自定义证书的边缘终止',
      'TLS 透传',
    ].sort(),
  );
});

describeWithGuide('the guide sections the migration fixtures follow', () => {
  const titles = new Set(
    guideText()
      .split('\n')
      .map((line) => line.trim()),
  );
  const named = files.flatMap((file) =>
    loadMigrationCases(file).flatMap((c) => (c.guide ? [[path.basename(file), c.guide] as const] : [])),
  );
  it.each(named)('%s names %p, a line of the guide', (_file, guide) => {
    expect(titles.has(guide)).toBe(true);
  });
});
