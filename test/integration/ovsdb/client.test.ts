/** The OVSDB client against the real ovsdb-server, serving Debian's OVN_IC_Southbound schema. */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { OvsdbClient } from '../../../shared/ovsdb/client.js';
import { NamedUuid, OvsdbSet, stringMap, Uuid } from '../../../shared/ovsdb/datum.js';
import { OvsdbCanceledError, OvsdbRpcError, OvsdbTransactionError } from '../../../shared/ovsdb/errors.js';
import { byUuid } from '../../../shared/ovsdb/operations.js';
import { columnOf, tableOf } from '../../../shared/ovsdb/schema.js';
import type { RowChange } from '../../../shared/ovsdb/updates.js';
import { type OvsdbServer, startOvsdb, tool } from './support.js';

const DB = 'OVN_IC_Southbound';
jest.setTimeout(30_000);
let server: OvsdbServer;
let client: OvsdbClient;

beforeAll(async () => {
  server = await startOvsdb({ databases: ['ovn-ic-sb', 'ovn-nb'] });
  client = await OvsdbClient.connect(server.address);
});

afterAll(async () => {
  client?.close();
  await server?.stop();
});

/** Waits until `changes` holds at least `count` entries. */
async function until(changes: RowChange[], count: number): Promise<void> {
  for (let i = 0; i < 100 && changes.length < count; i++) await new Promise((r) => setTimeout(r, 20));
}

