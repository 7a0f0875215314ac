import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { hashRaw } from '@node-rs/argon2';
import { z } from 'zod';
import { AppError } from '../app-error';

/**
 * Key slots, as disk encryption has them: one random 256-bit data key opens the database and is
 * stored only wrapped (AES-256-GCM) under a key encryption key per slot — from the passphrase
 * through Argon2id, from the recovery key through HKDF (it is already 128 random bits), or by the
 * operating system (Electron safeStorage) where policy allows.
 */

export const dataKeyBytes = 32;

export interface Argon2Params {
  memoryKiB: number;
  iterations: number;
  parallelism: number;
}

/**
 * 512 MiB, 2 passes over 4 lanes: eight times the memory an attacker's guess costs compared with
 * the 64 MiB of earlier versions, in about half a second on a laptop with the native Argon2id
 * (`npm run bench` reports the time). Four lanes let the laptop's cores share the work; they do
 * not make a guess cheaper, since every guess still needs the whole memory.
 */
export const defaultArgon2: Argon2Params = { memoryKiB: 512 * 1024, iterations: 2, parallelism: 4 };

/** Whether a slot's parameters cost less than `target` in memory or in passes. */
export const weakerThan = (slot: Argon2Params, target: Argon2Params): boolean => slot.memoryKiB < target.memoryKiB || slot.iterations < target.iterations;

type NativeOptions = NonNullable<Parameters<typeof hashRaw>[1]>;
// The module declares its enums `const`, which this build cannot import: Argon2id is 2, version 0x13 is 1.
const argon2idAlgorithm = 2 as NativeOptions['algorithm'];
const argon2Version13 = 1 as NativeOptions['version'];

/**
 * Argon2id (RFC 9106, version 0x13) in native code (@node-rs/argon2), off the main thread; it
 * derives byte for byte what the pure-JavaScript implementation of earlier versions derived.
 */
export async function deriveArgon2id(secret: string, salt: Uint8Array, params: Argon2Params): Promise<Uint8Array> {
  const key = await hashRaw(secret, {
    algorithm: argon2idAlgorithm,
    version: argon2Version13,
    memoryCost: params.memoryKiB,
    timeCost: params.iterations,
    parallelism: params.parallelism,
    outputLen: 32,
    salt,
  });
  return new Uint8Array(key);
}

const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64');

const wrapSchema = z.strictObject({
  alg: z.literal('aes-256-gcm'),
  iv: b64,
  ciphertext: b64,
  tag: b64,
});

const passphraseSlot = z.strictObject({
  kind: z.literal('passphrase'),
  kdf: z.strictObject({
    alg: z.literal('argon2id'),
    version: z.literal(0x13),
    memoryKiB: z
      .number()
      .int()
      .min(8)
      .max(4 * 1024 * 1024),
    iterations: z.number().int().min(1).max(64),
    parallelism: z.number().int().min(1).max(16),
    salt: b64,
  }),
  wrap: wrapSchema,
});

const recoverySlot = z.strictObject({
  kind: z.literal('recovery'),
  kdf: z.strictObject({ alg: z.literal('hkdf-sha256'), salt: b64 }),
  wrap: wrapSchema,
});

const osSlot = z.strictObject({
  kind: z.literal('os'),
  wrap: z.strictObject({ alg: z.literal('electron-safestorage'), blob: b64 }),
});

const slotSchema = z.discriminatedUnion('kind', [passphraseSlot, recoverySlot, osSlot]);

export const keySlotsSchema = z.strictObject({
  format: z.literal('obi-werkplek-keyslots'),
  version: z.literal(1),
  vaultId: z.uuid(),
  cipher: z.strictObject({ name: z.literal('sqlcipher'), legacy: z.literal(4) }),
  /** HMAC of a fixed label under the data key: tells a broken slot from a damaged database. */
  keyCheck: b64,
  slots: z.array(slotSchema).min(1),
});

export type KeySlots = z.infer<typeof keySlotsSchema>;
export type KeySlot = z.infer<typeof slotSchema>;
export type SlotKind = KeySlot['kind'];

/** What the operating system offers to wrap a secret for this user (Electron safeStorage). */
export interface OsKeyWrap {
  isAvailable(): boolean;
  encrypt(secret: string): Buffer;
  decrypt(blob: Buffer): string;
}

const aad = (vaultId: string, kind: SlotKind) => Buffer.from(`obi-werkplek/keyslot/v1|${vaultId}|${kind}`);

