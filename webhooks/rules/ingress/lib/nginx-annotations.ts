import { parseAddress } from '../../../../shared/net/address.js';
import { NetParseError } from '../../../../shared/net/errors.js';
import { parseCidrRange } from '../../../../shared/net/syntax.js';
import { parseSecretRef } from './hostnames.js';

/** Returns why a value is malformed, or undefined when ingress-nginx would accept it. */
type ValueCheck = (value: string) => string | undefined;

const oneOf =
  (...allowed: string[]): ValueCheck =>
  (value) =>
    allowed.includes(value) ? undefined : `must be one of ${allowed.join(', ')}`;

const boolean = oneOf('true', 'false');

const nonNegativeInteger: ValueCheck = (value) =>
  /^\d+$/.test(value) ? undefined : 'must be a non-negative integer';

/** No whitespace or nginx directive punctuation: the value lands inside an nginx directive. */
const directiveSafe: ValueCheck = (value) =>
  value.length === 0
    ? 'must not be empty'
    : /[\s;{}'"\\]/.test(value)
      ? 'must not contain whitespace, quotes, braces, ";" or "\\"'
      : undefined;

const absolutePath: ValueCheck = (value) =>
  directiveSafe(value) ?? (value.startsWith('/') ? undefined : 'must start with "/"');

const rewriteTarget: ValueCheck = (value) =>
  directiveSafe(value) ??
  (/^(\/|\$\d|https?:\/\/)/.test(value)
    ? undefined
    : 'must start with "/", a capture group "$n" or http(s)://');

const size: ValueCheck = (value) =>
  /^\d+[kKmMgG]?$/.test(value) ? undefined : 'must be a size such as 8m, 512k or 0';

const cookieName: ValueCheck = (value) =>
  /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(value) ? undefined : 'must be a cookie name (an HTTP token)';

/** `10.0.0.0/24,192.168.1.1`: CIDRs or single addresses, comma-separated. */
const sourceRanges: ValueCheck = (value) => {
  for (const raw of value.split(',')) {
    const entry = raw.trim();
    try {
      if (entry.includes('/')) parseCidrRange(entry);
      else parseAddress(entry);
    } catch (error) {
      if (!(error instanceof NetParseError)) throw error;
      // The caller shows the whole value; name the entry only when the value has more than one.
      return entry === value.trim()
        ? 'is not a CIDR or IP address'
        : `has "${entry}", which is not a CIDR or IP address`;
    }
  }
  return undefined;
};

const secretRef: ValueCheck = (value) =>
  parseSecretRef(value) ? undefined : 'must be "<namespace>/<secret>"';

/** The ingress-nginx annotations the guide's Ingress-Nginx tasks use, with the values each takes. */
export const nginxAnnotationChecks: Readonly<Record<string, ValueCheck>> = {
  'rewrite-target': rewriteTarget,
  'use-regex': boolean,
  'app-root': absolutePath,
  'x-forwarded-prefix': absolutePath,
  'proxy-connect-timeout': nonNegativeInteger,
  'proxy-read-timeout': nonNegativeInteger,
  'proxy-send-timeout': nonNegativeInteger,
  'proxy-next-upstream-timeout': nonNegativeInteger,
  'proxy-next-upstream-tries': nonNegativeInteger,
  'proxy-body-size': size,
  'proxy-buffering': oneOf('on', 'off'),
  affinity: oneOf('cookie'),
  'affinity-mode': oneOf('balanced', 'persistent'),
  'session-cookie-name': cookieName,
  'session-cookie-path': absolutePath,
  'session-cookie-max-age': nonNegativeInteger,
  'session-cookie-expires': nonNegativeInteger,
  'session-cookie-samesite': oneOf('None', 'Lax', 'Strict'),
  'session-cookie-secure': boolean,
  'session-cookie-change-on-failure': boolean,
  'limit-rps': nonNegativeInteger,
  'limit-rpm': nonNegativeInteger,
  'limit-connections': nonNegativeInteger,
  'limit-burst-multiplier': nonNegativeInteger,
  'limit-rate': nonNegativeInteger,
  'limit-rate-after': nonNegativeInteger,
  'limit-whitelist': sourceRanges,
  'limit-allowlist': sourceRanges,
  'whitelist-source-range': sourceRanges,
  'allowlist-source-range': sourceRanges,
  'denylist-source-range': sourceRanges,
  'ssl-redirect': boolean,
  'force-ssl-redirect': boolean,
  'ssl-passthrough': boolean,
  'backend-protocol': oneOf('HTTP', 'HTTPS', 'GRPC', 'GRPCS', 'AUTO_HTTP', 'FCGI'),
  'proxy-ssl-verify': oneOf('on', 'off'),
  'proxy-ssl-verify-depth': nonNegativeInteger,
  'proxy-ssl-secret': secretRef,
  'enable-cors': boolean,
  'enable-modsecurity': boolean,
  'enable-owasp-core-rules': boolean,
  'modsecurity-transaction-id': directiveSafe,
};

/**
 * HSTS is a setting of the controller's ConfigMap (the guide's "配置 HSTS"), not of an Ingress:
 * values are still checked so a later move to the ConfigMap does not carry a typo along.
 */
export const nginxHstsChecks: Readonly<Record<string, ValueCheck>> = {
  hsts: boolean,
  'hsts-include-subdomains': boolean,
  'hsts-preload': boolean,
  'hsts-max-age': nonNegativeInteger,
};
