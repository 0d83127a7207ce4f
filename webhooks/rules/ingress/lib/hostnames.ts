import { isIpAddress } from '../../../../shared/net/address.js';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** Why `host` is not an exact DNS name or a `*.` wildcard of one; undefined when it is. */
export function hostProblem(host: string): string | undefined {
  if (isIpAddress(host)) return `"${host}" is an IP address; a host must be a DNS name`;
  const name = host.startsWith('*.') ? host.slice(2) : host;
  if (name.includes('*')) return `"${host}" has a "*" that is not a leading "*." wildcard label`;
  if (name.length === 0 || name.length > 253) return `"${host}" is not a DNS name of 1-253 characters`;
  const bad = name.split('.').find((label) => label.length > 63 || !DNS_LABEL.test(label));
  if (bad !== undefined) return `"${host}" has the label "${bad}", not a lowercase RFC 1123 DNS label`;
  return undefined;
}

/** `namespace/name` of a Secret with DNS-1123 parts; undefined when malformed. */
export function parseSecretRef(ref: string): { namespace: string; name: string } | undefined {
  const match = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?)\/([a-z0-9]([-a-z0-9.]*[a-z0-9])?)$/.exec(ref);
  return match?.[1] && match[3] ? { namespace: match[1], name: match[3] } : undefined;
}
