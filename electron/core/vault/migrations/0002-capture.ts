import type { SqlDatabase } from '../sql-database';

/**
 * Version 2, capture: meetings, their raw notes, and the signals drawn from them. The full-text
 * indexes are contentless (they keep no copy of the text, only the index of folded words), so notes
 * exist in one place that retention can remove. Tags live in their own table so every taxonomy
 * dimension can be filtered with an index.
 *
 * Frozen: every vault made since went through this step as it stands here. A later change of the
 * schema is a new migration, never an edit of this file.
 */
export const version = 2;

export function up(db: SqlDatabase): void {
  db.exec(`
  CREATE TABLE meetings (
    id INTEGER PRIMARY KEY,
    date TEXT NOT NULL,
    time TEXT,
    kind TEXT NOT NULL CHECK (kind IN ('community-dialogue', 'individual-conversation', 'event', 'remote')),
    community TEXT NOT NULL,
    municipality TEXT NOT NULL,
    province TEXT NOT NULL,
    setting TEXT NOT NULL,
    participants INTEGER NOT NULL CHECK (participants >= 1),
    taxonomy_version INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    notes_removed_at TEXT
  ) STRICT;
  CREATE INDEX meetings_by_date ON meetings (date DESC, id DESC);
  CREATE INDEX meetings_by_community ON meetings (community, date);
  CREATE INDEX meetings_by_province ON meetings (province, date);

  CREATE TABLE notes (
    meeting_id INTEGER PRIMARY KEY REFERENCES meetings (id) ON DELETE CASCADE,
    body TEXT NOT NULL,
    revision INTEGER NOT NULL,
    saved_at TEXT NOT NULL
  ) STRICT;
  CREATE VIRTUAL TABLE notes_fts USING fts5 (body, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2');

  CREATE TABLE signals (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings (id),
    state TEXT NOT NULL CHECK (state IN ('draft', 'ready', 'sent', 'approved', 'returned', 'delivered')),
    summary TEXT NOT NULL,
    consent INTEGER NOT NULL CHECK (consent IN (0, 1)),
    taxonomy_version INTEGER NOT NULL,
    return_reason TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    state_changed_at TEXT NOT NULL
  ) STRICT;
  CREATE INDEX signals_by_meeting ON signals (meeting_id);
  CREATE INDEX signals_by_state ON signals (state, id);
  CREATE VIRTUAL TABLE summaries_fts USING fts5 (body, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2');

  CREATE TABLE signal_tags (
    signal_id INTEGER NOT NULL REFERENCES signals (id) ON DELETE CASCADE,
    predicate TEXT NOT NULL,
    tag TEXT NOT NULL,
    PRIMARY KEY (signal_id, tag)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX signal_tags_by_tag ON signal_tags (tag, signal_id);

  -- Where in the notes a signal came from. The quote is raw note text: retention removes it with the notes.
  CREATE TABLE signal_spans (
    signal_id INTEGER NOT NULL REFERENCES signals (id) ON DELETE CASCADE,
    start INTEGER NOT NULL CHECK (start >= 0),
    end INTEGER NOT NULL CHECK (end > start),
    quote TEXT NOT NULL,
    PRIMARY KEY (signal_id, start, end)
  ) STRICT, WITHOUT ROWID;
`);
}
