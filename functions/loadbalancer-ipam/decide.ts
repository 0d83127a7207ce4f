import type { ModelView } from '../../shared/kube/model/model-view.js';
import { type Address, type Family, formatAddress } from '../../shared/net/address.js';
import { lowestUsable, refusal, type SearchContext, selectForService, usableFromPool } from './choose.js';
import { admits, automaticPools, type Pool, poolOf } from './pools.js';
import { familyOfAddresses, type LoadBalancerRequest, type ServiceFamily } from './request.js';

/**
 * What a Service should hold, decided as MetalLB's controller converges a balancer
 * (controller/service.go convergeBalancer and allocateIPs):
 * - `release`: not MetalLB's (another type or loadBalancerClass): what it holds is given back, and
 *   the status cleared when it is no longer a LoadBalancer;
 * - `hold`: these addresses, from this pool (kept, extended to a second family, or allocated;
 *   `gaveUp` says why the addresses held before could not stay);
 * - `fail`: nothing can be assigned, and why (and `gaveUp`, why what it held could not stay); the
 *   status is cleared unless the request itself is unreadable (MetalLB then leaves it as it is).
 */
export type Decision =
  | { kind: 'release'; clearStatus: boolean }
  | { kind: 'hold'; pool: string; addresses: Address[]; gaveUp?: string }
  | { kind: 'fail'; message: string; clearStatus: boolean; gaveUp?: string };

export interface DecisionContext extends SearchContext {
  view: ModelView;
  pools: readonly Pool[];
  metallbNamespace: string;
}

const familyText = (family: ServiceFamily | undefined) =>
  family === 'dual' ? 'dual-stack' : family === 6 ? 'IPv6' : 'IPv4';
const listText = (addresses: readonly Address[]) =>
  addresses.map((a) => formatAddress(a.family, a.value)).join(',');

function fail(message: string, clearStatus = true): Decision {
  return { kind: 'fail', message, clearStatus };
}

/** Why the addresses the Service holds can no longer stay with it, or undefined when they can. */
function reasonToClear(request: LoadBalancerRequest, ctx: DecisionContext): string | undefined {
  const held = request.held;
  const family = familyOfAddresses(held);
  const prefersDual = request.family === 'dual' && request.policy === 'PreferDualStack';
  if (family !== request.family && !prefersDual) return 'its family changed';
  if (held.length > 2 || (held.length === 2 && family !== 'dual')) return 'at most one address per family';
  const pool = poolOf(ctx.pools, held, request.pool ?? request.recordedPool);
  if (!pool) return `it is in no IPAddressPool of ${ctx.metallbNamespace}`;
  if (!admits(pool, request, ctx.view)) return `IPAddressPool ${pool.name} does not serve this Service`;
  for (const address of held) {
    const refused = refusal(address, pool, request, ctx.holdings);
    if (refused) return refused;
  }
  if (request.pool && request.pool !== pool.name) return `the Service asks for IPAddressPool ${request.pool}`;
  const asked = request.requested?.ok ? request.requested.addresses : [];
  if (asked.length > 0 && listText(sorted(asked)) !== listText(sorted(held))) {
    return `the Service asks for ${listText(asked)}`;
  }
  return undefined;
}

function sorted(addresses: readonly Address[]): Address[] {
  return [...addresses].sort((a, b) => a.family - b.family || (a.value < b.value ? -1 : 1));
}

/** The addresses the Service asks for by loadBalancerIPs or spec.loadBalancerIP, if they are free to it. */
function assignRequested(request: LoadBalancerRequest, asked: Address[], ctx: DecisionContext): Decision {
  const family = familyOfAddresses(asked);
  if (family !== request.family) {
    return fail(`${listText(asked)} is ${familyText(family)}, the Service ${familyText(request.family)}`);
  }
  const pool = poolOf(ctx.pools, asked, request.pool);
  if (!pool) return fail(`${listText(asked)} is in no IPAddressPool of ${ctx.metallbNamespace}`);
  if (!admits(pool, request, ctx.view)) {
    return fail(`IPAddressPool ${pool.name}'s serviceAllocation does not serve this Service`);
  }
  if (request.pool && request.pool !== pool.name) {
    return fail(
      `${listText(asked)} lies in IPAddressPool ${pool.name}, not in the requested ${request.pool}`,
    );
  }
  for (const address of asked) {
    const refused = refusal(address, pool, request, ctx.holdings);
    if (refused) return fail(refused);
  }
  return { kind: 'hold', pool: pool.name, addresses: asked };
}

