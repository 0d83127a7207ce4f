export { brokenChainLinks, parseCertificateChain } from './certificate.js';
export {
  type CertificateNames,
  certificateCoversHost,
  certificateNames,
  describeNames,
  namesCoverHost,
} from './hostname.js';
export { keyMatchesCertificate } from './key-match.js';
export {
  BINARY_NOT_SUPPORTED,
  isBinaryContent,
  type PemBlock,
  parsePemBlocks,
  TlsInputError,
} from './pem.js';
export { parsePrivateKey } from './private-key.js';
export {
  checkTlsSecret,
  EXPIRY_WARNING_DAYS,
  isUsableTlsSecret,
  TLS_SECRET_TYPE,
  type TlsProblem,
  type TlsProblemCode,
  type TlsSecretCheck,
} from './secret.js';
export { certificateValidity, type Validity, type ValidityState } from './validity.js';
