import type { SqlDatabase } from '../sql-database';

/**
 * Version 8, exchange: conversations as the unit of k-anonymity, and the review figures of the team
 * bundle's manifest.
 *
 * - `conversation_key` (officer): the one secret with which the vault turns a meeting into the
 *   pseudonym its signals travel with (exchange/conversation-key-store.ts). Made at first use,
 *   never leaves the vault.
 * - `review_items.conversation` (team lead): that pseudonym as the officer sent it; NULL for items
 *   received before, which the aggregation counts conservatively (see prepare-team-bundles.ts).
 * - `review_items.redacted_further` (team lead): how often the lead redacted the summary further.
 *
 * Frozen: every vault made since went through this step as it stands here. A later change of the
 * schema is a new migration, never an edit of this file.
 */
export const version = 8;

export function up(db: SqlDatabase): void {
  db.exec(`
    CREATE TABLE conversation_key (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      secret BLOB NOT NULL CHECK (length(secret) = 32)
    ) STRICT;
    ALTER TABLE review_items ADD COLUMN conversation TEXT;
    ALTER TABLE review_items ADD COLUMN redacted_further INTEGER NOT NULL DEFAULT 0;
  `);
}
