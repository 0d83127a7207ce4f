import { ALLOCATED_POOL_ANNOTATIONS } from '../../shared/kube/keys/metallb.js';
import type { ModelView } from '../../shared/kube/model/model-view.js';
import { SERVICE, type Service } from '../../shared/kube/schemas/core.js';
import { IP_ADDRESS } from '../../shared/kube/schemas/ip-address.js';
import { type Address, formatAddress, parseAddress } from '../../shared/net/address.js';
import type { Effect } from '../runtime/contract.js';
import { claimHoldersUpdate, claimObject, holdersOfClaim, holdersValue, isOwnClaim } from './claims.js';
import { type Decision, decide } from './decide.js';
import { type EventType, serviceEvent } from './events.js';
import { Holdings } from './holdings.js';
import { CLAIMS_BY_HOLDER } from './indexes.js';
import { ledgerOf } from './ledger.js';
import type { PoolAllocators } from './pool-allocators.js';
import { type Pool, readPools } from './pools.js';
import { type LoadBalancerRequest, readRequest, serviceKey } from './request.js';

const ALLOCATED_POOL = ALLOCATED_POOL_ANNOTATIONS[0];

interface Outcome {
  service: Service;
  request: LoadBalancerRequest;
  decision: Decision;
  next: Address[];
}

const text = (a: Address) => formatAddress(a.family, a.value);
const texts = (addresses: readonly Address[]) => addresses.map(text);

/**
 * One event's planning: the Services it decides, in order, over one view of the pools and holdings.
 * Each decision is laid over the holdings before the next one is made, and the effects of all come
 * out together: claims taken first, then statuses and pool annotations, then claims given up (an
 * address is never free while a status still shows it), then Events.
 */
export class Batch {
  private readonly holdings: Holdings;
  private readPools?: Pool[];
  private freeAddresses?: PoolAllocators;
  private readonly outcomes: Outcome[] = [];
  private readonly planned = new Set<string>();

  constructor(
    private readonly view: ModelView,
    private readonly metallbNamespace: string,
    private readonly time: string | undefined,
  ) {
    this.holdings = new Holdings(view);
  }

  /** The pools, read when the first Service is decided. */
  get pools(): readonly Pool[] {
    this.readPools ??= readPools(this.view, this.metallbNamespace);
    return this.readPools;
  }

  /** The pools' free addresses, as the store holds them when the first Service is decided. */
  private get free(): PoolAllocators {
    this.freeAddresses ??= ledgerOf(this.view.store).allocatorsFor(this.view.store, this.pools);
    return this.freeAddresses;
  }

  has(key: string): boolean {
    return this.planned.has(key);
  }

  /** Addresses the claims list for a Service: its own even before its status shows them. */
  private claimedBy(key: string): Address[] {
    return this.view
      .byIndex(IP_ADDRESS, CLAIMS_BY_HOLDER, key)
      .map((claim) => parseAddress(claim.metadata.name ?? ''));
  }

  /** Decides one Service (as stored); true when it gave up an address someone waiting may take. */
  plan(service: Service): boolean {
    const request = readRequest(service);
    this.planned.add(request.key);
    const decision = decide(request, service.spec?.type, {
      view: this.view,
      pools: this.pools,
      metallbNamespace: this.metallbNamespace,
      holdings: this.holdings,
      free: this.free,
    });
    const next =
      decision.kind === 'hold'
        ? decision.addresses
        : decision.kind === 'fail' && !decision.clearStatus
          ? request.held
          : [];
    this.outcomes.push({ service, request, decision, next });
    return this.take(request.key, [...request.held, ...this.claimedBy(request.key)], next);
  }

  /** A Service that is gone: whatever it held or claimed is free. */
  release(namespace: string, name: string, held: readonly Address[] = []): boolean {
    const key = serviceKey(namespace, name);
    this.planned.add(key);
    return this.take(key, [...held, ...this.claimedBy(key)], []);
  }

  /** Removes holders that no longer exist from a claim. */
  forget(address: Address, holders: readonly string[]): boolean {
    for (const holder of holders) this.holdings.set(address, holder, false);
    return holders.length > 0;
  }

  private take(key: string, before: readonly Address[], next: readonly Address[]): boolean {
    const kept = new Set(texts(next));
    for (const address of next) this.holdings.set(address, key, true);
    let freed = false;
    for (const address of before) {
      if (kept.has(text(address))) continue;
      this.holdings.set(address, key, false);
      freed = true;
    }
    return freed;
  }

