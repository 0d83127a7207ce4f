import {
  ALB_API_VERSION,
  ALB_LABEL,
  DEFAULT_PRIORITY,
  FRONTEND_LABEL,
  NAMESPACE_PROJECT_LABEL,
  PRIORITY_ANNOTATION_PREFIX,
  SOURCE_INDEX_LABEL,
  SOURCE_NAME_LABEL,
  SOURCE_NAMESPACE_LABEL,
  SOURCE_TYPE_LABEL,
} from '../../shared/kube/keys/alb.js';
import { REWRITE_TARGET_ANNOTATION } from '../../shared/kube/keys/ingress.js';
import type { ModelView } from '../../shared/kube/model/model-view.js';
import type { KubeObject, OwnerReference } from '../../shared/kube/object.js';
import type { ALB2, DslxTerm, ServiceGroup } from '../../shared/kube/schemas/alb.js';
import type { Ingress } from '../../shared/kube/schemas/ingress.js';
import { backendServiceOf } from './backends.js';
import { dslxFor } from './dslx.js';
import { listenersFor } from './https.js';
import { frontendName, labelValue, ruleName } from './names.js';
import { projectOf } from './selection.js';

export interface RuleObject extends KubeObject {
  spec: {
    priority: number;
    dslx: DslxTerm[];
    domain?: string;
    url: string;
    rewrite_target?: string;
    rewrite_base?: string;
    certificate_name?: string;
    serviceGroup: ServiceGroup;
    source: { type: 'ingress'; name: string; namespace: string };
  };
}

export interface FrontendObject extends KubeObject {
  spec: { port: number; protocol: 'http' | 'https'; certificate_name?: string };
}

export interface DesiredState {
  frontends: FrontendObject[];
  rules: RuleObject[];
}

/** `alb.cpaas.io/ingress-rule-priority-R-P`: an integer 0..10; anything else means the default. */
export function priorityOf(ingress: Ingress, rule: number, path: number): number {
  const raw = ingress.metadata.annotations?.[`${PRIORITY_ANNOTATION_PREFIX}${rule}-${path}`];
  if (raw === undefined || !/^\d+$/.test(raw.trim())) return DEFAULT_PRIORITY;
  const value = Number(raw.trim());
  return value <= 10 ? value : DEFAULT_PRIORITY;
}

function ownerOf(alb: ALB2): OwnerReference[] {
  if (!alb.metadata.uid) return [];
  return [
    {
      apiVersion: alb.apiVersion,
      kind: 'ALB2',
      name: alb.metadata.name ?? '',
      uid: alb.metadata.uid,
      controller: true,
      blockOwnerDeletion: true,
    },
  ];
}

function frontendObject(
  alb: ALB2,
  protocol: 'http' | 'https',
  certificate: string | undefined,
): FrontendObject {
  const config = alb.spec.config;
  const port = protocol === 'http' ? (config?.ingressHTTPPort ?? 80) : (config?.ingressHTTPSPort ?? 443);
  const albName = alb.metadata.name ?? '';
  const owners = ownerOf(alb);
  return {
    apiVersion: ALB_API_VERSION,
    kind: 'Frontend',
    metadata: {
      name: frontendName(albName, port),
      namespace: alb.metadata.namespace,
      labels: { [ALB_LABEL]: albName },
      ...(owners.length > 0 ? { ownerReferences: owners } : {}),
    },
    spec: { port, protocol, ...(certificate ? { certificate_name: certificate } : {}) },
  };
}

/** The Frontends and Rules one ALB needs for one Ingress. */
export function desiredForAlb(ingress: Ingress, alb: ALB2, view: ModelView): DesiredState {
  const namespace = ingress.metadata.namespace ?? '';
  const name = ingress.metadata.name ?? '';
  const albName = alb.metadata.name ?? '';
  const project = projectOf(namespace, view);
  const rewriteTarget = ingress.metadata.annotations?.[REWRITE_TARGET_ANNOTATION];
  const frontends = new Map<'http' | 'https', FrontendObject>();
  const rules: RuleObject[] = [];

  (ingress.spec?.rules ?? []).forEach((rule, r) => {
    const host = rule.host ?? '';
    const listeners = listenersFor(ingress, host, alb);
    (rule.http?.paths ?? []).forEach((httpPath, p) => {
      const backend = backendServiceOf(httpPath.backend, namespace, view);
      if (!backend) return;
      const path = httpPath.path || '/';
      for (const protocol of ['http', 'https'] as const) {
        if (!listeners[protocol]) continue;
        const certificate = protocol === 'https' ? listeners.certificate : undefined;
        let frontend = frontends.get(protocol);
        if (!frontend) {
          frontend = frontendObject(alb, protocol, certificate);
          frontends.set(protocol, frontend);
        }
        const ft = frontend.metadata.name ?? '';
        rules.push({
          apiVersion: ALB_API_VERSION,
          kind: 'Rule',
          metadata: {
            name: ruleName(ft, namespace, name, r, p),
            namespace: alb.metadata.namespace,
            labels: {
              [ALB_LABEL]: albName,
              [FRONTEND_LABEL]: ft,
              [SOURCE_TYPE_LABEL]: 'ingress',
              [SOURCE_NAME_LABEL]: labelValue(name),
              [SOURCE_NAMESPACE_LABEL]: namespace,
              [SOURCE_INDEX_LABEL]: `${r}-${p}`,
              ...(project ? { [NAMESPACE_PROJECT_LABEL]: project } : {}),
            },
          },
          spec: {
            priority: priorityOf(ingress, r, p),
            dslx: dslxFor(host, path, httpPath.pathType),
            ...(host ? { domain: host } : {}),
            url: path,
            ...(rewriteTarget !== undefined ? { rewrite_target: rewriteTarget, rewrite_base: path } : {}),
            ...(certificate ? { certificate_name: certificate } : {}),
            serviceGroup: { services: [backend] },
            source: { type: 'ingress', name, namespace },
          },
        });
      }
    });
  });
  return { frontends: [...frontends.values()], rules };
}