/** MetalLB's findBestPoolForService: the first pool with every family, else (PreferDualStack) one. */
function bestOf(
  pools: readonly Pool[],
  request: LoadBalancerRequest,
  ctx: DecisionContext,
): Decision | undefined {
  const secondary: Family = request.primary === 4 ? 6 : 4;
  let primaryOnly: { pool: Pool; addresses: Address[] } | undefined;
  let secondaryOnly: typeof primaryOnly;
  for (const pool of pools) {
    const found = usableFromPool(pool, request, ctx);
    const chosen = selectForService(found, request);
    if (chosen && (request.family !== 'dual' || chosen.length === 2)) {
      return { kind: 'hold', pool: pool.name, addresses: chosen };
    }
    if (request.family !== 'dual' || request.policy !== 'PreferDualStack' || !chosen) continue;
    if (found[request.primary]) primaryOnly ??= { pool, addresses: chosen };
    if (found[secondary]) secondaryOnly ??= { pool, addresses: chosen };
  }
  const single = primaryOnly ?? secondaryOnly;
  return single && { kind: 'hold', pool: single.pool.name, addresses: single.addresses };
}

/** MetalLB's allocateIPs, once the Service holds nothing. */
function allocate(request: LoadBalancerRequest, ctx: DecisionContext): Decision {
  if (request.requested && !request.requested.ok) return fail(request.requested.problem);
  if (request.requested?.ok) return assignRequested(request, request.requested.addresses, ctx);
  if (request.pool) {
    const pool = ctx.pools.find((p) => p.name === request.pool);
    if (!pool) return fail(`IPAddressPool ${ctx.metallbNamespace}/${request.pool} does not exist`);
    if (!admits(pool, request, ctx.view)) {
      return fail(`IPAddressPool ${pool.name}'s serviceAllocation does not serve this Service`);
    }
    return (
      bestOf([pool], request, ctx) ??
      fail(`no ${familyText(request.family)} address is free in IPAddressPool ${pool.name}`)
    );
  }
  for (const pools of automaticPools(ctx.pools, request, ctx.view)) {
    const decision = bestOf(pools, request, ctx);
    if (decision) return decision;
  }
  return fail(
    `no ${familyText(request.family)} address is free in the IPAddressPools that serve this Service`,
  );
}

/** With PreferDualStack and one address, the other family from the same pool when it has one. */
function withSecondFamily(request: LoadBalancerRequest, pool: Pool, ctx: DecisionContext): Address[] {
  const held = request.held;
  if (request.family !== 'dual' || request.policy !== 'PreferDualStack' || held.length !== 1) return held;
  const other = lowestUsable(pool, held[0]!.family === 4 ? 6 : 4, request, ctx);
  return other ? [...held, other] : held;
}

export function decide(
  request: LoadBalancerRequest,
  type: string | undefined,
  ctx: DecisionContext,
): Decision {
  if (!request.served) return { kind: 'release', clearStatus: type !== 'LoadBalancer' };
  if (ctx.pools.length === 0) return fail(`no IPAddressPool exists in ${ctx.metallbNamespace}`);
  if (request.policy === 'RequireDualStack' && request.family !== 'dual') {
    return fail('RequireDualStack needs ClusterIPs of both families');
  }
  if (request.held.length === 0) return allocate(request, ctx);
  if (request.requested && !request.requested.ok) return fail(request.requested.problem, false);
  const why = reasonToClear(request, ctx);
  if (why === undefined) {
    const pool = poolOf(ctx.pools, request.held, request.pool ?? request.recordedPool)!;
    return { kind: 'hold', pool: pool.name, addresses: withSecondFamily(request, pool, ctx) };
  }
  const gaveUp = `${listText(request.held)}: ${why}`;
  const next = allocate(request, ctx);
  return next.kind === 'release' ? next : { ...next, gaveUp };
}
