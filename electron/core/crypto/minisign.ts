import { randomBytes } from 'node:crypto';
import { ed25519 } from '@noble/curves/ed25519.js';
import { blake2b } from '@noble/hashes/blake2.js';
import { AppError } from '../app-error';

/**
 * Minisign keys and signatures (https://jedisct1.github.io/minisign/), so that stock `minisign -V`
 * verifies what we sign and we verify what stock `minisign -S` signs. The primitives are
 * @noble/curves Ed25519 and @noble/hashes BLAKE2b; this module only reads and writes the formats.
 *
 * - public key: base64 of "Ed" ‖ key id (8) ‖ Ed25519 public key (32), after an untrusted comment line;
 * - secret key: base64 of "Ed" ‖ kdf ‖ "B2" ‖ salt (32) ‖ opslimit (8) ‖ memlimit (8) ‖ key id (8) ‖
 *   seed and public key (64) ‖ BLAKE2b-256 checksum (32); only unencrypted keys (kdf 0x0000,
 *   `minisign -G -W`) are read: password-protected ones need libsodium's scrypt parameters;
 * - signature: untrusted comment, base64 of "ED" ‖ key id ‖ Ed25519(BLAKE2b-512(file)) (or legacy
 *   "Ed" ‖ key id ‖ Ed25519(file)), trusted comment, base64 of Ed25519(signature ‖ trusted comment).
 */

export interface MinisignPublicKey {
  keyId: Uint8Array;
  publicKey: Uint8Array;
}

export interface MinisignSecretKey extends MinisignPublicKey {
  seed: Uint8Array;
}

export type MinisignVerdict = { ok: true; keyId: string; trustedComment: string; prehashed: boolean } | { ok: false; reason: string };

const ascii = (s: string) => new TextEncoder().encode(s);
const algEd = ascii('Ed');
const algPrehashed = ascii('ED');
const checksumAlg = ascii('B2');
const untrustedPrefix = 'untrusted comment: ';
const trustedPrefix = 'trusted comment: ';
const maxUntrustedComment = 1024;
const maxTrustedComment = 8192;

const equal = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);
const concat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** Strict base64 of exactly `length` bytes; anything else is null (Buffer alone would skip junk). */
function fromBase64(text: string, length: number): Uint8Array | null {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return null;
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length !== length || bytes.toString('base64') !== text) return null;
  return new Uint8Array(bytes);
}

const lines = (text: string) => text.split('\n').map((l) => l.replace(/\r$/, ''));

/** The key id as minisign prints it: the 8 bytes as a little-endian number in hex. */
export const keyIdHex = (keyId: Uint8Array): string => Buffer.from(keyId).reverse().toString('hex').toUpperCase();

const keyError = (message: string) => new AppError('key_invalid', message);

/** A public key from the base64 line of a `.pub` file, or from the whole file. */
export function parsePublicKey(text: string): MinisignPublicKey {
  const all = lines(text.trim());
  const line = all.length === 1 ? all[0]! : all[0]!.startsWith(untrustedPrefix) ? (all[1] ?? '') : '';
  const bytes = fromBase64(line.trim(), 42);
  if (!bytes || !equal(bytes.subarray(0, 2), algEd)) throw keyError('This is not a minisign public key (expected the base64 line of a minisign .pub file).');
  const publicKey = bytes.slice(10);
  if (!ed25519.utils.isValidPublicKey(publicKey, false)) throw keyError('This minisign public key does not hold a valid Ed25519 key.');
  return { keyId: bytes.slice(2, 10), publicKey };
}

/** The base64 form that policy keys such as `taxonomyKey` hold (the second line of a .pub file). */
export const publicKeyBase64 = (key: MinisignPublicKey): string => b64(concat(algEd, key.keyId, key.publicKey));

export const formatPublicKeyFile = (key: MinisignPublicKey): string =>
  `${untrustedPrefix}minisign public key ${keyIdHex(key.keyId)}\n${publicKeyBase64(key)}\n`;

export function generateKeyPair(): MinisignSecretKey {
  const seed = new Uint8Array(randomBytes(32));
  return { seed, publicKey: ed25519.getPublicKey(seed), keyId: new Uint8Array(randomBytes(8)) };
}

const secretChecksum = (key: MinisignSecretKey) => blake2b(concat(algEd, key.keyId, key.seed, key.publicKey), { dkLen: 32 });

/** An unencrypted minisign secret key file (as `minisign -G -W` writes it). */
export function parseSecretKey(text: string): MinisignSecretKey {
  const [comment, line] = lines(text.trim());
  const bytes = comment?.startsWith(untrustedPrefix) ? fromBase64(line?.trim() ?? '', 158) : null;
  if (!bytes || !equal(bytes.subarray(0, 2), algEd) || !equal(bytes.subarray(4, 6), checksumAlg)) {
    throw keyError('This is not a minisign secret key file.');
  }
  if (bytes[2] !== 0 || bytes[3] !== 0) {
    throw keyError('This minisign secret key is protected with a password; remove it with `minisign -C -W` or sign with stock minisign.');
  }
  const key = { keyId: bytes.slice(54, 62), seed: bytes.slice(62, 94), publicKey: bytes.slice(94, 126) };
  const checksum = bytes.subarray(126, 158);
  // Stock minisign leaves the checksum of an unencrypted key at zero; when one is there, it must hold.
  const damaged = (checksum.some((b) => b !== 0) && !equal(checksum, secretChecksum(key))) || !equal(ed25519.getPublicKey(key.seed), key.publicKey);
  if (damaged) throw keyError('This minisign secret key file is damaged.');
  return key;
}

