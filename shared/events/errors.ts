/** An event that can never be processed as sent: malformed, unsupported type, missing attribute. */
export class EventFormatError extends Error {
  constructor(
    message: string,
    /** The attribute or field at fault, e.g. `subject`, `data.metadata.name`. */
    readonly field?: string,
  ) {
    super(field ? `${field}: ${message}` : message);
    this.name = 'EventFormatError';
  }
}
