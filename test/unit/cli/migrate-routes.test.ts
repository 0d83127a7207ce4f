import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { runInProcess } from '../../support/cli-in-process.js';

const fixtures = path.resolve(import.meta.dirname, '../../fixtures/route-migration-cli');
const state = path.join(fixtures, 'state.yaml');
const dir = mkdtempSync(path.join(os.tmpdir(), 'migrate-routes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const where = path.join(dir, name);
  writeFileSync(where, text);
  return where;
}

const basic = `apiVersion: route.openshift.io/v1
kind: Route
metadata: { name: example-route, namespace: demo, annotations: { haproxy.router.openshift.io/timeout-tunnel: 1h } }
spec: { host: example.com, to: { kind: Service, name: example-service }, port: { targetPort: 8080 } }
`;

describe('acpnet migrate routes', () => {
  it('prints the objects as YAML behind the report as comments, and the summary and drops on stderr', async () => {
    const result = await runInProcess(['migrate', 'routes', '--state', state, file('basic.yaml', basic)]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^# acpnet migrate routes: 1 Route: 1 converted, 0 not converted; 1 object admitted by validate\n/,
    );
    expect(result.stdout).toContain(
      '#   dropped      metadata.annotations["haproxy.router.openshift.io/timeout-tunnel"]: Gateway API has no timeout for tunnels',
    );
    expect(result.stdout).toContain('\n---\napiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\n');
    expect(result.stderr).toContain(
      'acpnet migrate routes: Route demo/example-route: dropped metadata.annotations["haproxy.router.openshift.io/timeout-tunnel"]',
    );
  });

  it('prints what acpnet validate admits against the same state', async () => {
    const migrated = await runInProcess(['migrate', 'routes', '--state', state, file('basic.yaml', basic)]);
    const output = file('output.yaml', migrated.stdout);
    const validated = await runInProcess(['validate', '--state', state, output]);
    expect(validated.stderr).toBe('');
    expect(validated.code).toBe(0);
  });

  it('reads standard input and gives a report per Route and item with --output json', async () => {
    const result = await runInProcess(['migrate', 'routes', '--state', state, '-o', 'json', '-'], basic);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(Object.keys(report)).toEqual(['routes', 'objects', 'validation']);
    expect(report.routes[0]).toMatchObject({
      route: 'demo/example-route',
      outcome: 'converted',
      objects: ['HTTPRoute demo/example-route'],
    });
    expect(report.routes[0].items).toContainEqual({
      subject: 'metadata.annotations["haproxy.router.openshift.io/timeout-tunnel"]',
      status: 'dropped',
      note: 'Gateway API has no timeout for tunnels (WebSocket, HTTP/2): the request timeout applies to every kind of connection',
    });
    expect(report.objects.map((o: { kind: string }) => o.kind)).toEqual(['HTTPRoute']);
    expect(report.validation.summary).toMatchObject({ admitted: 1, denied: 0 });
    expect(result.stderr).toBe('');
  });

  it('exits 1 when a Route is not converted, still printing the others', async () => {
    const input = `${basic}---\napiVersion: route.openshift.io/v1\nkind: Route\nmetadata: { name: nowhere, namespace: demo }\nspec: { host: x.example.com, to: { kind: Service, name: missing } }\n`;
    const result = await runInProcess(['migrate', 'routes', '--state', state, file('partial.yaml', input)]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'Route demo/nowhere: NOT CONVERTED: spec.to: Service demo/missing is not known',
    );
    expect(result.stdout).toContain('kind: HTTPRoute');
  });

  it('exits 1 and prints no YAML when validate refuses the output, naming the denial', async () => {
    const gateway = file(
      'private-state.yaml',
      `${readFileSync(state, 'utf8')}---\napiVersion: v1\nkind: Namespace\nmetadata: { name: gateway-ns }\n---\napiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: { name: private, namespace: gateway-ns }\nspec: { gatewayClassName: eg, listeners: [{ name: http, protocol: HTTP, port: 80 }] }\n`,
    );
    const result = await runInProcess([
      'migrate',
      'routes',
      '--state',
      gateway,
      '--gateway',
      'gateway-ns/private',
      file('basic.yaml', basic),
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('the output is not admitted by validate, so it is not printed');
    expect(result.stderr).toContain(
      'listener "http" takes routes only from its own namespace gateway-ns, not from demo (NotAllowedByListeners)',
    );
  });

  it('creates the Gateway --gateway names when the state lacks it, of --gateway-class', async () => {
    const result = await runInProcess([
      'migrate',
      'routes',
      '--state',
      state,
      '--gateway',
      'demo/new-gateway',
      '--gateway-class',
      'eg',
      '-o',
      'json',
      file('basic.yaml', basic),
    ]);
    expect(result.code).toBe(0);
    const gateway = JSON.parse(result.stdout).objects.find((o: { kind: string }) => o.kind === 'Gateway');
    expect(gateway.spec).toEqual({
      gatewayClassName: 'eg',
      listeners: [{ name: 'http', protocol: 'HTTP', port: 80 }],
    });
  });

  it.each([
    [['migrate'], 'a subcommand is required: routes'],
    [['migrate', 'ingresses'], 'unknown subcommand "ingresses" (known: routes)'],
    [['migrate', 'routes'], 'no input: give files or directories of Routes, or - for standard input'],
    [['migrate', 'routes', '-o', 'text', 'x.yaml'], '--output must be yaml or json, got "text"'],
    [
      ['migrate', 'routes', '--gateway', 'just-a-name', 'x.yaml'],
      '--gateway must be NAMESPACE/NAME of a Gateway, got "just-a-name"',
    ],
    [['migrate', 'routes', '--wat', 'x.yaml'], 'unknown flag --wat'],
  ])('usage error %j: %s', async (args, message) => {
    const result = await runInProcess(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stdout).toBe('');
  });

  it('names an unreadable input and an unusable --state by file', async () => {
    const missing = await runInProcess(['migrate', 'routes', path.join(dir, 'nope.yaml')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.yaml');
    const badState = await runInProcess([
      'migrate',
      'routes',
      '--state',
      file('bad-state.yaml', 'kind: [\n'),
      file('basic.yaml', basic),
    ]);
    expect(badState.code).toBe(2);
    expect(badState.stderr).toContain('--state: ');
    expect(badState.stderr).toContain('bad-state.yaml:');
  });

  it('prints help', async () => {
    const result = await runInProcess(['help', 'migrate']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: acpnet migrate routes');
  });
});

interface BrokenCase {
  name: string;
  input: string;
  stderr: string[];
}

describe('acpnet migrate routes refuses input it cannot use', () => {
  const cases = parse(readFileSync(path.join(fixtures, 'broken.yaml'), 'utf8')) as BrokenCase[];
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const sub = mkdtempSync(path.join(dir, 'broken-'));
    const input = path.join(sub, 'input.yaml');
    writeFileSync(input, c.input);
    const result = await runInProcess(['migrate', 'routes', '--state', state, input]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    for (const line of c.stderr) expect(result.stderr).toContain(line);
  });
});
