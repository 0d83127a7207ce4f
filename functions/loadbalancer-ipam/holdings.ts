import type { ModelView } from '../../shared/kube/model/model-view.js';
import { describeObject } from '../../shared/kube/object.js';
import { SERVICE } from '../../shared/kube/schemas/core.js';
import { IP_ADDRESS, type IPAddress } from '../../shared/kube/schemas/ip-address.js';
import { IP } from '../../shared/kube/schemas/kubeovn.js';
import { ipAddresses } from '../../shared/kubeovn/ip.js';
import { type Address, formatAddress, parseAddress } from '../../shared/net/address.js';
import type { IPRange } from '../../shared/net/range.js';
import { rangeContainsAddress, singleAddressRange } from '../../shared/net/ranges.js';
import { holdersOfClaim, isOwnClaim } from './claims.js';
import { CLAIMED, HELD_BY_KUBEOVN, HELD_BY_SERVICE } from './indexes.js';
import { type LoadBalancerRequest, readRequest } from './request.js';

/** Who holds one address: Services MetalLB serves (which may share it), and anything else. */
export interface Holders {
  services: Set<string>;
  /** Holders nothing may share with: another allocator's IPAddress, a pod's Kube-OVN IP, ... */
  others: string[];
}

export type Compatibility = { ok: true } | { ok: false; holder: string; why: string };

function newHolders(): Holders {
  return { services: new Set(), others: [] };
}

/**
 * The holders of addresses as the view shows them (Service statuses, claims, Kube-OVN IPs), with the
 * changes planned earlier in the same batch laid over them: a batch plans several Services before
 * any of its effects is applied, and each must see the addresses the ones before it took or freed.
 */
export class Holdings {
  /** Final service holders of the addresses this batch changed, by canonical address. */
  private readonly planned = new Map<string, Set<string>>();
  /** Services decided in this batch: every address they held or now hold is in `planned`. */
  private readonly decided = new Set<string>();
  private readonly requests = new Map<string, LoadBalancerRequest | undefined>();

  constructor(private readonly view: ModelView) {}

  /** The holders of one address. */
  of(address: Address): Holders {
    const text = formatAddress(address.family, address.value);
    const holders = this.stored(singleAddressRange(address)).get(text) ?? newHolders();
    const services = this.planned.get(text);
    if (services) holders.services = new Set(services);
    return holders;
  }

  /** The addresses this batch changed (their holders are those of `planned`, not the store's). */
  plannedAddresses(): Address[] {
    return [...this.planned.keys()].map(parseAddress);
  }

  /** The holders the store shows in `range`, but for the Services this batch decided. */
  private stored(range: IPRange): Map<string, Holders> {
    const out = new Map<string, Holders>();
    const at = (address: Address) => {
      const text = formatAddress(address.family, address.value);
      const known = out.get(text);
      if (known) return known;
      const holders = newHolders();
      out.set(text, holders);
      return holders;
    };
    for (const { object: service } of this.view.overlapping(SERVICE, HELD_BY_SERVICE, range)) {
      const request = readRequest(service);
      if (this.decided.has(request.key)) continue;
      for (const address of request.held) {
        if (!rangeContainsAddress(range, address)) continue;
        if (request.served) at(address).services.add(request.key);
        else at(address).others.push(describeObject(service));
      }
    }
    for (const { object: claim } of this.view.overlapping(IP_ADDRESS, CLAIMED, range)) {
      const holders = at(parseAddress(claim.metadata.name ?? ''));
      if (isOwnClaim(claim)) for (const holder of holdersOfClaim(claim)) holders.services.add(holder);
      else holders.others.push(describeClaim(claim));
    }
    for (const { object: ip } of this.view.overlapping(IP, HELD_BY_KUBEOVN, range)) {
      for (const text of ipAddresses(ip)) {
        const address = parseAddress(text);
        if (rangeContainsAddress(range, address)) at(address).others.push(`Kube-OVN IP ${ip.metadata.name}`);
      }
    }
    return out;
  }

  /** Records that `service` now holds `address` (true) or no longer does (false). */
  set(address: Address, service: string, holds: boolean): void {
    const text = formatAddress(address.family, address.value);
    const services = this.planned.get(text) ?? new Set(this.of(address).services);
    this.decided.add(service);
    if (holds) services.add(service);
    else services.delete(service);
    this.planned.set(text, services);
  }

  /** The addresses this batch changed, with their final service holders. */
  changes(): ReadonlyMap<string, ReadonlySet<string>> {
    return this.planned;
  }

  /** A holder's request as the view has it; undefined when the Service is gone. */
  requestOf(key: string): LoadBalancerRequest | undefined {
    if (!this.requests.has(key)) {
      const slash = key.indexOf('/');
      const service = this.view.get(SERVICE, key.slice(0, slash), key.slice(slash + 1));
      this.requests.set(key, service && readRequest(service));
    }
    return this.requests.get(key);
  }

  /**
   * MetalLB's checkSharing: `request` may use an address when nobody else holds it, or when every
   * other holder is a Service with the same sharing key and backend key whose ports differ.
   */
  compatible(request: LoadBalancerRequest, holders: Holders): Compatibility {
    const other = holders.others[0];
    if (other) return { ok: false, holder: other, why: 'which shares it with no Service' };
    for (const key of [...holders.services].sort()) {
      if (key === request.key) continue;
      const holder = `Service ${key}`;
      const theirs = this.requestOf(key);
      if (!theirs) return { ok: false, holder, why: 'which no longer exists but still claims it' };
      if (!request.sharing || request.sharing !== theirs.sharing) {
        return { ok: false, holder, why: sharingWhy(request, theirs) };
      }
      if (request.backend !== theirs.backend) {
        return { ok: false, holder, why: 'with externalTrafficPolicy Local and another selector' };
      }
      const clash = request.ports.filter((port) => theirs.ports.includes(port));
      if (clash.length > 0) return { ok: false, holder, why: `which uses port ${clash.join(', ')} too` };
    }
    return { ok: true };
  }
}

function sharingWhy(mine: LoadBalancerRequest, theirs: LoadBalancerRequest): string {
  if (!theirs.sharing) return 'which has no allow-shared-ip key';
  if (!mine.sharing) return 'and this Service has no allow-shared-ip key';
  return `whose allow-shared-ip key is ${JSON.stringify(theirs.sharing)}, not ${JSON.stringify(mine.sharing)}`;
}

function describeClaim(claim: IPAddress): string {
  const parent = claim.spec.parentRef;
  const of = parent.namespace ? `${parent.namespace}/${parent.name}` : parent.name;
  return `IPAddress ${claim.metadata.name} (of ${parent.resource} ${of})`;
}
