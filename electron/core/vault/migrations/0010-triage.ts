import type { SqlDatabase } from '../sql-database';

/**
 * Version 10, triage. Capture: which signals the officer marked urgent (`signal_urgency`) and the
 * follow-ups of a meeting (`follow_ups`: a date and a short note that never leave the laptop).
 * Exchange: whether a review item arrived marked urgent, so the team lead's inbox puts it on top.
 *
 * Frozen: every vault made since went through this step as it stands here. A later change of the
 * schema is a new migration, never an edit of this file.
 */
export const version = 10;

export function up(db: SqlDatabase): void {
  db.exec(`
    CREATE TABLE signal_urgency (
      signal_id INTEGER PRIMARY KEY REFERENCES signals (id),
      marked_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE follow_ups (
      id INTEGER PRIMARY KEY,
      meeting_id INTEGER NOT NULL REFERENCES meetings (id),
      due_on TEXT NOT NULL,
      note TEXT NOT NULL,
      created_at TEXT NOT NULL,
      done_at TEXT
    ) STRICT;
    CREATE INDEX follow_ups_by_due ON follow_ups (done_at, due_on);
    CREATE INDEX follow_ups_by_meeting ON follow_ups (meeting_id, id);

    ALTER TABLE review_items ADD COLUMN urgent INTEGER NOT NULL DEFAULT 0 CHECK (urgent IN (0, 1));
  `);
}
