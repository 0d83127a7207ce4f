/**
 * One JSON-RPC 1.0 session over a stream (RFC 7047 section 4): requests with ids and their replies,
 * notifications both ways, the server's `echo` answered, an `echo` of our own sent while the line is
 * idle, and every request failed promptly (never left hanging) when the stream ends or breaks.
 */
import type { Duplex } from 'node:stream';
import {
  OvsdbCanceledError,
  OvsdbConnectionError,
  type OvsdbError,
  OvsdbProtocolError,
  OvsdbRpcError,
  OvsdbTimeoutError,
} from './errors.js';
import { JsonStreamError, JsonValueSplitter } from './json-stream.js';

export interface RpcSessionOptions {
  /** The server's address, for messages. */
  address: string;
  /** Time limit of a request without its own (default 30 s). */
  requestTimeoutMs?: number;
  /**
   * Largest message accepted from the server, and most bytes left waiting to be sent to it (default
   * 64 MiB); beyond either, the session closes.
   */
  maxMessageBytes?: number;
  /** Idle time after which we send an echo (default 5 s; 0 never). */
  echoIntervalMs?: number;
  /** Time the server has to answer our echo before the connection is closed as dead (default 10 s). */
  echoTimeoutMs?: number;
}

export interface RequestOptions {
  timeoutMs?: number;
  /**
   * Aborting sends RFC 7047's `cancel` for this request and rejects it at once with
   * OvsdbCanceledError: ovsdb-server 3.1 does not answer a canceled transaction, so waiting for
   * its reply could hang.
   */
  signal?: AbortSignal;
}

interface Pending {
  method: string;
  resolve: (result: unknown) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout | undefined;
  cleanup: () => void;
}

export type NotificationHandler = (method: string, params: readonly unknown[]) => void;

const DEFAULTS = {
  requestTimeoutMs: 30_000,
  maxMessageBytes: 64 * 1024 * 1024,
  echoIntervalMs: 5_000,
  echoTimeoutMs: 10_000,
};

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeError(error: unknown): { error: string; details: string | undefined } {
  if (isObject(error)) {
    return {
      error: typeof error.error === 'string' ? error.error : JSON.stringify(error),
      details: typeof error.details === 'string' ? error.details : undefined,
    };
  }
  return { error: typeof error === 'string' ? error : JSON.stringify(error), details: undefined };
}

export class RpcSession {
  readonly address: string;
  private readonly options: Required<Omit<RpcSessionOptions, 'address'>>;
  private readonly splitter: JsonValueSplitter;
  private readonly pending = new Map<number, Pending>();
  private readonly notificationHandlers = new Set<NotificationHandler>();
  private nextId = 1;
  private closeReason: (OvsdbError & { reason: string }) | undefined;
  private echoTimer: NodeJS.Timeout | undefined;
  private lastHeard = Date.now();
  private resolveClosed!: (reason: OvsdbError) => void;
  /** Settles once, when the session ends, with the reason. */
  readonly closed: Promise<OvsdbError>;

  constructor(
    private readonly socket: Duplex,
    options: RpcSessionOptions,
  ) {
    this.address = options.address;
    this.options = {
      requestTimeoutMs: options.requestTimeoutMs ?? DEFAULTS.requestTimeoutMs,
      maxMessageBytes: options.maxMessageBytes ?? DEFAULTS.maxMessageBytes,
      echoIntervalMs: options.echoIntervalMs ?? DEFAULTS.echoIntervalMs,
      echoTimeoutMs: options.echoTimeoutMs ?? DEFAULTS.echoTimeoutMs,
    };
    this.closed = new Promise((resolve) => {
      this.resolveClosed = resolve;
    });
    this.splitter = new JsonValueSplitter(this.options.maxMessageBytes);
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('error', (error: Error) =>
      this.shutdown(OvsdbConnectionError, `connection failed: ${error.message}`, error),
    );
    socket.on('end', () => this.shutdown(OvsdbConnectionError, 'the server closed the connection'));
    socket.on('close', () => this.shutdown(OvsdbConnectionError, 'the connection closed'));
    if (this.options.echoIntervalMs > 0) this.scheduleEcho();
  }

  get isOpen(): boolean {
    return this.closeReason === undefined;
  }

  onNotification(handler: NotificationHandler): () => void {
    this.notificationHandlers.add(handler);
    return () => this.notificationHandlers.delete(handler);
  }

