import { z } from 'zod';
import { defineKind, type KindModel } from '../model/kind-model.js';
import { kubeObject } from './meta.js';

/** acpnet's own kinds (infra/deploy/base/crds/). */
export const ACPNET_GROUP = 'acpnet.io';

export const ipClaimSpec = z.strictObject({
  scope: z.string().min(1).max(320),
  address: z.string().min(2).max(39),
  owner: z.string().min(1).max(600),
});
export const ipClaim = kubeObject(`${ACPNET_GROUP}/v1alpha1`, 'IPClaim', { spec: ipClaimSpec });
export type IPClaim = z.infer<typeof ipClaim>;

/** One address held by one owner; its name is made of scope and address (shared/ipam/claims.ts). */
export const IP_CLAIM = defineKind({
  group: ACPNET_GROUP,
  kind: 'IPClaim',
  plural: 'ipclaims',
  namespaced: false,
  versions: { v1alpha1: ipClaim },
});

export const acpnetDefinitions: readonly KindModel[] = [IP_CLAIM];
