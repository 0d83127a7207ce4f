/** Annotations of OpenShift Routes that its HAProxy router reads, and acpnet's own migration keys. */

const HAPROXY = 'haproxy.router.openshift.io/';
const ROUTER = 'router.openshift.io/';

export const ROUTER_ANNOTATION_PREFIXES = [HAPROXY, ROUTER] as const;

export const TIMEOUT = `${HAPROXY}timeout`;
export const TIMEOUT_TUNNEL = `${HAPROXY}timeout-tunnel`;
export const HSTS_HEADER = `${HAPROXY}hsts_header`;
export const BALANCE = `${HAPROXY}balance`;
export const DISABLE_COOKIES = `${HAPROXY}disable_cookies`;
export const COOKIE_NAME = `${ROUTER}cookie_name`;
export const COOKIE_SAME_SITE = `${ROUTER}cookie-same-site`;
export const POD_CONCURRENT_CONNECTIONS = `${HAPROXY}pod-concurrent-connections`;
export const RATE_LIMIT = `${HAPROXY}rate-limit-connections`;
export const RATE_LIMIT_CONCURRENT_TCP = `${HAPROXY}rate-limit-connections.concurrent-tcp`;
export const RATE_LIMIT_RATE_HTTP = `${HAPROXY}rate-limit-connections.rate-http`;
export const RATE_LIMIT_RATE_TCP = `${HAPROXY}rate-limit-connections.rate-tcp`;
export const IP_ALLOWLIST = `${HAPROXY}ip_allowlist`;
/** The older name of ip_allowlist; the router reads ip_allowlist first. */
export const IP_WHITELIST = `${HAPROXY}ip_whitelist`;
export const REWRITE_TARGET = `${HAPROXY}rewrite-target`;
export const HEALTH_CHECK_INTERVAL = `${ROUTER}haproxy.health.check.interval`;
export const SET_FORWARDED_HEADERS = `${HAPROXY}set-forwarded-headers`;
/** `Name:value`, as the platform guide writes header changes on a Route. */
export const REQUEST_SET_HEADER = `${HAPROXY}request-set-header`;
export const RESPONSE_SET_HEADER = `${HAPROXY}response-set-header`;

/** Routes carrying this label with the value "true" are kept migrated by the route-migration function. */
export const MIGRATE_LABEL = 'acpnet.io/migrate';
/** `[NAMESPACE/]NAME` of the Gateway a Route's Gateway API routes attach to. */
export const MIGRATE_GATEWAY_ANNOTATION = 'acpnet.io/migrate-gateway';
/** On the objects made from a Route: its name (they live in its namespace). */
export const MIGRATED_FROM_LABEL = 'acpnet.io/migrated-from-route';
/** On a Gateway: the listeners the migration added, comma-separated, so they can be told from the others. */
export const MIGRATED_LISTENERS_ANNOTATION = 'acpnet.io/migrated-listeners';
/** On a ClientTrafficPolicy the migration made for a Gateway. */
export const MIGRATED_FOR_GATEWAY_LABEL = 'acpnet.io/migrated-for-gateway';
