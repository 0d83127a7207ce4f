import { createHash } from 'node:crypto';
import type { ObjectKey } from '../object.js';
import { keyString } from '../object.js';

/**
 * A uid derived from an object's identity (group, kind, namespace, name), formatted as an RFC 9562
 * version-8 UUID, so replays of the same events give the same uids.
 */
export function deterministicUid(key: ObjectKey): string {
  const hex = createHash('sha256').update(keyString(key)).digest('hex');
  const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
