import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../app-error';
import { writeFileAtomic } from '../platform/atomic-write';
import { keySlotsSchema, type KeySlots } from './key-slots';

/** A vault is a directory with the encrypted database and the file of wrapped keys beside it. */
export const dbFileName = 'vault.db';
export const slotsFileName = 'keyslots.json';
/** The key file of a rotation under way: present only between its two steps (see OpenVault.rekey). */
export const nextSlotsFileName = 'keyslots.next.json';

export const dbPath = (dir: string) => join(dir, dbFileName);
export const slotsPath = (dir: string) => join(dir, slotsFileName);
export const nextSlotsPath = (dir: string) => join(dir, nextSlotsFileName);

export type VaultPresence = 'absent' | 'present';

/** Whether a vault exists in `dir`; throws when the directory holds something else. */
export function vaultPresence(dir: string): VaultPresence {
  if (!existsSync(dir)) return 'absent';
  if (!statSync(dir).isDirectory()) throw new AppError('vault_foreign', 'The vault location is a file, not a folder.');
  const names = readdirSync(dir);
  if (names.length === 0) return 'absent';
  if (!names.includes(slotsFileName)) {
    if (names.includes(dbFileName)) {
      throw new AppError('vault_corrupt', 'The vault database is there but its key file (keyslots.json) is missing.');
    }
    throw new AppError('vault_foreign', 'The vault folder holds other files and no vault.');
  }
  if (!names.includes(dbFileName)) {
    throw new AppError('vault_corrupt', 'The key file is there but the vault database (vault.db) is missing.');
  }
  return 'present';
}

export function readKeySlots(dir: string, path = slotsPath(dir)): KeySlots {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new AppError('vault_corrupt', 'The key file (keyslots.json) is damaged: it is not readable JSON.');
  }
  const parsed = keySlotsSchema.safeParse(raw);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') || '(root)';
    throw new AppError('vault_corrupt', `The key file (keyslots.json) is damaged or foreign: field ${where} is not valid.`);
  }
  return parsed.data;
}

export function writeKeySlots(dir: string, slots: KeySlots, path = slotsPath(dir)): void {
  writeFileAtomic(path, `${JSON.stringify(keySlotsSchema.parse(slots), null, 2)}\n`);
}

/** The key file of an interrupted rotation, if there is one (a damaged one counts as none). */
export function readNextKeySlots(dir: string): KeySlots | null {
  if (!existsSync(nextSlotsPath(dir))) return null;
  try {
    return readKeySlots(dir, nextSlotsPath(dir));
  } catch {
    return null;
  }
}

export function removeNextKeySlots(dir: string): void {
  rmSync(nextSlotsPath(dir), { force: true });
}
