import type { SqlDatabase } from '../sql-database';

/**
 * Version 11. Capture: what the meeting form and the tag picker remember between sessions (the last
 * community and municipality, recently chosen tags), kept in the vault instead of the renderer's
 * storage, where it would outlive a lock unencrypted. Exchange: the audit-log heads the team lead
 * received in officer bundles (a hash each, no content), one per bundle, so an officer's audit log
 * rewritten afterwards can be shown not to match.
 *
 * Frozen: every vault made since went through this step as it stands here. A later change of the
 * schema is a new migration, never an edit of this file.
 */
export const version = 11;

export function up(db: SqlDatabase): void {
  db.exec(`
    CREATE TABLE capture_memory (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE received_audit_heads (
      bundle_id TEXT PRIMARY KEY REFERENCES incoming_bundles (id),
      officer TEXT NOT NULL,
      signer TEXT NOT NULL,
      format INTEGER NOT NULL,
      hash TEXT NOT NULL,
      received_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX received_audit_heads_by_officer ON received_audit_heads (officer, received_at);
  `);
}
