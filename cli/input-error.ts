/** Input a command cannot use (an unreadable --state, TLS files): exit 2, like bad command-line input. */
export class UnusableInputError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'UnusableInputError';
  }
}
