import type { Domain, DomainKind } from '../../../shared/kube/schemas/alauda-domain.js';
import { DOMAIN } from '../../../shared/kube/schemas/alauda-domain.js';
import { deny } from '../findings.js';
import type { Finding, ValidationRule } from '../types.js';

const RULE = 'certificates/domain-name';
const label = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** RFC 1123 DNS subdomain: lowercase labels of a-z, 0-9 and inner "-", ≤63 each, ≤253 in all. */
function isDnsSubdomain(name: string): boolean {
  return name.length <= 253 && name.split('.').every((part) => part.length <= 63 && label.test(part));
}

const RFC1123 =
  'must be a lowercase RFC 1123 domain name (labels of a-z, 0-9 and "-", at most 63 characters each, 253 in total)';

function nameFindings(name: string, kind: DomainKind): Finding[] {
  const field = 'spec.name';
  if (kind === 'wildcard') {
    if (!name.startsWith('*.')) {
      return [
        deny(
          RULE,
          field,
          `must be "*." followed by a domain for kind wildcard (e.g. *.test.cn)`,
          'InvalidDomainName',
        ),
      ];
    }
    const domain = name.slice(2);
    if (domain.includes('*')) {
      return [deny(RULE, field, `may hold "*" only as its whole first label`, 'InvalidDomainName')];
    }
    return isDnsSubdomain(domain) ? [] : [deny(RULE, field, `after "*.": ${RFC1123}`, 'InvalidDomainName')];
  }
  if (name.includes('*')) {
    return [
      deny(
        RULE,
        field,
        `must not contain "*" for kind full; a wildcard domain needs kind wildcard`,
        'InvalidDomainName',
      ),
    ];
  }
  return isDnsSubdomain(name) ? [] : [deny(RULE, field, RFC1123, 'InvalidDomainName')];
}

/**
 * Domain names: kind full is a plain domain (`developer.test.cn`), kind wildcard is `*.` plus a domain
 * (`*.test.cn`, which covers every name directly under test.cn).
 */
export const domainNameRule: ValidationRule<Domain> = {
  id: RULE,
  kinds: [DOMAIN],
  reasons: ['InvalidDomainName'],
  guide: '配置域名',
  check({ object }) {
    return nameFindings(object.spec.name, object.spec.kind);
  },
};
