import { createHash } from 'node:crypto';

/**
 * A NIC's MAC address derived from its Pod's uid and provider: a locally administered unicast
 * address (first octet `| 0x02`, `& 0xfe`, as kube-ovn's GenerateMac), lower-case, colon-separated.
 * `attempt` picks the next candidate when one is already taken in the Subnet.
 */
export function derivedMac(uid: string, provider: string, attempt = 0): string {
  const digest = createHash('sha256').update(`${uid}/${provider}/${attempt}`).digest();
  const bytes = [...digest.subarray(0, 6)];
  bytes[0] = ((bytes[0] ?? 0) | 0x02) & 0xfe;
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join(':');
}

/** The first derived MAC no other NIC of the Subnet has. */
export function uniqueMac(
  uid: string,
  provider: string,
  ownerOf: (mac: string) => string | undefined,
  owner: string,
): string {
  for (let attempt = 0; ; attempt++) {
    const mac = derivedMac(uid, provider, attempt);
    const holder = ownerOf(mac);
    if (holder === undefined || holder === owner) return mac;
  }
}

/** Whether a requested MAC is usable: six octets, not multicast. */
export function isUsableMac(mac: string): boolean {
  const match = /^([0-9a-fA-F]{2})([:-][0-9a-fA-F]{2}){5}$/.exec(mac);
  return match !== null && (Number.parseInt(match[1] ?? '0', 16) & 1) === 0;
}
