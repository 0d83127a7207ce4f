/** A scripted OVSDB server on loopback: each test says what the server sends back. */
import net from 'node:net';

export interface FakeServer {
  address: string;
  port: number;
  /** Every message the server received, parsed. */
  received: Record<string, unknown>[];
  sockets: net.Socket[];
  close(): Promise<void>;
}

export type Script = (message: Record<string, unknown>, socket: net.Socket) => void;

/** A server that parses each client message (the client writes one message per write) and runs the script. */
export async function fakeServer(
  script: Script = () => {},
  onConnect?: (socket: net.Socket) => void,
): Promise<FakeServer> {
  const received: Record<string, unknown>[] = [];
  const sockets: net.Socket[] = [];
  const server = net.createServer((socket) => {
    sockets.push(socket);
    socket.on('error', () => {});
    let buffer = '';
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      // The client never puts two messages in one write without a boundary we can split on here.
      for (;;) {
        const end = endOfFirstValue(buffer);
        if (end < 0) break;
        let message: Record<string, unknown>;
        try {
          message = JSON.parse(buffer.slice(0, end)) as Record<string, unknown>;
        } catch {
          buffer = ''; // not JSON-RPC (a TLS hello, in the handshake test): ignored
          break;
        }
        buffer = buffer.slice(end);
        received.push(message);
        script(message, socket);
      }
    });
    onConnect?.(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    address: `tcp:127.0.0.1:${port}`,
    port,
    received,
    sockets,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function endOfFirstValue(text: string): number {
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

export function reply(socket: net.Socket, id: unknown, result: unknown, error: unknown = null): void {
  socket.write(JSON.stringify({ id, result, error }));
}
