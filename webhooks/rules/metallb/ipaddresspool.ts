import type { LabelSelector } from '../../../shared/kube/label-selector.js';
import { labelSelectorProblems, selectorKey } from '../../../shared/kube/label-selector-problems.js';
import { describeObject } from '../../../shared/kube/object.js';
import { SERVICE } from '../../../shared/kube/schemas/core.js';
import {
  BGP_ADVERTISEMENT,
  IP_ADDRESS_POOL,
  type IPAddressPool,
  L2_ADVERTISEMENT,
} from '../../../shared/kube/schemas/metallb.js';
import { type PoolEntry, parsePoolAddresses } from '../../../shared/metallb/pool-addresses.js';
import { heldLoadBalancerIps } from '../../../shared/metallb/service-addresses.js';
import { tryParseAddress } from '../../../shared/net/address.js';
import { RangeSet } from '../../../shared/net/range-set.js';
import { formatRange, rangeIntersection, rangesOverlap } from '../../../shared/net/ranges.js';
import { deny, warn } from '../findings.js';
import type { AdmissionContext, Finding, ValidationRule } from '../types.js';
import {
  ADVERTISEMENT_POOL_INDEX,
  POOL_ADDRESS_INDEX,
  SERVICE_ALLOCATED_POOL_INDEX,
  SERVICE_POOL_INDEX,
} from './indexes.js';
import { describeEntry, describeStoredRange } from './lib/describe.js';
import { nameOf, sameObject } from './lib/identity.js';

const RULE = 'metallb/ipaddresspool';

type Context = AdmissionContext<IPAddressPool>;

function overlapsWithinPool(pool: IPAddressPool, entries: PoolEntry[]): Finding[] {
  const out: Finding[] = [];
  entries.forEach((entry, i) => {
    for (const earlier of entries.slice(0, i)) {
      if (!rangesOverlap(entry.range, earlier.range)) continue;
      const shared = rangeIntersection(entry.range, earlier.range);
      out.push(
        deny(
          RULE,
          `spec.addresses[${entry.index}]`,
          `${describeEntry(entry)} in pool ${nameOf(pool)} overlaps with already defined ${describeEntry(earlier)} (spec.addresses[${earlier.index}]) of the same pool${shared ? ` at ${formatRange(shared)}` : ''}`,
          'PoolOverlap',
          `IPAddressPool ${nameOf(pool)}`,
        ),
      );
    }
  });
  return out;
}

function overlapsAcrossPools(ctx: Context, entries: PoolEntry[]): Finding[] {
  const pool = ctx.object;
  const out: Finding[] = [];
  for (const entry of entries) {
    for (const hit of ctx.view.overlapping(IP_ADDRESS_POOL, POOL_ADDRESS_INDEX, entry.range)) {
      const other = hit.object;
      // MetalLB only loads pools of its namespace; pools elsewhere are refused by metallb/namespace.
      if (sameObject(other, pool) || other.metadata.namespace !== ctx.settings.metallbNamespace) continue;
      const shared = rangeIntersection(entry.range, hit.range);
      out.push(
        deny(
          RULE,
          `spec.addresses[${entry.index}]`,
          `${describeEntry(entry)} in pool ${nameOf(pool)} overlaps with already defined ${describeStoredRange(hit.range)} of pool ${nameOf(other)}${shared ? ` at ${formatRange(shared)}` : ''}`,
          'PoolOverlap',
          describeObject(other),
        ),
      );
    }
  }
  return out;
}

function allocationSelectorFindings(selectors: readonly LabelSelector[], key: string): Finding[] {
  const out: Finding[] = [];
  const keys = new Set<string>();
  selectors.forEach((selector, i) => {
    const at = `spec.serviceAllocation.${key}[${i}]`;
    for (const problem of labelSelectorProblems(selector))
      out.push(deny(RULE, `${at}.${problem.field}`, problem.message, 'InvalidSelector'));
    const canonical = selectorKey(selector);
    if (keys.has(canonical)) out.push(deny(RULE, at, `duplicate selector in ${key}`, 'Duplicate'));
    keys.add(canonical);
  });
  return out;
}