  /** Sends a request and resolves with its result, or rejects with the server's error, a timeout or the loss of the connection. */
  request(method: string, params: readonly unknown[], options: RequestOptions = {}): Promise<unknown> {
    if (this.closeReason) return Promise.reject(this.lostDuring(method));
    if (options.signal?.aborted) return Promise.reject(new OvsdbCanceledError(method, this.address));
    const id = this.nextId++;
    const timeoutMs = options.timeoutMs ?? this.options.requestTimeoutMs;
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        this.notify('cancel', [id]);
        entry.cleanup();
        reject(new OvsdbCanceledError(method, this.address));
      };
      const entry: Pending = {
        method,
        resolve,
        reject,
        timer: undefined,
        cleanup: () => {
          if (entry.timer) clearTimeout(entry.timer);
          options.signal?.removeEventListener('abort', onAbort);
          this.pending.delete(id);
        },
      };
      if (timeoutMs > 0 && Number.isFinite(timeoutMs)) {
        entry.timer = setTimeout(() => {
          entry.cleanup();
          reject(new OvsdbTimeoutError(method, timeoutMs, this.address));
        }, timeoutMs);
      }
      this.pending.set(id, entry);
      options.signal?.addEventListener('abort', onAbort, { once: true });
      this.send({ method, params, id });
    });
  }

  notify(method: string, params: readonly unknown[]): void {
    if (!this.closeReason) this.send({ method, params, id: null });
  }

  /** Ends the session; pending requests fail with a connection error. */
  close(): void {
    this.shutdown(OvsdbConnectionError, 'the client closed the connection');
  }

  private send(message: Record<string, unknown>): void {
    try {
      this.socket.write(JSON.stringify(message));
    } catch (error) {
      this.shutdown(OvsdbConnectionError, `cannot write: ${(error as Error).message}`, error);
      return;
    }
    // Outgoing bytes are bounded too: a server that stops reading is treated as gone.
    const queued = this.socket.writableLength;
    if (queued > this.options.maxMessageBytes) {
      this.shutdown(
        OvsdbConnectionError,
        `${queued} bytes wait to be sent (limit ${this.options.maxMessageBytes}): the server is not reading`,
      );
    }
  }

  private receive(chunk: Buffer): void {
    this.lastHeard = Date.now();
    let messages: unknown[];
    try {
      messages = this.splitter.push(chunk);
    } catch (error) {
      const detail = error instanceof JsonStreamError ? error.message : String(error);
      this.shutdown(OvsdbProtocolError, `the server sent a broken stream: ${detail}`, error);
      return;
    }
    for (const message of messages) {
      if (this.closeReason) return;
      this.dispatch(message);
    }
  }

  private dispatch(message: unknown): void {
    if (!isObject(message)) {
      this.shutdown(OvsdbProtocolError, 'the server sent a message that is not an object');
      return;
    }
    if (typeof message.method === 'string') {
      const params = Array.isArray(message.params) ? message.params : [];
      if (message.id === null || message.id === undefined) {
        for (const handler of this.notificationHandlers) handler(message.method, params);
        return;
      }
      // A request from the server: echo is the only one OVSDB servers send (their keep-alive probe).
      if (message.method === 'echo') this.send({ result: params, error: null, id: message.id });
      else this.send({ result: null, error: `unknown method ${message.method}`, id: message.id });
      return;
    }
    if (!('id' in message) || !('result' in message || 'error' in message)) {
      this.shutdown(OvsdbProtocolError, 'the server sent a message that is neither a request nor a reply');
      return;
    }
    const entry = typeof message.id === 'number' ? this.pending.get(message.id) : undefined;
    if (!entry) return; // A reply to a request that timed out: nobody waits for it any more.
    entry.cleanup();
    if (message.error !== null && message.error !== undefined) {
      const { error, details } = describeError(message.error);
      entry.reject(new OvsdbRpcError(entry.method, error, details, this.address));
    } else entry.resolve(message.result);
  }

  private scheduleEcho(): void {
    const interval = this.options.echoIntervalMs;
    this.echoTimer = setTimeout(() => {
      if (this.closeReason) return;
      if (Date.now() - this.lastHeard < interval) {
        this.scheduleEcho();
        return;
      }
      this.request('echo', [], { timeoutMs: this.options.echoTimeoutMs }).then(
        () => this.scheduleEcho(),
        (error: unknown) => {
          if (error instanceof OvsdbTimeoutError) {
            this.shutdown(
              OvsdbConnectionError,
              `no reply to echo within ${this.options.echoTimeoutMs} ms; the connection is considered dead`,
            );
          } else if (this.isOpen) this.scheduleEcho();
        },
      );
    }, interval);
    this.echoTimer.unref();
  }

  private lostDuring(method: string): OvsdbError {
    const reason = this.closeReason!;
    const Kind = reason instanceof OvsdbProtocolError ? OvsdbProtocolError : OvsdbConnectionError;
    return new Kind(`${method} on ${this.address}: ${reason.reason}`, this.address, { cause: reason });
  }

  private shutdown(
    Kind: typeof OvsdbConnectionError | typeof OvsdbProtocolError,
    reason: string,
    cause?: unknown,
  ): void {
    if (this.closeReason) return;
    this.closeReason = Object.assign(new Kind(`${this.address}: ${reason}`, this.address, { cause }), {
      reason,
    });
    if (this.echoTimer) clearTimeout(this.echoTimer);
    for (const entry of [...this.pending.values()]) {
      entry.cleanup();
      entry.reject(this.lostDuring(entry.method));
    }
    this.notificationHandlers.clear();
    this.socket.destroy();
    this.resolveClosed(this.closeReason);
  }
}
