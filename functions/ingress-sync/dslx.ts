import { termOf } from '../../shared/alb/dslx.js';
import type { DslxTerm } from '../../shared/kube/schemas/alb.js';
import type { PathType } from '../../shared/kube/schemas/ingress.js';

/** Characters that make an ImplementationSpecific path a regular expression ('.' is common in plain paths). */
const REGEX_META = /[\^$*+?()[\]{}|\\]/;

export function isRegexPath(path: string): boolean {
  return REGEX_META.test(path);
}

/** `*.example.com` matches by suffix `.example.com`; any other host exactly. */
export function hostTerm(host: string): DslxTerm {
  if (host.startsWith('*.')) return termOf('HOST', 'ENDS_WITH', host.slice(1));
  return termOf('HOST', 'EQ', host);
}

export function urlTerm(path: string, pathType: PathType): DslxTerm {
  switch (pathType) {
    case 'Exact':
      return termOf('URL', 'EQ', path);
    case 'Prefix':
      return termOf('URL', 'STARTS_WITH', path);
    case 'ImplementationSpecific':
      if (isRegexPath(path)) return termOf('URL', 'REGEX', path.startsWith('^') ? path : `^${path}`);
      return termOf('URL', 'STARTS_WITH', path);
  }
}

export function dslxFor(host: string, path: string, pathType: PathType): DslxTerm[] {
  return host ? [hostTerm(host), urlTerm(path, pathType)] : [urlTerm(path, pathType)];
}
