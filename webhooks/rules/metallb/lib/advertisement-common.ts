import type { LabelSelector } from '../../../../shared/kube/label-selector.js';
import { labelSelectorProblems, selectorKey } from '../../../../shared/kube/label-selector-problems.js';
import type { ModelView } from '../../../../shared/kube/model/model-view.js';
import { describeObject } from '../../../../shared/kube/object.js';
import {
  type BGPAdvertisement,
  IP_ADDRESS_POOL,
  type L2Advertisement,
} from '../../../../shared/kube/schemas/metallb.js';
import { deny, warn } from '../../findings.js';
import type { Finding } from '../../types.js';

export type Advertisement = L2Advertisement | BGPAdvertisement;

/** Repeated entries of a string list, which MetalLB refuses ("duplicate definition of ..."). */
export function duplicateEntries(rule: string, values: readonly string[], at: string): Finding[] {
  const out: Finding[] = [];
  const seen = new Map<string, number>();
  values.forEach((value, i) => {
    const first = seen.get(value);
    if (first !== undefined)
      out.push(
        deny(rule, `${at}[${i}]`, `duplicate ${JSON.stringify(value)} (also ${at}[${first}])`, 'Duplicate'),
      );
    else seen.set(value, i);
  });
  return out;
}

/** Problems and duplicates of a selector list, reported under `at`. */
export function selectorListFindings(
  rule: string,
  selectors: readonly LabelSelector[],
  at: string,
): Finding[] {
  const out: Finding[] = [];
  const seen = new Map<string, number>();
  selectors.forEach((selector, i) => {
    for (const problem of labelSelectorProblems(selector))
      out.push(deny(rule, `${at}[${i}].${problem.field}`, problem.message, 'InvalidSelector'));
    const canonical = selectorKey(selector);
    const first = seen.get(canonical);
    if (first !== undefined)
      out.push(deny(rule, `${at}[${i}]`, `duplicate selector (same as ${at}[${first}])`, 'Duplicate'));
    else seen.set(canonical, i);
  });
  return out;
}

/** Checks L2 and BGP advertisements share: pool references and selectors. */
export function commonAdvertisementFindings(
  rule: string,
  view: ModelView,
  advertisement: Advertisement,
): Finding[] {
  const spec = advertisement.spec ?? {};
  const namespace = advertisement.metadata.namespace ?? '';
  const pools = spec.ipAddressPools ?? [];
  const out: Finding[] = [...duplicateEntries(rule, pools, 'spec.ipAddressPools')];
  pools.forEach((pool, i) => {
    if (view.get(IP_ADDRESS_POOL, namespace, pool)) return;
    out.push(
      warn(
        rule,
        `spec.ipAddressPools[${i}]`,
        `IPAddressPool ${namespace}/${pool} does not exist (yet); ${describeObject(advertisement)} advertises nothing for it`,
        'PoolNotFound',
        `IPAddressPool ${namespace}/${pool}`,
      ),
    );
  });
  out.push(
    ...selectorListFindings(rule, spec.ipAddressPoolSelectors ?? [], 'spec.ipAddressPoolSelectors'),
    ...selectorListFindings(rule, spec.nodeSelectors ?? [], 'spec.nodeSelectors'),
    ...selectorListFindings(rule, spec.serviceSelectors ?? [], 'spec.serviceSelectors'),
  );
  return out;
}
