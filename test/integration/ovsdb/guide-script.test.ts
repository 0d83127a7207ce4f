/**
 * acpnet beside the cleanup the platform guide prescribes (集群互联 > 清理互联集群残留 and
 * 卸载互联集群), run on identical copies of one database and compared by their dumps.
 *
 * The guide only names `clean-ic-az-db.sh <cluster-name|node-name>`, run inside the ovn-ic-db
 * container, and `ovn-nbctl ls-del ts` on uninstall. The script below is written here from that
 * description: find the zone by name, or by the hostname of one of its Gateways, then destroy with
 * ovn-ic-sbctl, row by row, its Gateways, Routes and Port_Bindings, and last the Availability_Zone.
 *
 * Every difference found is asserted below:
 * 1. On a database filled as ovn-ic leaves it, the rows left are the same.
 * 2. The script runs one transaction per row (here 6); acpnet one for the whole zone.
 * 3. Run again, the script fails (exit 1, zone not found); acpnet exits 0 and says there is nothing to do.
 * 4. Killed half-way, the script leaves part of the zone (here the Routes and Port_Binding of a zone
 *    whose Gateway is gone, which --node can no longer find); acpnet --az finishes it.
 * 5. ovn-ic-sbctl adds an IC_SB_Global row to a database that has none, even to look a row up;
 *    acpnet writes nothing but the deletes.
 * 6. On uninstall, `ovn-nbctl ls-del ts` leaves the zone's router port to ts (with its gateway
 *    chassis) and the routes learned from other zones (kube-ovn #7264); acpnet --ovn-nb removes both.
 */

import { execFile } from 'node:child_process';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { GUIDE_SCRIPT } from './guide-script.js';
import {
  acpnet,
  backup,
  type Dump,
  dump,
  fillNorthbound,
  fillZone,
  nbctl,
  type OvsdbServer,
  startOvsdb,
  tool,
} from './support.js';

jest.setTimeout(120_000);

const exec = promisify(execFile);
const SB = 'OVN_IC_Southbound';
const NB = 'OVN_Northbound';
const ZONE = 'az-b-with-hyphens';

let dir: string;
let script: string;
const servers: OvsdbServer[] = [];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'acpnet-guide-script-'));
  script = path.join(dir, 'clean-ic-az-db.sh');
  await writeFile(script, GUIDE_SCRIPT);
  await chmod(script, 0o755);
});

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await rm(dir, { recursive: true, force: true });
});

async function serve(from?: string): Promise<OvsdbServer> {
  const server = await startOvsdb({
    databases: ['ovn-ic-sb', 'ovn-nb'],
    from: from ? { 'ovn-ic-sb': from } : {},
  });
  servers.push(server);
  return server;
}

/** Two servers with identical copies (same rows, same uuids) of one database filled by `fill`. */
async function identicalPair(
  name: string,
  fill: (address: string) => Promise<void>,
): Promise<[OvsdbServer, OvsdbServer]> {
  const origin = await serve();
  await fill(origin.address);
  const file = path.join(dir, `${name}.db`);
  await backup(origin.address, SB, file);
  return [await serve(file), await serve(file)];
}

