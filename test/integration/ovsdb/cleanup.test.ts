/**
 * `acpnet interconnect clean` on the real ovsdb-server with Debian's OVN schemas: two zones filled
 * as ovn-ic leaves them, one removed, the other kept; idempotence; a run broken half-way; the
 * northbound part; and the check that the zone's cluster has left.
 */

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import {
  acpnet,
  breakingProxy,
  type Dump,
  dump,
  fillNorthbound,
  fillZone,
  nbctl,
  type OvsdbServer,
  startOvsdb,
  uuidOf,
  without,
} from './support.js';

jest.setTimeout(60_000);

const SB = 'OVN_IC_Southbound';
const NB = 'OVN_Northbound';
const ZONE = 'az-b-with-hyphens';

let server: OvsdbServer;

beforeEach(async () => {
  server = await startOvsdb({ databases: ['ovn-ic-sb', 'ovn-nb'] });
  await fillZone(server.address, 'az-a', { index: 1, routes: 2 });
  await fillZone(server.address, ZONE, { index: 2, routes: 3 });
});

afterEach(async () => {
  await server?.stop();
});

/** The uuids of everything zone `name` owns in a dump: the zone, its Gateways, their Encaps, Routes, Port_Bindings. */
function zoneRows(tables: Dump, name: string): Set<string> {
  const zone = tables.Availability_Zone!.find((row) => row.name === name)!;
  const zoneRef = JSON.stringify(zone._uuid);
  const refersToZone = (row: Record<string, unknown>) => JSON.stringify(row.availability_zone) === zoneRef;
  const gateways = tables.Gateway!.filter(refersToZone);
  const encaps = gateways.flatMap((gateway) => {
    const encaps = gateway.encaps as unknown[];
    return encaps[0] === 'uuid' ? [encaps[1] as string] : (encaps[1] as [string, string][]).map((e) => e[1]);
  });
  return new Set([
    uuidOf(zone),
    ...gateways.map(uuidOf),
    ...encaps,
    ...tables.Route!.filter(refersToZone).map(uuidOf),
    ...tables.Port_Binding!.filter(refersToZone).map(uuidOf),
  ]);
}

