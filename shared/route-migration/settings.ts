import * as keys from '../kube/keys/openshift-route.js';
import type { Route } from '../kube/schemas/openshift-route.js';
import {
  annotationValue,
  ineffectiveAnnotations,
  type RouterAnnotation,
  routerAnnotations,
  type Termination,
  terminationOf,
} from '../openshift-route/annotations.js';
import { type BalanceAlgorithm, gatewayDuration, type TimeSpec } from '../openshift-route/haproxy-values.js';
import { type HeaderChanges, headerSettings, isHeaderValue } from './header-settings.js';
import { defaultCookieName } from './names.js';
import { annotationSubject, type ItemLog } from './report.js';
import type { Targets } from './targets.js';

/** HAProxy's `timeout server` when a Route sets none (ROUTER_DEFAULT_SERVER_TIMEOUT). */
export const DEFAULT_TIMEOUT_MS = 30_000;

/** What a Route asks of the data plane, read from its annotations and spec (the report told of each). */
export interface RouteSettings {
  termination: Termination;
  /** The request timeout (HTTP kinds of Route). */
  timeoutMs: number;
  hsts?: string;
  balance?: BalanceAlgorithm;
  /** Cookie session affinity (HTTP kinds of Route, unless disabled). */
  cookieName?: string;
  connectionLimit?: number;
  /** Requests per 10 seconds per client address. */
  rateHttp?: number;
  allowlist?: string[];
  rewriteTarget?: string;
  healthIntervalMs?: number;
  request: HeaderChanges;
  response: HeaderChanges;
}

interface Context {
  route: Route;
  settings: RouteSettings;
  log: ItemLog;
  t: Targets;
  subject: string;
}

type Handler = (ctx: Context, value: unknown) => void;

const rule = (t: Targets, field: string) => `${t.httpRoute} spec.rules[0].${field}`;

const RATE_WINDOW_NOTE =
  'HAProxy counts requests per client address over 10 seconds and refuses those at the limit; Envoy refills a token bucket per minute, per client address and per Envoy replica, so short bursts up to the minute total pass';

