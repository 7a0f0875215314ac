import Database from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../app-error';
import { migrate } from './migrate';
import type { SqlDatabase } from './sql-database';

/**
 * Confirms that the native SQLCipher module loads and really encrypts. Every entry point calls it
 * first so that a missing or wrong binary stops the app with a clear message instead of a crash.
 */
export function probeSqlCipher(ctor: typeof Database = Database): { version: string } {
  let db: SqlDatabase | undefined;
  try {
    db = new ctor(':memory:');
    const row = db.prepare('SELECT sqlite3mc_version() AS v').get() as { v: string };
    const cipher = db.pragma("cipher = 'sqlcipher'", { simple: true });
    if (cipher !== 'sqlcipher') throw new Error('cipher unavailable');
    return { version: row.v };
  } catch {
    throw new AppError('internal', 'The encrypted database module (better-sqlite3-multiple-ciphers) could not be loaded. Reinstall OBI Werkplek.');
  } finally {
    db?.close();
  }
}

/** Raw-key form, so SQLCipher skips its own KDF: the key comes from our key slots. */
function withRawKey(dataKey: Buffer, use: (keyText: Buffer) => void): void {
  const keyText = Buffer.from(`x'${dataKey.toString('hex')}'`, 'latin1');
  try {
    use(keyText);
  } finally {
    keyText.fill(0);
  }
}

/** Applies the cipher settings and the raw key; must run before anything else touches the file. */
function applyKey(db: SqlDatabase, dataKey: Buffer): void {
  db.pragma("cipher = 'sqlcipher'");
  db.pragma('legacy = 4');
  withRawKey(dataKey, (keyText) => db.key(keyText));
}

/**
 * Re-encrypts every page under a new key (PRAGMA rekey), in one transaction. SQLite3 Multiple
 * Ciphers refuses to rekey in WAL mode (it would corrupt the file), so the WAL is checkpointed
 * into the database and the journal switched to DELETE for the rewrite, then back to WAL.
 */
export function rekeyDatabase(db: SqlDatabase, newKey: Buffer): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('journal_mode = DELETE');
  try {
    withRawKey(newKey, (keyText) => db.rekey(keyText));
  } finally {
    db.pragma('journal_mode = WAL');
  }
}

function applySettings(db: SqlDatabase): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('secure_delete = ON');
  db.pragma('trusted_schema = OFF');
  db.pragma('temp_store = MEMORY');
  db.pragma('foreign_keys = ON');
}

/**
 * Opens (or creates) the encrypted database with the data key, applies the vault's settings and
 * runs pending migrations. A file that the key does not open is reported as damaged, untouched.
 */
export function openEncryptedDatabase(path: string, dataKey: Buffer, opts: { create: boolean }): SqlDatabase {
  let db: SqlDatabase;
  try {
    db = new Database(path, { fileMustExist: !opts.create });
  } catch {
    throw new AppError('io_error', 'The vault database could not be opened.');
  }
  try {
    applyKey(db, dataKey);
    // The first read proves the key: a foreign or damaged file fails here, before any write.
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
  } catch {
    db.close();
    throw new AppError('vault_corrupt', 'The vault database is damaged or does not belong to this key file.');
  }
  try {
    applySettings(db);
    migrate(db);
  } catch (e) {
    db.close();
    if (e instanceof AppError) throw e;
    throw new AppError('vault_corrupt', 'The vault database is damaged: it could not be prepared for use.');
  }
  return db;
}

/** Reads every page (integrity check plus a walk over all b-tree pages); returns problems found. */
export function checkIntegrity(db: SqlDatabase): string[] {
  try {
    const rows = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
    const problems = rows.map((r) => r.integrity_check).filter((r) => r !== 'ok');
    db.prepare('SELECT count(*) FROM dbstat').get();
    return problems;
  } catch {
    return ['a page could not be read or failed its authentication check'];
  }
}
