import { Document } from 'yaml';
import { createLogger } from '../functions/runtime/logger.js';
import { STABLE_YAML_OUTPUT } from '../shared/kube/manifests/yaml-dialect.js';
import { streamManifests } from '../shared/kube/manifests.js';
import { ModelView } from '../shared/kube/model/model-view.js';
import type { KubeObject } from '../shared/kube/object.js';
import { ROUTE, type Route } from '../shared/kube/schemas/openshift-route.js';
import { parseGatewayRef } from '../shared/route-migration/gateway-choice.js';
import { migrateRoutes } from '../shared/route-migration/migrate.js';
import { defaultRuleIndex } from '../webhooks/review/default-index.js';
import { type Admission, admitOne, withDefaultNamespace } from './admit-sequence.js';
import { UnusableInputError } from './input-error.js';
import type { CliIO } from './io.js';
import { commentBlock, migrationJson, stderrLines, validationLines } from './migrate-report.js';
import { admissionSettings } from './settings.js';
import { openMemoryStore } from './store.js';
import { UsageError } from './usage.js';

export interface MigrateRequest {
  inputs: readonly string[];
  gateway: string | undefined;
  gatewayClass: string;
  state: string | undefined;
  output: 'yaml' | 'json';
}

const COMMAND = 'migrate routes';

function gatewayFlag(value: string | undefined) {
  if (value === undefined) return undefined;
  const ref = value.includes('/') ? parseGatewayRef(value, '') : undefined;
  if (!ref)
    throw new UsageError(
      `--gateway must be NAMESPACE/NAME of a Gateway, got ${JSON.stringify(value)}`,
      COMMAND,
    );
  return ref;
}

/**
 * The Routes of the input. Anything else is unusable, each problem named by file and line: input
 * that is not YAML or JSON, objects of other kinds (they belong in --state), Routes the Route CRD
 * would refuse.
 */
async function readRoutes(inputs: readonly string[], io: CliIO): Promise<Route[]> {
  const stdin = inputs.includes('-') ? await io.readStdin() : undefined;
  const routes: Route[] = [];
  const problems: string[] = [];
  for await (const item of streamManifests(inputs, { stdin })) {
    if (item.error) {
      problems.push(item.error.message);
      continue;
    }
    const { manifest } = item;
    const object = withDefaultNamespace(manifest.object);
    const at = `${manifest.file}:${manifest.line}`;
    const what = `${object.kind} ${object.metadata.namespace ?? ''}/${object.metadata.name ?? ''}`.replace(
      / \//,
      ' ',
    );
    if (object.kind !== 'Route' || !object.apiVersion.startsWith(`${ROUTE.group}/`)) {
      problems.push(
        `${at}: ${what} (${object.apiVersion}) is not a Route of ${ROUTE.group}/v1; other objects belong in --state`,
      );
      continue;
    }
    const reading = ROUTE.read(object);
    if (reading.issues.length > 0 || !reading.object) {
      for (const issue of reading.issues) problems.push(`${at}: ${what}: ${issue.path}: ${issue.message}`);
      continue;
    }
    routes.push(reading.object);
  }
  if (problems.length > 0) throw new UnusableInputError(problems);
  if (routes.length === 0) throw new UnusableInputError(['no Routes in the input']);
  return routes;
}

function toYaml(objects: readonly KubeObject[]): string {
  const options = { ...STABLE_YAML_OUTPUT, sortMapEntries: false };
  return objects.map((object) => `---\n${new Document(object, options).toString(options)}`).join('');
}

/** `acpnet migrate routes`: exit 0 all converted and admitted, 1 a Route not converted or the output denied. */
export async function migrateRoutesCommand(request: MigrateRequest, io: CliIO): Promise<number> {
  const gateway = gatewayFlag(request.gateway);
  const routes = await readRoutes(request.inputs, io);
  const store = await openMemoryStore(request.state, createLogger('silent'));
  const rules = defaultRuleIndex();
  rules.registerIndexes(store);
  await store.start(rules.kindsToCache());
  const { objects, reports } = migrateRoutes(routes, new ModelView(store), {
    ...(gateway ? { gateway } : {}),
    gatewayClassName: request.gatewayClass,
    createGateway: true,
    pruneListeners: false,
    ownedByRoute: false,
  });
  const settings = admissionSettings({});
  const admissions: Admission[] = [];
  for (const [i, object] of objects.entries()) {
    const manifest = { object, source: `output#${i + 1}`, file: 'output', document: i + 1, line: 1 };
    admissions.push(await admitOne(manifest, store, rules, settings));
  }
  await store.stop();
  const admitted = admissions.every((a) => a.result.allowed);
  const converted = reports.every((r) => r.outcome === 'converted');
  if (request.output === 'json')
    io.stdout(`${JSON.stringify(migrationJson(reports, objects, admissions), null, 2)}\n`);
  else if (admitted) io.stdout(commentBlock(reports, admissions) + toYaml(objects));
  if (request.output === 'yaml' || !admitted)
    for (const line of stderrLines(reports, admissions)) io.stderr(`acpnet ${COMMAND}: ${line}\n`);
  if (!admitted) {
    const printed = request.output === 'json' ? '' : ', so it is not printed';
    io.stderr(`acpnet ${COMMAND}: the output is not admitted by validate${printed}:\n`);
    for (const line of validationLines(admissions).filter((l) => l.trimStart().startsWith('denied')))
      io.stderr(`${line}\n`);
  }
  return admitted && converted ? 0 : 1;
}
