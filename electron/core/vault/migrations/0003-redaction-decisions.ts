import type { SqlDatabase } from '../sql-database';

/**
 * Version 3, capture: the officer's decisions on proposed redactions, per signal and per surface
 * form in a category. The surface is summary text (it may be a name): it lives only here, in the
 * vault, and goes with its signal.
 *
 * Frozen: every vault made since went through this step as it stands here. A later change of the
 * schema is a new migration, never an edit of this file.
 */
export const version = 3;

export function up(db: SqlDatabase): void {
  db.exec(`
  CREATE TABLE redaction_decisions (
    signal_id INTEGER NOT NULL REFERENCES signals (id) ON DELETE CASCADE,
    surface TEXT NOT NULL,
    category TEXT NOT NULL,
    decision TEXT NOT NULL CHECK (decision IN ('redact', 'keep')),
    reason TEXT,
    origin TEXT NOT NULL CHECK (origin IN ('detected', 'manual')),
    decided_at TEXT NOT NULL,
    PRIMARY KEY (signal_id, surface, category)
  ) STRICT, WITHOUT ROWID;
`);
}
