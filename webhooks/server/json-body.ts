import { errorCodes } from 'fastify';
import { InvalidJsonBodyError } from './errors.js';

/**
 * The webhook's JSON body parser (fastify `parseAs: 'string'`). Fastify's default parser would
 * (1) refuse a `__proto__` key or a `constructor.prototype` as poisoning, though both are data the
 * API server sends for an object such as a ConfigMap with a key `__proto__` (JSON.parse defines
 * them as own properties; nothing is polluted), and (2) drop the parser's message, which says where
 * the text went wrong. A leading byte order mark is ignored, as the default parser ignored it.
 */
export function parseJsonBody(
  _request: unknown,
  body: string | Buffer,
  done: (error: Error | null, value?: unknown) => void,
): void {
  const raw = typeof body === 'string' ? body : body.toString('utf8');
  const text = raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
  if (text.length === 0) {
    done(new errorCodes.FST_ERR_CTP_EMPTY_JSON_BODY());
    return;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    done(new InvalidJsonBodyError((error as Error).message));
    return;
  }
  done(null, value);
}
