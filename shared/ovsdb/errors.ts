/** Every failure of the OVSDB client is one of these, and each names the server it talked to. */
export class OvsdbError extends Error {
  constructor(
    message: string,
    readonly address: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The server could not be reached, or the connection was lost (a request pending then fails with it). */
export class OvsdbConnectionError extends OvsdbError {}

/** The server sent bytes that are not a JSON-RPC stream; the connection is closed. */
export class OvsdbProtocolError extends OvsdbError {}

/** No answer to a request within its time limit. */
export class OvsdbTimeoutError extends OvsdbError {
  constructor(
    readonly method: string,
    readonly timeoutMs: number,
    address: string,
  ) {
    super(`${method} on ${address}: no reply within ${timeoutMs} ms`, address);
  }
}

/** The request was canceled by its signal; RFC 7047's cancel was sent, and a late reply is ignored. */
export class OvsdbCanceledError extends OvsdbError {
  constructor(
    readonly method: string,
    address: string,
  ) {
    super(`${method} on ${address} canceled`, address);
  }
}

/** The server answered a request with `{"error": ..., "details": ...}`. */
export class OvsdbRpcError extends OvsdbError {
  constructor(
    readonly method: string,
    readonly error: string,
    readonly details: string | undefined,
    address: string,
  ) {
    super(`${method} on ${address} failed: ${error}${details ? `: ${details}` : ''}`, address);
  }
}

/**
 * A transaction the server refused. `operation` is the index of the operation that failed (the
 * server's extra result after the last operation, for commit-time failures such as referential
 * integrity, is reported with the index of that extra result and op `commit`).
 */
export class OvsdbTransactionError extends OvsdbError {
  constructor(
    readonly database: string,
    readonly operation: number,
    readonly op: string,
    readonly error: string,
    readonly details: string | undefined,
    address: string,
  ) {
    super(
      `transact on ${address} (${database}) failed at operation ${operation} (${op}): ${error}${details ? `: ${details}` : ''}`,
      address,
    );
  }
}

/** Data that does not fit the schema: a wrong column, a value of the wrong type, a schema that is not one. */
export class OvsdbDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OvsdbDataError';
  }
}