function serviceAllocationFindings(pool: IPAddressPool): Finding[] {
  const allocation = pool.spec.serviceAllocation;
  if (!allocation) return [];
  const out: Finding[] = [];
  const seen = new Set<string>();
  (allocation.namespaces ?? []).forEach((namespace, i) => {
    if (seen.has(namespace))
      out.push(
        deny(
          RULE,
          `spec.serviceAllocation.namespaces[${i}]`,
          `duplicate namespace ${namespace}`,
          'Duplicate',
        ),
      );
    seen.add(namespace);
  });
  out.push(
    ...allocationSelectorFindings(allocation.namespaceSelectors ?? [], 'namespaceSelectors'),
    ...allocationSelectorFindings(allocation.serviceSelectors ?? [], 'serviceSelectors'),
  );
  return out;
}

function servicesLosingAddresses(ctx: Context, entries: PoolEntry[]): Finding[] {
  const pool = ctx.object;
  if (pool.metadata.namespace !== ctx.settings.metallbNamespace) return [];
  const remaining = RangeSet.of(entries.map((e) => e.range));
  const out: Finding[] = [];
  for (const service of ctx.view.byIndex(SERVICE, SERVICE_ALLOCATED_POOL_INDEX, nameOf(pool))) {
    for (const ip of heldLoadBalancerIps(service)) {
      const address = tryParseAddress(ip);
      if (!address || remaining.contains(address)) continue;
      out.push(
        warn(
          RULE,
          'spec.addresses',
          `${describeObject(service)} holds ${ip} from this pool, which the new addresses no longer cover; MetalLB will take it back`,
          'AddressInUse',
          describeObject(service),
        ),
      );
    }
  }
  return out;
}

function checkDelete(ctx: Context): Finding[] {
  const pool = ctx.object;
  const namespace = pool.metadata.namespace ?? '';
  if (namespace !== ctx.settings.metallbNamespace) return [];
  const services = ctx.view
    .byIndex(SERVICE, SERVICE_POOL_INDEX, nameOf(pool))
    .map((service) =>
      warn(
        RULE,
        'metadata.name',
        `${describeObject(service)} asks for pool ${nameOf(pool)} by annotation; it gets no address from MetalLB once the pool is gone`,
        'PoolInUse',
        describeObject(service),
      ),
    );
  const advertisements = [
    ...ctx.view.byIndex(L2_ADVERTISEMENT, ADVERTISEMENT_POOL_INDEX, nameOf(pool)),
    ...ctx.view.byIndex(BGP_ADVERTISEMENT, ADVERTISEMENT_POOL_INDEX, nameOf(pool)),
  ]
    .filter((adv) => adv.metadata.namespace === namespace)
    .map((adv) =>
      warn(
        RULE,
        'metadata.name',
        `${describeObject(adv)} names pool ${nameOf(pool)} in ipAddressPools; it advertises nothing for it once the pool is gone`,
        'PoolAdvertised',
        describeObject(adv),
      ),
    );
  return [...services, ...advertisements];
}

function check(ctx: Context): Finding[] {
  if (ctx.operation === 'DELETE') return checkDelete(ctx);
  const pool = ctx.object;
  const out: Finding[] = [];
  const { entries, errors } = parsePoolAddresses(pool);
  if (entries.length === 0 && errors.length === 0)
    out.push(deny(RULE, 'spec.addresses', 'pool has no addresses defined', 'NoAddresses'));
  for (const error of errors)
    out.push(
      deny(
        RULE,
        `spec.addresses[${error.index}]`,
        `${JSON.stringify(error.text)}: ${error.reason}`,
        'InvalidAddresses',
      ),
    );
  out.push(...overlapsWithinPool(pool, entries));
  out.push(...overlapsAcrossPools(ctx, entries));
  out.push(...serviceAllocationFindings(pool));
  if (ctx.operation === 'UPDATE') out.push(...servicesLosingAddresses(ctx, entries));
  return out;
}

export const ipAddressPoolRule: ValidationRule<IPAddressPool> = {
  id: RULE,
  kinds: [IP_ADDRESS_POOL],
  operations: ['CREATE', 'UPDATE', 'DELETE'],
  reasons: [
    'NoAddresses',
    'InvalidAddresses',
    'PoolOverlap',
    'InvalidSelector',
    'Duplicate',
    'AddressInUse',
    'PoolInUse',
    'PoolAdvertised',
  ],
  guide: '通过 Web 控制台配置外部 IP 地址池',
  check,
};
