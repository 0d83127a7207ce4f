import { describe, expect, it } from '@jest/globals';
import {
  cidrRange,
  classifyAddress,
  isLinkLocal,
  isLoopback,
  isMulticast,
  isUnspecified,
  isV4Broadcast,
  parseAddress,
  parseCidr,
  specialBlockOverlapping,
} from '../../../shared/net/index.js';

describe('address classes', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['::1', 'loopback'],
    ['224.0.0.5', 'multicast'],
    ['239.255.255.255', 'multicast'],
    ['ff02::1', 'multicast'],
    ['169.254.1.1', 'link-local'],
    ['fe80::1', 'link-local'],
    ['febf::1', 'link-local'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['255.255.255.255', 'broadcast'],
    ['10.0.0.1', undefined],
    ['fec0::1', undefined],
    ['fd00::1', undefined],
  ])('%s is %p', (text, kind) => {
    expect(classifyAddress(parseAddress(text))).toBe(kind);
  });

  it('exposes one predicate per class', () => {
    expect(isLoopback(parseAddress('127.1.2.3'))).toBe(true);
    expect(isMulticast(parseAddress('ff05::2'))).toBe(true);
    expect(isLinkLocal(parseAddress('169.254.0.1'))).toBe(true);
    expect(isUnspecified(parseAddress('::'))).toBe(true);
    expect(isV4Broadcast(parseAddress('255.255.255.255'))).toBe(true);
    expect(isV4Broadcast(parseAddress('10.0.0.255'))).toBe(false);
  });

  it.each([
    ['0.0.0.0/8', 'unspecified', '0.0.0.0/32'],
    ['127.0.0.0/16', 'loopback', '127.0.0.0/8'],
    ['126.0.0.0/7', 'loopback', '127.0.0.0/8'],
    ['224.0.0.0/24', 'multicast', '224.0.0.0/4'],
    ['255.255.255.0/24', 'broadcast', '255.255.255.255/32'],
    ['169.254.0.0/24', 'link-local', '169.254.0.0/16'],
    ['fe80::/64', 'link-local', 'fe80::/10'],
    ['::/64', 'unspecified', '::/128'],
  ])('CIDR %s touches the %s block %s', (cidr, kind, blockCidr) => {
    const hit = specialBlockOverlapping(cidrRange(parseCidr(cidr)));
    expect(hit?.kind).toBe(kind);
    expect(hit?.cidr).toBe(blockCidr);
  });

  it.each(['10.16.0.0/16', '192.168.0.0/16', 'fd00:10:16::/64', '2001:db8::/32'])(
    '%s touches none',
    (cidr) => {
      expect(specialBlockOverlapping(cidrRange(parseCidr(cidr)))).toBeUndefined();
    },
  );
});
