import type { ModelView } from '../../../shared/kube/model/model-view.js';
import type { ALB2 as Alb, Frontend } from '../../../shared/kube/schemas/alb.js';
import { ALB2, FRONTEND } from '../../../shared/kube/schemas/alb.js';
import { isIpAddress } from '../../../shared/net/address.js';
import { deny, warn } from '../findings.js';
import type { AdmissionContext, Finding, ValidationRule } from '../types.js';
import { FRONTENDS_BY_ALB_INDEX } from './indexes.js';
import { parsePortProjects, projectRangeOf } from './port-projects.js';
import { albSetting, portProjectsOf } from './read.js';

const RULE = 'alb/alb2';
const DNS_NAME = /^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

function addressFindings(alb: Alb): Finding[] {
  const address = alb.spec.address?.trim() ?? '';
  if (!address)
    return [
      deny(
        RULE,
        'spec.address',
        'address is required (the IPs or domain users reach the ALB at)',
        'AddressRequired',
      ),
    ];
  const out: Finding[] = [];
  for (const entry of address.split(',').map((e) => e.trim())) {
    if (!isIpAddress(entry) && (!DNS_NAME.test(entry) || /^[\d.]+$/.test(entry))) {
      out.push(
        deny(RULE, 'spec.address', `"${entry}" is neither an IP address nor a DNS name`, 'InvalidAddress'),
      );
    }
  }
  return out;
}

function portProjectFindings(alb: Alb): Finding[] {
  const config = alb.spec.config;
  if (config?.portProjects === undefined) return [];
  const out: Finding[] = [];
  if (!config.enablePortProject) {
    out.push(
      warn(
        RULE,
        'spec.config.portProjects',
        'has no effect unless spec.config.enablePortProject is true',
        'PortProjectsIgnored',
      ),
    );
  }
  for (const problem of parsePortProjects(config.portProjects).problems) {
    out.push(deny(RULE, 'spec.config.portProjects', problem.message, 'InvalidPortProjects'));
  }
  return out;
}

/** Without a default certificate the strategy has nothing to serve: Ingresses stay on http. */
function sslStrategyFindings(alb: Alb): Finding[] {
  const strategy = alb.spec.config?.defaultSSLStrategy;
  if (!strategy || strategy === 'Never' || alb.spec.config?.defaultSSLCert) return [];
  return [
    warn(
      RULE,
      'spec.config.defaultSSLStrategy',
      `${strategy} needs spec.config.defaultSSLCert ("<namespace>/<secret>"); without it Ingresses without a certificate get no https rules`,
      'DefaultCertificateMissing',
    ),
  ];
}

/** Existing Frontends of this ALB whose ports the (new) port ranges no longer cover. */
function strandedFrontendFindings(alb: Alb, view: ModelView): Finding[] {
  const ranges = portProjectsOf(alb);
  if (!ranges) return [];
  const namespace = alb.metadata.namespace ?? '';
  const out: Finding[] = [];
  const frontends = view.byIndex<Frontend>(
    FRONTEND,
    FRONTENDS_BY_ALB_INDEX,
    `${namespace}|${alb.metadata.name ?? ''}`,
  );
  for (const frontend of frontends) {
    const port = frontend.spec?.port;
    if (typeof port !== 'number' || projectRangeOf(ranges, port)) continue;
    const described = `Frontend ${namespace}/${frontend.metadata.name ?? ''}`;
    out.push(
      warn(
        RULE,
        'spec.config.portProjects',
        `port ${port} of ${described} is in no port range`,
        'FrontendOutsidePortRanges',
        described,
      ),
    );
  }
  return out;
}

function check(ctx: AdmissionContext): Finding[] {
  const alb = ctx.object as Alb;
  const out = addressFindings(alb);
  const replicas = albSetting(alb, 'replicas');
  if (replicas && replicas.value !== undefined && replicas.value < 1) {
    out.push(deny(RULE, replicas.field, `replicas ${replicas.value} must be at least 1`, 'InvalidReplicas'));
  }
  const portMode = alb.spec.config?.enablePortProject === true;
  const projects = albSetting(alb, 'projects');
  if (!portMode && (projects?.value ?? []).filter(Boolean).length === 0) {
    out.push(
      deny(
        RULE,
        projects?.field ?? 'spec.config.projects',
        'at least one project is required (ALL_ALL for every project), unless spec.config.enablePortProject assigns ports to projects',
        'ProjectsRequired',
      ),
    );
  }
  out.push(
    ...portProjectFindings(alb),
    ...sslStrategyFindings(alb),
    ...strandedFrontendFindings(alb, ctx.view),
  );
  return out;
}

export const alb2Rule: ValidationRule = { id: RULE, kinds: [ALB2], check };

/** The guide: deleting a load balancer deletes its ports and rules, and they cannot be restored. */
export const alb2DeleteRule: ValidationRule = {
  id: 'alb/alb2-delete',
  kinds: [ALB2],
  operations: ['DELETE'],
  check(ctx) {
    const namespace = ctx.object.metadata.namespace ?? '';
    const name = ctx.object.metadata.name ?? '';
    const frontends = ctx.view.byIndex(FRONTEND, FRONTENDS_BY_ALB_INDEX, `${namespace}|${name}`);
    if (frontends.length === 0) return [];
    const names = frontends.map((f) => f.metadata.name ?? '').sort();
    return [
      warn(
        'alb/alb2-delete',
        'metadata.name',
        `deleting ALB ${namespace}/${name} also deletes its ${names.length} Frontend(s) (${names.join(', ')}) and their Rules; they cannot be restored`,
        'CascadingDelete',
        `Frontend ${namespace}/${names[0]}`,
      ),
    ];
  },
};