  effects(): Effect[] {
    const { taken, given } = this.claimEffects();
    return [...taken, ...this.outcomes.flatMap((o) => this.serviceEffects(o)), ...given, ...this.events()];
  }

  /** Claims created or joined (`taken`), and claims left or deleted (`given`). */
  private claimEffects(): { taken: Effect[]; given: Effect[] } {
    const taken: Effect[] = [];
    const given: Effect[] = [];
    for (const [name, final] of this.holdings.changes()) {
      const holders = [...final].sort();
      const claim = this.view.get(IP_ADDRESS, '', name);
      if (claim && !isOwnClaim(claim)) continue;
      const listed = claim ? holdersOfClaim(claim) : [];
      if (holdersValue(listed) === holdersValue(holders)) continue;
      if (!claim) {
        const object = claimObject(parseAddress(name), holders, holders[0]!);
        taken.push({ op: 'createIfAbsent', object, claim: true });
      } else if (holders.length === 0) {
        const { uid, resourceVersion } = claim.metadata;
        const key = { groupKind: IP_ADDRESS.groupKind, namespace: '', name };
        given.push({
          op: 'delete',
          apiVersion: claim.apiVersion,
          key,
          preconditions: { ...(uid ? { uid } : {}), ...(resourceVersion ? { resourceVersion } : {}) },
          replanOnMismatch: true,
        });
      } else {
        const update: Effect = { op: 'apply', object: claimHoldersUpdate(claim, holders) };
        (holders.some((h) => !listed.includes(h)) ? taken : given).push(update);
      }
    }
    return { taken, given };
  }

  /**
   * The status, when it changes, and MetalLB's ip-allocated-from-pool annotation. A Service of another
   * loadBalancerClass, or one whose request cannot be read, is left as it is.
   */
  private serviceEffects({ service, request, decision, next }: Outcome): Effect[] {
    const out: Effect[] = [];
    const { name = '', namespace = '', uid, resourceVersion } = service.metadata;
    const leftAlone =
      decision.kind === 'release' ? !decision.clearStatus : decision.kind === 'fail' && !decision.clearStatus;
    const recorded = service.metadata.annotations?.[ALLOCATED_POOL];
    if (texts(next).join(',') !== texts(request.held).join(',') && !leftAlone) {
      out.push({
        op: 'patchStatus',
        apiVersion: 'v1',
        key: { groupKind: SERVICE.groupKind, namespace, name },
        status: { loadBalancer: { ingress: next.length > 0 ? texts(next).map((ip) => ({ ip })) : null } },
        ...(resourceVersion ? { resourceVersion } : {}),
      });
    }
    const pool = decision.kind === 'hold' ? decision.pool : leftAlone ? recorded : undefined;
    if (pool !== recorded) {
      // Applied without the annotation, the field manager's own annotation goes (server-side apply).
      const annotations = pool ? { annotations: { [ALLOCATED_POOL]: pool } } : {};
      const metadata = { name, namespace, ...(uid ? { uid } : {}), ...annotations };
      out.push({ op: 'apply', object: { apiVersion: 'v1', kind: 'Service', metadata } });
    }
    return out;
  }

  /**
   * IPAllocated when a Service gets addresses, ClearAssignment when it loses them, AllocationFailed
   * whenever it is planned and gets none (the same failure is the same Event, so the state alone
   * decides which Events exist, and a replay onto its own result creates none).
   */
  private events(): Effect[] {
    const out: Effect[] = [];
    const report = (o: Outcome, type: EventType, reason: string, message: string) =>
      out.push({
        op: 'createIfAbsent',
        object: serviceEvent(o.service, type, reason, message, this.time),
        bestEffort: true,
      });
    for (const outcome of this.outcomes) {
      const { request, decision, next } = outcome;
      const changed = texts(next).join(',') !== texts(request.held).join(',');
      if (decision.kind === 'release') continue;
      if (decision.gaveUp && changed)
        report(outcome, 'Normal', 'ClearAssignment', `Gave up ${decision.gaveUp}`);
      if (decision.kind === 'fail') {
        report(outcome, 'Warning', 'AllocationFailed', decision.message);
      } else if (decision.kind === 'hold' && changed) {
        report(
          outcome,
          'Normal',
          'IPAllocated',
          `Assigned IP ${JSON.stringify(texts(next))} from IPAddressPool ${decision.pool}`,
        );
      }
    }
    return out;
  }
}
