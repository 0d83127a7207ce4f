/**
 * What a migration did with each Route, field and annotation (modelled on ingress2gateway's
 * notifications, but nothing is left out): mapped as it was, approximated (the difference is
 * stated) or dropped (the reason is stated).
 */

export type ItemStatus = 'mapped' | 'approximated' | 'dropped';

export interface ReportItem {
  /** What of the Route: `spec.tls.termination`, `metadata.annotations["haproxy.router.openshift.io/timeout"]`, or `default: ...`. */
  subject: string;
  status: ItemStatus;
  /** Where it went: `HTTPRoute demo/web spec.rules[0].timeouts.request`. */
  target?: string;
  /** For approximated items the difference, for dropped ones the reason. */
  note?: string;
}

export type RouteOutcome = 'converted' | 'not-converted';

export interface RouteReport {
  /** `namespace/name`. */
  route: string;
  outcome: RouteOutcome;
  /** Why the Route was not converted. */
  reason?: string;
  /** The objects made from it, as `Kind namespace/name`. */
  objects: string[];
  items: ReportItem[];
}

export function annotationSubject(key: string): string {
  return `metadata.annotations["${key}"]`;
}

/** Collects the items of one Route. */
export class ItemLog {
  readonly items: ReportItem[] = [];

  mapped(subject: string, target: string): void {
    this.items.push({ subject, status: 'mapped', target });
  }

  approximated(subject: string, target: string, difference: string): void {
    this.items.push({ subject, status: 'approximated', target, note: difference });
  }

  dropped(subject: string, reason: string): void {
    this.items.push({ subject, status: 'dropped', note: reason });
  }
}
