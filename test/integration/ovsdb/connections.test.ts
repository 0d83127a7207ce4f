/**
 * The functions' OVSDB connections on the real ovsdb-server: planners read through a reader that
 * refuses any writing operation before it is sent, `ovsdb` effects run whole through the applier,
 * and a connection that closed is opened again on the next use.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { applyEffects } from '../../../functions/runtime/applier.js';
import { OvsdbConnections } from '../../../functions/runtime/ovsdb-connections.js';
import { MemoryStore } from '../../../shared/kube/memory-store.js';
import { OvsdbDataError } from '../../../shared/ovsdb/errors.js';
import { dump, fillZone, type OvsdbServer, startOvsdb } from './support.js';

jest.setTimeout(60_000);

const SB = 'OVN_IC_Southbound';
let server: OvsdbServer;
let connections: OvsdbConnections;

beforeAll(async () => {
  server = await startOvsdb({ databases: ['ovn-ic-sb'] });
  await fillZone(server.address, 'az-a', { index: 1, routes: 2 });
  connections = new OvsdbConnections({ timeoutMs: 10_000 });
});

afterAll(async () => {
  connections?.close();
  await server?.stop();
});

describe('OVSDB connections of the functions', () => {
  it('reads through a reader that refuses a write before sending it', async () => {
    const reader = await connections.reader(server.address);
    const [zones] = await reader.transact(SB, [{ op: 'select', table: 'Availability_Zone', where: [] }]);
    expect(zones?.rows?.map((row) => row.string('name'))).toEqual(['az-a']);
    const before = await dump(server.address, SB);
    await expect(reader.transact(SB, [{ op: 'delete', table: 'Route', where: [] }])).rejects.toThrow(
      new OvsdbDataError('a planner may only read: delete refused before it was sent'),
    );
    expect(await dump(server.address, SB)).toEqual(before);
  });

  it('runs an ovsdb effect through the applier, reporting it only when it touched a row', async () => {
    const effect = {
      op: 'ovsdb',
      remote: server.address,
      database: SB,
      operations: [
        { op: 'comment', comment: 'test: the routes of 10.1.0.0/24' },
        { op: 'delete', table: 'Route', where: [['ip_prefix', '==', '10.1.0.0/24']] },
      ],
    } as const;
    const store = new MemoryStore();
    const first = await applyEffects(store, 'test', 'acpnet-test', [effect], { ovsdb: connections });
    expect(first).toEqual([
      {
        function: 'test',
        op: 'ovsdb',
        database: SB,
        remote: server.address,
        comment: 'test: the routes of 10.1.0.0/24',
        operations: 2,
      },
    ]);
    expect(await applyEffects(store, 'test', 'acpnet-test', [effect], { ovsdb: connections })).toEqual([]);
  });

  it('opens the connection again after it closed', async () => {
    const client = await connections.client(server.address);
    client.close();
    await client.closed;
    const again = await connections.client(server.address);
    expect(again).not.toBe(client);
    expect(await again.listDbs()).toContain(SB);
  });
});
