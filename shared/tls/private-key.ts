import { createPrivateKey, type KeyObject } from 'node:crypto';
import { describeBlock, type PemBlock, parsePemBlocks, TlsInputError } from './pem.js';

type DerKeyType = 'pkcs1' | 'pkcs8' | 'sec1';

const keyLabels: Readonly<Record<string, DerKeyType>> = {
  'PRIVATE KEY': 'pkcs8',
  'RSA PRIVATE KEY': 'pkcs1',
  'EC PRIVATE KEY': 'sec1',
};

/** The key type a legacy label promises (OpenSSL would otherwise accept any key under it). */
const labelKeyType: Readonly<Record<string, string>> = { 'RSA PRIVATE KEY': 'rsa', 'EC PRIVATE KEY': 'ec' };

/** Blocks tools put beside a key that carry no key material of their own. */
const ignoredLabels = new Set(['EC PARAMETERS']);

const ENCRYPTED_KEY =
  'is an encrypted private key, which is not supported: store it decrypted (openssl pkey -in key.pem -out plain.pem)';

function refuseEncrypted(block: PemBlock): void {
  if (block.label === 'ENCRYPTED PRIVATE KEY' || /ENCRYPTED/i.test(block.headers['Proc-Type'] ?? '')) {
    throw new TlsInputError(`${describeBlock(block)} ${ENCRYPTED_KEY}`, block.index);
  }
}

/**
 * Parses exactly one unencrypted private key in PEM: PKCS#8 ("PRIVATE KEY"), PKCS#1 ("RSA PRIVATE KEY")
 * or SEC1 ("EC PRIVATE KEY"). Encrypted keys and files with certificates or several keys are refused.
 */
export function parsePrivateKey(input: string | Uint8Array): KeyObject {
  let found: { block: PemBlock; type: DerKeyType } | undefined;
  for (const block of parsePemBlocks(input)) {
    if (ignoredLabels.has(block.label)) continue;
    refuseEncrypted(block);
    const type = keyLabels[block.label];
    if (!type) {
      throw new TlsInputError(
        `${describeBlock(block)} is not a private key (expected PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY)`,
        block.index,
      );
    }
    if (found) {
      throw new TlsInputError(
        `${describeBlock(block)} is a second private key (the first is ${describeBlock(found.block)})`,
        block.index,
      );
    }
    found = { block, type };
  }
  if (!found) throw new TlsInputError('contains no private key');
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: found.block.der, format: 'der', type: found.type });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new TlsInputError(
      `${describeBlock(found.block)} is not a valid private key: ${detail}`,
      found.block.index,
    );
  }
  const expected = labelKeyType[found.block.label];
  if (expected && key.asymmetricKeyType !== expected) {
    throw new TlsInputError(
      `${describeBlock(found.block)} is not a valid private key: it holds a ${key.asymmetricKeyType} key`,
      found.block.index,
    );
  }
  return key;
}
