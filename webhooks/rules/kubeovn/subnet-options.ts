import type { KubeObject } from '../../../shared/kube/object.js';
import { SUBNET, VLAN } from '../../../shared/kube/schemas/kubeovn.js';
import { objectName } from '../../../shared/kube/schemas/meta.js';
import { NETWORK_ATTACHMENT_DEFINITION } from '../../../shared/kube/schemas/workloads.js';
import { boolField, numberField, objectList, specOf, stringField } from '../../../shared/kube/spec-fields.js';
import { subnetCidrs } from '../../../shared/kubeovn/subnet.js';
import { isIpAddress } from '../../../shared/net/address.js';
import { deny, warn } from '../findings.js';
import type { AdmissionContext, Finding, ValidationRule } from '../types.js';

const GATEWAY_RULE = 'kubeovn/subnet-gateway-settings';
const OPTIONS_RULE = 'kubeovn/subnet-options';

/** `n1,n2` or `n1:ip,n2:ip` (spaces after commas tolerated, as in the guide's example). */
function gatewayNodeProblems(value: string): string[] {
  const out: string[] = [];
  for (const raw of value.split(',')) {
    const entry = raw.trim();
    const [node = '', address, ...rest] = entry.split(':');
    if (!objectName.safeParse(node).success)
      out.push(`${JSON.stringify(entry)}: ${JSON.stringify(node)} is not a node name`);
    else if (rest.length > 0 || (address !== undefined && !isIpAddress(address))) {
      out.push(`${JSON.stringify(entry)}: expected "node" or "node:ip"`);
    }
  }
  return out;
}

function checkGatewaySettings(ctx: AdmissionContext): Finding[] {
  const spec = specOf(ctx.object);
  const type = stringField(spec, 'gatewayType') || 'distributed';
  if (type !== 'distributed' && type !== 'centralized') {
    return [
      deny(
        GATEWAY_RULE,
        'spec.gatewayType',
        `unknown gatewayType ${JSON.stringify(type)} (distributed or centralized)`,
      ),
    ];
  }
  const out: Finding[] = [];
  const gatewayNode = stringField(spec, 'gatewayNode') ?? '';
  const selectors = objectList(spec, 'gatewayNodeSelectors');
  if (gatewayNode) {
    for (const problem of gatewayNodeProblems(gatewayNode))
      out.push(deny(GATEWAY_RULE, 'spec.gatewayNode', problem));
  }
  if (type === 'centralized') {
    if (!gatewayNode && selectors.length === 0) {
      out.push(
        deny(
          GATEWAY_RULE,
          'spec.gatewayNode',
          'a centralized gateway needs gatewayNode or gatewayNodeSelectors',
        ),
      );
    }
    if (gatewayNode && selectors.length > 0) {
      out.push(
        warn(GATEWAY_RULE, 'spec.gatewayNodeSelectors', 'ignored: gatewayNode is set and takes precedence'),
      );
    }
  } else if (boolField(spec, 'enableEcmp')) {
    out.push(warn(GATEWAY_RULE, 'spec.enableEcmp', 'ECMP only applies to centralized gateways'));
  }
  return out;
}

const aclActions = ['allow', 'drop', 'allow-related'];
const aclDirections = ['to-lport', 'from-lport'];

function checkAcls(spec: Record<string, unknown>): Finding[] {
  const out: Finding[] = [];
  objectList(spec, 'acls').forEach((acl, i) => {
    const field = `spec.acls[${i}]`;
    const action = stringField(acl, 'action');
    if (!action || !aclActions.includes(action)) {
      out.push(
        deny(
          OPTIONS_RULE,
          `${field}.action`,
          `action ${JSON.stringify(action ?? '')} is not one of ${aclActions.join(', ')}`,
        ),
      );
    }
    const direction = stringField(acl, 'direction');
    if (!direction || !aclDirections.includes(direction)) {
      out.push(
        deny(
          OPTIONS_RULE,
          `${field}.direction`,
          `direction ${JSON.stringify(direction ?? '')} is not one of ${aclDirections.join(', ')}`,
        ),
      );
    }
    const priority = numberField(acl, 'priority');
    if (priority !== undefined && (priority < 0 || priority > 32767)) {
      out.push(deny(OPTIONS_RULE, `${field}.priority`, `priority ${priority} is outside 0-32767`));
    } else if (priority !== undefined && (priority < 1002 || priority > 1899)) {
      out.push(
        warn(
          OPTIONS_RULE,
          `${field}.priority`,
          `priority ${priority} is outside 1002-1899 and may collide with Kube-OVN's own ACLs`,
        ),
      );
    }
  });
  return out;
}

