import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { type Admission, admitOne } from '../../../../cli/admit-sequence.js';
import { reportJson } from '../../../../cli/validate-report.js';
import { MemoryStore } from '../../../../shared/kube/memory-store.js';
import { ModelView } from '../../../../shared/kube/model/model-view.js';
import type { KubeObject } from '../../../../shared/kube/object.js';
import { ROUTE, type Route } from '../../../../shared/kube/schemas/openshift-route.js';
import { parseGatewayRef } from '../../../../shared/route-migration/gateway-choice.js';
import { type MigrationOptions, migrateRoutes } from '../../../../shared/route-migration/migrate.js';
import type { RouteReport } from '../../../../shared/route-migration/report.js';
import { defaultRuleIndex } from '../../../../webhooks/review/default-index.js';
import { buildCatalog, type Catalog, expandPemText, NOW } from '../../rules/support/certificate-catalog.js';
import { settingsWith } from '../../rules/support/fixture-cases.js';
import { PemNames } from './pem-names.js';

export const migrationFixtures = path.resolve(import.meta.dirname, '../../../fixtures/route-migration');

/**
 * One case: Routes converted against a cluster (the shared state.yaml plus the case's own objects,
 * or only its own with `ownState`), and what comes out: every object, the report of each Route,
 * and what validate says of the objects. Certificates are `$pem:name` strings (certificate-catalog).
 */
export interface MigrationCase {
  name: string;
  /** The section of the guide the case follows, by its title. */
  guide?: string;
  state?: unknown[];
  ownState?: boolean;
  /** --gateway NS/NAME; `class` the class of a created Gateway. */
  gateway?: string;
  gatewayClass?: string;
  /** Migrate as the function does: listeners pruned, objects owned by the Routes, no Gateway created. */
  asFunction?: boolean;
  routes: unknown[];
  expect?: MigrationExpectation;
}

export interface MigrationExpectation {
  objects: unknown[];
  reports: RouteReport[];
  validation: { denials: string[]; warnings: string[] };
}

export function loadMigrationCases(file: string): MigrationCase[] {
  return parse(readFileSync(path.join(migrationFixtures, file), 'utf8')) as MigrationCase[];
}

let catalog: Promise<Catalog> | undefined;

export async function runMigrationCase(c: MigrationCase): Promise<MigrationExpectation> {
  catalog ??= buildCatalog();
  const certificates = await catalog;
  const shared = c.ownState
    ? []
    : (parse(readFileSync(path.join(migrationFixtures, 'state.yaml'), 'utf8')) as unknown[]);
  const state = expandPemText(certificates, [...shared, ...(c.state ?? [])]) as KubeObject[];
  const routes = (expandPemText(certificates, c.routes) as KubeObject[]).map((object) => {
    const reading = ROUTE.read(object);
    if (!reading.object || reading.issues.length > 0)
      throw new Error(`case "${c.name}": a Route does not conform: ${JSON.stringify(reading.issues)}`);
    return reading.object as Route;
  });
  const rules = defaultRuleIndex();
  const store = new MemoryStore({ now: () => NOW });
  rules.registerIndexes(store);
  store.load(state);
  await store.start(rules.kindsToCache());
  const gateway = c.gateway === undefined ? undefined : parseGatewayRef(c.gateway, '');
  const options: MigrationOptions = {
    ...(gateway ? { gateway } : {}),
    gatewayClassName: c.gatewayClass ?? 'envoy-gateway-operator-cpaas-default',
    createGateway: !c.asFunction,
    pruneListeners: c.asFunction === true,
    ownedByRoute: c.asFunction === true,
  };
  const { objects, reports } = migrateRoutes(routes, new ModelView(store), options);
  const settings = settingsWith({ now: () => NOW });
  const admissions: Admission[] = [];
  for (const [i, object] of objects.entries())
    admissions.push(
      await admitOne(
        { object, source: `output#${i + 1}`, file: 'output', document: i + 1, line: 1 },
        store,
        rules,
        settings,
      ),
    );
  await store.stop();
  const results = reportJson(admissions).results.flatMap((r) => ('error' in r ? [] : [r]));
  const names = new PemNames(certificates);
  return {
    objects: names.name(objects) as unknown[],
    reports: names.name(reports) as RouteReport[],
    validation: {
      denials: results.flatMap((r) =>
        r.denials.map((d) => `${r.kind} ${r.namespace}/${r.name}: ${d.message}`),
      ),
      warnings: results.flatMap((r) => r.warnings.map((w) => `${r.kind} ${r.namespace}/${r.name}: ${w}`)),
    },
  };
}
