/** The e2e case tables: YAML under test/fixtures/e2e with {{ns}} and {{id}} placeholders. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { daysFrom, issueCertificate, secretFor } from '../../support/certs.js';
import { repoRoot } from './acpnet-process.js';
import type { Manifest } from './cluster.js';

export interface CertificateSpec {
  name: string;
  dns: string[];
  notBeforeDays?: number;
  notAfterDays?: number;
}

export interface AdmissionCase {
  name: string;
  state?: Manifest[];
  certificates?: CertificateSpec[];
  apply?: Manifest;
  delete?: { resource: string; name: string; namespace?: string };
  expect: { denied?: string[]; stored?: Record<string, unknown> };
}

export function loadCases<T>(file: string, values: Record<string, string>): T[] {
  const source = path.join(repoRoot, 'test/fixtures/e2e', file);
  const text = readFileSync(source, 'utf8').replace(/\{\{(\w+)\}\}/g, (whole, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`${source}: unknown placeholder ${whole}`);
    return value;
  });
  const cases = parse(text) as unknown;
  if (!Array.isArray(cases)) throw new Error(`${source}: expected a list of cases`);
  return cases as T[];
}

/** kubernetes.io/tls Secrets for the case's certificates, valid from/to the given days from now. */
export async function certificateSecrets(
  specs: readonly CertificateSpec[],
  namespace: string,
): Promise<Manifest[]> {
  const now = new Date();
  return Promise.all(
    specs.map(async (spec) => {
      const certificate = await issueCertificate({
        dns: spec.dns,
        notBefore: daysFrom(now, spec.notBeforeDays ?? -1),
        notAfter: daysFrom(now, spec.notAfterDays ?? 365),
      });
      return secretFor(certificate, namespace, spec.name) as unknown as Manifest;
    }),
  );
}
