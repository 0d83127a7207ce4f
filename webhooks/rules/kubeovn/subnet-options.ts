import { SUBNET, type Subnet, type SubnetSpec, VLAN } from '../../../shared/kube/schemas/kubeovn.js';
import { NETWORK_ATTACHMENT_DEFINITION } from '../../../shared/kube/schemas/workloads.js';
import { providerAttachment } from '../../../shared/kubeovn/network-attachment.js';
import { subnetCidrs } from '../../../shared/kubeovn/subnet.js';
import { deny, warn } from '../findings.js';
import type { AdmissionContext, Finding, ValidationRule } from '../types.js';

const RULE = 'kubeovn/subnet-options';

const aclActions = ['allow', 'drop', 'allow-related'];
const aclDirections = ['to-lport', 'from-lport'];

function checkAcls(spec: SubnetSpec): Finding[] {
  const out: Finding[] = [];
  (spec.acls ?? []).forEach((acl, i) => {
    const field = `spec.acls[${i}]`;
    const action = acl.action;
    if (!action || !aclActions.includes(action)) {
      out.push(
        deny(
          RULE,
          `${field}.action`,
          `action ${JSON.stringify(action ?? '')} is not one of ${aclActions.join(', ')}`,
        ),
      );
    }
    const direction = acl.direction;
    if (!direction || !aclDirections.includes(direction)) {
      out.push(
        deny(
          RULE,
          `${field}.direction`,
          `direction ${JSON.stringify(direction ?? '')} is not one of ${aclDirections.join(', ')}`,
        ),
      );
    }
    const priority = acl.priority;
    if (priority !== undefined && (priority < 0 || priority > 32767)) {
      out.push(deny(RULE, `${field}.priority`, `priority ${priority} is outside 0-32767`));
    } else if (priority !== undefined && (priority < 1002 || priority > 1899)) {
      out.push(
        warn(
          RULE,
          `${field}.priority`,
          `priority ${priority} is outside 1002-1899 and may collide with Kube-OVN's own ACLs`,
        ),
      );
    }
  });
  return out;
}

function checkMtu(subnet: Subnet, old: Subnet | undefined): Finding[] {
  const mtu = subnet.spec?.mtu;
  if (mtu === undefined || mtu === 0) return [];
  const hasV6 = subnetCidrs(subnet).some((c) => c.family === 6);
  const min = hasV6 ? 1280 : 68;
  if (mtu < min || mtu > 9000) {
    return [
      deny(
        RULE,
        'spec.mtu',
        `mtu ${mtu} is outside ${min}-9000${hasV6 ? ' (IPv6 needs at least 1280)' : ''}`,
      ),
    ];
  }
  const oldMtu = old?.spec?.mtu;
  if (oldMtu && mtu > oldMtu) {
    return [
      warn(
        RULE,
        'spec.mtu',
        `mtu raised from ${oldMtu} to ${mtu}: existing pods keep the old MTU until recreated`,
      ),
    ];
  }
  return [];
}

function checkReferences(ctx: AdmissionContext<Subnet>): Finding[] {
  const spec = ctx.object.spec ?? {};
  const out: Finding[] = [];
  const vlan = spec.vlan;
  if (spec.u2oInterconnection && !vlan) {
    out.push(
      deny(
        RULE,
        'spec.u2oInterconnection',
        'u2oInterconnection applies only to underlay subnets (spec.vlan)',
      ),
    );
  }
  if (vlan && !ctx.view.get(VLAN, '', vlan)) {
    out.push(warn(RULE, 'spec.vlan', `Vlan ${vlan} does not exist (yet)`, 'VlanNotFound', `Vlan ${vlan}`));
  }
  const provider = spec.provider;
  if (provider && provider !== 'ovn') {
    const attachment = providerAttachment(provider);
    if (!attachment) {
      out.push(
        warn(
          RULE,
          'spec.provider',
          `provider ${JSON.stringify(provider)} is not "<attachment>.<namespace>[.ovn]"`,
        ),
      );
    } else if (!ctx.view.get(NETWORK_ATTACHMENT_DEFINITION, attachment.namespace, attachment.name)) {
      const other = `NetworkAttachmentDefinition ${attachment.namespace}/${attachment.name}`;
      out.push(warn(RULE, 'spec.provider', `${other} does not exist (yet)`, 'AttachmentNotFound', other));
    }
  }
  return out;
}

/** MTU bounds, ACL values, and the Vlan and attachment a subnet names. */
function check(ctx: AdmissionContext<Subnet>): Finding[] {
  return [
    ...checkMtu(ctx.object, ctx.operation === 'UPDATE' ? ctx.oldObject : undefined),
    ...checkAcls(ctx.object.spec ?? {}),
    ...checkReferences(ctx),
  ];
}

export const subnetOptionsRule: ValidationRule<Subnet> = {
  id: RULE,
  kinds: [SUBNET],
  reasons: ['VlanNotFound', 'AttachmentNotFound'],
  guide: 'Kube-OVN 网络',
  check,
};
