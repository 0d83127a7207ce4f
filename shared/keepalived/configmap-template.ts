import type { ConfigMap } from '../kube/schemas/core.js';
import { TEMPLATE_KEY } from './configmap.js';
import { templateProblems } from './problems.js';
import { type KeepalivedTemplate, readTemplate } from './read-template.js';
import { type TemplateProblem, templateError } from './template-problem.js';

/** A keepalived ConfigMap's template.yaml, read and checked. */
export interface ConfigMapTemplate {
  /** Present when template.yaml reads and has no error: what a host can be given. */
  template?: KeepalivedTemplate;
  /** Every problem (errors first make the template unusable), each with its line. */
  problems: readonly TemplateProblem[];
}

const readings = new WeakMap<ConfigMap, ConfigMapTemplate>();

function readUncached(configMap: ConfigMap): ConfigMapTemplate {
  const text = configMap.data?.[TEMPLATE_KEY];
  if (text === undefined) {
    return {
      problems: [templateError('InvalidKeepalivedTemplate', [], `the ConfigMap holds no ${TEMPLATE_KEY}`)],
    };
  }
  const reading = readTemplate(text);
  if (!reading.template) return { problems: reading.problems };
  const problems = templateProblems(reading.template);
  const usable = !problems.some((p) => p.severity === 'error');
  return usable ? { template: reading.template, problems } : { problems };
}

/**
 * The template of a keepalived ConfigMap with the checks admission makes of it on its own (the
 * cluster's aside). Readings are cached per object: stored objects are frozen, and the indexes and
 * the planner read the same ConfigMap many times.
 */
export function readConfigMapTemplate(configMap: ConfigMap): ConfigMapTemplate {
  let reading = readings.get(configMap);
  if (!reading) {
    reading = readUncached(configMap);
    readings.set(configMap, reading);
  }
  return reading;
}
