import type { AllocatorSnapshot } from '../../shared/ipam/allocator.js';
import { SubnetAllocator } from '../../shared/ipam/kubeovn-subnet.js';
import type { HeldAddress } from '../../shared/ipam/results.js';
import type { IPPool, Subnet } from '../../shared/kube/schemas/kubeovn.js';
import type { Family } from '../../shared/net/address.js';
import type { Holding } from './holdings.js';

/** What decides a Subnet's allocator: CIDRs, excludeIps, gateway and its IPPools' addresses. */
function fingerprintOf(subnet: Subnet | undefined, pools: readonly IPPool[]): string {
  if (!subnet) return '';
  const spec = subnet.spec;
  return JSON.stringify([
    spec?.cidrBlock,
    spec?.excludeIps,
    spec?.gateway,
    pools.map((pool) => [pool.metadata.name, pool.spec?.ips]).sort(),
  ]);
}

/**
 * One Subnet's part of the ledger: its allocator (one per family), rebuilt when the Subnet or its
 * IPPools change, keeping what is held and what awaits reuse; holdings the layout cannot hold (the
 * Subnet is gone, or no longer covers them) wait as orphans for a layout that does. Also the MACs
 * of its NICs, and which Pod NIC uses an address a reservation holds (a VpcEgressGateway's).
 */
export class SubnetLedger {
  allocator: SubnetAllocator | undefined;
  /** Bumped on every rebuild; the function re-plans waiting Pods once per generation. */
  generation = 0;
  replannedGeneration = 0;
  private fingerprint: string | undefined;
  private seen: readonly unknown[] = [];
  private orphans: Holding[] = [];
  /** MAC -> NIC, and NIC -> MAC. */
  private readonly macOwners = new Map<string, string>();
  private readonly ownerMacs = new Map<string, string>();
  /** `<family>|<address>` of a reserved address -> the Pod NIC that uses it. */
  readonly delegated = new Map<string, string>();

  constructor(readonly name: string) {}

  /** Rebuilds the allocators when the layout changed; returns whether it did. */
  reconfigure(subnet: Subnet | undefined, pools: readonly IPPool[], extra: readonly Holding[] = []): boolean {
    // Stored objects are frozen: the same objects mean the same layout, without comparing contents.
    const seen = [subnet, ...pools];
    if (extra.length === 0 && seen.length === this.seen.length && seen.every((o, i) => o === this.seen[i])) {
      return false;
    }
    this.seen = seen;
    const fingerprint = fingerprintOf(subnet, pools);
    if (fingerprint === this.fingerprint && extra.length === 0) return false;
    this.fingerprint = fingerprint;
    const snapshots: Partial<Record<Family, Partial<AllocatorSnapshot>>> = {};
    for (const allocator of this.allocator?.allocators() ?? [])
      snapshots[allocator.family] = allocator.snapshot();
    const added: Partial<Record<Family, HeldAddress[]>> = {};
    for (const held of [...this.orphans, ...extra]) {
      const list = added[held.family] ?? [];
      list.push({ address: held.address, owner: held.owner });
      added[held.family] = list;
    }
    for (const [family, list] of Object.entries(added)) {
      const snapshot = snapshots[Number(family) as Family] ?? { allocations: [], released: [] };
      snapshot.allocations = [...(snapshot.allocations ?? []), ...list];
      snapshots[Number(family) as Family] = snapshot;
    }
    this.orphans = [];
    this.generation++;
    if (!subnet || fingerprint === '') {
      this.allocator = undefined;
      this.keepAsOrphans(snapshots);
      return true;
    }
    const { subnet: allocator, report } = SubnetAllocator.fromSubnet(subnet, pools, snapshots);
    this.allocator = allocator.families.length > 0 ? allocator : undefined;
    if (!this.allocator) {
      this.keepAsOrphans(snapshots);
      return true;
    }
    const families = new Set(allocator.families);
    this.keepAsOrphans(
      Object.fromEntries(
        Object.entries(snapshots).filter(([family]) => !families.has(Number(family) as Family)),
      ),
    );
    const familyOf = new Map<string, Family>();
    for (const [family, snapshot] of Object.entries(snapshots)) {
      for (const { address, owner } of snapshot.allocations ?? [])
        familyOf.set(`${owner}|${address}`, Number(family) as Family);
    }
    for (const rejected of report.rejected) {
      if (rejected.reason === 'held' && rejected.holder === rejected.owner) continue;
      const family = familyOf.get(`${rejected.owner}|${rejected.address}`) ?? 4;
      this.orphans.push({ subnet: this.name, family, address: rejected.address, owner: rejected.owner });
    }
    return true;
  }

  private keepAsOrphans(snapshots: Partial<Record<Family, Partial<AllocatorSnapshot>>>): void {
    for (const [family, snapshot] of Object.entries(snapshots)) {
      for (const { address, owner } of snapshot.allocations ?? []) {
        this.orphans.push({ subnet: this.name, family: Number(family) as Family, address, owner });
      }
    }
  }

  macOwner(mac: string): string | undefined {
    return this.macOwners.get(mac.toLowerCase());
  }

  setMac(owner: string, mac: string): void {
    this.dropMac(owner);
    this.macOwners.set(mac.toLowerCase(), owner);
    this.ownerMacs.set(owner, mac.toLowerCase());
  }

  dropMac(owner: string): void {
    const mac = this.ownerMacs.get(owner);
    if (mac === undefined) return;
    this.ownerMacs.delete(owner);
    if (this.macOwners.get(mac) === owner) this.macOwners.delete(mac);
  }

  addOrphan(held: Holding): void {
    this.orphans.push(held);
  }

  dropOrphan(family: Family, address: bigint, owner?: string): void {
    this.orphans = this.orphans.filter(
      (h) => !(h.family === family && h.address === address && (owner === undefined || h.owner === owner)),
    );
  }

  dropOrphansOf(owner: string): void {
    this.orphans = this.orphans.filter((h) => h.owner !== owner);
  }
}
