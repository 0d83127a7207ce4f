import type { AddressAllocator } from '../../shared/ipam/allocator.js';
import type { ModelView } from '../../shared/kube/model/model-view.js';
import type { KubeObject } from '../../shared/kube/object.js';
import { IP_CLAIM } from '../../shared/kube/schemas/acpnet.js';
import { IP, IPPOOL, SUBNET } from '../../shared/kube/schemas/kubeovn.js';
import { POD } from '../../shared/kube/schemas/workloads.js';
import type { ResourceStore, WatchEvent } from '../../shared/kube/store.js';
import { type Family, formatAddress } from '../../shared/net/address.js';
import { claimHolding, type Holding, ipObjectHoldings, podHoldings, rememberingReader } from './holdings.js';
import { IPPOOLS_BY_SUBNET, SUBNETS_BY_PROVIDER } from './indexes.js';
import { isReservation } from './owners.js';
import { SubnetLedger } from './subnet-ledger.js';

/** The store has not synced yet: nothing may be allocated (the event is retried). */
export class NotSyncedError extends Error {
  constructor() {
    super('the store has not synced yet: no address is handed out before every allocation is loaded');
    this.name = 'NotSyncedError';
  }
}

const keyOf = (subnet: string, family: Family, address: bigint) => `${subnet}|${family}|${address}`;

/** The allocator owner that keeps an address a second claim of `owner` holds, until that claim is deleted. */
export function strayOwner(owner: string, family: Family, address: bigint): string {
  return `${owner}#${formatAddress(family, address)}`;
}

/**
 * Every Subnet's addresses as this process knows them: built from the store once it has synced
 * (IPClaims first, then IP objects, then Pod annotations: the first holder of an address wins), then
 * kept current by the store's watch of IPClaims (another replica's claims and releases) and IP
 * objects, and by the plans of this process (held at once, before their claims are written). A claim
 * in the store always wins over a holding of this process that has none.
 */
export class Ledger {
  private readonly subnets = new Map<string, SubnetLedger>();
  /** Claimed addresses: `<subnet>|<family>|<address>` -> owner. */
  private readonly claims = new Map<string, string>();
  /** NIC or reservation -> the Subnet it holds addresses of. */
  private readonly ownerSubnets = new Map<string, string>();
  private readonly strays = new Map<string, Holding[]>();
  /** Pods (`namespace/name`) that found no free address, by the Subnet they wait for. */
  private readonly waiting = new Map<string, Set<string>>();
  private built = false;

  constructor(private readonly store: ResourceStore) {
    store.watch(IP_CLAIM.groupKind, (event) => this.built && this.onClaim(event));
    store.watch(IP.groupKind, (event) => this.built && this.onIpObject(event));
  }

  get isBuilt(): boolean {
    return this.built;
  }

  /** Loads every allocation in the store; throws NotSyncedError before the store has synced. */
  build(view: ModelView): void {
    if (this.built) return;
    if (!this.store.isSynced()) throw new NotSyncedError();
    const bySubnet = new Map<string, Holding[]>();
    const add = (held: Holding) => {
      const list = bySubnet.get(held.subnet) ?? [];
      list.push(held);
      bySubnet.set(held.subnet, list);
    };
    const seen = new Map<string, bigint>();
    const parse = rememberingReader();
    for (const claim of view.list(IP_CLAIM)) {
      const held = claimHolding(claim, parse);
      if (!held) continue;
      this.claims.set(keyOf(held.subnet, held.family, held.address), held.owner);
      const first = seen.get(`${held.subnet}|${held.family}|${held.owner}`);
      if (first !== undefined && first !== held.address) {
        this.addStray(held);
        add({ ...held, owner: strayOwner(held.owner, held.family, held.address) });
        continue;
      }
      seen.set(`${held.subnet}|${held.family}|${held.owner}`, held.address);
      add(held);
    }
    const recorded: Holding[] = [];
    for (const ip of view.list(IP)) recorded.push(...ipObjectHoldings(ip, parse));
    const providerSubnet = (provider: string) =>
      view.byIndex(SUBNET, SUBNETS_BY_PROVIDER, provider)[0]?.metadata.name;
    for (const pod of view.list(POD)) recorded.push(...podHoldings(pod, providerSubnet, parse));
    for (const held of recorded) {
      const claimedBy = this.claims.get(keyOf(held.subnet, held.family, held.address));
      if (claimedBy !== undefined && claimedBy !== held.owner && isReservation(claimedBy)) {
        this.subnetLedger(held.subnet).delegated.set(`${held.family}|${held.address}`, held.owner);
      } else if (!seen.has(`${held.subnet}|${held.family}|${held.owner}`)) {
        seen.set(`${held.subnet}|${held.family}|${held.owner}`, held.address);
        add(held);
      }
      if (held.mac) this.subnetLedger(held.subnet).setMac(held.owner, held.mac);
    }
    for (const subnet of view.list(SUBNET))
      bySubnet.set(subnet.metadata.name ?? '', bySubnet.get(subnet.metadata.name ?? '') ?? []);
    for (const [name, holdings] of bySubnet) {
      this.subnetLedger(name).reconfigure(view.get(SUBNET, '', name), this.poolsOf(view, name), holdings);
      for (const held of holdings) if (!held.owner.includes('#')) this.ownerSubnets.set(held.owner, name);
    }
    this.built = true;
  }

