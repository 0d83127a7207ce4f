import { SERVICE } from '../../../shared/kube/schemas/core.js';
import { deny } from '../findings.js';
import type { AdmissionContext, Finding, ValidationRule } from '../types.js';
import { elbAutocreateProblems } from './lib/elb-autocreate.js';

const RULE = 'service/cloud-annotations';

/** The LoadBalancer annotations of the cloud providers the guide documents, with its values. */
export const documentedValues: Readonly<Record<string, readonly string[]>> = {
  'service.beta.kubernetes.io/aws-load-balancer-type': ['external'],
  'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type': ['instance', 'ip'],
  'service.beta.kubernetes.io/aws-load-balancer-scheme': ['internal', 'internet-facing'],
  'service.beta.kubernetes.io/aws-load-balancer-ip-address-type': ['ipv4', 'dualstack'],
  'kubernetes.io/elb.class': ['union', 'performance'],
  'service.beta.kubernetes.io/azure-load-balancer-internal': ['true', 'false'],
  'networking.gke.io/load-balancer-type': ['Internal'],
  'cloud.google.com/l4-rbs': ['enabled'],
};

export const ELB_AUTOCREATE = 'kubernetes.io/elb.autocreate';

function valueFinding(annotation: string, value: string, allowed: readonly string[]): Finding | undefined {
  if (allowed.includes(value)) return undefined;
  const caseOnly = allowed.find((a) => a.toLowerCase() === value.toLowerCase());
  const hint = caseOnly ? `; values are case-sensitive, write ${JSON.stringify(caseOnly)}` : '';
  return deny(
    RULE,
    `metadata.annotations[${annotation}]`,
    `${JSON.stringify(value)} is not one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}${hint}`,
    'InvalidAnnotationValue',
  );
}

function check(ctx: AdmissionContext): Finding[] {
  const out: Finding[] = [];
  for (const [annotation, value] of Object.entries(ctx.object.metadata.annotations ?? {})) {
    const allowed = documentedValues[annotation];
    if (allowed) {
      const finding = valueFinding(annotation, value, allowed);
      if (finding) out.push(finding);
    }
    if (annotation === ELB_AUTOCREATE)
      for (const problem of elbAutocreateProblems(value))
        out.push(deny(RULE, `metadata.annotations[${ELB_AUTOCREATE}]`, problem, 'InvalidAnnotationValue'));
  }
  return out;
}

export const serviceCloudAnnotationsRule: ValidationRule = {
  id: RULE,
  kinds: [SERVICE],
  reasons: ['InvalidAnnotationValue'],
  guide: 'LoadBalancer 类型 Service 注解',
  check,
};
