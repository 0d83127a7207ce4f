import { IPPOOL, SUBNET } from '../../../shared/kube/schemas/kubeovn.js';
import { nameOf, specOf, stringField, stringList } from '../../../shared/kube/spec-fields.js';
import { subnetCidrs } from '../../../shared/kubeovn/subnet.js';
import { isIpAddress } from '../../../shared/net/address.js';
import { cidrRange, formatCidr } from '../../../shared/net/cidr.js';
import { NetParseError } from '../../../shared/net/errors.js';
import type { IPRange } from '../../../shared/net/range.js';
import { RangeSet } from '../../../shared/net/range-set.js';
import { formatRange, rangeIntersection } from '../../../shared/net/ranges.js';
import { parseIpCidrOrKubeOvnRange } from '../../../shared/net/syntax.js';
import { deny, warn } from '../findings.js';
import type { AdmissionContext, Finding, ValidationRule } from '../types.js';
import { IPPOOL_IPS_INDEX, SUBNET_NAMESPACE_INDEX } from './indexes.js';

const RULE = 'kubeovn/ippool';

function check(ctx: AdmissionContext): Finding[] {
  const pool = ctx.object;
  const spec = specOf(pool);
  const subnetName = stringField(spec, 'subnet') ?? '';
  const out: Finding[] = [];
  if (isIpAddress(nameOf(pool))) {
    out.push(
      deny(RULE, 'metadata.name', `the name ${nameOf(pool)} is an IP address; IPPool names must not be`),
    );
  }
  const ranges: { index: number; range: IPRange }[] = [];
  stringList(spec, 'ips').forEach((entry, index) => {
    try {
      ranges.push({ index, range: parseIpCidrOrKubeOvnRange(entry) });
    } catch (error) {
      if (!(error instanceof NetParseError)) throw error;
      out.push(deny(RULE, `spec.ips[${index}]`, `${JSON.stringify(entry)}: ${error.reason}`, 'InvalidIPs'));
    }
  });

  const subnet = subnetName ? ctx.view.get(SUBNET, '', subnetName) : undefined;
  if (!subnet) {
    out.push(
      warn(
        RULE,
        'spec.subnet',
        `Subnet ${subnetName} does not exist (yet)`,
        'SubnetNotFound',
        `Subnet ${subnetName}`,
      ),
    );
  } else {
    const cidrs = subnetCidrs(subnet);
    const inside = RangeSet.of(cidrs.map(cidrRange));
    for (const { index, range } of ranges) {
      if (!inside.contains(range)) {
        out.push(
          warn(
            RULE,
            `spec.ips[${index}]`,
            `${formatRange(range)} is not inside ${cidrs.map(formatCidr).join(',')} of Subnet ${subnetName}; addresses outside it have no effect`,
            'OutsideSubnet',
            `Subnet ${subnetName}`,
          ),
        );
      }
    }
  }

  for (const { index, range } of ranges) {
    for (const hit of ctx.view.overlapping(IPPOOL, IPPOOL_IPS_INDEX, range)) {
      const other = hit.object;
      if (nameOf(other) === nameOf(pool) || stringField(specOf(other), 'subnet') !== subnetName) continue;
      const shared = rangeIntersection(range, hit.range);
      out.push(
        deny(
          RULE,
          `spec.ips[${index}]`,
          `${formatRange(range)} overlaps ${formatRange(hit.range)} of IPPool ${nameOf(other)} in Subnet ${subnetName}${shared ? ` at ${formatRange(shared)}` : ''}`,
          'IPPoolConflict',
          `IPPool ${nameOf(other)}`,
        ),
      );
    }
  }

  stringList(spec, 'namespaces').forEach((namespace, index) => {
    for (const other of ctx.view.byIndex(SUBNET, SUBNET_NAMESPACE_INDEX, namespace)) {
      if (nameOf(other) === subnetName) continue;
      out.push(
        warn(
          RULE,
          `spec.namespaces[${index}]`,
          `namespace ${namespace} is also bound to Subnet ${nameOf(other)}`,
          'NamespaceBoundTwice',
          `Subnet ${nameOf(other)}`,
        ),
      );
    }
  });
  return out;
}

export const ipPoolRule: ValidationRule = { id: RULE, kinds: [IPPOOL], check };