describe('acpnet interconnect clean', () => {
  it("removes exactly the zone's rows in one transaction and keeps the other zone's; a second run has nothing to do", async () => {
    const before = await dump(server.address, SB);
    const owned = zoneRows(before, ZONE);
    expect(owned.size).toBe(7); // zone, Gateway, Encap, 3 Routes, Port_Binding

    const first = await acpnet('interconnect', 'clean', '--ic-sb', server.address, '--az', ZONE);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(
      `IC southbound ${server.address} (OVN_IC_Southbound 1.1.1), zone ${ZONE} (`,
    );
    expect(first.stdout).toContain(
      '  committed in one transaction: deleted 1 Gateway, 3 Routes, 1 Port_Binding, 1 Availability_Zone\n',
    );
    expect(first.stdout).toContain('  collected Encap geneve 10.0.2.1 (with Gateway gw-az-b-with-hyphens');
    expect(first.stdout).toContain('connected check: skipped');
    const after = await dump(server.address, SB);
    expect(after).toEqual(without(before, owned));
    expect(zoneRows(after, 'az-a').size).toBe(6);

    const second = await acpnet('interconnect', 'clean', '--ic-sb', server.address, '--az', ZONE);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain(`nothing to do: no availability zone is named ${ZONE}`);
    expect(second.stdout).toMatch(/\nnothing to do\n$/);
    expect(await dump(server.address, SB)).toEqual(after);
  });

  it("finds the zone through a Gateway's hostname (--node), and reports in JSON", async () => {
    const before = await dump(server.address, SB);
    const result = await acpnet(
      'interconnect',
      'clean',
      '--ic-sb',
      server.address,
      '--node',
      `node-${ZONE}`,
      '-o',
      'json',
    );
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({
      target: { node: `node-${ZONE}` },
      dryRun: false,
      alreadyClean: false,
      connectedCheck: { status: 'skipped' },
      icSouthbound: {
        address: server.address,
        schema: 'OVN_IC_Southbound 1.1.1',
        zone: { name: ZONE },
        applied: { deleted: { Gateway: 1, Route: 3, Port_Binding: 1, Availability_Zone: 1 }, mutated: {} },
      },
    });
    expect(
      report.icSouthbound.rows.map((r: { table: string; action: string }) => `${r.action} ${r.table}`),
    ).toEqual([
      'delete Gateway',
      'collected Encap',
      'delete Route',
      'delete Route',
      'delete Route',
      'delete Port_Binding',
      'delete Availability_Zone',
    ]);
    expect(await dump(server.address, SB)).toEqual(without(before, zoneRows(before, ZONE)));
  });

  it('lists what it would remove with --dry-run, and changes nothing', async () => {
    const before = await dump(server.address, SB);
    const result = await acpnet(
      'interconnect',
      'clean',
      '--ic-sb',
      server.address,
      '--az',
      ZONE,
      '--dry-run',
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      '  would delete Gateway gw-az-b-with-hyphens (hostname node-az-b-with-hyphens) [',
    );
    expect(result.stdout).toContain('  would delete Route 10.2.0.0/24 via 169.254.100.2 on ts [');
    expect(result.stdout).toContain('  would delete Port_Binding ts-az-b-with-hyphens on ts [');
    expect(result.stdout).toContain('  would delete Availability_Zone az-b-with-hyphens [');
    expect(result.stdout).toMatch(/dry run: nothing was changed\n$/);
    expect(result.stdout).not.toContain('az-a');
    expect(await dump(server.address, SB)).toEqual(before);
  });

  it('refuses a node whose Gateways are in two zones, naming them', async () => {
    const { icSbctl } = await import('./support.js');
    await icSbctl(
      server.address,
      ...['--', '--id=@e', 'create', 'Encap', 'type=geneve', 'ip=10.0.9.1', 'gateway_name=gw-reused'],
      ...['--', 'create', 'Gateway', 'name=gw-reused', 'hostname=node-az-a', 'encaps=@e'],
      `availability_zone=${uuidOf((await dump(server.address, SB)).Availability_Zone!.find((z) => z.name === ZONE)!)}`,
    );
    const result = await acpnet('interconnect', 'clean', '--ic-sb', server.address, '--node', 'node-az-a');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /refused: the zone of node node-az-a is ambiguous: Gateways on that node belong to zones az-a \(.*\), az-b-with-hyphens \(.*\); name the zone with --az/,
    );
  });

  it.each(['after-send', 'mid-send'] as const)(
    'converges on a second run after the connection broke %s of the transaction',
    async (mode) => {
      const before = await dump(server.address, SB);
      const expected = without(before, zoneRows(before, ZONE));
      const proxy = await breakingProxy(server.address, mode);
      try {
        const broken = await acpnet('interconnect', 'clean', '--ic-sb', proxy.address, '--az', ZONE);
        expect(proxy.broke).toBe(true);
        expect(broken.code).toBe(2);
        expect(broken.stderr).toContain(
          'The connection broke after the transaction was sent: it was committed whole or not at all; run the command again',
        );
      } finally {
        await proxy.close();
      }
      // One transaction: the database holds either everything or nothing of the zone, never a part.
      const between = await dump(server.address, SB);
      expect([JSON.stringify(before), JSON.stringify(expected)]).toContain(JSON.stringify(between));
      if (mode === 'mid-send') expect(between).toEqual(before);

      const again = await acpnet('interconnect', 'clean', '--ic-sb', server.address, '--az', ZONE);
      expect(again.code).toBe(0);
      expect(await dump(server.address, SB)).toEqual(expected);
      const third = await acpnet('interconnect', 'clean', '--ic-sb', server.address, '--az', ZONE);
      expect(third.stdout).toContain('nothing to do');
    },
  );

  it('exits 2 naming a server that does not serve the IC southbound database', async () => {
    const nbOnly = await startOvsdb({ databases: ['ovn-nb'] });
    try {
      const result = await acpnet('interconnect', 'clean', '--ic-sb', nbOnly.address, '--az', ZONE);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(
        `IC southbound database: ${nbOnly.address} does not serve OVN_IC_Southbound`,
      );
      expect(result.stderr).toContain('unknown database');
    } finally {
      await nbOnly.stop();
    }
  });
});

