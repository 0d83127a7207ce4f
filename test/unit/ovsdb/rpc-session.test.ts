import net from 'node:net';
import { afterEach, describe, expect, it } from '@jest/globals';
import {
  OvsdbCanceledError,
  OvsdbConnectionError,
  OvsdbProtocolError,
  OvsdbRpcError,
  OvsdbTimeoutError,
} from '../../../shared/ovsdb/errors.js';
import { RpcSession, type RpcSessionOptions } from '../../../shared/ovsdb/rpc-session.js';
import { type FakeServer, fakeServer, reply, type Script } from './fake-server.js';

let server: FakeServer | undefined;
const servers: FakeServer[] = [];
const sessions: RpcSession[] = [];

afterEach(async () => {
  for (const session of sessions.splice(0)) session.close();
  await Promise.all(servers.splice(0).map((s) => s.close()));
  server = undefined;
});

async function sessionWith(
  script: Script,
  options: Partial<RpcSessionOptions> = {},
  onConnect?: (s: net.Socket) => void,
) {
  server = await fakeServer(script, onConnect);
  servers.push(server);
  const socket = net.connect({ host: '127.0.0.1', port: server.port });
  await new Promise((resolve) => socket.once('connect', resolve));
  const session = new RpcSession(socket, { address: server.address, echoIntervalMs: 0, ...options });
  sessions.push(session);
  return session;
}