function seal(kek: Uint8Array, dataKey: Buffer, vaultId: string, kind: SlotKind) {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(aad(vaultId, kind));
  const ciphertext = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  return {
    alg: 'aes-256-gcm' as const,
    iv: iv.toString('base64'),
    ciphertext: ciphertext.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
}

/** Returns the data key, or null when the key encryption key is not the right one. */
function open(kek: Uint8Array, wrap: z.infer<typeof wrapSchema>, vaultId: string, kind: SlotKind): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(wrap.iv, 'base64'));
    decipher.setAAD(aad(vaultId, kind));
    decipher.setAuthTag(Buffer.from(wrap.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(wrap.ciphertext, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}

function passphraseKek(passphrase: string, kdf: z.infer<typeof passphraseSlot>['kdf']): Promise<Uint8Array> {
  return deriveArgon2id(passphrase.normalize('NFC'), Buffer.from(kdf.salt, 'base64'), kdf);
}

function recoveryKek(recovery: Uint8Array, salt: string): Uint8Array {
  return new Uint8Array(hkdfSync('sha256', recovery, Buffer.from(salt, 'base64'), 'obi-werkplek/recovery-slot/v1', 32));
}

export function keyCheckOf(dataKey: Buffer): string {
  return createHmac('sha256', dataKey).update('obi-werkplek/key-check/v1').digest('base64');
}

export function matchesKeyCheck(slots: KeySlots, dataKey: Buffer): boolean {
  const expected = Buffer.from(slots.keyCheck, 'base64');
  const actual = Buffer.from(keyCheckOf(dataKey), 'base64');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

export async function makePassphraseSlot(passphrase: string, dataKey: Buffer, vaultId: string, params: Argon2Params = defaultArgon2): Promise<KeySlot> {
  const kdf = { alg: 'argon2id' as const, version: 0x13 as const, ...params, salt: randomBytes(16).toString('base64') };
  const kek = await passphraseKek(passphrase, kdf);
  return { kind: 'passphrase', kdf, wrap: seal(kek, dataKey, vaultId, 'passphrase') };
}

export function makeRecoverySlot(recovery: Uint8Array, dataKey: Buffer, vaultId: string): KeySlot {
  const kdf = { alg: 'hkdf-sha256' as const, salt: randomBytes(16).toString('base64') };
  return { kind: 'recovery', kdf, wrap: seal(recoveryKek(recovery, kdf.salt), dataKey, vaultId, 'recovery') };
}

export function makeOsSlot(dataKey: Buffer, os: OsKeyWrap): KeySlot {
  if (!os.isAvailable()) throw new AppError('os_unlock_unavailable', 'The operating system offers no key protection here.');
  return { kind: 'os', wrap: { alg: 'electron-safestorage', blob: os.encrypt(dataKey.toString('hex')).toString('base64') } };
}

function slotOf<K extends SlotKind>(slots: KeySlots, kind: K): Extract<KeySlot, { kind: K }> | undefined {
  return slots.slots.find((s): s is Extract<KeySlot, { kind: K }> => s.kind === kind);
}

export const hasSlot = (slots: KeySlots, kind: SlotKind): boolean => slotOf(slots, kind) !== undefined;

/** The Argon2id parameters of the passphrase slot, if there is one. */
export function passphraseKdfOf(slots: KeySlots): Argon2Params | undefined {
  const kdf = slotOf(slots, 'passphrase')?.kdf;
  return kdf && { memoryKiB: kdf.memoryKiB, iterations: kdf.iterations, parallelism: kdf.parallelism };
}

export async function openWithPassphrase(slots: KeySlots, passphrase: string): Promise<Buffer | null> {
  const slot = slotOf(slots, 'passphrase');
  if (!slot) return null;
  const key = open(await passphraseKek(passphrase, slot.kdf), slot.wrap, slots.vaultId, 'passphrase');
  return key && matchesKeyCheck(slots, key) ? key : null;
}

export function openWithRecoveryKey(slots: KeySlots, recovery: Uint8Array): Buffer | null {
  const slot = slotOf(slots, 'recovery');
  if (!slot) return null;
  const key = open(recoveryKek(recovery, slot.kdf.salt), slot.wrap, slots.vaultId, 'recovery');
  return key && matchesKeyCheck(slots, key) ? key : null;
}

/** Null when the slot is missing or the OS can no longer unwrap it (new keyring, moved profile). */
export function openWithOs(slots: KeySlots, os: OsKeyWrap): Buffer | null {
  const slot = slotOf(slots, 'os');
  if (!slot || !os.isAvailable()) return null;
  try {
    const hex = os.decrypt(Buffer.from(slot.wrap.blob, 'base64'));
    if (!/^[0-9a-f]{64}$/.test(hex)) return null;
    const key = Buffer.from(hex, 'hex');
    return matchesKeyCheck(slots, key) ? key : null;
  } catch {
    return null;
  }
}

/** Replaces (or adds) the slot of the given kind, keeping the others. */
export function withSlot(slots: KeySlots, slot: KeySlot): KeySlots {
  return { ...slots, slots: [...slots.slots.filter((s) => s.kind !== slot.kind), slot] };
}

export function withoutSlot(slots: KeySlots, kind: SlotKind): KeySlots {
  return { ...slots, slots: slots.slots.filter((s) => s.kind !== kind) };
}
