import { SUBNET, type Subnet } from '../../../shared/kube/schemas/kubeovn.js';
import { calicoBlockSize, isCalicoSubnet, subnetCidrs } from '../../../shared/kubeovn/subnet.js';
import type { AdmissionContext, JsonPatchOperation, Mutator } from '../types.js';

/** Fills `v4blockSize` of a Calico subnet from the guide's prefix table when it is absent. */
function defaultBlockSize(ctx: AdmissionContext<Subnet>): JsonPatchOperation[] {
  if (!isCalicoSubnet(ctx.object) || ctx.object.spec?.v4blockSize !== undefined) return [];
  const v4 = subnetCidrs(ctx.object).find((c) => c.family === 4);
  if (!v4 || v4.prefix > 31) return [];
  return [{ op: 'add', path: '/spec/v4blockSize', value: calicoBlockSize(v4.prefix) }];
}

export const calicoBlockSizeMutator: Mutator<Subnet> = {
  id: 'kubeovn/calico-block-size',
  kinds: [SUBNET],
  guide: 'Calico 网络',
  mutate: defaultBlockSize,
};
