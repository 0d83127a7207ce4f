import { CST } from 'yaml';

/** A node of the concrete syntax tree with how many collections enclose it (itself included). */
export interface WalkedToken {
  token: CST.Token;
  depth: number;
}

function children(token: CST.Token): CST.Token[] {
  switch (token.type) {
    case 'document':
      return token.value ? [token.value] : [];
    case 'block-map':
    case 'block-seq':
    case 'flow-collection': {
      const found: CST.Token[] = [];
      for (const item of token.items) {
        if (item.key) found.push(item.key);
        if (item.value) found.push(item.value);
      }
      return found;
    }
    default:
      return [];
  }
}

/**
 * The tokens of a stream in document order, depth first, without recursion: the walk must not
 * overflow on input nested deeper than the composer can take, which it exists to refuse.
 */
export function* walkTokens(tokens: readonly CST.Token[]): Generator<WalkedToken> {
  const stack: WalkedToken[] = [];
  for (let i = tokens.length - 1; i >= 0; i--) stack.push({ token: tokens[i] as CST.Token, depth: 0 });
  while (stack.length > 0) {
    const next = stack.pop() as WalkedToken;
    const depth = next.depth + (CST.isCollection(next.token) ? 1 : 0);
    yield { token: next.token, depth };
    const nested = children(next.token);
    for (let i = nested.length - 1; i >= 0; i--) stack.push({ token: nested[i] as CST.Token, depth });
  }
}
