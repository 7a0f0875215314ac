import type { SqlDatabase } from '../sql-database';

/**
 * Version 7, exchange: what the inbox decided about the entries it read (hashes and outcomes only,
 * see exchange/inbox-memory-store.ts), so a refused or foreign file in a share is not read, verified and
 * audited again on every round, and a renamed copy of an imported bundle is recognised.
 *
 * Frozen: every vault made since went through this step as it stands here. A later change of the
 * schema is a new migration, never an edit of this file.
 */
export const version = 7;

export function up(db: SqlDatabase): void {
  db.exec(`
    CREATE TABLE inbox_memory (
      key TEXT PRIMARY KEY,
      outcome TEXT NOT NULL CHECK (outcome IN ('imported', 'refused', 'skipped')),
      reason TEXT NOT NULL,
      first_seen TEXT NOT NULL,
      last_seen TEXT NOT NULL
    ) STRICT;
    CREATE INDEX inbox_memory_by_last_seen ON inbox_memory (last_seen);
  `);
}
