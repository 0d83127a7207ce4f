import type { X509Certificate } from 'node:crypto';

export type ValidityState = 'valid' | 'expired' | 'not-yet-valid';

export interface Validity {
  state: ValidityState;
  notBefore: Date;
  notAfter: Date;
  /** Whole days from `now` until notAfter; negative once expired. */
  daysUntilExpiry: number;
}

const DAY_MS = 86_400_000;

export function certificateValidity(certificate: X509Certificate, now: Date): Validity {
  const notBefore = certificate.validFromDate;
  const notAfter = certificate.validToDate;
  const state: ValidityState =
    now.getTime() < notBefore.getTime()
      ? 'not-yet-valid'
      : now.getTime() > notAfter.getTime()
        ? 'expired'
        : 'valid';
  return {
    state,
    notBefore,
    notAfter,
    daysUntilExpiry: Math.floor((notAfter.getTime() - now.getTime()) / DAY_MS),
  };
}
