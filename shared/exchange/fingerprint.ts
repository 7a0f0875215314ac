import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * A workstation's fingerprint, to read over the phone when its keys are registered: 20 digits in
 * five groups of four, from the first 64 bits of SHA-256 over both public keys. Digits are easy to
 * read aloud in Dutch and English; 64 bits make a second key pair with the same fingerprint
 * far too costly to find. The team lead can compute the same from the keys in policy.
 */
export function keyFingerprint(signer: string, recipient: string): string {
  const digest = sha256(utf8ToBytes(`obi-werkplek workstation\n${signer}\n${recipient}\n`));
  let n = 0n;
  for (const byte of digest.subarray(0, 8)) n = (n << 8n) | BigInt(byte);
  return n
    .toString()
    .padStart(20, '0')
    .replace(/(\d{4})(?=\d)/g, '$1 ');
}
