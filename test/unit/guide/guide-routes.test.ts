import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from '@jest/globals';
import { runInProcess } from '../../support/cli-in-process.js';
import { describeWithGuide, guideText } from '../../support/guide.js';

/** The guide's OpenShift Route examples (fenced blocks of route.openshift.io/v1 objects), as printed. */
function routeBlocks(): string[] {
  return [...guideText().matchAll(/```[a-z]*\n([\s\S]*?)```/g)]
    .map(([, block = '']) => block)
    .filter((block) => /apiVersion:\s*route\.openshift\.io\/v1/.test(block));
}

/**
 * Every Route example of "从 OCP Route 迁移到 GatewayAPI Route" through `acpnet migrate routes`, as a
 * user would paste it: each is converted, or is reported (a Route not converted, exit 1), or is
 * unusable input named by line (the guide prints callout marks such as ① inside its YAML), never an
 * internal error. The examples cleaned of their marks are the cases of test/fixtures/route-migration.
 */
/** The guide's Service, in the namespace its Routes name and in the one those without a namespace go to. */
const services = ['demo', 'default']
  .map(
    (namespace) =>
      `apiVersion: v1\nkind: Service\nmetadata: { name: example-service, namespace: ${namespace} }\nspec: { ports: [{ name: http, port: 8080, targetPort: 8080 }] }\n`,
  )
  .join('---\n');

describeWithGuide('the guide’s Route examples through acpnet migrate routes', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'guide-routes-'));
  const state = path.join(dir, 'state.yaml');
  writeFileSync(state, services);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('answers every example, naming the line of what it cannot read', async () => {
    const blocks = routeBlocks();
    expect(blocks.length).toBeGreaterThanOrEqual(13);
    const outcomes = { converted: 0, reported: 0, unusable: 0 };
    for (const block of blocks) {
      const answer = await runInProcess(
        ['migrate', 'routes', '--state', state, '--gateway', 'demo/demo-gateway', '-o', 'json', '-'],
        block,
      );
      expect([0, 1, 2]).toContain(answer.code);
      if (answer.code === 2) {
        expect(answer.stderr).toMatch(/<stdin>:\d+/);
        outcomes.unusable += 1;
      } else {
        const report = JSON.parse(answer.stdout) as { routes: { outcome: string }[] };
        expect(report.routes.length).toBeGreaterThan(0);
        if (answer.code === 0) outcomes.converted += 1;
        else outcomes.reported += 1;
      }
    }
    console.log(`guide Route examples through migrate routes: ${JSON.stringify(outcomes)}`);
    expect(outcomes.converted).toBeGreaterThan(0);
  }, 120_000);
});
