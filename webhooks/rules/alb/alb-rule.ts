import { ALB_LABEL, FRONTEND_LABEL, L7_PROTOCOLS } from '../../../shared/kube/keys/alb.js';
import type { Frontend, Rule } from '../../../shared/kube/schemas/alb.js';
import { ALB_RULE, FRONTEND } from '../../../shared/kube/schemas/alb.js';
import { deny, warn } from '../findings.js';
import type { AdmissionContext, Finding, ValidationRule } from '../types.js';
import { dslxProblems } from './dslx.js';
import { labelField, labelOf } from './read.js';
import { serviceGroupFindings } from './service-group.js';

const RULE = 'alb/rule';

/** Frontends are named `<alb>-<port as 5 digits>` (rule alb/frontend). */
function isFrontendNameOf(alb: string, frontend: string): boolean {
  return frontend.startsWith(`${alb}-`) && /^\d{5}$/.test(frontend.slice(alb.length + 1));
}

/** The labels tie a Rule to one Frontend of one ALB; the Frontend, when present, must agree. */
function attachmentFindings(ctx: AdmissionContext, rule: Rule): Finding[] {
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
  const frontend = ctx.view.get<Frontend>(FRONTEND, namespace, frontendName);
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
  const protocol = frontend.spec?.protocol;
  if (typeof protocol === 'string' && !L7_PROTOCOLS.includes(protocol)) {
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

function check(ctx: AdmissionContext): Finding[] {
  const rule = ctx.object as Rule;
  const out = attachmentFindings(ctx, rule);
  for (const problem of dslxProblems(rule.spec.dslx ?? []))
    out.push(deny(RULE, problem.field, problem.message, 'InvalidDslx'));
  const backend = rule.spec.backendProtocol;
  if (backend && !L7_PROTOCOLS.includes(backend)) {
    out.push(
      deny(
        RULE,
        'spec.backendProtocol',
        `"${backend}" is not a backend protocol of a Rule (${L7_PROTOCOLS.join(', ')})`,
        'InvalidBackendProtocol',
      ),
    );
  }
  out.push(...serviceGroupFindings(RULE, rule.spec.serviceGroup));
  return out;
}

/** ALB Rule: Frontend and ALB labels, dslx grammar, backend protocol and weighted services. */
export const albRuleRule: ValidationRule = { id: RULE, kinds: [ALB_RULE], check };
