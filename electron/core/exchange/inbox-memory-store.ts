import { createHash } from 'node:crypto';
import { storeStatements, type OpenVault } from '../vault/vault';

/**
 * What the inbox has already decided about an entry (table `inbox_memory`), so the schedule (every
 * minute) does not read, verify and audit the same refused or foreign file again and again. An
 * entry is remembered by its listing (name, kind, size, times: unchanged means not read at all)
 * and, once read, by the hash of its content and signature (a renamed copy is known without
 * verifying it again). Both are hashes: the vault keeps no name someone else chose. Transient
 * failures (a share or server that cannot be reached) are not remembered: the entry is tried again.
 */

export interface Remembered {
  outcome: 'imported' | 'refused' | 'skipped';
  /** An error code for a refusal, or why it was skipped. */
  reason: string;
}

/** Entries not listed for this long are forgotten, so the table does not grow without end. */
const forgetAfterDays = 90;

const sha256 = (...parts: Array<string | Uint8Array>) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(typeof p === 'string' ? Buffer.from(p, 'utf8') : p).update('\0');
  return h.digest('hex');
};

export const listingKey = (listing: string) => `listing:${sha256(listing)}`;
export const contentKey = (bytes: Uint8Array, signature: string) => `content:${sha256(bytes, signature)}`;

export class InboxMemoryStore {
  private readonly sql: ReturnType<typeof storeStatements>;

  constructor(vault: OpenVault) {
    this.sql = storeStatements(vault);
  }

  /** The decision remembered under any of the keys, noting that it was seen again. */
  recall(keys: readonly string[], now: Date): Remembered | null {
    for (const key of keys) {
      const row = this.sql('SELECT outcome, reason FROM inbox_memory WHERE key = ?').get(key) as Remembered | undefined;
      if (row) {
        this.sql('UPDATE inbox_memory SET last_seen = ? WHERE key = ?').run(now.toISOString(), key);
        return row;
      }
    }
    return null;
  }

  remember(keys: readonly string[], decision: Remembered, now: Date): void {
    const at = now.toISOString();
    const upsert = this.sql(
      `INSERT INTO inbox_memory (key, outcome, reason, first_seen, last_seen) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET outcome = excluded.outcome, reason = excluded.reason, last_seen = excluded.last_seen`,
    );
    for (const key of keys) upsert.run(key, decision.outcome, decision.reason, at, at);
  }

  forgetOld(now: Date): void {
    this.sql('DELETE FROM inbox_memory WHERE last_seen < ?').run(new Date(now.getTime() - forgetAfterDays * 86_400_000).toISOString());
  }
}
