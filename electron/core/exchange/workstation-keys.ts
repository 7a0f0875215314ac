import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { z } from 'zod';
import { keyFingerprint } from '../../../shared/exchange/fingerprint';
import { AppError } from '../app-error';
import { formatSecretKeyFile, generateKeyPair, keyIdHex, parseSecretKey, publicKeyBase64, type MinisignSecretKey } from '../crypto/minisign';
import type { OpenVault } from '../vault/vault';

/**
 * The workstation's own keys, kept inside the vault (so under its encryption and never in a file):
 * an Ed25519 minisign key that signs the bundles this workstation sends, and an X25519 age identity
 * that opens the bundles sent to it. Only the public parts and their fingerprint leave this module
 * for the UI and the CLI; the secret parts are read by the exchange code in the core alone.
 */

/** What a workstation registers with its counterpart: exactly the policy's `{signer, recipient}`. */
/** When the keys were made, the start of the sending schedule. */
export const keysCreatedAtKey = 'exchange.keysCreatedAt';

export interface WorkstationPublicKeys {
  /** Minisign public key, base64, as on the second line of a .pub file. */
  signer: string;
  /** age X25519 recipient, `age1…`. */
  recipient: string;
  /** Forty digits (ten groups of four) to read over the phone when the keys are registered. */
  fingerprint: string;
}

const metaKey = 'exchange.workstationKeys';

const storedKeys = z.strictObject({
  format: z.literal(1),
  /** The minisign secret key file (unencrypted: the vault is the protection). */
  signingKey: z.string().min(1),
  ageIdentity: z.string().startsWith('AGE-SECRET-KEY-1'),
  signer: z.string().min(1),
  recipient: z.string().startsWith('age1'),
});
type StoredKeys = z.output<typeof storedKeys>;

function read(vault: OpenVault): StoredKeys | null {
  const text = vault.getMeta(metaKey);
  if (text === undefined) return null;
  let parsed: ReturnType<typeof storedKeys.safeParse>;
  try {
    parsed = storedKeys.safeParse(JSON.parse(text));
  } catch {
    throw new AppError('vault_corrupt', 'The workstation keys in the vault are damaged.');
  }
  if (!parsed.success) throw new AppError('vault_corrupt', 'The workstation keys in the vault are damaged.');
  return parsed.data;
}

const publicParts = (k: StoredKeys): WorkstationPublicKeys => ({
  signer: k.signer,
  recipient: k.recipient,
  fingerprint: keyFingerprint(k.signer, k.recipient),
});

/** Creates both keys once; refuses when the workstation has them (they are registered elsewhere). */
export async function createWorkstationKeys(vault: OpenVault): Promise<WorkstationPublicKeys> {
  if (read(vault)) throw new AppError('keys_exist', 'This workstation already has its keys; they are never replaced silently.');
  const signing = generateKeyPair();
  const ageIdentity = await generateX25519Identity();
  const keys: StoredKeys = {
    format: 1,
    signingKey: formatSecretKeyFile(signing),
    ageIdentity,
    signer: publicKeyBase64(signing),
    recipient: await identityToRecipient(ageIdentity),
  };
  // Checked again inside the transaction: two callers may have generated keys at the same time.
  vault.transaction(() => {
    if (vault.getMeta(metaKey) !== undefined) throw new AppError('keys_exist', 'This workstation already has its keys; they are never replaced silently.');
    vault.setMeta(metaKey, JSON.stringify(keys));
    // Scheduled sending counts from here: a new workstation does not send at once.
    vault.setMeta(keysCreatedAtKey, new Date().toISOString());
    vault.audit('keys.created', { signerKeyId: keyIdHex(signing.keyId) });
  });
  return publicParts(keys);
}

/** The public keys and fingerprint, or null before `createWorkstationKeys`. */
export function workstationKeys(vault: OpenVault): WorkstationPublicKeys | null {
  const keys = read(vault);
  return keys ? publicParts(keys) : null;
}

function required(vault: OpenVault): StoredKeys {
  const keys = read(vault);
  if (!keys) throw new AppError('keys_missing', 'This workstation has no keys yet; create them with `obi keys init`.');
  return keys;
}

/** For the core's exchange code only: the key that signs this workstation's bundles. */
export function workstationSigningKey(vault: OpenVault): MinisignSecretKey {
  return parseSecretKey(required(vault).signingKey);
}

/** For the core's exchange code only: the age identity that opens bundles sent to this workstation. */
export function workstationAgeIdentity(vault: OpenVault): string {
  return required(vault).ageIdentity;
}
