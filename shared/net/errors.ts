/**
 * A token of the platform's address syntaxes that does not parse. `token` is the offending text as
 * written; `index` is its position in a comma-separated list (absent for a single value).
 */
export class NetParseError extends Error {
  constructor(
    readonly token: string,
    readonly reason: string,
    readonly index?: number,
  ) {
    super(`${index === undefined ? '' : `entry ${index} `}${JSON.stringify(token)}: ${reason}`);
    this.name = 'NetParseError';
  }

  /** The same error located at position `index` of a list. */
  at(index: number): NetParseError {
    return new NetParseError(this.token, this.reason, index);
  }
}