  private poolsOf(view: ModelView, subnet: string) {
    return [...view.byIndex(IPPOOL, IPPOOLS_BY_SUBNET, subnet)].sort((a, b) =>
      (a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1,
    );
  }

  private subnetLedger(name: string): SubnetLedger {
    let ledger = this.subnets.get(name);
    if (!ledger) {
      ledger = new SubnetLedger(name);
      this.subnets.set(name, ledger);
    }
    return ledger;
  }

  /** A Subnet's ledger, its allocators rebuilt first when the Subnet or its IPPools changed. */
  subnet(name: string, view: ModelView): SubnetLedger {
    const ledger = this.subnetLedger(name);
    ledger.reconfigure(view.get(SUBNET, '', name), this.poolsOf(view, name));
    return ledger;
  }

  /** Subnets this process holds addresses of. */
  subnetNames(): string[] {
    return [...this.subnets.keys()];
  }

  claimOwner(subnet: string, family: Family, address: bigint): string | undefined {
    return this.claims.get(keyOf(subnet, family, address));
  }

  subnetOf(owner: string): string | undefined {
    return this.ownerSubnets.get(owner);
  }

  noteOwner(owner: string, subnet: string): void {
    this.ownerSubnets.set(owner, subnet);
  }

  /**
   * Makes `owner` the holder of `address` (a Pod's annotations say so): taken over from a stray of
   * its own; an address the owner held before moves to a stray when a claim of it still exists.
   * Fails, naming the holder, when another owner holds it.
   */
  takeOver(subnet: SubnetLedger, family: Family, address: bigint, owner: string): string | undefined {
    const allocator = subnet.allocator?.family(family);
    if (!allocator) return undefined;
    const holder = allocator.holderOf(address);
    if (holder === owner) return undefined;
    if (holder === strayOwner(owner, family, address)) {
      allocator.release(address);
      this.dropStray(owner, subnet.name, family, address);
    } else if (holder !== undefined) return holder;
    const before = allocator.addressOf(owner);
    const result = allocator.allocateSpecific(address, owner);
    if (!result.ok) return result.reason === 'held' ? result.holder : undefined;
    this.ownerSubnets.set(owner, subnet.name);
    if (
      before !== undefined &&
      before !== address &&
      this.claimOwner(subnet.name, family, before) === owner
    ) {
      this.holdStray(allocator, { subnet: subnet.name, family, address: before, owner });
    }
    return undefined;
  }

  wait(subnet: string, pod: string): void {
    const pods = this.waiting.get(subnet) ?? new Set<string>();
    pods.add(pod);
    this.waiting.set(subnet, pods);
  }

  stopWaiting(pod: string): void {
    for (const pods of this.waiting.values()) pods.delete(pod);
  }

  /** Pods waiting for an address of `subnet`, in namespace/name order. */
  waitingFor(subnet: string): string[] {
    return [...(this.waiting.get(subnet) ?? [])].sort();
  }

  /** Releases everything `owner` holds (its addresses, strays, MAC, the reserved addresses it used). */
  release(owner: string): void {
    const name = this.ownerSubnets.get(owner);
    this.ownerSubnets.delete(owner);
    for (const stray of this.strays.get(owner) ?? []) {
      this.subnets.get(stray.subnet)?.allocator?.family(stray.family)?.release(stray.address);
    }
    this.strays.delete(owner);
    for (const ledger of name ? [this.subnetLedger(name)] : this.subnets.values()) {
      for (const allocator of ledger.allocator?.allocators() ?? []) allocator.releaseOwner(owner);
      ledger.dropOrphansOf(owner);
      ledger.dropMac(owner);
      for (const [key, user] of ledger.delegated) if (user === owner) ledger.delegated.delete(key);
    }
  }

  /** Frees an address its owner's claim held, as a stray or as the owner's own: the claim is gone. */
  private giveUp(held: Holding): void {
    const allocator = this.subnets.get(held.subnet)?.allocator?.family(held.family);
    const holder = allocator?.holderOf(held.address);
    if (holder === strayOwner(held.owner, held.family, held.address)) {
      allocator?.release(held.address);
      this.dropStray(held.owner, held.subnet, held.family, held.address);
    } else if (holder === held.owner) allocator?.release(held.address);
  }

  private addStray(held: Holding): void {
    this.strays.set(held.owner, [...(this.strays.get(held.owner) ?? []), held]);
  }

  private dropStray(owner: string, subnet: string, family: Family, address: bigint): void {
    const left = (this.strays.get(owner) ?? []).filter(
      (s) => !(s.subnet === subnet && s.family === family && s.address === address),
    );
    if (left.length > 0) this.strays.set(owner, left);
    else this.strays.delete(owner);
  }

  private holdStray(allocator: AddressAllocator, held: Holding): void {
    allocator.allocateSpecific(held.address, strayOwner(held.owner, held.family, held.address));
    this.addStray(held);
  }

  /** Another replica's claim, or the release of one: the store wins over what this process holds. */
  private onClaim(event: WatchEvent): void {
    const claim = IP_CLAIM.read(event.object).object;
    const held = claim && claimHolding(claim);
    if (!held) return;
    const key = keyOf(held.subnet, held.family, held.address);
    const ledger = this.subnetLedger(held.subnet);
    const allocator = ledger.allocator?.family(held.family);
    if (event.type === 'DELETED') {
      if (this.claims.get(key) === held.owner) this.claims.delete(key);
      ledger.dropOrphan(held.family, held.address, held.owner);
      this.giveUp(held);
      return;
    }
    this.claims.set(key, held.owner);
    if (!allocator?.contains(held.address)) {
      ledger.addOrphan(held);
      return;
    }
    this.adopt(allocator, held);
  }

  private adopt(allocator: AddressAllocator, held: Holding): void {
    const { family, address, owner } = held;
    const holder = allocator.holderOf(address);
    if (holder === owner || holder === strayOwner(owner, family, address)) return;
    if (holder !== undefined) allocator.release(address);
    const current = allocator.addressOf(owner);
    if (current !== undefined && current !== address) {
      if (this.claimOwner(held.subnet, family, current) === owner) {
        this.holdStray(allocator, held);
        return;
      }
      allocator.releaseOwner(owner);
    }
    if (allocator.allocateSpecific(address, owner).ok) this.ownerSubnets.set(owner, held.subnet);
  }

  /** A deleted IP object of an address no claim holds (kube-ovn's, or another replica's release). */
  private onIpObject(event: WatchEvent): void {
    const ip = IP.read(event.object as KubeObject).object;
    if (!ip) return;
    for (const held of ipObjectHoldings(ip)) {
      const ledger = this.subnetLedger(held.subnet);
      if (event.type !== 'DELETED') {
        if (held.mac) ledger.setMac(held.owner, held.mac);
        continue;
      }
      ledger.dropMac(held.owner);
      if (this.claims.has(keyOf(held.subnet, held.family, held.address))) continue;
      const allocator = ledger.allocator?.family(held.family);
      if (allocator?.holderOf(held.address) === held.owner) allocator.release(held.address);
    }
  }
}
