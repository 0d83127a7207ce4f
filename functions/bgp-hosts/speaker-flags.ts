import { parseGoDuration } from '../../shared/kube/go-duration.js';
import { compareStrings } from '../../shared/kube/json-value.js';
import type { BGPPeer } from '../../shared/kube/schemas/metallb.js';
import { formatAddress, tryParseAddress } from '../../shared/net/address.js';

/** kube-ovn-speaker's flags acpnet derives from BGPPeers, in the order it writes them. */
export const SPEAKER_FLAGS = [
  '--neighbor-address',
  '--neighbor-ipv6-address',
  '--neighbor-as',
  '--cluster-as',
  '--holdtime',
  '--ebgp-multihop',
  '--graceful-restart',
] as const;
export type SpeakerFlag = (typeof SPEAKER_FLAGS)[number];

/** Flags that take no value: `--graceful-restart` alone means true, so a following word is not its value. */
export const BOOLEAN_FLAGS: ReadonlySet<string> = new Set(['--graceful-restart']);

/** MetalLB's hold time when a BGPPeer sets none, and kube-ovn-speaker's default: the flag is left out. */
const DEFAULT_HOLD_SECONDS = 90;
/** The guide: with eBGP multi-hop enabled, BGP packets default to a TTL of 5. */
export const MULTIHOP_TTL = 5;

export interface SpeakerFlags {
  /** The value of each flag the peers determine; a flag absent here is left to the speaker's default. */
  values: Map<SpeakerFlag, string>;
  /** Flags on which the peers disagree, with what each peer wants: kube-ovn-speaker takes one value. */
  conflicts: Map<SpeakerFlag, string>;
}

function peerName(peer: BGPPeer): string {
  return `${peer.metadata.namespace ?? ''}/${peer.metadata.name ?? ''}`;
}

/** One value for every peer (undefined: the speaker's default), or a conflict naming each peer's. */
function agree(
  flags: SpeakerFlags,
  flag: SpeakerFlag,
  peers: readonly BGPPeer[],
  wanted: (peer: BGPPeer) => string | undefined,
): void {
  const values = new Map(peers.map((peer) => [peerName(peer), wanted(peer)]));
  const distinct = new Set(values.values());
  if (distinct.size > 1) {
    const wants = [...values].map(([name, value]) => `${name}: ${value ?? 'default'}`).join(', ');
    flags.conflicts.set(flag, wants);
    return;
  }
  const [value] = distinct;
  if (value !== undefined) flags.values.set(flag, value);
}

function neighbours(peers: readonly BGPPeer[], family: 4 | 6): string | undefined {
  const values = new Set<bigint>();
  for (const peer of peers) {
    const parsed = tryParseAddress(peer.spec?.peerAddress ?? '');
    if (parsed?.family === family) values.add(parsed.value);
  }
  const sorted = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return sorted.length > 0 ? sorted.map((value) => formatAddress(family, value)).join(',') : undefined;
}

/** Seconds of the peer's hold time; NaN when it is not a Go duration (admitted before the webhook). */
function holdSeconds(peer: BGPPeer): number {
  const text = peer.spec?.holdTime;
  return text === undefined ? DEFAULT_HOLD_SECONDS : (parseGoDuration(text) ?? Number.NaN);
}

/**
 * The speaker's neighbour flags from the BGPPeers (sorted by namespace/name): the peer addresses of
 * each family, and the ASNs, hold time, multi-hop TTL and graceful restart they all agree on.
 */
export function speakerFlags(peers: readonly BGPPeer[]): SpeakerFlags {
  const sorted = [...peers].sort((a, b) => compareStrings(peerName(a), peerName(b)));
  const flags: SpeakerFlags = { values: new Map(), conflicts: new Map() };
  if (sorted.length === 0) return flags;
  const v4 = neighbours(sorted, 4);
  const v6 = neighbours(sorted, 6);
  if (v4) flags.values.set('--neighbor-address', v4);
  if (v6) flags.values.set('--neighbor-ipv6-address', v6);
  agree(flags, '--neighbor-as', sorted, (peer) =>
    peer.spec?.peerASN === undefined ? undefined : String(peer.spec.peerASN),
  );
  agree(flags, '--cluster-as', sorted, (peer) =>
    peer.spec?.myASN === undefined ? undefined : String(peer.spec.myASN),
  );
  const unreadable = sorted.filter((peer) => Number.isNaN(holdSeconds(peer)));
  if (unreadable.length > 0) {
    const named = unreadable.map(
      (peer) => `${peerName(peer)}: ${JSON.stringify(peer.spec?.holdTime)} is no duration`,
    );
    flags.conflicts.set('--holdtime', named.join(', '));
  } else {
    agree(flags, '--holdtime', sorted, (peer) =>
      holdSeconds(peer) === DEFAULT_HOLD_SECONDS ? undefined : `${holdSeconds(peer)}s`,
    );
  }
  agree(flags, '--ebgp-multihop', sorted, (peer) =>
    peer.spec?.ebgpMultiHop ? String(MULTIHOP_TTL) : undefined,
  );
  agree(flags, '--graceful-restart', sorted, (peer) =>
    peer.spec && 'enableGracefulRestart' in peer.spec && peer.spec.enableGracefulRestart ? 'true' : undefined,
  );
  return flags;
}
