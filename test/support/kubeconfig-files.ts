/** Kubeconfig files for tests of commands that read them: client certificates inline or as files. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { keyPem, type TestCertificate } from './certs.js';

export interface KubeconfigSpec {
  server: string;
  /** The server's CA (PEM); without it the server's certificate is not verified. */
  caPem?: string;
  /** The client certificate and its key, inline (client-certificate-data) unless `asFiles`. */
  client?: TestCertificate;
  /** Write the certificate and key beside the kubeconfig (client-certificate: FILE). */
  asFiles?: boolean;
  token?: string;
}

const b64 = (text: string) => Buffer.from(text).toString('base64');

/** Writes DIR/NAME (and, with `asFiles`, NAME.crt and NAME.key beside it); returns its path. */
export function writeKubeconfig(dir: string, name: string, spec: KubeconfigSpec): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  const cluster = spec.caPem
    ? `certificate-authority-data: ${b64(spec.caPem)}`
    : 'insecure-skip-tls-verify: true';
  let user = spec.token ? `{ token: ${spec.token} }` : '{}';
  if (spec.client) {
    const key = keyPem(spec.client.key);
    if (spec.asFiles) {
      writeFileSync(`${file}.crt`, spec.client.certPem);
      writeFileSync(`${file}.key`, key);
      user = `{ client-certificate: ${name}.crt, client-key: ${name}.key }`;
    } else {
      user = `{ client-certificate-data: ${b64(spec.client.certPem)}, client-key-data: ${b64(key)} }`;
    }
  }
  writeFileSync(
    file,
    [
      'apiVersion: v1',
      'kind: Config',
      `clusters: [{ name: c, cluster: { server: "${spec.server}", ${cluster} } }]`,
      `users: [{ name: u, user: ${user} }]`,
      'contexts: [{ name: x, context: { cluster: c, user: u } }]',
      'current-context: x',
      '',
    ].join('\n'),
  );
  return file;
}
