import { familyOf, instanceKey, normalizeBackends } from '../../shared/keepalived/backends.js';
import {
  ALIVE_KEY,
  albReference,
  isKeepalivedConfigMap,
  TEMPLATE_KEY,
} from '../../shared/keepalived/configmap.js';
import { readConfigMapTemplate } from '../../shared/keepalived/configmap-template.js';
import type { KeepalivedTemplate } from '../../shared/keepalived/read-template.js';
import { renderAliveYaml } from '../../shared/keepalived/render-alive.js';
import { formatTemplatePath, type TemplateProblem } from '../../shared/keepalived/template-problem.js';
import { eventRecord } from '../../shared/kube/event-record.js';
import type { ConfigMap } from '../../shared/kube/schemas/core.js';
import type { Effect } from '../runtime/contract.js';
import type { AlbCluster } from './cluster.js';
import { albHostAddresses } from './hosts.js';

export const FUNCTION_NAME = 'keepalived-hosts';
/** The reason of the Warning Event a ConfigMap gets when its template cannot be rendered. */
export const UNUSABLE_TEMPLATE_REASON = 'InvalidKeepalivedTemplate';

/** Each instance that names an ALB2: its backends now, keyed as renderAliveYaml looks them up. */
function backendsOf(template: KeepalivedTemplate, namespace: string, cluster: AlbCluster) {
  const backends = new Map<string, string[]>();
  for (const { instance } of template.instances) {
    const family = familyOf(instance.vip);
    if (instance.alb === undefined || family === undefined) continue;
    const ref = albReference(instance.alb, namespace);
    backends.set(
      instanceKey(instance),
      normalizeBackends(albHostAddresses(cluster, ref.namespace, ref.name), family),
    );
  }
  return backends;
}

function describeProblem(problem: TemplateProblem): string {
  const line = problem.line === undefined ? '' : ` (line ${problem.line})`;
  return `${formatTemplatePath(problem.path)}: ${problem.message}${line}`;
}

function unusableTemplateEvent(configMap: ConfigMap, errors: readonly TemplateProblem[], time?: string) {
  const message = `${TEMPLATE_KEY} cannot be rendered, ${ALIVE_KEY} is left as it was: ${errors.map(describeProblem).join('; ')}`;
  return eventRecord({
    involved: configMap,
    type: 'Warning',
    reason: UNUSABLE_TEMPLATE_REASON,
    message,
    component: `acpnet-${FUNCTION_NAME}`,
    occurrence: configMap.data?.[TEMPLATE_KEY] ?? '',
    time,
  });
}

export interface PlanOptions {
  /**
   * Report an unusable template with a Warning Event. True on the ConfigMap's own events; a re-plan
   * for a Pod, Node or ALB2 leaves the report to them, so it is not attempted again on every change.
   */
  report: boolean;
  /** The change event's time, for the Event's timestamps. */
  time?: string;
}

/**
 * The ConfigMap's alive.yaml: each instance that names an ALB2 gets as backends the host addresses
 * of the VIP's family of the ALB's Ready Pods on Ready nodes. Nothing is planned when the rendered
 * text is what the ConfigMap holds; a template that cannot be rendered leaves alive.yaml as it was.
 */
export function planConfigMap(configMap: ConfigMap, cluster: AlbCluster, options: PlanOptions): Effect[] {
  if (!isKeepalivedConfigMap(configMap)) return [];
  const reading = readConfigMapTemplate(configMap);
  if (!reading.template) {
    if (!options.report) return [];
    const errors = reading.problems.filter((p) => p.severity === 'error');
    return [{ op: 'createIfAbsent', object: unusableTemplateEvent(configMap, errors, options.time) }];
  }
  const namespace = configMap.metadata.namespace ?? '';
  const alive = renderAliveYaml(reading.template, backendsOf(reading.template, namespace, cluster));
  if (configMap.data?.[ALIVE_KEY] === alive) return [];
  return [
    {
      op: 'apply',
      object: {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: configMap.metadata.name ?? '', namespace },
        data: { [ALIVE_KEY]: alive },
      },
    },
  ];
}

/** Each ConfigMap planned as a re-plan (no reports), in the order given. */
export function planConfigMaps(
  configMaps: readonly ConfigMap[],
  cluster: AlbCluster,
  time?: string,
): Effect[] {
  return configMaps.flatMap((configMap) => planConfigMap(configMap, cluster, { report: false, time }));
}