export function formatSecretKeyFile(key: MinisignSecretKey): string {
  const zeros = (n: number) => new Uint8Array(n);
  const body = concat(algEd, zeros(2), checksumAlg, zeros(32), zeros(8), zeros(8), key.keyId, key.seed, key.publicKey, secretChecksum(key));
  return `${untrustedPrefix}minisign secret key (unencrypted)\n${b64(body)}\n`;
}

function checkComment(comment: string, max: number, what: string): void {
  if (/[\r\n]/.test(comment)) throw new AppError('invalid_request', `The ${what} must be one line.`);
  if (Buffer.byteLength(comment) >= max) throw new AppError('invalid_request', `The ${what} must be shorter than ${max} bytes.`);
}

/** Signs `message` the way `minisign -S` does (prehashed) and returns the signature file's text. */
export function sign(message: Uint8Array, key: MinisignSecretKey, comments: { trustedComment: string; untrustedComment?: string }): string {
  const untrusted = comments.untrustedComment ?? 'signature from minisign secret key';
  checkComment(untrusted, maxUntrustedComment, 'untrusted comment');
  checkComment(comments.trustedComment, maxTrustedComment, 'trusted comment');
  const signature = ed25519.sign(blake2b(message, { dkLen: 64 }), key.seed);
  const global = ed25519.sign(concat(signature, Buffer.from(comments.trustedComment, 'utf8')), key.seed);
  return `${untrustedPrefix}${untrusted}\n${b64(concat(algPrehashed, key.keyId, signature))}\n${trustedPrefix}${comments.trustedComment}\n${b64(global)}\n`;
}

/** Strict RFC 8032 verification, as libsodium does; malformed input is a failed check, not a crash. */
function ed25519Verify(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean {
  try {
    return ed25519.verify(signature, message, publicKey, { zip215: false });
  } catch {
    return false;
  }
}

/**
 * The key id a signature file names, to pick the trusted key it claims (null when the text is not
 * a minisign signature). Says nothing about whether the signature holds: `verify` decides that.
 */
export function signatureKeyId(signatureText: string): string | null {
  if (signatureText.length > maxUntrustedComment + maxTrustedComment + 512) return null;
  const [untrusted, sigLine] = lines(signatureText);
  if (!untrusted?.startsWith(untrustedPrefix) || sigLine === undefined) return null;
  const sig = fromBase64(sigLine.trim(), 74);
  return sig ? keyIdHex(sig.subarray(2, 10)) : null;
}

/**
 * Verifies a signature file's text for `message` against a trusted public key, as `minisign -V`
 * does: both the file signature and the signature over the trusted comment must hold. Accepts the
 * prehashed format and the legacy one.
 */
export function verify(message: Uint8Array, signatureText: string, key: MinisignPublicKey): MinisignVerdict {
  if (signatureText.length > maxUntrustedComment + maxTrustedComment + 512) return { ok: false, reason: 'the signature file is too large' };
  const [untrusted, sigLine, trusted, globalLine] = lines(signatureText);
  if (!untrusted?.startsWith(untrustedPrefix) || !trusted?.startsWith(trustedPrefix) || sigLine === undefined || globalLine === undefined) {
    return { ok: false, reason: 'the signature file is not in minisign format' };
  }
  const sig = fromBase64(sigLine.trim(), 74);
  const global = fromBase64(globalLine.trim(), 64);
  if (!sig || !global) return { ok: false, reason: 'the signature file is not in minisign format' };
  const alg = sig.subarray(0, 2);
  const prehashed = equal(alg, algPrehashed);
  if (!prehashed && !equal(alg, algEd)) return { ok: false, reason: 'the signature uses an unknown algorithm' };
  const keyId = sig.subarray(2, 10);
  if (!equal(keyId, key.keyId)) {
    return { ok: false, reason: `it was made with another key (key id ${keyIdHex(keyId)}, expected ${keyIdHex(key.keyId)})` };
  }
  const signature = sig.subarray(10);
  if (!ed25519Verify(signature, prehashed ? blake2b(message, { dkLen: 64 }) : message, key.publicKey)) {
    return { ok: false, reason: 'the file does not match its signature (it was changed after signing, or signed with another key)' };
  }
  const trustedComment = trusted.slice(trustedPrefix.length);
  if (!ed25519Verify(global, concat(signature, Buffer.from(trustedComment, 'utf8')), key.publicKey)) {
    return { ok: false, reason: 'the trusted comment was changed after signing' };
  }
  return { ok: true, keyId: keyIdHex(keyId), trustedComment, prehashed };
}
