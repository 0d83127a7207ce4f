import { hostProblem, parseSecretRef } from './hostnames.js';

export interface AlbTlsEntry {
  host: string;
  namespace: string;
  name: string;
}

export interface AlbTlsAnnotation {
  entries: AlbTlsEntry[];
  /** One sentence per malformed entry, naming the entry. */
  problems: string[];
}

/** Parses `host=ns/secret,host2=ns/secret2` (the guide's cross-namespace certificate annotation). */
export function parseAlbTlsAnnotation(text: string): AlbTlsAnnotation {
  const entries: AlbTlsEntry[] = [];
  const problems: string[] = [];
  for (const [i, raw] of text.split(',').entries()) {
    const entry = raw.trim();
    const [host, ref, ...more] = entry.split('=');
    if (!host || !ref || more.length > 0) {
      problems.push(`entry ${i + 1} "${entry}" is not "host=namespace/secret"`);
      continue;
    }
    const badHost = hostProblem(host);
    if (badHost) problems.push(`entry ${i + 1}: ${badHost}`);
    const secret = parseSecretRef(ref);
    if (!secret) problems.push(`entry ${i + 1}: "${ref}" is not "namespace/secret" with DNS-1123 names`);
    if (!badHost && secret) entries.push({ host, ...secret });
  }
  return { entries, problems };
}