async function runScript(address: string, target: string, env: Record<string, string> = {}) {
  try {
    const { stdout } = await exec(script, [target], { env: { ...process.env, IC_SB_DB: address, ...env } });
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code?: number; signal?: string; stdout: string; stderr: string };
    return { code: failed.code ?? 128, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const fillTwoZones = async (address: string) => {
  await fillZone(address, 'az-a', { index: 1, routes: 2 });
  await fillZone(address, ZONE, { index: 2, routes: 3 });
};

describe("the guide's cleanup script beside acpnet", () => {
  it('leaves the same rows, the script in one transaction per row, acpnet in one (differences 1 to 3)', async () => {
    const [byScript, byAcpnet] = await identicalPair('two-zones', fillTwoZones);
    const initial = await dump(byScript.address, SB);
    expect(await dump(byAcpnet.address, SB)).toEqual(initial);

    const scripted = await runScript(byScript.address, ZONE);
    expect(scripted.code).toBe(0);
    const transactions = scripted.stdout.split('\n').filter((line) => line.startsWith('destroyed '));
    expect(transactions).toHaveLength(6); // 1 Gateway, 3 Routes, 1 Port_Binding, the zone
    const cleaned = await acpnet('interconnect', 'clean', '--ic-sb', byAcpnet.address, '--az', ZONE);
    expect(cleaned.code).toBe(0);
    expect(cleaned.stdout).toContain('committed in one transaction');

    const [scriptDump, acpnetDump] = [await dump(byScript.address, SB), await dump(byAcpnet.address, SB)];
    expect(acpnetDump).toEqual(scriptDump);
    expect(acpnetDump).not.toEqual(initial);

    const scriptAgain = await runScript(byScript.address, ZONE);
    expect(scriptAgain.code).toBe(1);
    expect(scriptAgain.stderr).toContain(`availability zone of ${ZONE} not found`);
    const acpnetAgain = await acpnet('interconnect', 'clean', '--ic-sb', byAcpnet.address, '--az', ZONE);
    expect(acpnetAgain.code).toBe(0);
    expect(acpnetAgain.stdout).toContain('nothing to do');
  });

  it('finds the zone by node name the same way', async () => {
    const [byScript, byAcpnet] = await identicalPair('by-node', fillTwoZones);
    expect((await runScript(byScript.address, `node-${ZONE}`)).code).toBe(0);
    expect(
      (await acpnet('interconnect', 'clean', '--ic-sb', byAcpnet.address, '--node', `node-${ZONE}`)).code,
    ).toBe(0);
    expect(await dump(byAcpnet.address, SB)).toEqual(await dump(byScript.address, SB));
  });

  it('leaves part of the zone when the script is killed half-way, which acpnet then finishes (difference 4)', async () => {
    const [byScript, reference] = await identicalPair('killed', fillTwoZones);
    // An ovn-ic-sbctl that kills the script at its second destroy, as a node reboot or ^C would.
    const killer = path.join(dir, 'ovn-ic-sbctl-killer');
    const count = path.join(dir, 'destroys');
    await writeFile(count, '');
    await writeFile(
      killer,
      `#!/usr/bin/env bash\nif [[ " $* " == *" destroy "* ]]; then\n  echo x >> ${count}\n` +
        `  if [ "$(wc -l < ${count})" -ge 2 ]; then kill -9 $PPID; exit 137; fi\nfi\nexec ovn-ic-sbctl "$@"\n`,
    );
    await chmod(killer, 0o755);
    const killed = await runScript(byScript.address, ZONE, { SBCTL: killer });
    expect(killed.code).not.toBe(0);
    const partial = await dump(byScript.address, SB);
    const zone = partial.Availability_Zone!.find((z) => z.name === ZONE)!;
    const ofZone = (table: string) =>
      partial[table]!.filter((row) => JSON.stringify(row.availability_zone) === JSON.stringify(zone._uuid));
    expect(ofZone('Gateway')).toHaveLength(0);
    expect(ofZone('Route')).toHaveLength(3);
    expect(ofZone('Port_Binding')).toHaveLength(1);

    // The node name no longer leads to the zone: its Gateway is gone.
    const byNode = await acpnet(
      'interconnect',
      'clean',
      '--ic-sb',
      byScript.address,
      '--node',
      `node-${ZONE}`,
    );
    expect(byNode.stdout).toContain(`nothing to do: no Gateway has hostname node-${ZONE}`);
    const byName = await acpnet('interconnect', 'clean', '--ic-sb', byScript.address, '--az', ZONE);
    expect(byName.code).toBe(0);
    expect(byName.stdout).toContain(
      'committed in one transaction: deleted 3 Routes, 1 Port_Binding, 1 Availability_Zone',
    );

    expect((await runScript(reference.address, ZONE)).code).toBe(0);
    expect(await dump(byScript.address, SB)).toEqual(await dump(reference.address, SB));
  });

  it('differs on a database without IC_SB_Global: ovn-ic-sbctl adds one (difference 5)', async () => {
    // Filled through plain OVSDB transactions, as ovn-ic's own IDL writes, which create no IC_SB_Global.
    const fillWithoutGlobal = async (address: string) => {
      for (const [zone, index] of [
        ['az-a', 1],
        [ZONE, 2],
      ] as const) {
        await tool(
          'ovsdb-client',
          'transact',
          address,
          JSON.stringify([
            SB,
            { op: 'insert', table: 'Availability_Zone', row: { name: zone }, 'uuid-name': 'az' },
            {
              op: 'insert',
              table: 'Encap',
              row: { type: 'geneve', ip: `10.0.${index}.1`, gateway_name: `gw-${zone}` },
              'uuid-name': 'e',
            },
            {
              op: 'insert',
              table: 'Gateway',
              row: {
                name: `gw-${zone}`,
                hostname: `node-${zone}`,
                availability_zone: ['named-uuid', 'az'],
                encaps: ['named-uuid', 'e'],
              },
            },
            {
              op: 'insert',
              table: 'Route',
              row: {
                transit_switch: 'ts',
                availability_zone: ['named-uuid', 'az'],
                route_table: '',
                ip_prefix: `10.${index}.0.0/24`,
                nexthop: `169.254.100.${index}`,
                origin: 'connected',
              },
            },
          ]),
        );
      }
    };
    const [byScript, byAcpnet] = await identicalPair('no-global', fillWithoutGlobal);
    expect((await dump(byScript.address, SB)).IC_SB_Global).toEqual([]);
    expect((await runScript(byScript.address, ZONE)).code).toBe(0);
    expect((await acpnet('interconnect', 'clean', '--ic-sb', byAcpnet.address, '--az', ZONE)).code).toBe(0);
    const [scriptDump, acpnetDump] = [await dump(byScript.address, SB), await dump(byAcpnet.address, SB)];
    expect(scriptDump.IC_SB_Global).toHaveLength(1);
    expect(acpnetDump.IC_SB_Global).toEqual([]);
    expect({ ...acpnetDump, IC_SB_Global: [] }).toEqual({ ...scriptDump, IC_SB_Global: [] });
  });

  it("differs on uninstall: 'ovn-nbctl ls-del ts' leaves the zone's router port and the learned routes (difference 6)", async () => {
    const origin = await serve();
    await fillNorthbound(origin.address, ZONE);
    const file = path.join(dir, 'nb.db');
    await writeFile(file, await tool('ovsdb-client', 'backup', origin.address, NB));
    const copies: OvsdbServer[] = [];
    for (let i = 0; i < 2; i++) {
      const server = await startOvsdb({ databases: ['ovn-ic-sb', 'ovn-nb'], from: { 'ovn-nb': file } });
      servers.push(server);
      copies.push(server);
    }
    const [byGuide, byAcpnet] = copies as [OvsdbServer, OvsdbServer];
    await nbctl(byGuide.address, 'ls-del', 'ts');
    const result = await acpnet(
      'interconnect',
      'clean',
      '--ic-sb',
      byAcpnet.address,
      '--ovn-nb',
      byAcpnet.address,
      '--az',
      ZONE,
    );
    expect(result.code).toBe(0);
    const [guideDump, acpnetDump] = [await dump(byGuide.address, NB), await dump(byAcpnet.address, NB)];
    const names = (tables: Dump, table: string) =>
      tables[table]!.map((row) => row.name ?? row.ip_prefix).sort();
    // What both removed: the transit switch and its ports.
    for (const tables of [guideDump, acpnetDump]) {
      expect(names(tables, 'Logical_Switch')).toEqual(['ovn-default']);
      expect(names(tables, 'Logical_Switch_Port')).toEqual(['ovn-default-ovn-cluster']);
    }
    // What only acpnet removed.
    expect(names(guideDump, 'Logical_Router_Port')).toEqual([`${ZONE}-ts`, 'ovn-cluster-ovn-default']);
    expect(names(acpnetDump, 'Logical_Router_Port')).toEqual(['ovn-cluster-ovn-default']);
    expect(names(guideDump, 'Gateway_Chassis')).toEqual([`${ZONE}-ts-chassis-gw-1`]);
    expect(names(acpnetDump, 'Gateway_Chassis')).toEqual([]);
    expect(names(guideDump, 'Logical_Router_Static_Route')).toEqual(['0.0.0.0/0', '10.1.0.0/24']);
    expect(names(acpnetDump, 'Logical_Router_Static_Route')).toEqual(['0.0.0.0/0']);
    // Nothing else differs (the router row differs only by the sets those rows were in).
    const others = Object.keys(guideDump).filter(
      (t) =>
        !['Logical_Router', 'Logical_Router_Port', 'Gateway_Chassis', 'Logical_Router_Static_Route'].includes(
          t,
        ),
    );
    for (const table of others) expect([table, acpnetDump[table]]).toEqual([table, guideDump[table]]);
  });
});
