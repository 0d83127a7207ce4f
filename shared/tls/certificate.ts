import { X509Certificate } from 'node:crypto';
import { describeBlock, parsePemBlocks, TlsInputError } from './pem.js';

/**
 * Parses a PEM certificate chain, leaf first. Every block must be a CERTIFICATE; a key or any other
 * block in a certificate file is an error naming its index.
 */
export function parseCertificateChain(input: string | Uint8Array): X509Certificate[] {
  const chain: X509Certificate[] = [];
  for (const block of parsePemBlocks(input)) {
    if (block.label !== 'CERTIFICATE') {
      throw new TlsInputError(
        `${describeBlock(block)} is not a certificate (expected CERTIFICATE)`,
        block.index,
      );
    }
    try {
      chain.push(new X509Certificate(block.der));
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new TlsInputError(
        `${describeBlock(block)} is not a valid X.509 certificate: ${detail}`,
        block.index,
      );
    }
  }
  return chain;
}

/**
 * Indexes i where chain[i] was not issued (signed) by chain[i + 1]: a chain out of order or with a
 * foreign certificate in it. Clients build the path from the order given, so this matters.
 */
export function brokenChainLinks(chain: readonly X509Certificate[]): number[] {
  const broken: number[] = [];
  for (let i = 0; i + 1 < chain.length; i++) {
    const child = chain[i]!;
    const parent = chain[i + 1]!;
    if (!child.checkIssued(parent) || !child.verify(parent.publicKey)) broken.push(i);
  }
  return broken;
}
