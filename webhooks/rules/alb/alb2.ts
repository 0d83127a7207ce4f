import { parsePortProjects, portProjectsOf, projectRangeOf } from '../../../shared/alb/port-projects.js';
import { albProjects, albReplicas, sslDefaults } from '../../../shared/alb/settings.js';
import type { ModelView } from '../../../shared/kube/model/model-view.js';
import type { ALB2 as Alb } from '../../../shared/kube/schemas/alb.js';
import { ALB2, FRONTEND } from '../../../shared/kube/schemas/alb.js';
import { isIpAddress } from '../../../shared/net/address.js';
import { deny, warn } from '../findings.js';
import type { AdmissionContext, Finding, ValidationRule } from '../types.js';
import { FRONTENDS_BY_ALB_INDEX, namespacedKey } from './indexes.js';

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

function replicaFindings(alb: Alb): Finding[] {
  const replicas = albReplicas(alb);
  if (!replicas || replicas.value >= 1) return [];
  return [deny(RULE, replicas.field, `replicas ${replicas.value} must be at least 1`, 'InvalidReplicas')];
}

function projectFindings(alb: Alb): Finding[] {
  if (alb.spec.config?.enablePortProject === true) return [];
  const projects = albProjects(alb);
  if ((projects?.value ?? []).filter(Boolean).length > 0) return [];
  return [
    deny(
      RULE,
      projects?.field ?? 'spec.config.projects',
      'at least one project is required (ALL_ALL for every project), unless spec.config.enablePortProject assigns ports to projects',
      'ProjectsRequired',
    ),
  ];
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
  const { strategy, certificate } = sslDefaults(alb);
  if (strategy === 'Never' || certificate) return [];
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
  const key = namespacedKey(namespace, alb.metadata.name);
  for (const frontend of view.byIndex(FRONTEND, FRONTENDS_BY_ALB_INDEX, key)) {
    const port = frontend.spec.port;
    if (projectRangeOf(ranges, port)) continue;
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

function check(ctx: AdmissionContext<Alb>): Finding[] {
  const alb = ctx.object;
  return [
    ...addressFindings(alb),
    ...replicaFindings(alb),
    ...projectFindings(alb),
    ...portProjectFindings(alb),
    ...sslStrategyFindings(alb),
    ...strandedFrontendFindings(alb, ctx.view),
  ];
}

/** ALB2: address, replicas, projects or port projects, and the default SSL strategy's certificate. */
export const alb2Rule: ValidationRule<Alb> = {
  id: RULE,
  kinds: [ALB2],
  reasons: [
    'AddressRequired',
    'InvalidAddress',
    'InvalidReplicas',
    'ProjectsRequired',
    'PortProjectsIgnored',
    'InvalidPortProjects',
    'DefaultCertificateMissing',
    'FrontendOutsidePortRanges',
  ],
  guide: '配置 ALB',
  check,
};
