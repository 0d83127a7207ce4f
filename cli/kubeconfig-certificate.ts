import { readFileSync } from 'node:fs';
import type { KubeConfig } from '@kubernetes/client-node';
import { parseCertificateChain } from '../shared/tls/certificate.js';
import { certificateValidity } from '../shared/tls/validity.js';

/** The guide (step 6): once a kubecfg's certificate expires the LB stops working; warn this early. */
export const CERTIFICATE_WARNING_DAYS = 30;

/** The client certificate of a kubeconfig, judged at a moment. */
export interface CertificateCheck {
  /** Where it is: `client-certificate-data`, or `client-certificate FILE`. */
  source: string;
  notAfter: Date;
  verdict: 'valid' | 'expiring' | 'expired' | 'notYetValid';
  /** Whole days left (negative once expired). */
  daysLeft: number;
}

function certificatePem(kubeConfig: KubeConfig): { source: string; pem: Buffer } | undefined {
  const user = kubeConfig.getCurrentUser();
  if (user?.certData) return { source: 'client-certificate-data', pem: Buffer.from(user.certData, 'base64') };
  if (!user?.certFile) return undefined;
  const source = `client-certificate ${user.certFile}`;
  try {
    return { source, pem: readFileSync(user.certFile) };
  } catch (error) {
    throw new Error(`${source}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

/**
 * The client certificate of the kubeconfig's current user judged at `now`: expired (or not valid
 * yet), expiring within CERTIFICATE_WARNING_DAYS, or valid. Undefined when the user authenticates
 * otherwise (a token, an exec plugin). Throws, naming where, when the certificate cannot be read.
 */
export function checkClientCertificate(kubeConfig: KubeConfig, now: Date): CertificateCheck | undefined {
  const found = certificatePem(kubeConfig);
  if (!found) return undefined;
  let leaf: ReturnType<typeof parseCertificateChain>[number] | undefined;
  try {
    // The first certificate is the client's; any after it are its chain.
    leaf = parseCertificateChain(found.pem)[0];
  } catch (error) {
    throw new Error(`${found.source}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!leaf) throw new Error(`${found.source}: holds no certificate`);
  const validity = certificateValidity(leaf, now);
  const verdict =
    validity.state === 'expired'
      ? 'expired'
      : validity.state === 'not-yet-valid'
        ? 'notYetValid'
        : validity.daysUntilExpiry < CERTIFICATE_WARNING_DAYS
          ? 'expiring'
          : 'valid';
  return { source: found.source, notAfter: validity.notAfter, verdict, daysLeft: validity.daysUntilExpiry };
}
