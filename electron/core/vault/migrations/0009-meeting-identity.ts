import type { SqlDatabase } from '../sql-database';

/**
 * Version 9, capture: how an imported meeting is recognised when it comes back, and which likely
 * duplicates the officer chose to keep apart.
 * - `meeting_imports`: per imported line, the source system's own reference (when the line gave
 *   one; it stays in the vault and never travels), the digest that identifies the meeting (date,
 *   municipality, community, kind and normalised notes) and a digest per field of the line as it was
 *   imported, so a line that comes back changed is named by field without keeping a second copy.
 * - `meetings_kept_apart`: pairs of meetings the officer said are two conversations.
 *
 * Frozen: every vault made since went through this step as it stands here. A later change of the
 * schema is a new migration, never an edit of this file.
 */
export const version = 9;

export function up(db: SqlDatabase): void {
  db.exec(`
    CREATE TABLE meeting_imports (
      id INTEGER PRIMARY KEY,
      meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
      source_ref TEXT UNIQUE,
      digest TEXT NOT NULL,
      field_digests TEXT NOT NULL,
      imported_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX meeting_imports_by_digest ON meeting_imports (digest);
    CREATE INDEX meeting_imports_by_meeting ON meeting_imports (meeting_id);

    CREATE TABLE meetings_kept_apart (
      first_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
      second_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
      decided_at TEXT NOT NULL,
      PRIMARY KEY (first_id, second_id),
      CHECK (first_id < second_id)
    ) STRICT, WITHOUT ROWID;
  `);
}
