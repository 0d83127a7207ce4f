import * as keys from '../kube/keys/openshift-route.js';
import { headerValue } from '../kube/schemas/gateway-api/common.js';
import type { Route } from '../kube/schemas/openshift-route.js';
import { annotationValue } from '../openshift-route/annotations.js';
import type { ItemLog } from './report.js';
import type { Targets } from './targets.js';

export interface HeaderChanges {
  set: { name: string; value: string }[];
  remove: string[];
}

type Direction = 'request' | 'response';

const FILTER: Readonly<Record<Direction, string>> = {
  request: 'RequestHeaderModifier',
  response: 'ResponseHeaderModifier',
};

/** A literal value of an HAProxy format string (`%%` is a percent sign), or undefined when it fetches something. */
function literalValue(value: string): string | undefined {
  return /%(?!%)/.test(value.replace(/%%/g, '')) ? undefined : value.replace(/%%/g, '%');
}

function withoutHeader(changes: HeaderChanges, name: string): void {
  const lower = name.toLowerCase();
  changes.set = changes.set.filter((h) => h.name.toLowerCase() !== lower);
  changes.remove = changes.remove.filter((h) => h.toLowerCase() !== lower);
}

/** Whether Gateway API takes the value: printable ASCII without leading, trailing or repeated spaces. */
export function isHeaderValue(value: string): boolean {
  return headerValue.safeParse(value).success;
}

function fromAnnotation(route: Route, key: string): HeaderChanges {
  const setting = annotationValue<{ name: string; value: string }>(route, key);
  return { set: setting && isHeaderValue(setting.value) ? [setting] : [], remove: [] };
}

/**
 * The header changes of a Route: the guide's request-set-header/response-set-header annotations
 * (reported with the other annotations) and spec.httpHeaders.actions, which win for a header both
 * name, as the router lets them.
 */
export function headerSettings(
  route: Route,
  log: ItemLog,
  t: Targets,
): { request: HeaderChanges; response: HeaderChanges } {
  const out = {
    request: fromAnnotation(route, keys.REQUEST_SET_HEADER),
    response: fromAnnotation(route, keys.RESPONSE_SET_HEADER),
  };
  for (const direction of ['request', 'response'] as const) {
    const actions = route.spec.httpHeaders?.actions?.[direction] ?? [];
    actions.forEach((header, i) => {
      const subject = `spec.httpHeaders.actions.${direction}[${i}]`;
      const target = `${t.httpRoute} spec.rules[0].filters ${FILTER[direction]}`;
      const changes = out[direction];
      if (header.action.type === 'Delete') {
        withoutHeader(changes, header.name);
        changes.remove.push(header.name);
        log.mapped(subject, `${target} remove`);
        return;
      }
      const value = literalValue(header.action.set?.value ?? '');
      if (value !== undefined && !isHeaderValue(value)) {
        log.dropped(
          subject,
          `"${value}" is not a Gateway API header value (printable ASCII without leading, trailing or repeated spaces)`,
        );
        return;
      }
      if (value === undefined) {
        log.dropped(
          subject,
          `"${header.action.set?.value}" is an HAProxy format string that fetches from the ${direction === 'request' ? 'request' : 'response'} or the client certificate; Gateway API header values are literal`,
        );
        return;
      }
      withoutHeader(changes, header.name);
      changes.set.push({ name: header.name, value });
      log.mapped(subject, `${target} set`);
    });
  }
  return out;
}
