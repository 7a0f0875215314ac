import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Decrypter, Encrypter, type Identity } from 'age-encryption';
import { z } from 'zod';
import { readPayload, type Payload } from '../../../shared/exchange/payload';
import { AppError } from '../app-error';
import { keyIdHex, parsePublicKey, sign, signatureKeyId, verify, type MinisignPublicKey, type MinisignSecretKey } from '../crypto/minisign';
import { signatureSuffix, type SignedFile } from '../crypto/signed-file';
import { writeFileAtomic } from '../platform/atomic-write';
import { readBundleFiles } from '../transport/bundle-files';
import { maxBundleFileBytes, padPayload } from './bundle-size';

/**
 * The envelope of a bundle, in standard formats so that nobody needs our code to check it:
 * `<id>.age` is the payload JSON encrypted with age to the recipients, and `<id>.age.minisig` a
 * minisign signature (Ed25519 over BLAKE2b-512) of the encrypted bytes by the sender's workstation
 * key. Stock `age -d -i KEY <id>.age` and `minisign -Vm <id>.age -p SENDER.pub` work on them.
 * The signature covers the ciphertext, so a receiver checks who sent a file before decrypting it.
 */

export interface SealedBundle {
  age: Uint8Array;
  minisig: string;
}

const bundleFileId = z.uuid();

/**
 * Encrypts the payload to every recipient and signs the result. The payload is checked against the
 * contract first: an invalid payload is never sealed. It is padded inside the encryption to a fixed
 * step (bundle-size.ts), so the file's size does not tell how many signals it holds. The trusted
 * comment names the file, kind and hour of the bundle, nothing personal.
 */
export async function sealPayload(payloadJson: string, recipients: readonly string[], signer: MinisignSecretKey): Promise<SealedBundle> {
  let decoded: unknown;
  try {
    decoded = JSON.parse(payloadJson);
  } catch {
    throw new AppError('bundle_invalid', 'The payload to seal is not valid JSON.');
  }
  const read = readPayload(decoded);
  if (!read.ok)
    throw new AppError('bundle_invalid', `The payload to seal is not valid: ${read.problem.path}: ${read.problem.message}.`, { field: read.problem.path });
  if (recipients.length === 0) throw new AppError('key_invalid', 'A bundle needs at least one recipient.');
  const encrypter = new Encrypter();
  recipients.forEach((r, i) => {
    try {
      if (!r.startsWith('age1')) throw new Error('not age1');
      encrypter.addRecipient(r);
    } catch {
      throw new AppError('key_invalid', `Recipient ${i + 1} is not an age recipient (age1…).`);
    }
  });
  const age = await encrypter.encrypt(padPayload(payloadJson));
  const { id, kind, created } = read.value.manifest;
  const minisig = sign(age, signer, {
    trustedComment: `file:${id}.age kind:${kind} created:${created}`,
    untrustedComment: 'signature from an OBI Werkplek workstation key',
  });
  return { age, minisig };
}

const sameFile = (path: string, bytes: Uint8Array) => existsSync(path) && Buffer.compare(readFileSync(path), bytes) === 0;

/**
 * Writes `<id>.age.minisig`, then `<id>.age`, each atomically (temporary name, fsync, rename), so
 * a reader that sees `<id>.age` also finds its signature. Writing the same sealed bundle again is
 * a no-op; a different bundle under an existing id is refused rather than overwritten.
 * Readers of a folder should skip names starting with `.`: the temporary files.
 */
export function writeBundleFiles(dir: string, id: string, sealed: SealedBundle): { agePath: string; signaturePath: string } {
  if (!bundleFileId.safeParse(id).success) throw new AppError('invalid_request', 'A bundle id must be a UUID.');
  const agePath = join(dir, `${id}.age`);
  const signaturePath = agePath + signatureSuffix;
  const signature = Buffer.from(sealed.minisig, 'utf8');
  try {
    if (existsSync(agePath)) {
      if (sameFile(agePath, sealed.age) && sameFile(signaturePath, signature)) return { agePath, signaturePath };
      throw new AppError('conflict', `Another bundle ${id}.age is already there; it is not overwritten.`);
    }
    writeFileAtomic(signaturePath, signature, 0o644);
    writeFileAtomic(agePath, sealed.age, 0o644);
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('io_error', `The bundle ${id}.age cannot be written.`);
  }
  return { agePath, signaturePath };
}

/** A sender this workstation trusts, as policy lists it. */
export interface TrustedSigner {
  name: string;
  /** Minisign public key, base64. */
  signer: string;
}

export interface OpenBundleOptions {
  /** age identities (`AGE-SECRET-KEY-1…`) of this workstation or the central point. */
  identity: string | readonly string[];
  trustedSigners: readonly TrustedSigner[];
  /** The policy key that lists the trusted signers (`team`, `teamLead`), to name it in a refusal. */
  signerList?: string;
}

export interface OpenedBundle {
  payload: Payload;
  /** The decrypted JSON text exactly as it was sealed, without the padding. */
  text: string;
  /** Name of the trusted signer whose key verified the signature. */
  signer: string;
  keyId: string;
  trustedComment: string;
}

interface TrustedKey {
  name: string;
  key: MinisignPublicKey;
  keyId: string;
}

function trustedKeys(signers: readonly TrustedSigner[], list: string): TrustedKey[] {
  return signers.map((s, i) => {
    try {
      const key = parsePublicKey(s.signer);
      return { name: s.name, key, keyId: keyIdHex(key.keyId) };
    } catch {
      throw new AppError('key_invalid', `Entry ${i + 1} of ${list} does not hold a minisign public key.`);
    }
  });
}