const handlers: Readonly<Record<string, Handler>> = {
  [keys.TIMEOUT]({ settings, log, t, subject }, value) {
    const spec = value as TimeSpec;
    settings.timeoutMs = spec.ms;
    const difference = [
      'HAProxy limits how long the backend may stay silent (timeout server); Gateway API limits the whole request',
      ...(spec.clipped
        ? [`the router clips it to HAProxy's largest timeout, ${gatewayDuration(spec.ms)}`]
        : []),
    ].join('; ');
    log.approximated(subject, rule(t, 'timeouts.request'), difference);
  },
  [keys.TIMEOUT_TUNNEL]({ log, subject }) {
    log.dropped(
      subject,
      'Gateway API has no timeout for tunnels (WebSocket, HTTP/2): the request timeout applies to every kind of connection',
    );
  },
  [keys.HSTS_HEADER]({ settings, log, t, subject, route }) {
    settings.hsts = (route.metadata.annotations?.[keys.HSTS_HEADER] ?? '').trim();
    log.mapped(subject, `${rule(t, 'filters')} ResponseHeaderModifier set Strict-Transport-Security`);
  },
  [keys.BALANCE]({ settings, log, t, subject }, value) {
    settings.balance = value as BalanceAlgorithm;
    const at = `${t.trafficPolicy} spec.loadBalancer`;
    if (value === 'leastconn')
      log.approximated(
        subject,
        at,
        'Envoy LeastRequest picks the backend with fewer active requests of two sampled at random; HAProxy leastconn the one with the fewest connections',
      );
    else if (value === 'source')
      log.approximated(
        subject,
        at,
        'Envoy hashes the client address onto a ring of the backends (ConsistentHash SourceIP); HAProxy hashes it over the weighted servers',
      );
    else log.mapped(subject, at);
  },
  [keys.DISABLE_COOKIES]({ settings, log, t, subject }, value) {
    if (value === true) {
      settings.cookieName = undefined;
      log.mapped(subject, `${t.httpRoute} spec.rules[0] (no sessionPersistence)`);
    } else log.mapped(subject, rule(t, 'sessionPersistence'));
  },
  [keys.COOKIE_NAME]({ settings, log, t, subject }, value) {
    settings.cookieName = value as string;
    log.mapped(subject, rule(t, 'sessionPersistence.sessionName'));
  },
  [keys.COOKIE_SAME_SITE]({ log, subject }) {
    log.dropped(subject, 'Gateway API session persistence sets no SameSite attribute on its cookie');
  },
  [keys.POD_CONCURRENT_CONNECTIONS]({ settings, log, t, subject }, value) {
    if (value === 0) {
      log.mapped(subject, `${t.httpRoute} (no limit, as the router sets none for 0)`);
      return;
    }
    settings.connectionLimit = value as number;
    log.approximated(
      subject,
      `${t.connectionLimit} spec.connection.connectionLimit.value`,
      'HAProxy limits the connections to each backend Pod of this Route; the ClientTrafficPolicy limits client connections to the whole Gateway, per Envoy replica, to the sum of the limits of the Routes migrated onto it',
    );
  },
  [keys.RATE_LIMIT]({ log, t, subject }, value) {
    if (value === true) log.mapped(subject, `${t.trafficPolicy} spec.rateLimit (with the limits below)`);
    else log.mapped(subject, `${t.httpRoute} (no rate limits, as the router applies none)`);
  },
  [keys.RATE_LIMIT_RATE_HTTP]({ settings, log, t, subject }, value) {
    settings.rateHttp = value as number;
    log.approximated(subject, `${t.trafficPolicy} spec.rateLimit.local.rules`, RATE_WINDOW_NOTE);
  },
  [keys.RATE_LIMIT_CONCURRENT_TCP]({ log, subject }) {
    log.dropped(subject, 'Envoy Gateway cannot limit the concurrent connections of one client address');
  },
  [keys.RATE_LIMIT_RATE_TCP]({ log, subject }) {
    log.dropped(subject, 'Envoy Gateway cannot limit the rate of new connections of one client address');
  },
  [keys.IP_ALLOWLIST]: allowlist,
  [keys.IP_WHITELIST]: allowlist,
  [keys.REWRITE_TARGET]({ settings, log, t, subject, route }, value) {
    settings.rewriteTarget = value as string;
    const at = `${rule(t, 'filters')} URLRewrite ReplacePrefixMatch`;
    if ((route.spec.path ?? '').endsWith('/') && value !== '/')
      log.approximated(
        subject,
        at,
        'HAProxy replaces the path with its trailing slash; Gateway API replaces the prefix without it, keeping the slash',
      );
    else log.mapped(subject, at);
  },
  [keys.HEALTH_CHECK_INTERVAL]({ settings, log, t, subject }, value) {
    settings.healthIntervalMs = (value as TimeSpec).ms;
    log.approximated(
      subject,
      `${t.trafficPolicy} spec.healthCheck.active`,
      'HAProxy checks by connecting only when the Route has more than one endpoint; Envoy checks every endpoint',
    );
  },
  [keys.SET_FORWARDED_HEADERS]({ log, subject }) {
    log.dropped(
      subject,
      'Envoy Gateway sets X-Forwarded-For for a whole Gateway (ClientTrafficPolicy), not per route',
    );
  },
  [keys.REQUEST_SET_HEADER]: headerAnnotation('RequestHeaderModifier'),
  [keys.RESPONSE_SET_HEADER]: headerAnnotation('ResponseHeaderModifier'),
};

function headerAnnotation(filter: string): Handler {
  return ({ log, t, subject }, value) => {
    const { value: text } = value as { value: string };
    if (isHeaderValue(text)) log.mapped(subject, `${rule(t, 'filters')} ${filter} set`);
    else
      log.dropped(
        subject,
        `"${text}" is not a Gateway API header value (printable ASCII without leading, trailing or repeated spaces)`,
      );
  };
}

function allowlist({ settings, log, t, subject }: Context, value: unknown): void {
  settings.allowlist = value as string[];
  log.mapped(subject, `${t.securityPolicy} spec.authorization (default Deny, Allow clientCIDRs)`);
}

const PASSTHROUGH_TIMEOUT =
  "a TLSRoute has no timeout: Envoy closes a TCP connection after 1 hour idle (its default), where the router closed the tunnel after this value's idle time";

