import { type Address, parseAddress } from '../../../../shared/net/address.js';
import { NetParseError } from '../../../../shared/net/errors.js';
import { parseList } from '../../../../shared/net/syntax.js';

/** What is wrong with a value of the address syntaxes, as `"<token>": <reason>`; undefined when it parses. */
export function netProblem(parse: () => unknown): string | undefined {
  try {
    parse();
    return undefined;
  } catch (error) {
    if (error instanceof NetParseError) return `${JSON.stringify(error.token)}: ${error.reason}`;
    throw error;
  }
}

/** A comma-separated address list, or what is wrong with it. */
export function addressList(text: string): Address[] | string {
  try {
    return parseList(text, parseAddress);
  } catch (error) {
    if (error instanceof NetParseError) return `${JSON.stringify(error.token)}: ${error.reason}`;
    throw error;
  }
}