/** The trusted signer whose key verifies the file; a key id nobody in the list has is `bundle_untrusted`. */
function verifySender(file: SignedFile, trusted: readonly TrustedKey[], list: string): { name: string; keyId: string; trustedComment: string } {
  const claimed = signatureKeyId(file.signature);
  if (claimed === null) throw new AppError('signature_invalid', `The signature of the bundle ${file.name} is not in minisign format.`);
  const candidates = trusted.filter((t) => t.keyId === claimed);
  if (candidates.length === 0) throw new AppError('bundle_untrusted', `The bundle ${file.name} is signed by key ${claimed}, which is not in ${list}.`);
  let reason = '';
  for (const c of candidates) {
    const verdict = verify(file.bytes, file.signature, c.key);
    if (verdict.ok) return { name: c.name, keyId: verdict.keyId, trustedComment: verdict.trustedComment };
    reason = verdict.reason;
  }
  throw new AppError('signature_invalid', `The signature of the bundle ${file.name} is not valid: ${reason}; it may be truncated or changed.`);
}

/** Calls back when no identity before it matched: the file is encrypted to someone else. */
function noneMatched(onCall: () => void): Identity {
  return {
    unwrapFileKey: () => {
      onCall();
      return null;
    },
  };
}

async function decrypt(bytes: Uint8Array, identity: string | readonly string[]): Promise<Uint8Array> {
  const decrypter = new Decrypter();
  for (const id of typeof identity === 'string' ? [identity] : identity) {
    try {
      if (!id.startsWith('AGE-SECRET-KEY-')) throw new Error('not an identity');
      decrypter.addIdentity(id);
    } catch {
      throw new AppError('key_invalid', 'The age identity is not valid (expected AGE-SECRET-KEY-1…).');
    }
  }
  let notForUs = false;
  decrypter.addIdentity(noneMatched(() => (notForUs = true)));
  try {
    return await decrypter.decrypt(bytes);
  } catch {
    if (notForUs) throw new AppError('bundle_not_for_us', 'The bundle is not encrypted to this key: none of its recipients matches.');
    throw new AppError('bundle_invalid', 'The bundle is not a valid age file, or it is damaged.');
  }
}

/** The bundle id a signature's trusted comment names (`file:<id>.age …`), or null. */
export function signedFileId(trustedComment: string): string | null {
  const id = /^file:([0-9a-f-]{36})\.age(?: |$)/.exec(trustedComment)?.[1];
  return id && bundleFileId.safeParse(id).success ? id : null;
}

/** The first step of opening a bundle: whose it is. Nothing is decrypted yet. */
export function verifyBundleSignature(file: SignedFile, options: Pick<OpenBundleOptions, 'trustedSigners' | 'signerList'>) {
  const list = options.signerList ?? 'the trusted signers';
  return verifySender(file, trustedKeys(options.trustedSigners, list), list);
}

/**
 * Opens a received bundle: signature (against the trusted signers only), decryption, then the
 * payload contract. Each refusal says why and names no content; nothing is written or kept. The
 * signature is checked before decryption, so a stranger's file never reaches the decrypter.
 */
export async function openBundle(file: SignedFile, options: OpenBundleOptions): Promise<OpenedBundle> {
  const sender = verifyBundleSignature(file, options);
  const plain = await decrypt(file.bytes, options.identity);
  let text: string;
  let decoded: unknown;
  try {
    // The padding is trailing whitespace; the JSON that was sealed ends before it.
    text = new TextDecoder('utf-8', { fatal: true }).decode(plain).trimEnd();
    decoded = JSON.parse(text);
  } catch {
    throw new AppError('bundle_invalid', `The payload of the bundle ${file.name} is not valid JSON.`);
  }
  const read = readPayload(decoded);
  if (!read.ok) {
    throw new AppError('bundle_invalid', `The payload of the bundle ${file.name} is not valid: ${read.problem.path}: ${read.problem.message}.`, {
      field: read.problem.path,
    });
  }
  const claimed = signedFileId(sender.trustedComment);
  if (claimed !== null && claimed !== read.value.manifest.id)
    throw new AppError('bundle_invalid', `The bundle ${file.name} carries another id than its signature names.`, { field: 'manifest.id' });
  return { payload: read.value, text, signer: sender.name, keyId: sender.keyId, trustedComment: sender.trustedComment };
}

/** Reads a bundle file someone named and the signature beside it (each a regular file within its limit), then opens it. */
export async function openBundleFile(path: string, options: OpenBundleOptions): Promise<OpenedBundle> {
  const { bytes, signature } = await readBundleFiles(path, { maxBytes: maxBundleFileBytes, followLinks: true });
  return openBundle({ name: basename(path), bytes, signature }, options);
}

/** The identities of an identity file as `age-keygen` writes it (comments start with `#`). */
export function parseAgeIdentityFile(text: string): string[] {
  const identities: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    // The line is a secret: the message gives its number, never its text.
    if (!line.startsWith('AGE-SECRET-KEY-')) throw new AppError('key_invalid', `Line ${i + 1} of the identity file is not an age identity.`);
    identities.push(line);
  });
  if (identities.length === 0) throw new AppError('key_invalid', 'The identity file holds no age identity (AGE-SECRET-KEY-1…).');
  return identities;
}