/** Router annotations with no effect on a passthrough Route's migration, beyond what the router ignores. */
const PASSTHROUGH_UNSUPPORTED: Readonly<Record<string, string>> = {
  [keys.IP_ALLOWLIST]:
    "Envoy Gateway's SecurityPolicy cannot target a TLSRoute; restrict the Route's TLS listener with a SecurityPolicy on the Gateway (sectionName)",
  [keys.IP_WHITELIST]:
    "Envoy Gateway's SecurityPolicy cannot target a TLSRoute; restrict the Route's TLS listener with a SecurityPolicy on the Gateway (sectionName)",
  [keys.TIMEOUT]: PASSTHROUGH_TIMEOUT,
  [keys.TIMEOUT_TUNNEL]: PASSTHROUGH_TIMEOUT,
  [keys.POD_CONCURRENT_CONNECTIONS]: 'the connection limit is converted for HTTP kinds of Route only',
  [keys.RATE_LIMIT]:
    'of the rate limits only rate-http converts, and it does not apply to a passthrough Route (Envoy Gateway has no per-address connection limits)',
};

function readAnnotation(
  annotation: RouterAnnotation,
  ctx: Omit<Context, 'subject'>,
  ignored: Map<string, string>,
) {
  const subject = annotationSubject(annotation.key);
  const handler = handlers[annotation.key];
  if (!annotation.parsed || !handler) {
    ctx.log.dropped(subject, 'acpnet does not know this router annotation');
    return;
  }
  if (!annotation.parsed.ok) {
    const allowAll = annotation.key === keys.IP_ALLOWLIST || annotation.key === keys.IP_WHITELIST;
    ctx.log.dropped(
      subject,
      `the router ignores it: "${annotation.value}" ${annotation.parsed.problem}${allowAll ? ' (the router then allows every source, and so does the migration)' : ''}`,
    );
    return;
  }
  const reason =
    ignored.get(annotation.key) ??
    (ctx.settings.termination === 'passthrough' ? PASSTHROUGH_UNSUPPORTED[annotation.key] : undefined);
  if (reason) {
    ctx.log.dropped(subject, reason);
    return;
  }
  handler({ ...ctx, subject }, annotation.parsed.value);
}

/** The settings of a Route and, in the log, what became of each router annotation and of the defaults kept. */
export function readRouteSettings(route: Route, log: ItemLog, t: Targets): RouteSettings {
  const termination = terminationOf(route);
  const http = termination !== 'passthrough';
  const cookiesDisabled = annotationValue<boolean>(route, keys.DISABLE_COOKIES) === true;
  const settings: RouteSettings = {
    termination,
    timeoutMs: DEFAULT_TIMEOUT_MS,
    ...(http && !cookiesDisabled
      ? { cookieName: defaultCookieName(route.metadata.namespace ?? '', route.metadata.name ?? '') }
      : {}),
    ...headerSettings(route, log, t),
  };
  const ignored = ineffectiveAnnotations(route);
  const ctx = { route, settings, log, t };
  for (const annotation of routerAnnotations(route)) readAnnotation(annotation, ctx, ignored);
  readDefaults(route, settings, log, t);
  return settings;
}

function readDefaults(route: Route, settings: RouteSettings, log: ItemLog, t: Targets): void {
  const annotations = route.metadata.annotations ?? {};
  if (settings.termination === 'passthrough') {
    if (settings.balance === undefined && annotations[keys.BALANCE] === undefined) {
      settings.balance = 'source';
      log.approximated(
        'default: passthrough balance source',
        `${t.trafficPolicy} spec.loadBalancer`,
        "the router balances passthrough connections by client address unless told otherwise; kept as Envoy's ConsistentHash SourceIP",
      );
    }
    return;
  }
  if (annotations[keys.TIMEOUT] === undefined)
    log.approximated(
      'default: HAProxy timeout server 30s',
      rule(t, 'timeouts.request'),
      "OpenShift's router gives up on a backend silent for 30s; Envoy has no such default, so 30s becomes the request timeout, which limits the whole request",
    );
  if (settings.cookieName !== undefined && annotations[keys.COOKIE_NAME] === undefined)
    log.approximated(
      'default: router session cookie',
      rule(t, 'sessionPersistence'),
      `the router inserts a session cookie unless ${keys.DISABLE_COOKIES} is "true"; kept under the name ${settings.cookieName}, whose value Envoy encodes its own way, so sessions do not carry over between the routers`,
    );
}
