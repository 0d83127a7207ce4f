import {
  ADDRESS_POOL_ANNOTATIONS,
  LOAD_BALANCER_IPS_ANNOTATIONS,
} from '../../../shared/kube/keys/metallb.js';
import { describeObject } from '../../../shared/kube/object.js';
import { ENVOY_PROXY } from '../../../shared/kube/schemas/envoy-gateway/definitions.js';
import type { EnvoyProxy, EnvoyService } from '../../../shared/kube/schemas/envoy-gateway/envoy-proxy.js';
import { IP_ADDRESS_POOL } from '../../../shared/kube/schemas/metallb.js';
import { placeAddress } from '../../../shared/metallb/pool-lookup.js';
import { tryParseAddress } from '../../../shared/net/address.js';
import { deny, warn } from '../findings.js';
import type { AdmissionContext, Finding, ValidationRule } from '../types.js';

const RULE = 'gateway/envoy-proxy-addresses';
const SERVICE_FIELD = 'spec.provider.kubernetes.envoyService';

type Context = AdmissionContext<EnvoyProxy>;

/** The first of MetalLB's annotation names (stable before deprecated) the Service template sets. */
function annotation(
  service: EnvoyService,
  names: readonly string[],
): { name: string; value: string } | undefined {
  for (const name of names) {
    const value = service.annotations?.[name];
    if (value !== undefined) return { name, value };
  }
  return undefined;
}

/** The addresses the template asks MetalLB for, each with the field that asks. */
function requested(service: EnvoyService): { field: string; text: string }[] {
  const ips = annotation(service, LOAD_BALANCER_IPS_ANNOTATIONS);
  if (ips) {
    const field = `${SERVICE_FIELD}.annotations[${ips.name}]`;
    return ips.value.split(',').map((text) => ({ field, text: text.trim() }));
  }
  return service.loadBalancerIP
    ? [{ field: `${SERVICE_FIELD}.loadBalancerIP`, text: service.loadBalancerIP }]
    : [];
}

function poolFindings(
  ctx: Context,
  service: EnvoyService,
): { findings: Finding[]; pool?: string; exists?: boolean } {
  const named = annotation(service, ADDRESS_POOL_ANNOTATIONS);
  if (!named?.value) return { findings: [] };
  const namespace = ctx.settings.metallbNamespace;
  if (ctx.view.get(IP_ADDRESS_POOL, namespace, named.value))
    return { findings: [], pool: named.value, exists: true };
  const other = `IPAddressPool ${namespace}/${named.value}`;
  const field = `${SERVICE_FIELD}.annotations[${named.name}]`;
  return {
    findings: [
      warn(
        RULE,
        field,
        `${other} does not exist (yet); MetalLB assigns the Gateway's Service no address from it until it does`,
        'PoolNotFound',
        other,
      ),
    ],
    pool: named.value,
    exists: false,
  };
}

/**
 * The Service Envoy Gateway makes from an EnvoyProxy asks MetalLB for what the template says: each
 * address must be one a pool (the named one, when one is named) hands out, or MetalLB leaves the
 * Gateway without an address.
 */
function check(ctx: Context): Finding[] {
  const service = ctx.object.spec?.provider?.kubernetes?.envoyService;
  if (!service || (service.type ?? 'LoadBalancer') !== 'LoadBalancer' || service.loadBalancerClass) return [];
  const namespace = ctx.settings.metallbNamespace;
  const { findings, pool, exists } = poolFindings(ctx, service);
  for (const { field, text } of requested(service)) {
    const address = tryParseAddress(text);
    if (!address) {
      findings.push(deny(RULE, field, `${JSON.stringify(text)} is not an IP address`, 'InvalidAddress'));
      continue;
    }
    const { containing, offering } = placeAddress(ctx.view, namespace, address);
    const pools = containing.map(describeObject).join(', ');
    if (containing.length === 0) {
      if (pool && !exists) continue;
      const message = `${text} is not inside any IPAddressPool of ${namespace}; MetalLB cannot assign it to the Gateway's Service`;
      findings.push(deny(RULE, field, message, 'AddressOutsidePools', `IPAddressPools of ${namespace}`));
    } else if (pool && !containing.some((p) => p.metadata.name === pool)) {
      findings.push(
        deny(
          RULE,
          field,
          `${text} lies in ${pools}, not in the requested pool ${pool}`,
          'AddressNotInRequestedPool',
          pools,
        ),
      );
    } else if (offering.length === 0) {
      const message = `${text} is an address avoidBuggyIPs takes out of ${pools}; MetalLB never assigns it`;
      findings.push(deny(RULE, field, message, 'AddressAvoided', pools));
    }
  }
  return findings;
}

export const envoyProxyAddresses: ValidationRule<EnvoyProxy> = {
  id: RULE,
  kinds: [ENVOY_PROXY],
  reasons: [
    'PoolNotFound',
    'InvalidAddress',
    'AddressOutsidePools',
    'AddressNotInRequestedPool',
    'AddressAvoided',
  ],
  guide: '如何在使用 MetalLB 时指定 VIP',
  check,
};
