/** Names loadbalancer-ipam writes and reads besides MetalLB's own annotations. */

export const FUNCTION_NAME = 'loadbalancer-ipam';

/** Where MetalLB keeps its IPAddressPools (the guide's namespace); other namespaces are not MetalLB's. */
export const DEFAULT_METALLB_NAMESPACE = 'metallb-system';

/** The label Kubernetes gives an IPAddress to name its allocator, and acpnet's value of it. */
export const MANAGED_BY_LABEL = 'ipaddress.kubernetes.io/managed-by';
export const MANAGED_BY = 'loadbalancer-ipam.acpnet.io';
/** The label Kubernetes gives an IPAddress for its family: IPv4 or IPv6. */
export const IP_FAMILY_LABEL = 'ipaddress.kubernetes.io/ip-family';

/**
 * On a claim: the Services holding its address, `namespace/name` sorted and comma-separated (more
 * than one only for Services sharing it under one allow-shared-ip key).
 */
export const HOLDERS_ANNOTATION = 'acpnet.io/load-balancer-holders';

/**
 * A claim younger than this (by the event's time) may belong to an allocation still in flight, whose
 * Service another replica's informer has not seen yet: its holders are not judged missing.
 */
export const CLAIM_GRACE_SECONDS = 60;

/** The component Events are reported by. */
export const EVENT_COMPONENT = `acpnet-${FUNCTION_NAME}`;
