import { z } from 'zod';
import { defineKind, type KindModel } from '../model/kind-model.js';
import { ALB_GROUP } from './alb.js';
import { kubeObject } from './meta.js';

/** API group of the platform's Domain resource: the platform's group, that of the ALB kinds. */
export const DOMAIN_GROUP = ALB_GROUP;

/** Annotation naming the certificate Secret (in the platform namespace) bound to a Domain. */
export const DOMAIN_SECRET_REF_ANNOTATION = 'cpaas.io/secret-ref';
/** Label naming the cluster a Domain is assigned to; one spec.name per cluster. */
export const DOMAIN_CLUSTER_LABEL = 'cluster.cpaas.io/name';

export const domainKinds = ['full', 'wildcard'] as const;
export type DomainKind = (typeof domainKinds)[number];

/**
 * Domain `crd.alauda.io/v2`, cluster-scoped. `spec.name` is the full domain (`developer.test.cn`) or,
 * for kind wildcard, `*.` plus the domain (`*.test.cn`); the name rules live in the certificates
 * rule family so their messages can explain the kind.
 */
export const domainV2 = kubeObject(`${DOMAIN_GROUP}/v2`, 'Domain', {
  spec: z.strictObject({
    name: z.string().min(1).max(253),
    kind: z.enum(domainKinds),
  }),
  status: z.looseObject({}).optional(),
});
export type Domain = z.infer<typeof domainV2>;

export const DOMAIN = defineKind({
  group: DOMAIN_GROUP,
  kind: 'Domain',
  plural: 'domains',
  namespaced: false,
  versions: { v2: domainV2 },
});

export const domainDefinitions: readonly KindModel[] = [DOMAIN];
