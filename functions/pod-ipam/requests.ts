import { nicAnnotation } from '../../shared/kube/keys/kubeovn.js';
import type { ModelView } from '../../shared/kube/model/model-view.js';
import { IPPOOL, type IPPool } from '../../shared/kube/schemas/kubeovn.js';
import type { Pod } from '../../shared/kube/schemas/workloads.js';
import { type IpPoolRequest, parseIpPoolAnnotation } from '../../shared/kubeovn/ip-pool-annotation.js';
import { type Address, tryParseAddress } from '../../shared/net/address.js';
import { IPPOOLS_BY_NAMESPACE } from './indexes.js';
import { isUsableMac } from './mac.js';
import type { Nic } from './nics.js';

/** What a NIC asks for: fixed addresses, a MAC, an IPPool or a static list, or its namespace's IPPools. */
export type AddressRequest =
  | { kind: 'fixed'; addresses: Address[] }
  | { kind: 'pool'; name: string }
  | { kind: 'static'; entries: Address[][] }
  | { kind: 'namespacePools'; pools: IPPool[] }
  | { kind: 'any' };

export interface NicRequest {
  address: AddressRequest;
  mac: string | undefined;
  /** Why the request can never be met, when it cannot. */
  problem?: string;
}

function fixedAddresses(text: string): Address[] | undefined {
  const addresses = text.split(',').map((part) => tryParseAddress(part.trim()));
  if (addresses.length === 0 || addresses.length > 2 || addresses.some((a) => !a)) return undefined;
  const parsed = addresses as Address[];
  return parsed.length === 2 && parsed[0]?.family === parsed[1]?.family ? undefined : parsed;
}

function poolRequest(request: IpPoolRequest): AddressRequest | string {
  if (request.kind === 'invalid') return request.problem;
  return request.kind === 'pool' ? request : { kind: 'static', entries: request.entries };
}

/**
 * kube-ovn acquireAddress: `<provider>.kubernetes.io/ip_address` wins over `ip_pool`; without either,
 * the primary NIC takes the IPPools bound to the Pod's namespace (`spec.namespaces`), by name.
 */
export function nicRequest(pod: Pod, nic: Nic, view: ModelView): NicRequest {
  const annotations = pod.metadata.annotations ?? {};
  const macText = annotations[nicAnnotation(nic.provider, 'mac_address')];
  const mac = macText ? macText.toLowerCase().replaceAll('-', ':') : undefined;
  const base = { mac };
  if (macText && !isUsableMac(macText)) {
    return {
      address: { kind: 'any' },
      mac: undefined,
      problem: `${nicAnnotation(nic.provider, 'mac_address')}: ${JSON.stringify(macText)} is not a unicast MAC address`,
    };
  }
  const fixedKey = nicAnnotation(nic.provider, 'ip_address');
  const fixedText = annotations[fixedKey];
  if (fixedText) {
    const addresses = fixedAddresses(fixedText);
    if (!addresses)
      return {
        ...base,
        address: { kind: 'any' },
        problem: `${fixedKey}: ${JSON.stringify(fixedText)} is not an address or a v4,v6 pair`,
      };
    return { ...base, address: { kind: 'fixed', addresses } };
  }
  const poolKey = nicAnnotation(nic.provider, 'ip_pool');
  const poolText = annotations[poolKey];
  if (poolText) {
    const request = poolRequest(parseIpPoolAnnotation(poolText));
    return typeof request === 'string'
      ? { ...base, address: { kind: 'any' }, problem: `${poolKey}: ${request}` }
      : { ...base, address: request };
  }
  if (nic.primary) {
    const pools = [...view.byIndex(IPPOOL, IPPOOLS_BY_NAMESPACE, pod.metadata.namespace ?? '')].sort(
      (a, b) => ((a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1),
    );
    if (pools.length > 0) return { ...base, address: { kind: 'namespacePools', pools } };
  }
  return { ...base, address: { kind: 'any' } };
}
