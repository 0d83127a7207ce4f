import { labelsOfNamespace } from '../../../shared/kube/namespace-labels.js';
import { describeObject } from '../../../shared/kube/object.js';
import { SERVICE, type Service } from '../../../shared/kube/schemas/core.js';
import { IP_ADDRESS_POOL, type IPAddressPool } from '../../../shared/kube/schemas/metallb.js';
import { placeAddress } from '../../../shared/metallb/pool-lookup.js';
import { loadBalancerIpsAnnotation, requestedPool } from '../../../shared/metallb/service-addresses.js';
import { poolServes } from '../../../shared/metallb/service-allocation.js';
import { type Address, familyName, tryParseAddress } from '../../../shared/net/address.js';
import { deny, warn } from '../findings.js';
import type { AdmissionContext, Finding, ValidationRule } from '../types.js';
import { nameOf } from './lib/identity.js';
import { serviceTypeOf } from './lib/service-type.js';

const RULE = 'metallb/service-annotations';

type Context = AdmissionContext<Service>;

const annotationField = (name: string) => `metadata.annotations[${name}]`;

/** Warns when a stable and a deprecated annotation disagree: MetalLB reads only the stable one. */
function shadowedFindings(service: Service, names: readonly [string, string]): Finding[] {
  const annotations = service.metadata.annotations ?? {};
  const [stable, deprecated] = names;
  const stableValue = annotations[stable];
  const deprecatedValue = annotations[deprecated];
  if (stableValue === undefined || deprecatedValue === undefined || stableValue === deprecatedValue)
    return [];
  return [
    warn(
      RULE,
      annotationField(deprecated),
      `${deprecated}=${deprecatedValue} is ignored: MetalLB reads ${stable}=${stableValue} instead`,
      'ShadowedAnnotation',
    ),
  ];
}

/** The pool a Service names, and whether it exists (yet) in the MetalLB namespace. */
interface NamedPool {
  name: string;
  exists: boolean;
}

/**
 * A named pool that does not exist is a dangling reference, which may be resolved by an
 * IPAddressPool applied later (Helm and Argo CD apply core kinds before custom resources): a
 * warning, not a denial.
 */
function poolFindings(ctx: Context): { findings: Finding[]; pool?: NamedPool } {
  const requested = requestedPool(ctx.object);
  if (!requested) return { findings: [] };
  const field = annotationField(requested.annotation);
  if (requested.pool === '')
    return { findings: [warn(RULE, field, 'the pool name is empty; MetalLB picks any pool', 'EmptyPool')] };
  const namespace = ctx.settings.metallbNamespace;
  const named = ctx.view.get(IP_ADDRESS_POOL, namespace, requested.pool);
  if (named) {
    const asked = loadBalancerIpsAnnotation(ctx.object) || ctx.object.spec?.loadBalancerIP;
    // With addresses asked for, the pool is judged with them (addressInPool).
    const findings = asked ? [] : servesFindings(ctx, field, named);
    return { findings, pool: { name: requested.pool, exists: true } };
  }
  return {
    findings: [
      warn(
        RULE,
        field,
        `IPAddressPool ${namespace}/${requested.pool} does not exist (yet); MetalLB assigns no address from it until it does`,
        'PoolNotFound',
        `IPAddressPool ${namespace}/${requested.pool}`,
      ),
    ],
    pool: { name: requested.pool, exists: false },
  };
}

/**
 * An address requested from MetalLB must lie in a pool, and in the requested pool when one is named.
 * While the named pool does not exist (yet) an address outside every pool may still fall in it; an
 * address inside another, existing pool cannot (MetalLB's pools do not overlap).
 */
function addressInPool(
  ctx: Context,
  field: string,
  text: string,
  address: Address,
  pool: NamedPool | undefined,
): Finding[] {
  const { containing, offering } = placeAddress(ctx.view, ctx.settings.metallbNamespace, address);
  const namespace = ctx.settings.metallbNamespace;
  if (containing.length === 0) {
    if (pool && !pool.exists) return [];
    return [
      deny(
        RULE,
        field,
        `${text} is not inside any IPAddressPool of ${namespace}; MetalLB cannot assign it`,
        'AddressOutsidePools',
        `IPAddressPools of ${namespace}`,
      ),
    ];
  }
  if (pool && !containing.some((p) => nameOf(p) === pool.name))
    return [
      deny(
        RULE,
        field,
        `${text} lies in ${containing.map(describeObject).join(', ')}, not in the requested pool ${pool.name}`,
        'AddressNotInRequestedPool',
        containing.map(describeObject).join(', '),
      ),
    ];
  const target = offering[0];
  if (!target)
    return [
      deny(
        RULE,
        field,
        `${text} is an address avoidBuggyIPs takes out of ${containing.map(describeObject).join(', ')} (an address ending in .0 or .255, or a CIDR's network or broadcast address); MetalLB never assigns it`,
        'AddressAvoided',
        containing.map(describeObject).join(', '),
      ),
    ];
  return servesFindings(ctx, field, target);
}

