import Database from 'better-sqlite3-multiple-ciphers';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openWithPassphrase } from '../core/vault/key-slots';
import { storeStatements, type OpenVault } from '../core/vault/vault';
import { dbPath, readKeySlots } from '../core/vault/vault-files';

/**
 * SQL straight on an open vault's database, for tests that inspect or tamper with it on purpose,
 * as someone holding the key could. The app's own modules reach tables only through stores.
 */
export const vaultSql = (vault: OpenVault) => storeStatements(vault);

/**
 * Every page of a closed vault's database file, decrypted, as one buffer: what someone holding the
 * data key reads, free pages and the full-text index's own tables included. A copy is decrypted in
 * place (rekey to no key rewrites every page of the file), so the vault itself stays untouched.
 */
export async function decryptedPages(vaultDir: string, passphrase: string, workDir: string): Promise<Buffer> {
  const key = await openWithPassphrase(readKeySlots(vaultDir), passphrase);
  if (!key) throw new Error('decryptedPages: the passphrase does not open this vault');
  const copy = join(workDir, 'plain.db');
  copyFileSync(dbPath(vaultDir), copy);
  const db = new Database(copy);
  try {
    db.pragma("cipher = 'sqlcipher'");
    db.pragma('legacy = 4');
    db.key(Buffer.from(`x'${key.toString('hex')}'`, 'latin1'));
    db.pragma('journal_mode = DELETE');
    db.rekey(Buffer.alloc(0));
  } finally {
    db.close();
    key.fill(0);
  }
  const bytes = readFileSync(copy);
  if (!bytes.subarray(0, 16).equals(Buffer.from('SQLite format 3\0', 'latin1'))) throw new Error('decryptedPages: the copy was not decrypted');
  return bytes;
}
