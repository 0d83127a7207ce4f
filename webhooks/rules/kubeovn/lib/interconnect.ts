import { IC_CIDRS_NAME, IC_CONFIG_NAME, IC_CONFIG_NAMESPACE } from '../../../../shared/kube/keys/kubeovn.js';
import type { ModelView } from '../../../../shared/kube/model/model-view.js';
import { CONFIG_MAP } from '../../../../shared/kube/schemas/core.js';
import { cidrRange, parseCidr } from '../../../../shared/net/cidr.js';
import { NetParseError } from '../../../../shared/net/errors.js';
import type { IPRange } from '../../../../shared/net/range.js';

export interface RemoteClusterRange {
  cluster: string;
  range: IPRange;
}

/** Remote clusters' CIDRs when this cluster is an interconnect member; unparseable entries are skipped. */
export function remoteClusterRanges(view: ModelView): RemoteClusterRange[] {
  const config = view.get(CONFIG_MAP, IC_CONFIG_NAMESPACE, IC_CONFIG_NAME);
  if (config?.data?.['enable-ic'] !== 'true') return [];
  const cidrs = view.get(CONFIG_MAP, IC_CONFIG_NAMESPACE, IC_CIDRS_NAME)?.data ?? {};
  const out: RemoteClusterRange[] = [];
  for (const [cluster, value] of Object.entries(cidrs)) {
    for (const token of value.split(',')) {
      try {
        out.push({ cluster, range: cidrRange(parseCidr(token.trim())) });
      } catch (error) {
        if (!(error instanceof NetParseError)) throw error;
      }
    }
  }
  return out;
}