describe('RpcSession', () => {
  it('matches replies to requests by id, in whatever order they come', async () => {
    const held: [net.Socket, unknown][] = [];
    const session = await sessionWith((message, socket) => {
      held.push([socket, message.id]);
      if (held.length === 2) for (const [s, id] of held.reverse()) reply(s, id, [`reply to ${id}`]);
    });
    const [a, b] = await Promise.all([session.request('list_dbs', []), session.request('list_dbs', [])]);
    expect(a).toEqual(['reply to 1']);
    expect(b).toEqual(['reply to 2']);
    expect(server!.received.map((m) => [m.method, m.id])).toEqual([
      ['list_dbs', 1],
      ['list_dbs', 2],
    ]);
  });

  it("rejects with the server's error and details, naming the method and the address", async () => {
    const session = await sessionWith((message, socket) =>
      reply(socket, message.id, null, {
        error: 'unknown database',
        details: 'get_schema request specifies unknown database NOPE',
      }),
    );
    const error = await session.request('get_schema', ['NOPE']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OvsdbRpcError);
    expect((error as OvsdbRpcError).message).toBe(
      `get_schema on ${server!.address} failed: unknown database: get_schema request specifies unknown database NOPE`,
    );
    expect((error as OvsdbRpcError).error).toBe('unknown database');
  });

  it('accepts an error that is a bare string', async () => {
    const session = await sessionWith((message, socket) => reply(socket, message.id, null, 'not allowed'));
    await expect(session.request('transact', [])).rejects.toThrow(
      `transact on ${server!.address} failed: not allowed`,
    );
  });

  it("answers the server's echo with the same parameters, and delivers notifications", async () => {
    const notes: [string, readonly unknown[]][] = [];
    const session = await sessionWith(
      () => {},
      {},
      (socket) => {
        socket.write('{"id":"echo","method":"echo","params":["probe"]}');
        socket.write('{"id":null,"method":"update","params":["m1",{"T":{}}]}');
        socket.write('{"id":7,"method":"lock","params":[]}');
      },
    );
    session.onNotification((method, params) => notes.push([method, params]));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(server!.received).toEqual([
      { id: 'echo', result: ['probe'], error: null },
      { id: 7, result: null, error: 'unknown method lock' },
    ]);
    expect(notes).toEqual([['update', ['m1', { T: {} }]]]);
  });

  it('fails a request the server does not answer in time, and ignores the late reply', async () => {
    const late: [net.Socket, unknown][] = [];
    const session = await sessionWith((message, socket) => late.push([socket, message.id]));
    const started = Date.now();
    await expect(session.request('transact', [], { timeoutMs: 100 })).rejects.toThrow(
      new OvsdbTimeoutError('transact', 100, server!.address),
    );
    expect(Date.now() - started).toBeLessThan(1000);
    for (const [socket, id] of late) reply(socket, id, []);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(session.isOpen).toBe(true);
  });

  it('fails pending requests promptly when the connection is lost', async () => {
    const session = await sessionWith((_message, socket) => socket.destroy());
    const started = Date.now();
    const error = await session
      .request('transact', ['OVN_IC_Southbound'], { timeoutMs: 30_000 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OvsdbConnectionError);
    expect((error as Error).message).toMatch(new RegExp(`^transact on ${server!.address}: `));
    expect(Date.now() - started).toBeLessThan(1000);
    await expect(session.request('echo', [])).rejects.toThrow(OvsdbConnectionError);
    expect((await session.closed).message).toMatch(server!.address);
  });

  it('closes on a truncated message followed by the end of the stream', async () => {
    const session = await sessionWith((message, socket) =>
      socket.end(`{"id":${message.id},"result":[{"rows":[`),
    );
    await expect(session.request('transact', [])).rejects.toThrow(
      /the server closed the connection|the connection closed/,
    );
  });

  it('closes on garbage, failing what is pending with a protocol error', async () => {
    const session = await sessionWith((_message, socket) => socket.write('HTTP/1.1 400 Bad Request\r\n\r\n'));
    const error = await session.request('list_dbs', []).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OvsdbProtocolError);
    expect((error as Error).message).toBe(
      `list_dbs on ${server!.address}: the server sent a broken stream: unexpected "H" (0x48) between messages (a message is a JSON object)`,
    );
    expect(session.isOpen).toBe(false);
  });

  it('closes on a message larger than its limit', async () => {
    const session = await sessionWith((message, socket) => reply(socket, message.id, 'x'.repeat(4096)), {
      maxMessageBytes: 1024,
    });
    await expect(session.request('list_dbs', [])).rejects.toThrow(/exceeds the limit of 1024 bytes/);
  });

  it('closes when the server stops reading and requests pile up beyond the limit', async () => {
    const session = await sessionWith(
      () => {},
      { maxMessageBytes: 64 * 1024 },
      (socket) => socket.pause(),
    );
    const big = 'x'.repeat(32 * 1024);
    const pending: Promise<unknown>[] = [];
    for (let i = 0; i < 200 && session.isOpen; i++)
      pending.push(session.request('echo', [big]).catch((e: unknown) => e));
    const reasons = await Promise.all(pending);
    expect(session.isOpen).toBe(false);
    expect(String(reasons.at(-1))).toMatch(
      /bytes wait to be sent \(limit 65536\): the server is not reading/,
    );
  });

  it('closes on JSON that is not JSON-RPC', async () => {
    const session = await sessionWith((_message, socket) => socket.write('[1,2,3]'));
    await expect(session.request('list_dbs', [])).rejects.toThrow(/not an object/);
    const other = await sessionWith((_message, socket) => socket.write('{"hello":"world"}'));
    await expect(other.request('list_dbs', [])).rejects.toThrow(/neither a request nor a reply/);
  });

  it('sends an echo when the line is idle, and closes a connection whose server does not answer it', async () => {
    const session = await sessionWith(() => {}, { echoIntervalMs: 50, echoTimeoutMs: 100 });
    const reason = await session.closed;
    expect(reason).toBeInstanceOf(OvsdbConnectionError);
    expect(reason.message).toBe(
      `${server!.address}: no reply to echo within 100 ms; the connection is considered dead`,
    );
    expect(server!.received[0]).toEqual({ method: 'echo', params: [], id: 1 });
  });

  it('keeps a connection whose server answers echo', async () => {
    const session = await sessionWith((message, socket) => reply(socket, message.id, message.params), {
      echoIntervalMs: 30,
      echoTimeoutMs: 100,
    });
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(session.isOpen).toBe(true);
    expect(server!.received.filter((m) => m.method === 'echo').length).toBeGreaterThanOrEqual(2);
  });

  it('cancels a request through its signal with RFC 7047 cancel, without waiting for the server', async () => {
    const session = await sessionWith((message, socket) => {
      if (message.method === 'cancel') {
        const [id] = message.params as [number];
        reply(socket, id, null, 'canceled');
      }
    });
    const controller = new AbortController();
    const pending = session.request('transact', ['db', { op: 'wait', timeout: 100000 }], {
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toThrow(new OvsdbCanceledError('transact', server!.address));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server!.received[1]).toEqual({ method: 'cancel', params: [1], id: null });
    // The server's late "canceled" reply finds nobody waiting, and the session goes on.
    expect(session.isOpen).toBe(true);
  });

  it('cancels at once a request whose signal was aborted before it was sent', async () => {
    const session = await sessionWith(() => {});
    await expect(session.request('transact', [], { signal: AbortSignal.abort() })).rejects.toThrow(
      OvsdbCanceledError,
    );
  });
});
