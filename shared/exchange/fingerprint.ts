import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';

/** 40 digits: log2(10^40) ≈ 132.9 bits. */
const digits = 40;

/**
 * A workstation's fingerprint, to read over the phone when its keys are registered: 40 digits in
 * ten groups of four, from the whole SHA-256 over both public keys, taken modulo 10^40 (the bias
 * of that reduction is below 2^-120). Digits are easy to read aloud in Dutch and English. The key
 * id inside a minisign key is free for whoever makes the key, so an attacker who intercepts a
 * mailed sheet can vary it without making new keys: at 64 bits that search was within a state's
 * reach, at 132 bits it is not. The team lead computes the same from the keys in policy.
 */
export function keyFingerprint(signer: string, recipient: string): string {
  const digest = sha256(utf8ToBytes(`obi-werkplek workstation\n${signer}\n${recipient}\n`));
  let n = 0n;
  for (const byte of digest) n = (n << 8n) | BigInt(byte);
  return (n % 10n ** BigInt(digits))
    .toString()
    .padStart(digits, '0')
    .replace(/(\d{4})(?=\d)/g, '$1 ');
}