function checkMtu(obj: KubeObject, old: KubeObject | undefined): Finding[] {
  const mtu = numberField(specOf(obj), 'mtu');
  if (mtu === undefined || mtu === 0) return [];
  const hasV6 = subnetCidrs(obj).some((c) => c.family === 6);
  const min = hasV6 ? 1280 : 68;
  if (mtu < min || mtu > 9000) {
    return [
      deny(
        OPTIONS_RULE,
        'spec.mtu',
        `mtu ${mtu} is outside ${min}-9000${hasV6 ? ' (IPv6 needs at least 1280)' : ''}`,
      ),
    ];
  }
  const oldMtu = old ? numberField(specOf(old), 'mtu') : undefined;
  if (oldMtu && mtu > oldMtu) {
    return [
      warn(
        OPTIONS_RULE,
        'spec.mtu',
        `mtu raised from ${oldMtu} to ${mtu}: existing pods keep the old MTU until recreated`,
      ),
    ];
  }
  return [];
}

/** `<nad>.<namespace>` or `<nad>.<namespace>.ovn` -> the NetworkAttachmentDefinition it names. */
function providerAttachment(provider: string): { namespace: string; name: string } | undefined {
  const parts = provider.split('.');
  if (parts.length === 3 && parts[2] === 'ovn') parts.pop();
  if (parts.length !== 2 || !parts[0] || !parts[1]) return undefined;
  return { name: parts[0], namespace: parts[1] };
}

function checkReferences(ctx: AdmissionContext): Finding[] {
  const spec = specOf(ctx.object);
  const out: Finding[] = [];
  const vlan = stringField(spec, 'vlan');
  if (boolField(spec, 'u2oInterconnection') && !vlan) {
    out.push(
      deny(
        OPTIONS_RULE,
        'spec.u2oInterconnection',
        'u2oInterconnection applies only to underlay subnets (spec.vlan)',
      ),
    );
  }
  if (vlan && !ctx.view.get(VLAN, '', vlan)) {
    out.push(
      warn(OPTIONS_RULE, 'spec.vlan', `Vlan ${vlan} does not exist (yet)`, 'VlanNotFound', `Vlan ${vlan}`),
    );
  }
  const provider = stringField(spec, 'provider');
  if (provider && provider !== 'ovn') {
    const attachment = providerAttachment(provider);
    if (!attachment) {
      out.push(
        warn(
          OPTIONS_RULE,
          'spec.provider',
          `provider ${JSON.stringify(provider)} is not "<attachment>.<namespace>[.ovn]"`,
        ),
      );
    } else if (!ctx.view.get(NETWORK_ATTACHMENT_DEFINITION, attachment.namespace, attachment.name)) {
      const other = `NetworkAttachmentDefinition ${attachment.namespace}/${attachment.name}`;
      out.push(
        warn(OPTIONS_RULE, 'spec.provider', `${other} does not exist (yet)`, 'AttachmentNotFound', other),
      );
    }
  }
  return out;
}

export const subnetGatewaySettingsRule: ValidationRule = {
  id: GATEWAY_RULE,
  kinds: [SUBNET],
  check: checkGatewaySettings,
};

export const subnetOptionsRule: ValidationRule = {
  id: OPTIONS_RULE,
  kinds: [SUBNET],
  check: (ctx) => [
    ...checkMtu(ctx.object, ctx.operation === 'UPDATE' ? ctx.oldObject : undefined),
    ...checkAcls(specOf(ctx.object)),
    ...checkReferences(ctx),
  ],
};
