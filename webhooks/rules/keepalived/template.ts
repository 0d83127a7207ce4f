import { canonicalAddress } from '../../../shared/keepalived/backends.js';
import {
  albReference,
  isKeepalivedConfigMap,
  KEEPALIVED_LABEL,
  TEMPLATE_KEY,
} from '../../../shared/keepalived/configmap.js';
import { templateProblems } from '../../../shared/keepalived/problems.js';
import { type KeepalivedTemplate, readTemplate } from '../../../shared/keepalived/read-template.js';
import {
  formatTemplatePath,
  KEEPALIVED_PROBLEM_CODES,
  type TemplateProblem,
} from '../../../shared/keepalived/template-problem.js';
import type { ModelView } from '../../../shared/kube/model/model-view.js';
import { ALB2 } from '../../../shared/kube/schemas/alb.js';
import { CONFIG_MAP, type ConfigMap } from '../../../shared/kube/schemas/core.js';
import { deny, warn } from '../findings.js';
import type { Reason } from '../reasons.js';
import type { AdmissionContext, Finding, ValidationRule } from '../types.js';
import { KEEPALIVED_VIP_INDEX } from './indexes.js';

const RULE = 'keepalived/template';
const FIELD = `data["${TEMPLATE_KEY}"]`;
/** Every problem code is a reason of the catalogue (checked by the compiler here). */
const REASONS: readonly Reason[] = KEEPALIVED_PROBLEM_CODES;

function fieldOf(problem: TemplateProblem): string {
  return problem.path.length === 0 ? FIELD : `${FIELD}.${formatTemplatePath(problem.path)}`;
}

function findingOf(problem: TemplateProblem, demoted: boolean): Finding {
  const where = problem.line === undefined ? '' : ` (${TEMPLATE_KEY} line ${problem.line})`;
  const make = problem.severity === 'error' && !demoted ? deny : warn;
  return make(RULE, fieldOf(problem), `${problem.message}${where}`, problem.code);
}

/** VIPs another keepalived ConfigMap already holds: two groups of LB hosts would fight over them. */
function otherConfigMapVips(
  configMap: ConfigMap,
  template: KeepalivedTemplate,
  view: ModelView,
  demoted: boolean,
): Finding[] {
  const self = `${configMap.metadata.namespace ?? ''}/${configMap.metadata.name ?? ''}`;
  const out: Finding[] = [];
  for (const { instance, path } of template.instances) {
    const vip = canonicalAddress(instance.vip);
    if (vip === undefined) continue;
    const other = view
      .byIndex(CONFIG_MAP, KEEPALIVED_VIP_INDEX, vip)
      .find((o) => `${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}` !== self);
    if (!other) continue;
    const described = `ConfigMap ${other.metadata.namespace}/${other.metadata.name}`;
    const line = template.lineOf([...path, 'vip']);
    out.push(
      (demoted ? warn : deny)(
        RULE,
        `${FIELD}.${formatTemplatePath([...path, 'vip'])}`,
        `VIP ${instance.vip} is already a VIP of ${described}, another group of LB hosts${line === undefined ? '' : ` (${TEMPLATE_KEY} line ${line})`}`,
        'DuplicateVip',
        described,
      ),
    );
  }
  return out;
}

/** ALB2s that instances take their backends from and that do not exist (yet): advice only. */
function missingAlbs(configMap: ConfigMap, template: KeepalivedTemplate, view: ModelView): Finding[] {
  const out: Finding[] = [];
  for (const { instance, path } of template.instances) {
    if (instance.alb === undefined) continue;
    const ref = albReference(instance.alb, configMap.metadata.namespace ?? '');
    if (view.get(ALB2, ref.namespace, ref.name)) continue;
    const line = template.lineOf([...path, 'alb']);
    out.push(
      warn(
        RULE,
        `${FIELD}.${formatTemplatePath([...path, 'alb'])}`,
        `ALB2 ${ref.namespace}/${ref.name} does not exist (yet); the instance has no backends until it does${line === undefined ? '' : ` (${TEMPLATE_KEY} line ${line})`}`,
        'AlbNotFound',
      ),
    );
  }
  return out;
}

/** An UPDATE that leaves the template as it was (e.g. the rendered alive.yaml being written). */
function templateUnchanged(ctx: AdmissionContext<ConfigMap>): boolean {
  return (
    ctx.operation === 'UPDATE' && ctx.oldObject?.data?.[TEMPLATE_KEY] === ctx.object.data?.[TEMPLATE_KEY]
  );
}

function check(ctx: AdmissionContext<ConfigMap>): Finding[] {
  const configMap = ctx.object;
  if (!isKeepalivedConfigMap(configMap)) return [];
  const text = configMap.data?.[TEMPLATE_KEY];
  if (text === undefined) {
    return [
      deny(
        RULE,
        FIELD,
        `is required in a ConfigMap labelled ${KEEPALIVED_LABEL}: "true": the instances of alive.yaml, each naming its ALB2 (alb)`,
        'InvalidKeepalivedTemplate',
      ),
    ];
  }
  // A template admitted before (or before this webhook) does not block other changes of its ConfigMap.
  const demoted = templateUnchanged(ctx);
  const reading = readTemplate(text);
  if (!reading.template) return reading.problems.map((p) => findingOf(p, demoted));
  const template = reading.template;
  return [
    ...templateProblems(template).map((p) => findingOf(p, demoted)),
    ...otherConfigMapVips(configMap, template, ctx.view, demoted),
    ...missingAlbs(configMap, template, ctx.view),
  ];
}

/**
 * A keepalived ConfigMap (label acpnet.io/keepalived: "true") holds in template.yaml the instances of
 * alive.yaml: every instance usable by the platform's keepalived image and by a plain keepalived,
 * VIPs unique across all such ConfigMaps, and the ALB2 each instance forwards to present.
 */
export const keepalivedTemplateRule: ValidationRule<ConfigMap> = {
  id: RULE,
  kinds: [CONFIG_MAP],
  reasons: REASONS,
  guide: '软数据中心 LB 方案 (Alpha)',
  check,
};
