import { KubeConfig } from '@kubernetes/client-node';
import { checkClientCertificate } from './kubeconfig-certificate.js';

/** A kubeconfig sync may use: its file, the loaded config and the server it names. */
export interface ClusterAccess {
  file: string;
  kubeConfig: KubeConfig;
  server: string;
}

export type AccessResult =
  /** Usable; `warning` when its client certificate expires soon. */
  | { access: ClusterAccess; warning?: string }
  /** Not usable: the reason names the file (and, for a certificate, its date). */
  | { refused: string; unreadable: boolean };

const day = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * Loads a kubeconfig and judges its client certificate at `now`: an expired one (or one not valid
 * yet) is refused, one that expires within 30 days is usable with a warning. Read afresh at every
 * connection, so a kubecfg renewed on disk (the guide's step 7 after a certificate rotation) is
 * taken up without a restart.
 */
export function openKubeconfig(file: string, now: Date): AccessResult {
  const kubeConfig = new KubeConfig();
  try {
    kubeConfig.loadFromFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code ?? (error instanceof Error ? error.message : String(error));
    return { refused: `${file}: ${code ? 'cannot read' : 'not a kubeconfig'} (${reason})`, unreadable: true };
  }
  const cluster = kubeConfig.getCurrentCluster();
  if (!cluster) return { refused: `${file}: no current cluster (current-context)`, unreadable: true };
  let certificate: ReturnType<typeof checkClientCertificate>;
  try {
    certificate = checkClientCertificate(kubeConfig, now);
  } catch (error) {
    return {
      refused: `${file}: ${error instanceof Error ? error.message : String(error)}`,
      unreadable: true,
    };
  }
  const access = { file, kubeConfig, server: cluster.server };
  if (!certificate || certificate.verdict === 'valid') return { access };
  const what = `${file}: client certificate (${certificate.source})`;
  switch (certificate.verdict) {
    case 'expired':
      return {
        refused: `${what} expired on ${day(certificate.notAfter)}; refused: renew it (copy the cluster's admin.conf again)`,
        unreadable: false,
      };
    case 'notYetValid':
      return {
        refused: `${what} is not valid yet; refused (is this host's clock right?)`,
        unreadable: false,
      };
    case 'expiring':
      return {
        access,
        warning: `${what} expires on ${day(certificate.notAfter)}, in ${certificate.daysLeft} days; renew it before then or this LB host stops following the cluster`,
      };
  }
}