/**
 * MetalLB assigns a Service nothing from a pool whose serviceAllocation leaves out its namespace or
 * labels: a warning, as the namespace's labels may still change.
 */
function servesFindings(ctx: Context, field: string, pool: IPAddressPool): Finding[] {
  const service = ctx.object;
  const namespace = service.metadata.namespace ?? '';
  const labels = labelsOfNamespace(ctx.view, namespace);
  if (poolServes(pool, namespace, labels, service.metadata.labels ?? {})) return [];
  return [
    warn(
      RULE,
      field,
      `${describeObject(pool)} serves only the namespaces and Services its spec.serviceAllocation selects, not this one; MetalLB assigns it no address from it`,
      'PoolNotForService',
      describeObject(pool),
    ),
  ];
}

function loadBalancerIpsFindings(ctx: Context, pool: NamedPool | undefined): Finding[] {
  const requested = loadBalancerIpsAnnotation(ctx.object);
  if (!requested) return [];
  const field = annotationField(requested.annotation);
  const out: Finding[] = [];
  const loadBalancerIp = ctx.object.spec?.loadBalancerIP;
  if (loadBalancerIp)
    out.push(
      deny(
        RULE,
        field,
        `a Service cannot have both ${requested.annotation} and spec.loadBalancerIP ${loadBalancerIp}`,
        'ConflictingAddresses',
        'spec.loadBalancerIP',
      ),
    );
  const families = new Map<number, string>();
  const parts = requested.value.split(',').map((p) => p.trim());
  parts.forEach((text, i) => {
    const address = tryParseAddress(text);
    if (!address) {
      out.push(
        deny(RULE, field, `entry ${i} ${JSON.stringify(text)} is not an IP address`, 'InvalidAddress'),
      );
      return;
    }
    const other = families.get(address.family);
    if (other !== undefined)
      out.push(
        deny(
          RULE,
          field,
          `${text} and ${other} are both ${familyName(address.family)}; at most one address per family`,
          'DuplicateFamily',
        ),
      );
    families.set(address.family, text);
    out.push(...addressInPool(ctx, field, text, address, pool));
  });
  return out;
}

/** spec.loadBalancerIP is honoured by MetalLB too: it must fit the requested pool. */
function loadBalancerIpFindings(ctx: Context, pool: NamedPool | undefined): Finding[] {
  const text = ctx.object.spec?.loadBalancerIP;
  if (!text || !pool || loadBalancerIpsAnnotation(ctx.object)) return [];
  const address = tryParseAddress(text);
  return address ? addressInPool(ctx, 'spec.loadBalancerIP', text, address, pool) : [];
}

function check(ctx: Context): Finding[] {
  const service = ctx.object;
  const hasPool = requestedPool(service) !== undefined;
  const hasIps = loadBalancerIpsAnnotation(service) !== undefined;
  if (!hasPool && !hasIps) return [];
  const { findings, pool } = poolFindings(ctx);
  const out = [
    ...findings,
    ...shadowedFindings(service, ['metallb.io/address-pool', 'metallb.universe.tf/address-pool']),
    ...shadowedFindings(service, ['metallb.io/loadBalancerIPs', 'metallb.universe.tf/loadBalancerIPs']),
    ...loadBalancerIpsFindings(ctx, pool),
    ...loadBalancerIpFindings(ctx, pool),
  ];
  if (serviceTypeOf(service) !== 'LoadBalancer')
    out.push(
      warn(
        RULE,
        'spec.type',
        `MetalLB annotations have no effect on a Service of type ${serviceTypeOf(service)}; only LoadBalancer Services get an address`,
        'NotLoadBalancer',
      ),
    );
  return out;
}

/** MetalLB's Service annotations: the pool asked for exists, and requested addresses fit the pools. */
export const serviceAnnotationsRule: ValidationRule<Service> = {
  id: RULE,
  kinds: [SERVICE],
  reasons: [
    'EmptyPool',
    'PoolNotFound',
    'ShadowedAnnotation',
    'ConflictingAddresses',
    'InvalidAddress',
    'DuplicateFamily',
    'AddressOutsidePools',
    'AddressNotInRequestedPool',
    'AddressAvoided',
    'PoolNotForService',
    'NotLoadBalancer',
  ],
  guide: '如何在使用 MetalLB 时指定 VIP',
  check,
};
