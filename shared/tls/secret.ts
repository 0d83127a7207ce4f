import type { KeyObject, X509Certificate } from 'node:crypto';
import type { KubeObject } from '../kube/object.js';
import { formatPath } from '../kube/schema-issues.js';
import { brokenChainLinks, parseCertificateChain } from './certificate.js';
import { keyMatchesCertificate } from './key-match.js';
import { BINARY_NOT_SUPPORTED, isBinaryContent, TlsInputError } from './pem.js';
import { parsePrivateKey } from './private-key.js';
import { certificateValidity, type Validity } from './validity.js';

export const TLS_SECRET_TYPE = 'kubernetes.io/tls';
export const EXPIRY_WARNING_DAYS = 30;

export type TlsProblemCode =
  | 'WrongType'
  | 'MissingKey'
  | 'InvalidBase64'
  | 'Binary'
  | 'InvalidPem'
  | 'EncryptedKey'
  | 'KeyMismatch'
  | 'ChainOrder'
  | 'Expired'
  | 'NotYetValid'
  | 'ExpiringSoon';

export interface TlsProblem {
  code: TlsProblemCode;
  /** Path into the Secret, e.g. `data["tls.crt"]`. */
  field: string;
  message: string;
  /** What a plain Secret deserves; callers with stricter needs (Domain: expired) may raise it. */
  severity: 'error' | 'warning';
}

export interface TlsSecretCheck {
  problems: TlsProblem[];
  /** The parsed chain, leaf first, when tls.crt parsed. */
  chain?: X509Certificate[];
  key?: KeyObject;
  validity?: Validity;
  /** Where tls.crt was read from: `data["tls.crt"]` or `stringData["tls.crt"]`. */
  certificateField: string;
}

const strictBase64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

type Decoded = { field: string; bytes: Uint8Array } | { field: string; problem: TlsProblem } | undefined;

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** Reads one key: stringData wins over data, as the API server merges them. */
function readEntry(secret: KubeObject, key: string): Decoded {
  const stringValue = record(secret['stringData'])[key];
  if (typeof stringValue === 'string') {
    return { field: formatPath(['stringData', key]), bytes: Buffer.from(stringValue, 'utf8') };
  }
  const field = formatPath(['data', key]);
  const encoded = record(secret['data'])[key];
  if (encoded === undefined || encoded === null) return undefined;
  if (typeof encoded !== 'string' || !strictBase64.test(encoded.replace(/\s+/g, ''))) {
    return {
      field,
      problem: { code: 'InvalidBase64', field, severity: 'error', message: 'is not valid base64' },
    };
  }
  return { field, bytes: Buffer.from(encoded, 'base64') };
}

function inputProblem(field: string, error: unknown): TlsProblem {
  if (!(error instanceof TlsInputError)) throw error;
  const code: TlsProblemCode =
    error.message === BINARY_NOT_SUPPORTED
      ? 'Binary'
      : /encrypted/.test(error.message)
        ? 'EncryptedKey'
        : 'InvalidPem';
  return { code, field, severity: 'error', message: error.message };
}

function decodeEntry(secret: KubeObject, key: string, problems: TlsProblem[]): Decoded {
  const entry = readEntry(secret, key);
  if (entry === undefined) {
    const field = formatPath(['data', key]);
    problems.push({
      code: 'MissingKey',
      field,
      severity: 'error',
      message: `is required in a ${TLS_SECRET_TYPE} Secret`,
    });
    return undefined;
  }
  if ('problem' in entry) {
    problems.push(entry.problem);
    return undefined;
  }
  if (entry.bytes.length === 0) {
    problems.push({
      code: 'MissingKey',
      field: entry.field,
      severity: 'error',
      message: `is empty; a ${TLS_SECRET_TYPE} Secret needs PEM text here`,
    });
    return undefined;
  }
  if (isBinaryContent(entry.bytes)) {
    problems.push({ code: 'Binary', field: entry.field, severity: 'error', message: BINARY_NOT_SUPPORTED });
    return undefined;
  }
  return entry;
}

function validityProblems(field: string, validity: Validity, expiryWarningDays: number): TlsProblem[] {
  const until = validity.notAfter.toISOString();
  switch (validity.state) {
    case 'expired':
      return [{ code: 'Expired', field, severity: 'warning', message: `certificate expired at ${until}` }];
    case 'not-yet-valid':
      return [
        {
          code: 'NotYetValid',
          field,
          severity: 'warning',
          message: `certificate is not valid before ${validity.notBefore.toISOString()}`,
        },
      ];
    case 'valid':
      return validity.daysUntilExpiry < expiryWarningDays
        ? [
            {
              code: 'ExpiringSoon',
              field,
              severity: 'warning',
              message: `certificate expires in ${validity.daysUntilExpiry} days (at ${until})`,
            },
          ]
        : [];
  }
}

/**
 * Checks a `kubernetes.io/tls` Secret: tls.crt and tls.key present, base64 of PEM text (never binary),
 * a parseable certificate chain in issuing order, an unencrypted key matching the leaf, and the leaf's
 * validity window at `now` (expired, not yet valid and expiring within `expiryWarningDays` as warnings).
 */
export function checkTlsSecret(
  secret: KubeObject,
  now: Date,
  options: { expiryWarningDays?: number } = {},
): TlsSecretCheck {
  const problems: TlsProblem[] = [];
  const type = secret['type'];
  if (type !== TLS_SECRET_TYPE) {
    problems.push({
      code: 'WrongType',
      field: 'type',
      severity: 'error',
      message: `is ${JSON.stringify(type ?? '')}, expected ${JSON.stringify(TLS_SECRET_TYPE)}`,
    });
  }
  const result: TlsSecretCheck = { problems, certificateField: formatPath(['data', 'tls.crt']) };
  const crt = decodeEntry(secret, 'tls.crt', problems);
  const key = decodeEntry(secret, 'tls.key', problems);

  if (crt && 'bytes' in crt) {
    try {
      const chain = parseCertificateChain(crt.bytes);
      result.chain = chain;
      result.certificateField = crt.field;
      for (const index of brokenChainLinks(chain)) {
        problems.push({
          code: 'ChainOrder',
          field: crt.field,
          severity: 'warning',
          message: `certificate ${index} was not issued by certificate ${index + 1}: order the chain leaf first, then each issuer`,
        });
      }
      result.validity = certificateValidity(chain[0]!, now);
      problems.push(
        ...validityProblems(crt.field, result.validity, options.expiryWarningDays ?? EXPIRY_WARNING_DAYS),
      );
    } catch (error) {
      problems.push(inputProblem(crt.field, error));
    }
  }
  if (key && 'bytes' in key) {
    try {
      result.key = parsePrivateKey(key.bytes);
    } catch (error) {
      problems.push(inputProblem(key.field, error));
    }
  }
  if (result.key && result.chain?.[0] && !keyMatchesCertificate(result.key, result.chain[0])) {
    problems.push({
      code: 'KeyMismatch',
      field: key?.field ?? formatPath(['data', 'tls.key']),
      severity: 'error',
      message: 'does not match the public key of the first certificate in tls.crt',
    });
  }
  return result;
}

/** True when nothing in the check is an error (warnings allowed). */
export function isUsableTlsSecret(check: TlsSecretCheck): boolean {
  return check.problems.every((p) => p.severity !== 'error');
}
