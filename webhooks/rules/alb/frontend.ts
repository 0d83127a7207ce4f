import {
  ALB_LABEL,
  FRONTEND_PROJECT_LABEL,
  L4_PROTOCOLS,
  L7_PROTOCOLS,
  NAMESPACE_PROJECT_LABEL,
} from '../../../shared/kube/keys/alb.js';
import type { ModelView } from '../../../shared/kube/model/model-view.js';
import type { ALB2 as Alb, Frontend } from '../../../shared/kube/schemas/alb.js';
import { ALB_RULE, ALB2, FRONTEND } from '../../../shared/kube/schemas/alb.js';
import { NAMESPACE } from '../../../shared/kube/schemas/core.js';
import { deny, warn } from '../findings.js';
import type { AdmissionContext, Finding, ValidationRule } from '../types.js';
import { RULES_BY_FRONTEND_INDEX } from './indexes.js';
import { projectRangeOf } from './port-projects.js';
import { labelField, labelOf, portProjectsOf } from './read.js';
import { serviceGroupFindings } from './service-group.js';

const RULE = 'alb/frontend';

/** `<alb>-<port as 5 digits>`, e.g. alb-demo-00080. */
export function frontendName(alb: string, port: number): string {
  return `${alb}-${String(port).padStart(5, '0')}`;
}

function protocolFindings(frontend: Frontend): Finding[] {
  const { protocol, certificate_name: certificate, backendProtocol, serviceGroup } = frontend.spec;
  const out: Finding[] = [];
  if (protocol === 'https' && !certificate) {
    out.push(
      deny(
        RULE,
        'spec.certificate_name',
        'an https Frontend needs a certificate ("<namespace>/<secret>")',
        'CertificateRequired',
      ),
    );
  }
  const l4 = L4_PROTOCOLS.includes(protocol);
  if (l4 && (serviceGroup?.services ?? []).length === 0) {
    out.push(
      deny(
        RULE,
        'spec.serviceGroup.services',
        `a ${protocol} Frontend forwards to its serviceGroup, which needs at least one service`,
        'ServiceGroupRequired',
      ),
    );
  }
  if (backendProtocol) {
    const allowed = l4 ? [protocol] : L7_PROTOCOLS;
    if (!allowed.includes(backendProtocol)) {
      out.push(
        deny(
          RULE,
          'spec.backendProtocol',
          `"${backendProtocol}" is not a backend protocol of a ${protocol} Frontend (${allowed.join(', ')})`,
          'InvalidBackendProtocol',
        ),
      );
    }
  }
  return out;
}

/** The project a Frontend's port is for: its project label, else its namespace's project. */
function projectOf(frontend: Frontend, view: ModelView): string | undefined {
  const own = labelOf(frontend, FRONTEND_PROJECT_LABEL);
  if (own) return own;
  const namespace = view.get(NAMESPACE, '', frontend.metadata.namespace ?? '');
  return namespace ? labelOf(namespace, NAMESPACE_PROJECT_LABEL) : undefined;
}

function portProjectFindings(frontend: Frontend, alb: Alb, view: ModelView): Finding[] {
  const ranges = portProjectsOf(alb);
  if (!ranges) return [];
  const albName = `ALB2 ${alb.metadata.namespace}/${alb.metadata.name}`;
  const port = frontend.spec.port;
  const range = projectRangeOf(ranges, port);
  if (!range) {
    const assigned = ranges.map((r) => r.port).join(', ') || 'none yet';
    return [
      deny(
        RULE,
        'spec.port',
        `port ${port} is in no port range of ${albName} (assigned: ${assigned})`,
        'PortNotAssigned',
        albName,
      ),
    ];
  }
  const project = projectOf(frontend, view);
  if (project && !range.projects.includes(project)) {
    return [
      deny(
        RULE,
        'spec.port',
        `port ${port} is in range ${range.port} of ${albName}, assigned to ${range.projects.join(', ')}, not to project ${project}`,
        'PortOfOtherProject',
        albName,
      ),
    ];
  }
  return [];
}

/** Rules only apply to L7 Frontends: a Frontend that Rules name cannot become tcp or udp. */
function attachedRuleFindings(frontend: Frontend, view: ModelView): Finding[] {
  if (!L4_PROTOCOLS.includes(frontend.spec.protocol)) return [];
  const namespace = frontend.metadata.namespace ?? '';
  const key = `${namespace}|${frontend.metadata.name ?? ''}`;
  const names = view
    .byIndex(ALB_RULE, RULES_BY_FRONTEND_INDEX, key)
    .map((r) => r.metadata.name ?? '')
    .sort();
  if (names.length === 0) return [];
  return [
    deny(
      RULE,
      'spec.protocol',
      `a ${frontend.spec.protocol} Frontend takes no Rules, but ${names.length} Rule(s) name it (${names.join(', ')})`,
      'RulesOnL4Frontend',
      `Rule ${namespace}/${names[0]}`,
    ),
  ];
}

function check(ctx: AdmissionContext): Finding[] {
  const frontend = ctx.object as Frontend;
  const out = protocolFindings(frontend);
  out.push(...attachedRuleFindings(frontend, ctx.view));
  out.push(...serviceGroupFindings(RULE, frontend.spec.serviceGroup));
  const albName = labelOf(frontend, ALB_LABEL);
  if (!albName) {
    out.push(
      deny(
        RULE,
        labelField(ALB_LABEL),
        "the label naming the Frontend's ALB is required",
        'AlbLabelRequired',
      ),
    );
    return out;
  }
  const expected = frontendName(albName, frontend.spec.port);
  if (frontend.metadata.name !== expected) {
    out.push(
      deny(
        RULE,
        'metadata.name',
        `a Frontend of ALB ${albName} on port ${frontend.spec.port} must be named ${expected} (<alb>-<port as 5 digits>)`,
        'FrontendName',
      ),
    );
  }
  const namespace = frontend.metadata.namespace ?? '';
  const alb = ctx.view.get<Alb>(ALB2, namespace, albName);
  if (!alb) {
    out.push(
      warn(
        RULE,
        labelField(ALB_LABEL),
        `ALB2 ${namespace}/${albName} does not exist (yet)`,
        'AlbNotFound',
        `ALB2 ${namespace}/${albName}`,
      ),
    );
    return out;
  }
  out.push(...portProjectFindings(frontend, alb, ctx.view));
  return out;
}

export const frontendRule: ValidationRule = { id: RULE, kinds: [FRONTEND], check };

/** Warn when a Frontend goes while Rules still name it: they stop matching. */
export const frontendDeleteRule: ValidationRule = {
  id: 'alb/frontend-delete',
  kinds: [FRONTEND],
  operations: ['DELETE'],
  check(ctx) {
    const namespace = ctx.object.metadata.namespace ?? '';
    const name = ctx.object.metadata.name ?? '';
    const rules = ctx.view.byIndex(ALB_RULE, RULES_BY_FRONTEND_INDEX, `${namespace}|${name}`);
    if (rules.length === 0) return [];
    const names = rules.map((r) => r.metadata.name ?? '').sort();
    return [
      warn(
        'alb/frontend-delete',
        'metadata.name',
        `${names.length} Rule(s) (${names.join(', ')}) still name Frontend ${namespace}/${name} and stop matching`,
        'OrphanedRules',
        `Rule ${namespace}/${names[0]}`,
      ),
    ];
  },
};
