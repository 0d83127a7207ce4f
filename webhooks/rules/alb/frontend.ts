import { frontendName } from '../../../shared/alb/names.js';
import { portProjectsOf, projectRangeOf } from '../../../shared/alb/port-projects.js';
import { namespaceProject } from '../../../shared/alb/projects.js';
import {
  ALB_LABEL,
  FRONTEND_PROJECT_LABEL,
  L4_PROTOCOLS,
  L7_PROTOCOLS,
} from '../../../shared/kube/keys/alb.js';
import type { ModelView } from '../../../shared/kube/model/model-view.js';
import type { ALB2 as Alb, Frontend } from '../../../shared/kube/schemas/alb.js';
import { ALB_RULE, ALB2, FRONTEND } from '../../../shared/kube/schemas/alb.js';
import { deny, warn } from '../findings.js';
import type { AdmissionContext, Finding, ValidationRule } from '../types.js';
import { namespacedKey, RULES_BY_FRONTEND_INDEX } from './indexes.js';
import { labelField, labelOf } from './lib/labels.js';
import { SERVICE_GROUP_REASONS, serviceGroupFindings } from './lib/service-group.js';

const RULE = 'alb/frontend';

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
  return (
    labelOf(frontend, FRONTEND_PROJECT_LABEL) ??
    (namespaceProject(view, frontend.metadata.namespace ?? '') || undefined)
  );
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
  const names = view
    .byIndex(ALB_RULE, RULES_BY_FRONTEND_INDEX, namespacedKey(namespace, frontend.metadata.name))
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

/** The ALB label, the name it implies, and the port ranges of the ALB when it assigns ports to projects. */
function albFindings(frontend: Frontend, view: ModelView): Finding[] {
  const albName = labelOf(frontend, ALB_LABEL);
  if (!albName) {
    return [
      deny(
        RULE,
        labelField(ALB_LABEL),
        "the label naming the Frontend's ALB is required",
        'AlbLabelRequired',
      ),
    ];
  }
  const out: Finding[] = [];
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
  const alb = view.get(ALB2, namespace, albName);
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
  out.push(...portProjectFindings(frontend, alb, view));
  return out;
}

function check(ctx: AdmissionContext<Frontend>): Finding[] {
  const frontend = ctx.object;
  return [
    ...protocolFindings(frontend),
    ...attachedRuleFindings(frontend, ctx.view),
    ...serviceGroupFindings(RULE, frontend.spec.serviceGroup),
    ...albFindings(frontend, ctx.view),
  ];
}

/** Frontend: protocol, certificate and backend, its name and ALB, and the port ranges of port projects. */
export const frontendRule: ValidationRule<Frontend> = {
  id: RULE,
  kinds: [FRONTEND],
  reasons: [
    'CertificateRequired',
    'ServiceGroupRequired',
    'InvalidBackendProtocol',
    'RulesOnL4Frontend',
    ...SERVICE_GROUP_REASONS,
    'AlbLabelRequired',
    'FrontendName',
    'AlbNotFound',
    'PortNotAssigned',
    'PortOfOtherProject',
  ],
  guide: '配置 Frontend',
  check,
};
