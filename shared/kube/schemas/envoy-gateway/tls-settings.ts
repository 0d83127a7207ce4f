import { z } from 'zod';

/** TLS settings shared by ClientTrafficPolicy.tls and EnvoyProxy.backendTLS. */

export const tlsVersion = z.enum(['Auto', '1.0', '1.1', '1.2', '1.3']);

const minOrder: Record<string, number> = { Auto: 0, '1.0': 1, '1.1': 2, '1.2': 3, '1.3': 4 };
const maxOrder: Record<string, number> = { '1.0': 1, '1.1': 2, '1.2': 3, '1.3': 4, Auto: 5 };

/** The CRD rules on TLS versions (ClientTrafficPolicy.tls and EnvoyProxy.backendTLS). */
export function refineTlsVersions(
  tls: { minVersion?: string; maxVersion?: string; ciphers?: string[] },
  ctx: z.RefinementCtx,
) {
  if (tls.minVersion === '1.3' && tls.ciphers !== undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['ciphers'],
      message: 'setting ciphers has no effect if the minimum possible TLS version is 1.3',
    });
  }
  if (tls.maxVersion === undefined) return;
  const min = tls.minVersion === undefined ? 3 : (minOrder[tls.minVersion] ?? 0);
  if (min > (maxOrder[tls.maxVersion] ?? 5)) {
    ctx.addIssue({
      code: 'custom',
      path: ['minVersion'],
      message: `minVersion must be smaller or equal to maxVersion (${tls.minVersion ?? '1.2 by default'} > ${tls.maxVersion})`,
    });
  }
}

export const tlsSettingsShape = {
  minVersion: tlsVersion.optional(),
  maxVersion: tlsVersion.optional(),
  ciphers: z.array(z.string()).optional(),
  ecdhCurves: z.array(z.string()).optional(),
  signatureAlgorithms: z.array(z.string()).optional(),
  alpnProtocols: z.array(z.string()).optional(),
  fingerprints: z.array(z.enum(['JA3', 'JA4'])).optional(),
};
