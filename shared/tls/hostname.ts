import type { X509Certificate } from 'node:crypto';
import ipaddr from 'ipaddr.js';

export interface CertificateNames {
  /** subjectAltName DNS entries, lowercased. */
  dns: string[];
  /** subjectAltName IP entries in canonical text form. */
  ips: string[];
  /** Whether the certificate has subjectAltName entries at all (then the subject CN is ignored). */
  hasSubjectAltNames: boolean;
  commonName?: string;
}

/** Splits Node's `subjectAltName` text ("DNS:a, DNS:\"b\\u002cc\", IP Address:1.2.3.4") into [type, value]. */
function splitSubjectAltName(text: string): Array<[string, string]> {
  const entries: Array<[string, string]> = [];
  let i = 0;
  while (i < text.length) {
    const colon = text.indexOf(':', i);
    if (colon < 0) break;
    const type = text.slice(i, colon).trim();
    let value: string;
    let next: number;
    if (text[colon + 1] === '"') {
      let end = colon + 2;
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      value = JSON.parse(text.slice(colon + 1, end + 1)) as string;
      next = text.indexOf(', ', end);
    } else {
      next = text.indexOf(', ', colon);
      value = text.slice(colon + 1, next < 0 ? text.length : next);
    }
    entries.push([type, value]);
    if (next < 0) break;
    i = next + 2;
  }
  return entries;
}

function canonicalIp(text: string): string | undefined {
  const bare = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  if (ipaddr.IPv4.isValidFourPartDecimal(bare)) return ipaddr.IPv4.parse(bare).toString();
  if (ipaddr.IPv6.isValid(bare)) {
    const v6 = ipaddr.IPv6.parse(bare);
    return v6.isIPv4MappedAddress() ? v6.toIPv4Address().toString() : v6.toNormalizedString();
  }
  return undefined;
}

function commonNameOf(subject: string | undefined): string | undefined {
  for (const line of (subject ?? '').split('\n')) {
    if (line.startsWith('CN=')) return line.slice(3);
  }
  return undefined;
}

export function certificateNames(certificate: X509Certificate): CertificateNames {
  const entries = certificate.subjectAltName ? splitSubjectAltName(certificate.subjectAltName) : [];
  const dns: string[] = [];
  const ips: string[] = [];
  for (const [type, value] of entries) {
    if (type === 'DNS') dns.push(normalizeHostname(value));
    else if (type === 'IP Address') {
      const ip = canonicalIp(value);
      if (ip) ips.push(ip);
    }
  }
  const commonName = commonNameOf(certificate.subject);
  return {
    dns,
    ips,
    hasSubjectAltNames: entries.length > 0,
    ...(commonName === undefined ? {} : { commonName }),
  };
}

function normalizeHostname(name: string): string {
  const lower = name.toLowerCase();
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}

/** Whether a presented DNS name (possibly `*.` wildcard) matches `host` (already normalized). */
function dnsNameMatches(presented: string, host: string): boolean {
  if (presented === host) return true;
  // A wildcard host is covered only by the same wildcard, never by a wider or narrower one.
  if (host.startsWith('*.') || !presented.startsWith('*.')) return false;
  const suffix = presented.slice(1); // ".example.com"
  if (suffix.length < 2 || !host.endsWith(suffix)) return false;
  const label = host.slice(0, host.length - suffix.length);
  return label.length > 0 && !label.includes('.');
}

/**
 * Whether the certificate covers `host` per RFC 6125: subjectAltName DNS names (or, only when the
 * certificate has no subjectAltName at all, the subject CN); a `*` covers exactly one whole left-most
 * label and never the bare domain; case-insensitive; IP hosts match IP SANs only. A wildcard host
 * such as `*.example.com` is covered only by the wildcard name `*.example.com` itself.
 */
export function certificateCoversHost(certificate: X509Certificate, host: string): boolean {
  return namesCoverHost(certificateNames(certificate), host);
}

export function namesCoverHost(names: CertificateNames, host: string): boolean {
  const ip = canonicalIp(host);
  if (ip !== undefined) return names.ips.includes(ip);
  const wanted = normalizeHostname(host);
  if (wanted === '') return false;
  const presented = names.hasSubjectAltNames
    ? names.dns
    : names.commonName !== undefined
      ? [normalizeHostname(names.commonName)]
      : [];
  return presented.some((name) => dnsNameMatches(name, wanted));
}

/** "DNS:a.example.com, IP:10.0.0.1" style summary for messages. */
export function describeNames(names: CertificateNames): string {
  const parts = [...names.dns.map((d) => `DNS:${d}`), ...names.ips.map((ip) => `IP:${ip}`)];
  if (parts.length === 0 && names.commonName !== undefined) parts.push(`CN:${names.commonName}`);
  return parts.length === 0 ? 'no names' : parts.join(', ');
}
