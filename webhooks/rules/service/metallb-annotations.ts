import { LOAD_BALANCER_IPS_ANNOTATIONS } from '../../../shared/kube/keys/metallb.js';
import type { KubeObject } from '../../../shared/kube/object.js';
import { describeObject } from '../../../shared/kube/object.js';
import { SERVICE } from '../../../shared/kube/schemas/core.js';
import { IP_ADDRESS_POOL } from '../../../shared/kube/schemas/metallb.js';
import { nameOf, specOf, stringField } from '../../../shared/kube/spec-fields.js';
import { type Address, familyName, tryParseAddress } from '../../../shared/net/address.js';
import { singleAddressRange } from '../../../shared/net/ranges.js';
import { deny, warn } from '../findings.js';
import { POOL_ADDRESS_INDEX, requestedPool } from '../metallb/indexes.js';
import type { AdmissionContext, Finding, ValidationRule } from '../types.js';
import { serviceType } from './service-model.js';

const RULE = 'service/metallb-annotations';

const annotationField = (name: string) => `metadata.annotations[${name}]`;

/** The MetalLB pools (of the MetalLB namespace) that contain `address`. */
function poolsContaining(ctx: AdmissionContext, address: Address): KubeObject[] {
  return ctx.view
    .overlapping(IP_ADDRESS_POOL, POOL_ADDRESS_INDEX, singleAddressRange(address))
    .map((hit) => hit.object)
    .filter((pool) => pool.metadata.namespace === ctx.settings.metallbNamespace);
}

function requestedIps(service: KubeObject): { annotation: string; value: string } | undefined {
  const annotations = service.metadata.annotations ?? {};
  for (const annotation of LOAD_BALANCER_IPS_ANNOTATIONS) {
    const value = annotations[annotation];
    if (value !== undefined) return { annotation, value };
  }
  return undefined;
}

/** Warns when a stable and a deprecated annotation disagree: MetalLB reads only the stable one. */
function shadowedFindings(service: KubeObject, names: readonly [string, string]): Finding[] {
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

function poolFindings(ctx: AdmissionContext): { findings: Finding[]; pool?: string } {
  const requested = requestedPool(ctx.object);
  if (!requested) return { findings: [] };
  const field = annotationField(requested.annotation);
  if (requested.pool === '')
    return { findings: [warn(RULE, field, 'the pool name is empty; MetalLB picks any pool', 'EmptyPool')] };
  const namespace = ctx.settings.metallbNamespace;
  if (ctx.view.get(IP_ADDRESS_POOL, namespace, requested.pool)) return { findings: [], pool: requested.pool };
  return {
    findings: [
      deny(
        RULE,
        field,
        `IPAddressPool ${namespace}/${requested.pool} does not exist; MetalLB cannot assign an address from it`,
        'PoolNotFound',
        `IPAddressPool ${namespace}/${requested.pool}`,
      ),
    ],
  };
}

/** An address requested from MetalLB must lie in a pool, and in the requested pool when one is named. */
function addressInPool(
  ctx: AdmissionContext,
  field: string,
  text: string,
  address: Address,
  pool: string | undefined,
): Finding[] {
  const containing = poolsContaining(ctx, address);
  const namespace = ctx.settings.metallbNamespace;
  if (containing.length === 0)
    return [
      deny(
        RULE,
        field,
        `${text} is not inside any IPAddressPool of ${namespace}; MetalLB cannot assign it`,
        'AddressOutsidePools',
        `IPAddressPools of ${namespace}`,
      ),
    ];
  if (pool && !containing.some((p) => nameOf(p) === pool))
    return [
      deny(
        RULE,
        field,
        `${text} lies in ${containing.map(describeObject).join(', ')}, not in the requested pool ${pool}`,
        'AddressNotInRequestedPool',
        containing.map(describeObject).join(', '),
      ),
    ];
  return [];
}

function loadBalancerIpsFindings(ctx: AdmissionContext, pool: string | undefined): Finding[] {
  const requested = requestedIps(ctx.object);
  if (!requested) return [];
  const field = annotationField(requested.annotation);
  const out: Finding[] = [];
  if (stringField(specOf(ctx.object), 'loadBalancerIP'))
    out.push(
      deny(
        RULE,
        field,
        `a Service cannot have both ${requested.annotation} and spec.loadBalancerIP ${stringField(specOf(ctx.object), 'loadBalancerIP')}`,
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
function loadBalancerIpFindings(ctx: AdmissionContext, pool: string | undefined): Finding[] {
  const text = stringField(specOf(ctx.object), 'loadBalancerIP');
  if (!text || !pool || requestedIps(ctx.object)) return [];
  const address = tryParseAddress(text);
  return address ? addressInPool(ctx, 'spec.loadBalancerIP', text, address, pool) : [];
}

function check(ctx: AdmissionContext): Finding[] {
  const service = ctx.object;
  const hasPool = requestedPool(service) !== undefined;
  const hasIps = requestedIps(service) !== undefined;
  if (!hasPool && !hasIps) return [];
  const { findings, pool } = poolFindings(ctx);
  const out = [
    ...findings,
    ...shadowedFindings(service, ['metallb.io/address-pool', 'metallb.universe.tf/address-pool']),
    ...shadowedFindings(service, ['metallb.io/loadBalancerIPs', 'metallb.universe.tf/loadBalancerIPs']),
    ...loadBalancerIpsFindings(ctx, pool),
    ...loadBalancerIpFindings(ctx, pool),
  ];
  if (serviceType(service) !== 'LoadBalancer')
    out.push(
      warn(
        RULE,
        'spec.type',
        `MetalLB annotations have no effect on a Service of type ${serviceType(service)}; only LoadBalancer Services get an address`,
        'NotLoadBalancer',
      ),
    );
  return out;
}

export const serviceMetallbAnnotationsRule: ValidationRule = { id: RULE, kinds: [SERVICE], check };
