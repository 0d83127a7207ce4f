import { dslxProblems } from '../../../shared/alb/dslx.js';
import { isFrontendNameOf } from '../../../shared/alb/names.js';
import { ALB_LABEL, FRONTEND_LABEL, L7_PROTOCOLS } from '../../../shared/kube/keys/alb.js';
import type { Rule } from '../../../shared/kube/schemas/alb.js';
import { ALB_RULE, FRONTEND } from '../../../shared/kube/schemas/alb.js';
import { deny, warn } from '../findings.js';
import type { AdmissionContext, Finding, ValidationRule } from '../types.js';
import { labelField, labelOf } from './lib/labels.js';
import { SERVICE_GROUP_REASONS, serviceGroupFindings } from './lib/service-group.js';

const RULE = 'alb/rule';

/** The labels tie a Rule to one Frontend of one ALB; the Frontend, when present, must agree. */
function attachmentFindings(ctx: AdmissionContext<Rule>): Finding[] {
  const rule = ctx.object;
  const albName = labelOf(rule, ALB_LABEL);
  const frontendName = labelOf(rule, FRONTEND_LABEL);
  const out: Finding[] = [];
  if (!frontendName)
    out.push(
      deny(
        RULE,
        labelField(FRONTEND_LABEL),
        "the label naming the Rule's Frontend is required",
        'FrontendLabelRequired',
      ),
    );
  if (!albName)
    out.push(
      deny(RULE, labelField(ALB_LABEL), "the label naming the Rule's ALB is required", 'AlbLabelRequired'),
    );
  if (!albName || !frontendName) return out;
  const namespace = rule.metadata.namespace ?? '';
  const described = `Frontend ${namespace}/${frontendName}`;
  const frontend = ctx.view.get(FRONTEND, namespace, frontendName);
  if (!frontend) {
    if (!isFrontendNameOf(albName, frontendName)) {
      out.push(
        deny(
          RULE,
          labelField(FRONTEND_LABEL),
          `${frontendName} cannot be a Frontend of ALB ${albName}: Frontends are named <alb>-<port as 5 digits>`,
          'FrontendOfOtherAlb',
        ),
      );
    } else {
      out.push(
        warn(
          RULE,
          labelField(FRONTEND_LABEL),
          `${described} does not exist (yet); the Rule matches nothing`,
          'FrontendNotFound',
          described,
        ),
      );
    }
    return out;
  }
  const frontendAlb = labelOf(frontend, ALB_LABEL);
  if (frontendAlb !== albName) {
    out.push(
      deny(
        RULE,
        labelField(ALB_LABEL),
        `names ALB ${albName} but ${described} belongs to ALB ${frontendAlb ?? '(none)'}`,
        'FrontendOfOtherAlb',
        described,
      ),
    );
  }
  const protocol = frontend.spec.protocol;
  if (!L7_PROTOCOLS.includes(protocol)) {
    out.push(
      deny(
        RULE,
        labelField(FRONTEND_LABEL),
        `${described} is ${protocol}; Rules only apply to ${L7_PROTOCOLS.join(', ')} Frontends`,
        'RuleOnL4Frontend',
        described,
      ),
    );
  }
  if ((protocol === 'http' || protocol === 'grpc') && rule.spec.certificate_name) {
    out.push(
      warn(
        RULE,
        'spec.certificate_name',
        `${described} is ${protocol}, so the certificate is never served; certificates apply on https and grpcs Frontends`,
        'CertificateOnPlainFrontend',
        described,
      ),
    );
  }
  return out;
}

function backendProtocolFindings(rule: Rule): Finding[] {
  const backend = rule.spec.backendProtocol;
  if (!backend || L7_PROTOCOLS.includes(backend)) return [];
  return [
    deny(
      RULE,
      'spec.backendProtocol',
      `"${backend}" is not a backend protocol of a Rule (${L7_PROTOCOLS.join(', ')})`,
      'InvalidBackendProtocol',
    ),
  ];
}

function check(ctx: AdmissionContext<Rule>): Finding[] {
  const rule = ctx.object;
  return [
    ...attachmentFindings(ctx),
    ...dslxProblems(rule.spec.dslx ?? []).map((p) => deny(RULE, p.field, p.message, 'InvalidDslx')),
    ...backendProtocolFindings(rule),
    ...serviceGroupFindings(RULE, rule.spec.serviceGroup),
  ];
}

/** ALB Rule: Frontend and ALB labels, dslx grammar, backend protocol and weighted services. */
export const albRuleRule: ValidationRule<Rule> = {
  id: RULE,
  kinds: [ALB_RULE],
  reasons: [
    'FrontendLabelRequired',
    'AlbLabelRequired',
    'FrontendOfOtherAlb',
    'FrontendNotFound',
    'RuleOnL4Frontend',
    'CertificateOnPlainFrontend',
    'InvalidDslx',
    'InvalidBackendProtocol',
    ...SERVICE_GROUP_REASONS,
  ],
  guide: 'Rule',
  check,
};