describe('acpnet interconnect clean --ovn-nb', () => {
  beforeEach(async () => {
    await fillNorthbound(server.address, ZONE);
  });

  it("removes the transit switch, the zone's transit ports and the learned routes, and nothing else", async () => {
    const before = await dump(server.address, NB);
    const result = await acpnet(
      ...['interconnect', 'clean', '--ic-sb', server.address, '--ovn-nb', server.address, '--az', ZONE],
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`northbound ${server.address}, zone ${ZONE}\n`);
    expect(result.stdout).toContain('  deleted Logical_Switch ts [');
    expect(result.stdout).toContain('  collected Logical_Switch_Port ts-az-a (with Logical_Switch ts)');
    expect(result.stdout).toContain(
      '  detached Logical_Router_Port az-b-with-hyphens-ts (from Logical_Router ovn-cluster)',
    );
    expect(result.stdout).toContain(
      '  detached Logical_Router_Static_Route 10.1.0.0/24 via 169.254.100.1 (learned) (from Logical_Router ovn-cluster)',
    );
    const after = await dump(server.address, NB);
    const names = (tables: Dump, table: string) => tables[table]!.map((row) => row.name).sort();
    expect(names(after, 'Logical_Switch')).toEqual(['ovn-default']);
    expect(names(after, 'Logical_Switch_Port')).toEqual(['ovn-default-ovn-cluster']);
    expect(names(after, 'Logical_Router_Port')).toEqual(['ovn-cluster-ovn-default']);
    expect(after.Logical_Router_Static_Route!.map((row) => row.ip_prefix)).toEqual(['0.0.0.0/0']);
    // The port's gateway chassis went with it; every other table is as it was.
    expect(after.Gateway_Chassis).toEqual([]);
    const changed = ['Logical_Switch', 'Logical_Switch_Port', 'Logical_Router', 'Logical_Router_Port'];
    changed.push('Logical_Router_Static_Route', 'Gateway_Chassis');
    for (const table of Object.keys(before).filter((t) => !changed.includes(t))) {
      expect([table, after[table]]).toEqual([table, before[table]]);
    }

    const again = await acpnet(
      'interconnect',
      'clean',
      '--ic-sb',
      server.address,
      '--ovn-nb',
      server.address,
      '--az',
      ZONE,
    );
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('nothing to do: no transit switch, transit port or learned route is left');
    expect(again.stdout).toMatch(/\nnothing to do\n$/);
  });

  it('refuses a northbound database of another zone, before changing anything', async () => {
    const before = [await dump(server.address, SB), await dump(server.address, NB)];
    const result = await acpnet(
      'interconnect',
      'clean',
      '--ic-sb',
      server.address,
      '--ovn-nb',
      server.address,
      '--az',
      'az-a',
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `refused: northbound database ${server.address}: the northbound database belongs to availability zone ${ZONE} (NB_Global name), not az-a`,
    );
    expect([await dump(server.address, SB), await dump(server.address, NB)]).toEqual(before);
  });

  it('cleans the northbound database by its own zone name once the IC rows are gone (--node)', async () => {
    await acpnet('interconnect', 'clean', '--ic-sb', server.address, '--az', ZONE);
    const result = await acpnet(
      'interconnect',
      'clean',
      '--ic-sb',
      server.address,
      '--ovn-nb',
      server.address,
      '--node',
      `node-${ZONE}`,
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`nothing to do: no Gateway has hostname node-${ZONE}`);
    expect(result.stdout).toContain(`northbound ${server.address}, zone ${ZONE}\n`);
    expect(result.stdout).toContain('detached Logical_Router_Port az-b-with-hyphens-ts');
    expect(await nbctl(server.address, '--bare', '--columns=name', 'list', 'Logical_Router_Port')).toBe(
      'ovn-cluster-ovn-default\n',
    );
  });
});

