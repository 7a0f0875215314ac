import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import * as tar from 'tar';
import { z } from 'zod';
import { AppError } from '../app-error';
import { appVersion } from '../app-version';
import { fsyncDirectory, writeFileAtomic } from '../platform/atomic-write';
import { unlockWithPassphrase, type OpenVault, type VaultOptions } from './vault';
import { dbFileName, readKeySlots, slotsFileName, vaultPresence } from './vault-files';

/**
 * A backup is a plain tar file with the key file, a copy of the encrypted database and a small
 * manifest: it opens with the same passphrase or recovery key as the vault had when it was made.
 * The copy is taken with SQLite's online `VACUUM INTO`, which keeps the cipher and the key.
 */

const manifestName = 'manifest.json';
const members = new Set([manifestName, slotsFileName, dbFileName]);

const manifestSchema = z.strictObject({
  format: z.literal('obi-werkplek-backup'),
  version: z.literal(1),
  vaultId: z.uuid(),
  createdAt: z.iso.datetime(),
  appVersion: z.string(),
  dbSha256: z.string().regex(/^[0-9a-f]{64}$/),
});

const sha256File = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

export async function backupVault(vault: OpenVault, outFile: string): Promise<{ bytes: number }> {
  const out = resolve(outFile);
  mkdirSync(dirname(out), { recursive: true });
  const work = mkdtempSync(join(dirname(out), '.obi-backup-'));
  try {
    vault.copyDatabaseTo(join(work, dbFileName));
    writeFileSync(join(work, slotsFileName), readFileSync(join(vault.dir, slotsFileName)));
    const manifest = {
      format: 'obi-werkplek-backup',
      version: 1,
      vaultId: vault.vaultId,
      createdAt: new Date().toISOString(),
      appVersion,
      dbSha256: sha256File(join(work, dbFileName)),
    };
    writeFileSync(join(work, manifestName), `${JSON.stringify(manifest, null, 2)}\n`);
    const tarPath = join(work, 'backup.tar');
    await tar.create({ file: tarPath, cwd: work, portable: true }, [manifestName, slotsFileName, dbFileName]);
    writeFileAtomic(out, readFileSync(tarPath));
    vault.audit('vault.backup_created');
    return { bytes: statSync(out).size };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const invalid = (why: string) => new AppError('backup_invalid', `This is not a usable OBI Werkplek backup: ${why}.`);

/**
 * Restores a backup into `dir`, which must be absent or empty. The backup is unpacked and opened
 * with the passphrase in a staging folder first; only a backup that opens and passes the integrity
 * check is moved into place.
 */
export async function restoreVault(backupFile: string, dir: string, passphrase: string, options: VaultOptions = {}): Promise<void> {
  if (!existsSync(backupFile)) throw invalid('the file does not exist');
  if (vaultPresence(dir) === 'present') throw new AppError('target_not_empty', 'The target folder already holds a vault.');
  const target = resolve(dir);
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  const staging = mkdtempSync(join(parent, `.${basename(target)}.restore-`));
  try {
    try {
      await tar.extract({ file: backupFile, cwd: staging, strict: true, filter: (path) => members.has(path) });
    } catch {
      throw invalid('the file is not a readable tar archive');
    }
    const present = new Set(readdirSync(staging));
    for (const name of members) if (!present.has(name)) throw invalid(`${name} is missing`);
    let manifest: z.infer<typeof manifestSchema>;
    try {
      manifest = manifestSchema.parse(JSON.parse(readFileSync(join(staging, manifestName), 'utf8')));
    } catch {
      throw invalid('its manifest is damaged');
    }
    if (sha256File(join(staging, dbFileName)) !== manifest.dbSha256) throw invalid('the database copy is damaged');
    if (readKeySlots(staging).vaultId !== manifest.vaultId) throw invalid('its key file belongs to another vault');
    rmSync(join(staging, manifestName));
    const vault = await unlockWithPassphrase(staging, passphrase, options);
    try {
      if (vault.checkIntegrity().length > 0) throw invalid('the database copy fails the integrity check');
      vault.audit('vault.restored', { backupCreatedAt: manifest.createdAt });
    } finally {
      vault.close();
    }
    if (existsSync(target)) rmdirSync(target);
    renameSync(staging, target);
    fsyncDirectory(parent);
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    throw e;
  }
}
