import { frontendName } from '../../shared/alb/names.js';
import { namespaceProject } from '../../shared/alb/projects.js';
import { ingressPort } from '../../shared/alb/settings.js';
import {
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
import type { ALB2 as Alb, Frontend, Rule } from '../../shared/kube/schemas/alb.js';
import { ALB_API_VERSION, ALB_RULE, ALB2, FRONTEND } from '../../shared/kube/schemas/alb.js';
import type { Ingress } from '../../shared/kube/schemas/ingress.js';
import { backendServiceOf } from './backends.js';
import { dslxFor } from './dslx.js';
import { listenersFor } from './https.js';
import { labelValue, ruleName } from './names.js';

type IngressProtocol = 'http' | 'https';
const INGRESS_PROTOCOLS: readonly IngressProtocol[] = ['http', 'https'];
type OwnerReferences = NonNullable<Frontend['metadata']['ownerReferences']>;

export interface DesiredState {
  frontends: Frontend[];
  rules: Rule[];
}

/** `alb.cpaas.io/ingress-rule-priority-R-P`: an integer 0..10; anything else means the default. */
export function priorityOf(ingress: Ingress, rule: number, path: number): number {
  const raw = ingress.metadata.annotations?.[`${PRIORITY_ANNOTATION_PREFIX}${rule}-${path}`];
  if (raw === undefined || !/^\d+$/.test(raw.trim())) return DEFAULT_PRIORITY;
  const value = Number(raw.trim());
  return value <= 10 ? value : DEFAULT_PRIORITY;
}

/** The ALB2 as the controlling owner of what is made for it; none while it has no uid. */
export function albOwnerReferences(alb: Alb): OwnerReferences {
  if (!alb.metadata.uid) return [];
  return [
    {
      apiVersion: alb.apiVersion,
      kind: ALB2.kind,
      name: alb.metadata.name ?? '',
      uid: alb.metadata.uid,
      controller: true,
      blockOwnerDeletion: true,
    },
  ];
}

function frontendObject(alb: Alb, protocol: IngressProtocol, certificate: string | undefined): Frontend {
  const port = ingressPort(alb, protocol);
  const albName = alb.metadata.name ?? '';
  const owners = albOwnerReferences(alb);
  return {
    apiVersion: ALB_API_VERSION,
    kind: FRONTEND.kind,
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
export function desiredForAlb(ingress: Ingress, alb: Alb, view: ModelView): DesiredState {
  const namespace = ingress.metadata.namespace ?? '';
  const name = ingress.metadata.name ?? '';
  const albName = alb.metadata.name ?? '';
  const project = namespaceProject(view, namespace);
  const rewriteTarget = ingress.metadata.annotations?.[REWRITE_TARGET_ANNOTATION];
  const frontends = new Map<IngressProtocol, Frontend>();
  const rules: Rule[] = [];

  (ingress.spec?.rules ?? []).forEach((rule, r) => {
    const host = rule.host ?? '';
    const listeners = listenersFor(ingress, host, alb);
    (rule.http?.paths ?? []).forEach((httpPath, p) => {
      const backend = backendServiceOf(httpPath.backend, namespace, view);
      if (!backend) return;
      const path = httpPath.path || '/';
      for (const protocol of INGRESS_PROTOCOLS) {
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
          kind: ALB_RULE.kind,
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
