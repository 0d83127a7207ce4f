/** An event that can never be processed, however often it is retried: the sender must not retry it. */
export class PermanentEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentEventError';
  }
}

/** An event that can never be processed as sent: malformed, unsupported type, missing attribute. */
export class EventFormatError extends PermanentEventError {
  constructor(
    message: string,
    /** The attribute or field at fault, e.g. `subject`, `data.metadata.name`. */
    readonly field?: string,
  ) {
    super(field ? `${field}: ${message}` : message);
    this.name = 'EventFormatError';
  }
}

/**
 * A well-formed event a function refuses to act on, for a reason that retrying cannot change: the
 * cleanup of an availability zone whose cluster is still connected, for example. It is reported
 * (HTTP 400, dead-lettered, a replay error) as an event that cannot be processed.
 */
export class EventRefusedError extends PermanentEventError {
  constructor(message: string) {
    super(`refused: ${message}`);
    this.name = 'EventRefusedError';
  }
}
