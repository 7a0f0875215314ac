import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { openWithPassphrase } from '../core/vault/key-slots';
import type { SqlDatabase } from '../core/vault/sql-database';
import { openEncryptedDatabase } from '../core/vault/sqlcipher';
import { createVault } from '../core/vault/vault';
import { dbPath, readKeySlots } from '../core/vault/vault-files';

/**
 * The storage engine itself: unlocking (the KDF, then opening the database with the key), and
 * inserts and point queries on the encrypted vault file against the same workload on a plain
 * SQLite file. It measures the engine, not the app, so it is the one file outside the vault that
 * opens a database handle (see eslint.config.js); it writes only its own `bench` table into vaults
 * made for it.
 */

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const time = async (fn: () => unknown) => {
  const start = performance.now();
  await fn();
  return performance.now() - start;
};

function plainDatabase(path: string): SqlDatabase {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('secure_delete = ON');
  db.pragma('temp_store = MEMORY');
  return db;
}

/** Inserts `n` rows of about 200 bytes in transactions of 1 000, then reads `n` random rows by key. */
function workload(db: SqlDatabase, n: number): { insertPerSec: number; queryPerSec: number } {
  db.exec('CREATE TABLE IF NOT EXISTS bench (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO bench (id, body) VALUES (?, ?)');
  const body = randomBytes(100).toString('hex');
  const batch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) insert.run(i, body);
  });
  let start = performance.now();
  for (let i = 0; i < n; i += 1000) batch(i, Math.min(n, i + 1000));
  const insertMs = performance.now() - start;
  const select = db.prepare('SELECT body FROM bench WHERE id = ?');
  start = performance.now();
  for (let i = 0; i < n; i++) select.get((i * 7919) % n);
  const queryMs = performance.now() - start;
  return { insertPerSec: (n / insertMs) * 1000, queryPerSec: (n / queryMs) * 1000 };
}

/** A new vault in `dir` and its data key, opened from the passphrase as unlocking does. */
async function vaultKey(dir: string, passphrase: string): Promise<Buffer> {
  (await createVault(dir, passphrase)).vault.close();
  return (await openWithPassphrase(readKeySlots(dir), passphrase))!;
}

export async function benchEngine(work: string, passphrase: string, rows: number, coldRows: number, repeats: number) {
  const vaultDir = join(work, 'vault');
  const key = await vaultKey(vaultDir, passphrase);
  const slots = readKeySlots(vaultDir);
  const kdfMs: number[] = [];
  const openMs: number[] = [];
  for (let i = 0; i < repeats; i++) {
    let opened: Buffer | null = null;
    kdfMs.push(await time(async () => (opened = await openWithPassphrase(slots, passphrase))));
    const dataKey = opened!;
    openMs.push(await time(() => openEncryptedDatabase(dbPath(vaultDir), dataKey, { create: false }).close()));
    dataKey.fill(0);
  }

  const encryptedDb = openEncryptedDatabase(dbPath(vaultDir), key, { create: false });
  const encrypted = workload(encryptedDb, rows);
  encryptedDb.close();
  key.fill(0);
  const plainDb = plainDatabase(join(work, 'plain.db'));
  const plain = workload(plainDb, rows);
  plainDb.close();

  const coldDir = join(work, 'cold');
  const coldKey = await vaultKey(coldDir, passphrase);
  const filling = openEncryptedDatabase(dbPath(coldDir), coldKey, { create: false });
  workload(filling, coldRows);
  filling.close();
  const coldOpenMs = await time(() => {
    const db = openEncryptedDatabase(dbPath(coldDir), coldKey, { create: false });
    db.prepare('SELECT body FROM bench WHERE id = ?').get(coldRows - 1);
    db.close();
  });
  coldKey.fill(0);

  return { unlock: { kdfMedianMs: median(kdfMs), openMedianMs: median(openMs) }, encrypted, plain, coldOpenMs };
}
