import {
  labelSelectorProblems,
  selectorKey,
  selectorList,
} from '../../../shared/kube/label-selector-problems.js';
import { describeObject } from '../../../shared/kube/object.js';
import { IP_ADDRESS_POOL } from '../../../shared/kube/schemas/metallb.js';
import { specOf, stringList } from '../../../shared/kube/spec-fields.js';
import { deny, warn } from '../findings.js';
import type { AdmissionContext, Finding } from '../types.js';

/** Repeated entries of a string list, which MetalLB refuses ("duplicate definition of ..."). */
export function duplicateEntries(
  rule: string,
  record: Record<string, unknown>,
  key: string,
  at: string,
): Finding[] {
  const out: Finding[] = [];
  const seen = new Map<string, number>();
  stringList(record, key).forEach((value, i) => {
    const first = seen.get(value);
    if (first !== undefined)
      out.push(
        deny(rule, `${at}[${i}]`, `duplicate ${JSON.stringify(value)} (also ${at}[${first}])`, 'Duplicate'),
      );
    else seen.set(value, i);
  });
  return out;
}

/** Problems and duplicates of the selector list `key` of `record`, reported under `at`. */
export function selectorListFindings(
  rule: string,
  record: Record<string, unknown>,
  key: string,
  at: string,
): Finding[] {
  const out: Finding[] = [];
  const seen = new Map<string, number>();
  selectorList(record, key).forEach((selector, i) => {
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
export function commonAdvertisementFindings(rule: string, ctx: AdmissionContext): Finding[] {
  const spec = specOf(ctx.object);
  const namespace = ctx.object.metadata.namespace ?? '';
  const out: Finding[] = [...duplicateEntries(rule, spec, 'ipAddressPools', 'spec.ipAddressPools')];
  stringList(spec, 'ipAddressPools').forEach((pool, i) => {
    if (ctx.view.get(IP_ADDRESS_POOL, namespace, pool)) return;
    out.push(
      warn(
        rule,
        `spec.ipAddressPools[${i}]`,
        `IPAddressPool ${namespace}/${pool} does not exist (yet); ${describeObject(ctx.object)} advertises nothing for it`,
        'PoolNotFound',
        `IPAddressPool ${namespace}/${pool}`,
      ),
    );
  });
  for (const key of ['ipAddressPoolSelectors', 'nodeSelectors', 'serviceSelectors'])
    out.push(...selectorListFindings(rule, spec, key, `spec.${key}`));
  return out;
}
