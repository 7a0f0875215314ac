import { basename } from 'node:path';
import { AppError } from '../app-error';
import { limitFor } from '../platform/file-limits';
import { FileRefused, readBoundedFileSync } from '../platform/read-bounded';
import { verify, type MinisignPublicKey } from './minisign';

/** Beside every signed file lies `FILE.minisig`, as stock minisign expects. */
export const signatureSuffix = '.minisig';

export interface SignedFile {
  name: string;
  bytes: Buffer;
  /** The text of `FILE.minisig`. */
  signature: string;
}

/**
 * Reads a file and the signature beside it, each only when it is a regular file within its limit
 * (a pipe or a device is refused at once). No signature is a refusal, not a warning: an unsigned
 * file is never trusted. Messages name the file by its base name only.
 */
export function readSignedFile(path: string, maxBytes: number, what: string): SignedFile {
  const name = basename(path);
  const bytes = readBoundedFileSync(path, { what, maxBytes });
  let signature: Buffer;
  try {
    signature = readBoundedFileSync(path + signatureSuffix, limitFor('signature', `signature of the ${what}`));
  } catch (e) {
    if (e instanceof FileRefused && e.why === 'does not exist') {
      throw new AppError('signature_missing', `The ${what} is not signed: ${name}${signatureSuffix} is missing beside it; an unsigned file is refused.`);
    }
    throw e;
  }
  return { name, bytes, signature: signature.toString('utf8') };
}

/** Checks the signature against the trusted key; returns the signer's key id and trusted comment. */
export function verifySignedFile(file: SignedFile, trusted: MinisignPublicKey, what: string): { keyId: string; trustedComment: string } {
  const verdict = verify(file.bytes, file.signature, trusted);
  if (!verdict.ok) throw new AppError('signature_invalid', `The signature of the ${what} is not valid: ${verdict.reason}.`);
  return { keyId: verdict.keyId, trustedComment: verdict.trustedComment };
}
