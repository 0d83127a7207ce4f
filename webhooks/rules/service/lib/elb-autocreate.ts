/**
 * Huawei Cloud CCE's `kubernetes.io/elb.autocreate`: one JSON object describing the load balancer
 * to create. The enumerations are the CCE ones (network type, EIP billing, bandwidth sharing).
 */
const enums: Readonly<Record<string, readonly string[]>> = {
  type: ['public', 'inner'],
  bandwidth_chargemode: ['bandwidth', 'traffic'],
  bandwidth_sharetype: ['PER', 'WHOLE'],
};
const stringFields = [
  'name',
  'bandwidth_name',
  'eip_type',
  'l4_flavor_name',
  'l7_flavor_name',
  'elb_virsubnet_ids',
  'vip_subnet_cidr_id',
  'vip_address',
  'ipv6_vip_virsubnet_id',
];

function isRecord(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

function parseObject(text: string): Record<string, unknown> | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const fragments = /}\s*,\s*{/.test(text) ? '; it looks like several objects: merge them into one' : '';
    const reason = error instanceof Error ? error.message : String(error);
    return `is not one JSON object (${reason})${fragments}`;
  }
  return isRecord(value) ? value : 'must be a JSON object';
}

export function elbAutocreateProblems(text: string): string[] {
  const parsed = parseObject(text);
  if (typeof parsed === 'string') return [parsed];
  const out: string[] = [];
  for (const [key, allowed] of Object.entries(enums)) {
    const value = parsed[key];
    if (value !== undefined && (typeof value !== 'string' || !allowed.includes(value)))
      out.push(`${key} ${JSON.stringify(value)} is not one of ${allowed.join(', ')}`);
  }
  for (const key of stringFields) {
    const value = parsed[key];
    if (value !== undefined && typeof value !== 'string') out.push(`${key} must be a string`);
  }
  const size = parsed['bandwidth_size'];
  if (size !== undefined && !(typeof size === 'number' && Number.isInteger(size) && size >= 1))
    out.push('bandwidth_size must be a positive integer (Mbit/s)');
  const zones = parsed['available_zone'];
  if (zones !== undefined && !(Array.isArray(zones) && zones.every((z) => typeof z === 'string')))
    out.push('available_zone must be a list of zone names');
  return out;
}
