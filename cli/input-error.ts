/** Input that makes a store unusable (an unreadable --state): exit 2, like bad command-line input. */
export class StoreInputError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'StoreInputError';
  }
}