describe('acpnet interconnect clean --kubeconfig', () => {
  let api: http.Server;
  let dir: string;
  let kubeconfig: string;
  /** What the fake API server answers for kube-system/ovn-ic-config. */
  let answer: { status: number; body: unknown };

  beforeEach(async () => {
    api = http.createServer((request, response) => {
      const wanted = request.url === '/api/v1/namespaces/kube-system/configmaps/ovn-ic-config';
      response.writeHead(wanted ? answer.status : 404, { 'content-type': 'application/json' });
      response.end(JSON.stringify(wanted ? answer.body : { kind: 'Status', code: 404 }));
    });
    await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
    const { port } = api.address() as net.AddressInfo;
    dir = await mkdtemp(path.join(tmpdir(), 'acpnet-kubeconfig-'));
    kubeconfig = path.join(dir, 'kubeconfig');
    await writeFile(
      kubeconfig,
      [
        'apiVersion: v1',
        'kind: Config',
        // client-node speaks plain HTTP only to a server whose TLS it was told to skip.
        `clusters: [{name: c, cluster: {server: "http://127.0.0.1:${port}", insecure-skip-tls-verify: true}}]`,
        'users: [{name: u, user: {token: t}}]',
        'contexts: [{name: x, context: {cluster: c, user: u}}]',
        'current-context: x',
      ].join('\n'),
    );
  });

  afterEach(async () => {
    await new Promise((resolve) => api.close(resolve));
    await rm(dir, { recursive: true, force: true });
  });

  const configMap = (data: Record<string, string>) => ({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { namespace: 'kube-system', name: 'ovn-ic-config' },
    data,
  });

  it('refuses the zone of a cluster still connected, naming it, and changes nothing', async () => {
    answer = {
      status: 200,
      body: configMap({ 'enable-ic': 'true', 'az-name': ZONE, 'ic-db-host': '192.168.0.1' }),
    };
    const before = await dump(server.address, SB);
    const result = await acpnet(
      'interconnect',
      'clean',
      '--ic-sb',
      server.address,
      '--az',
      ZONE,
      '--kubeconfig',
      kubeconfig,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `refused: availability zone ${ZONE} belongs to a cluster still connected to the interconnect: ` +
        `kube-system/ovn-ic-config has enable-ic "true" and az-name "${ZONE}"`,
    );
    expect(await dump(server.address, SB)).toEqual(before);
  });

  it.each([
    [
      'a cluster that left (enable-ic "false")',
      200,
      configMap({ 'enable-ic': 'false', 'az-name': ZONE }),
      'has enable-ic "false"',
    ],
    ['a cluster without ovn-ic-config', 404, {}, 'kube-system/ovn-ic-config not found on http://127.0.0.1:'],
    [
      'a cluster connected as another zone',
      200,
      configMap({ 'enable-ic': 'true', 'az-name': 'az-new' }),
      'is connected as zone "az-new", not az-b-with-hyphens',
    ],
  ])('proceeds for %s and says so', async (_name, status, body, detail) => {
    answer = { status, body };
    const result = await acpnet(
      'interconnect',
      'clean',
      '--ic-sb',
      server.address,
      '--az',
      ZONE,
      '--kubeconfig',
      kubeconfig,
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('connected check: passed (');
    expect(result.stdout).toContain(detail);
  });

  it('exits 2 naming an API server it cannot read', async () => {
    answer = { status: 403, body: { kind: 'Status', message: 'configmaps "ovn-ic-config" is forbidden' } };
    const forbidden = await acpnet(
      'interconnect',
      'clean',
      '--ic-sb',
      server.address,
      '--az',
      ZONE,
      '--kubeconfig',
      kubeconfig,
    );
    expect(forbidden.code).toBe(2);
    expect(forbidden.stderr).toMatch(
      /cannot read kube-system\/ovn-ic-config from http:\/\/127\.0\.0\.1:\d+: HTTP 403: configmaps "ovn-ic-config" is forbidden/,
    );
    await new Promise((resolve) => api.close(resolve));
    api = http.createServer();
    const down = await acpnet(
      'interconnect',
      'clean',
      '--ic-sb',
      server.address,
      '--az',
      ZONE,
      '--kubeconfig',
      kubeconfig,
    );
    expect(down.code).toBe(2);
    expect(down.stderr).toMatch(/cannot read kube-system\/ovn-ic-config from http:\/\/127\.0\.0\.1:\d+: /);
  });
});
