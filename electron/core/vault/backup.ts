import { createHash } from 'node:crypto';
import {
  createReadStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import * as tar from 'tar';
import { z } from 'zod';
import { AppError } from '../app-error';
import { appVersion } from '../app-version';
import { fsyncDirectory, writeFileAtomic } from '../platform/atomic-write';
import { fileLimits } from '../platform/file-limits';
import { openBoundedFile } from '../platform/read-bounded';
import { unlockWithPassphrase, type OpenVault, type VaultOptions } from './vault';
import { dbFileName, readKeySlots, slotsFileName, vaultPresence } from './vault-files';

/**
 * A backup is a plain tar file with the key file, a copy of the encrypted database and a small
 * manifest: it opens with the same passphrase or recovery key as the vault had when it was made.
 * The copy is taken with SQLite's online `VACUUM INTO`, which keeps the cipher and the key.
 */

const manifestName = 'manifest.json';
/** The members a restore takes, each with the most it may hold; the database is bounded by the backup itself. */
const memberLimits = new Map([
  [manifestName, 64 * 1024],
  [slotsFileName, fileLimits.keyFile.maxBytes],
  [dbFileName, fileLimits.backup.maxBytes],
]);

const manifestSchema = z.strictObject({
  format: z.literal('obi-werkplek-backup'),
  version: z.literal(1),
  vaultId: z.uuid(),
  createdAt: z.iso.datetime(),
  appVersion: z.string(),
  dbSha256: z.string().regex(/^[0-9a-f]{64}$/),
});

/** Streamed, so that a large database is never held in memory. */
async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}

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
      dbSha256: await sha256File(join(work, dbFileName)),
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
 * Unpacks the members of a backup into `staging`, streamed from the open file. Only plain files
 * are taken: a member that is a link, a device or a folder, or larger than its limit, is refused
 * by name rather than followed or skipped.
 */
async function unpack(backup: string, staging: string): Promise<void> {
  const { handle, size } = await openBoundedFile(backup, fileLimits.backup);
  const refused: string[] = [];
  const filter = (path: string, entry: unknown) => {
    const limit = memberLimits.get(path);
    if (limit === undefined) return false;
    const { type, size: bytes } = entry as tar.ReadEntry;
    if (type !== 'File') refused.push(`${path} is not a plain file`);
    else if (bytes > limit) refused.push(`${path} is too large`);
    return type === 'File' && bytes <= limit;
  };
  try {
    await new Promise<void>((done, fail) => {
      const extract = new tar.Unpack({ cwd: staging, strict: true, filter });
      const source = handle.createReadStream({ start: 0, end: Math.max(size - 1, 0), autoClose: false });
      extract.on('error', fail);
      extract.on('close', () => done());
      source.on('error', fail);
      source.pipe(extract);
    });
  } catch {
    throw invalid('the file is not a readable tar archive');
  } finally {
    await handle.close();
  }
  if (refused.length > 0) throw invalid(refused[0]!);
}

/**
 * Restores a backup into `dir`, which must be absent or empty. The backup is unpacked and opened
 * with the passphrase in a staging folder first; only a backup that opens and passes the integrity
 * check is moved into place.
 */
export async function restoreVault(backupFile: string, dir: string, passphrase: string, options: VaultOptions = {}): Promise<void> {
  if (vaultPresence(dir) === 'present') throw new AppError('target_not_empty', 'The target folder already holds a vault.');
  const target = resolve(dir);
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  const staging = mkdtempSync(join(parent, `.${basename(target)}.restore-`));
  try {
    await unpack(backupFile, staging);
    const present = new Set(readdirSync(staging));
    for (const name of memberLimits.keys()) if (!present.has(name)) throw invalid(`${name} is missing`);
    let manifest: z.infer<typeof manifestSchema>;
    try {
      manifest = manifestSchema.parse(JSON.parse(readFileSync(join(staging, manifestName), 'utf8')));
    } catch {
      throw invalid('its manifest is damaged');
    }
    if ((await sha256File(join(staging, dbFileName))) !== manifest.dbSha256) throw invalid('the database copy is damaged');
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
