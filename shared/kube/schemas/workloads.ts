import { z } from 'zod';
import { defineKind, type KindModel } from '../model/kind-model.js';
import { objectMeta } from './meta.js';

/**
 * Pods, Nodes, DaemonSets, StatefulSets and NetworkAttachmentDefinitions as acpnet reads them. The API server validates
 * these kinds in full; acpnet types only the fields its rules and functions read, and lets every
 * other field through.
 */

const podIp = z.looseObject({ ip: z.string() });

const podCondition = z.looseObject({ type: z.string(), status: z.string() });

export const podV1 = z.looseObject({
  apiVersion: z.literal('v1'),
  kind: z.literal('Pod'),
  metadata: objectMeta,
  spec: z
    .looseObject({
      nodeName: z.string().optional(),
      hostNetwork: z.boolean().optional(),
    })
    .optional(),
  status: z
    .looseObject({
      phase: z.string().optional(),
      podIP: z.string().optional(),
      podIPs: z.array(podIp).optional(),
      hostIP: z.string().optional(),
      hostIPs: z.array(podIp).optional(),
      conditions: z.array(podCondition).optional(),
    })
    .optional(),
});
export type Pod = z.infer<typeof podV1>;

const nodeAddress = z.looseObject({ type: z.string(), address: z.string() });

export const nodeV1 = z.looseObject({
  apiVersion: z.literal('v1'),
  kind: z.literal('Node'),
  metadata: objectMeta,
  spec: z
    .looseObject({ podCIDR: z.string().optional(), podCIDRs: z.array(z.string()).optional() })
    .optional(),
  status: z
    .looseObject({
      addresses: z.array(nodeAddress).optional(),
      conditions: z.array(podCondition).optional(),
    })
    .optional(),
});
export type Node = z.infer<typeof nodeV1>;

export const networkAttachmentDefinitionV1 = z.looseObject({
  apiVersion: z.literal('k8s.cni.cncf.io/v1'),
  kind: z.literal('NetworkAttachmentDefinition'),
  metadata: objectMeta,
  spec: z.looseObject({ config: z.string().optional() }).optional(),
});
export type NetworkAttachmentDefinition = z.infer<typeof networkAttachmentDefinitionV1>;

const container = z.looseObject({ name: z.string(), args: z.array(z.string()).optional() });

export const daemonSetV1 = z.looseObject({
  apiVersion: z.literal('apps/v1'),
  kind: z.literal('DaemonSet'),
  metadata: objectMeta,
  spec: z
    .looseObject({
      template: z
        .looseObject({
          spec: z.looseObject({ containers: z.array(container).optional() }).optional(),
        })
        .optional(),
    })
    .optional(),
});
export type DaemonSet = z.infer<typeof daemonSetV1>;

export const statefulSetV1 = z.looseObject({
  apiVersion: z.literal('apps/v1'),
  kind: z.literal('StatefulSet'),
  metadata: objectMeta,
  spec: z
    .looseObject({
      replicas: z.number().int().min(0).optional(),
      ordinals: z.looseObject({ start: z.number().int().min(0).optional() }).optional(),
    })
    .optional(),
});
export type StatefulSet = z.infer<typeof statefulSetV1>;

export const POD = defineKind({
  group: '',
  kind: 'Pod',
  plural: 'pods',
  namespaced: true,
  versions: { v1: podV1 },
});
export const NODE = defineKind({
  group: '',
  kind: 'Node',
  plural: 'nodes',
  namespaced: false,
  versions: { v1: nodeV1 },
});
export const NETWORK_ATTACHMENT_DEFINITION = defineKind({
  group: 'k8s.cni.cncf.io',
  kind: 'NetworkAttachmentDefinition',
  plural: 'network-attachment-definitions',
  namespaced: true,
  versions: { v1: networkAttachmentDefinitionV1 },
});

export const DAEMON_SET = defineKind({
  group: 'apps',
  kind: 'DaemonSet',
  plural: 'daemonsets',
  namespaced: true,
  versions: { v1: daemonSetV1 },
});

export const STATEFUL_SET = defineKind({
  group: 'apps',
  kind: 'StatefulSet',
  plural: 'statefulsets',
  namespaced: true,
  versions: { v1: statefulSetV1 },
});

export const workloadDefinitions: readonly KindModel[] = [
  POD,
  NODE,
  NETWORK_ATTACHMENT_DEFINITION,
  DAEMON_SET,
  STATEFUL_SET,
];