describe('OvsdbClient on ovsdb-server', () => {
  it('lists the databases and reads their schemas into types', async () => {
    expect((await client.listDbs()).sort()).toEqual(['OVN_IC_Southbound', 'OVN_Northbound', '_Server']);
    const schema = await client.getSchema(DB);
    expect(schema.name).toBe(DB);
    expect(tableOf(schema, 'Encap').isRoot).toBe(false);
    expect(columnOf(tableOf(schema, 'Gateway'), 'encaps').type.key).toEqual({
      type: 'uuid',
      refTable: 'Encap',
      refType: 'strong',
    });
    expect(columnOf(tableOf(schema, 'Port_Binding'), 'encap').type.key.refType).toBe('weak');
  });

  it('runs insert, select, update, mutate, wait, comment and delete with where-clauses', async () => {
    const [zone, encap, gateway] = await client.transact(DB, [
      { op: 'insert', table: 'Availability_Zone', row: { name: 'az-ops' }, uuidName: 'az' },
      {
        op: 'insert',
        table: 'Encap',
        row: { type: 'geneve', ip: '10.9.0.1', gateway_name: 'gw-ops' },
        uuidName: 'e',
      },
      {
        op: 'insert',
        table: 'Gateway',
        row: {
          name: 'gw-ops',
          hostname: 'node-ops',
          availability_zone: new NamedUuid('az'),
          encaps: new NamedUuid('e'),
        },
      },
      { op: 'comment', comment: 'acpnet integration test' },
    ]);
    expect(zone!.uuid).toMatch(/^[0-9a-f-]{36}$/);
    const zoneUuid = new Uuid(zone!.uuid!);

    const [selected] = await client.transact(DB, [
      {
        op: 'select',
        table: 'Gateway',
        where: [['availability_zone', '==', zoneUuid]],
        columns: ['_uuid', 'name', 'encaps'],
      },
    ]);
    expect(selected!.rows!.map((row) => [row.uuid, row.string('name'), row.uuids('encaps')])).toEqual([
      [gateway!.uuid, 'gw-ops', [encap!.uuid]],
    ]);

    const [updated, mutated, waited] = await client.transact(DB, [
      { op: 'update', table: 'Gateway', where: [['name', '==', 'gw-ops']], row: { hostname: 'node-ops-2' } },
      {
        op: 'mutate',
        table: 'Gateway',
        where: [byUuid(gateway!.uuid!)],
        mutations: [['external_ids', 'insert', stringMap({ owner: 'acpnet' })]],
      },
      {
        op: 'wait',
        table: 'Gateway',
        where: [['external_ids', 'includes', stringMap({ owner: 'acpnet' })]],
        columns: ['hostname'],
        until: '==',
        rows: [{ hostname: 'node-ops-2' }],
        timeout: 0,
      },
    ]);
    expect(updated!.count).toBe(1);
    expect(mutated!.count).toBe(1);
    expect(waited).toEqual({});

    const [deleted] = await client.transact(DB, [
      {
        op: 'delete',
        table: 'Gateway',
        where: [['encaps', 'includes', new OvsdbSet([new Uuid(encap!.uuid!)])]],
      },
      { op: 'delete', table: 'Availability_Zone', where: [byUuid(zoneUuid.value)] },
    ]);
    expect(deleted!.count).toBe(1);
    // The Encap was not a root row: the server collected it with its Gateway.
    const [encaps] = await client.transact(DB, [
      { op: 'select', table: 'Encap', where: [byUuid(encap!.uuid!)] },
    ]);
    expect(encaps!.rows).toEqual([]);
  });

  it("names the failing operation and the server's error and details", async () => {
    const [zone] = await client.transact(DB, [
      { op: 'insert', table: 'Availability_Zone', row: { name: 'az-ref' }, uuidName: 'az' },
      {
        op: 'insert',
        table: 'Route',
        row: {
          transit_switch: 'ts',
          availability_zone: new NamedUuid('az'),
          route_table: '',
          ip_prefix: '10.99.0.0/24',
          nexthop: '169.254.100.99',
          origin: 'connected',
        },
      },
    ]);
    // Deleting a zone a Route still refers to fails when the transaction commits.
    const integrity = await client
      .transact(DB, [{ op: 'delete', table: 'Availability_Zone', where: [byUuid(zone!.uuid!)] }])
      .catch((e: unknown) => e);
    expect(integrity).toBeInstanceOf(OvsdbTransactionError);
    expect(integrity).toMatchObject({ operation: 1, op: 'commit', error: 'referential integrity violation' });
    expect((integrity as Error).message).toBe(
      `transact on ${server.address} (${DB}) failed at operation 1 (commit): referential integrity violation: ` +
        `cannot delete Availability_Zone row ${zone!.uuid} because of 1 remaining reference(s)`,
    );
    // A second zone of the same name breaks the table's index.
    const duplicate = await client
      .transact(DB, [
        { op: 'comment', comment: 'duplicate' },
        { op: 'insert', table: 'Availability_Zone', row: { name: 'az-ref' } },
      ])
      .catch((e: unknown) => e);
    expect(duplicate).toMatchObject({ operation: 2, op: 'commit', error: 'constraint violation' });
    // A wait that does not hold at once, with no time to wait, fails at its own operation.
    const wait = await client
      .transact(DB, [
        {
          op: 'wait',
          table: 'Availability_Zone',
          where: [['name', '==', 'az-ref']],
          columns: ['name'],
          until: '==',
          rows: [],
          timeout: 0,
        },
      ])
      .catch((e: unknown) => e);
    expect(wait).toMatchObject({ operation: 0, op: 'wait', error: 'timed out' });
    const unknown = await client.transact('NOPE', []).catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(OvsdbRpcError);
    expect((unknown as Error).message).toMatch(
      new RegExp(`^get_schema on ${server.address} failed: unknown database`),
    );
  });

  it('cancels a transaction waiting on the server, at once (ovsdb-server 3.1 does not answer cancel)', async () => {
    const controller = new AbortController();
    const waiting = client.transact(
      DB,
      [
        {
          op: 'wait',
          table: 'Availability_Zone',
          where: [['name', '==', 'never-appears']],
          columns: ['name'],
          until: '!=',
          rows: [],
        },
      ],
      { signal: controller.signal },
    );
    setTimeout(() => controller.abort(), 100);
    await expect(waiting).rejects.toThrow(new OvsdbCanceledError('transact', server.address));
    // The session is still usable.
    expect(await client.listDbs()).toContain(DB);
  });

  it('monitors a table: the current rows, then inserts, modifications and deletes', async () => {
    const changes: RowChange[] = [];
    const monitor = await client.monitor(DB, { Availability_Zone: { columns: ['name'] } }, (c) =>
      changes.push(...c),
    );
    expect(monitor.initial.every((c) => c.kind === 'initial' && c.new?.string('name'))).toBe(true);
    const [inserted] = await client.transact(DB, [
      { op: 'insert', table: 'Availability_Zone', row: { name: 'az-mon' } },
    ]);
    await client.transact(DB, [
      {
        op: 'update',
        table: 'Availability_Zone',
        where: [byUuid(inserted!.uuid!)],
        row: { name: 'az-mon-2' },
      },
    ]);
    await client.transact(DB, [
      { op: 'delete', table: 'Availability_Zone', where: [byUuid(inserted!.uuid!)] },
    ]);
    await until(changes, 3);
    expect(changes.map((c) => [c.kind, c.uuid, c.old?.get('name'), c.new?.get('name')])).toEqual([
      ['insert', inserted!.uuid, undefined, 'az-mon'],
      ['modify', inserted!.uuid, 'az-mon', 'az-mon-2'],
      ['delete', inserted!.uuid, 'az-mon-2', undefined],
    ]);
    await monitor.cancel();
    await client.transact(DB, [
      { op: 'insert', table: 'Availability_Zone', row: { name: 'az-after-cancel' } },
    ]);
    await new Promise((r) => setTimeout(r, 100));
    expect(changes).toHaveLength(3);
  });

  it('monitors with conditions (monitor_cond), with diffs for modifications', async () => {
    const changes: RowChange[] = [];
    const monitor = await client.monitorCond(
      DB,
      { Availability_Zone: { columns: ['name'], where: [['name', '==', 'az-cond']] } },
      (c) => changes.push(...c),
    );
    expect(monitor.initial).toEqual([]);
    const [other, watched] = await client.transact(DB, [
      { op: 'insert', table: 'Availability_Zone', row: { name: 'az-not-watched' } },
      { op: 'insert', table: 'Availability_Zone', row: { name: 'az-cond' } },
    ]);
    await until(changes, 1);
    expect(changes.map((c) => [c.kind, c.uuid, c.new?.get('name')])).toEqual([
      ['insert', watched!.uuid, 'az-cond'],
    ]);
    expect(other!.uuid).not.toBe(watched!.uuid);
    await client.transact(DB, [
      { op: 'delete', table: 'Availability_Zone', where: [byUuid(watched!.uuid!)] },
    ]);
    await until(changes, 2);
    expect(changes[1]).toMatchObject({ kind: 'delete', uuid: watched!.uuid });
    await monitor.cancel();
  });

  it('answers the server keep-alive probes, which close a connection that does not', async () => {
    // A second listener whose inactivity probe is 1 s, as a Connection row configures it.
    const port = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as net.AddressInfo;
        probe.close(() => resolve(free));
      });
    });
    await client.transact(DB, [
      {
        op: 'insert',
        table: 'Connection',
        row: { target: `ptcp:${port}:127.0.0.1`, inactivity_probe: new OvsdbSet([1000]) },
        uuidName: 'c',
      },
      { op: 'insert', table: 'IC_SB_Global', row: { connections: new NamedUuid('c') } },
    ]);
    await tool(
      'ovs-appctl',
      '-t',
      server.control,
      'ovsdb-server/add-remote',
      `db:${DB},IC_SB_Global,connections`,
    );
    const remote = `tcp:127.0.0.1:${port}`;
    for (let i = 0; i < 50; i++) {
      const open = await new Promise<boolean>((resolve) => {
        const s = net.connect({ host: '127.0.0.1', port }, () => s.destroy() && resolve(true));
        s.on('error', () => resolve(false));
      });
      if (open) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    // A peer that never answers is dropped by the server after the probe goes unanswered.
    const silent = net.connect({ host: '127.0.0.1', port });
    const silentClosed = new Promise<number>((resolve) => {
      const started = Date.now();
      silent.on('close', () => resolve(Date.now() - started));
      silent.on('error', () => {});
      silent.resume(); // reads (and ignores) the server's echo, so that its close is seen
    });
    // The client, sending no echo of its own, answers the server's and stays connected.
    const passive = await OvsdbClient.connect(remote, { echoIntervalMs: 0 });
    try {
      expect(await silentClosed).toBeLessThan(10_000);
      expect(passive.isOpen).toBe(true);
      expect(await passive.listDbs()).toContain(DB);
    } finally {
      passive.close();
      silent.destroy();
    }
  }, 30_000);
});
