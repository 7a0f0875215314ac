import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { AppError } from '../app-error';
import { verify, type MinisignPublicKey } from './minisign';

/** Beside every signed file lies `FILE.minisig`, as stock minisign expects. */
export const signatureSuffix = '.minisig';
const maxSignatureBytes = 16 * 1024;

export interface SignedFile {
  name: string;
  bytes: Buffer;
  /** The text of `FILE.minisig`. */
  signature: string;
}

function readLimited(path: string, maxBytes: number, what: string): Buffer {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new AppError('io_error', `The ${what} cannot be read.`);
  }
  if (size > maxBytes) throw new AppError('file_too_large', `The ${what} is larger than ${Math.floor(maxBytes / 1024)} KiB.`);
  try {
    return readFileSync(path);
  } catch {
    throw new AppError('io_error', `The ${what} cannot be read.`);
  }
}

/**
 * Reads a file and the signature beside it. No signature is a refusal, not a warning: an unsigned
 * file is never trusted. Messages name the file by its base name only.
 */
export function readSignedFile(path: string, maxBytes: number, what: string): SignedFile {
  const name = basename(path);
  const bytes = readLimited(path, maxBytes, what);
  try {
    statSync(path + signatureSuffix);
  } catch {
    throw new AppError('signature_missing', `The ${what} is not signed: ${name}${signatureSuffix} is missing beside it; an unsigned file is refused.`);
  }
  const signature = readLimited(path + signatureSuffix, maxSignatureBytes, `signature of the ${what}`);
  return { name, bytes, signature: signature.toString('utf8') };
}

/** Checks the signature against the trusted key; returns the signer's key id and trusted comment. */
export function verifySignedFile(file: SignedFile, trusted: MinisignPublicKey, what: string): { keyId: string; trustedComment: string } {
  const verdict = verify(file.bytes, file.signature, trusted);
  if (!verdict.ok) throw new AppError('signature_invalid', `The signature of the ${what} is not valid: ${verdict.reason}.`);
  return { keyId: verdict.keyId, trustedComment: verdict.trustedComment };
}
