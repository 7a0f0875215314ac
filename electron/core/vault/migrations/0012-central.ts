import type { SqlDatabase } from '../sql-database';

/**
 * Version 12, central: what the central point keeps of each accepted team bundle (the team's
 * report: who, which period, which taxonomy, its evaluation counts), its released cells with every
 * dimension as a column, and the redacted summaries tied to one cell each. Only codes, counts and
 * redacted text: the team bundles carry nothing else.
 *
 * Frozen: every vault made since went through this step as it stands here. A later change of the
 * schema is a new migration, never an edit of this file.
 */
export const version = 12;

export function up(db: SqlDatabase): void {
  db.exec(`
    CREATE TABLE central_reports (
      bundle_id TEXT PRIMARY KEY,
      team TEXT NOT NULL,
      organisation TEXT NOT NULL,
      period_from TEXT NOT NULL,
      period_to TEXT NOT NULL,
      taxonomy_version INTEGER NOT NULL,
      cell_count INTEGER NOT NULL,
      evaluation TEXT,
      received_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX central_reports_by_team ON central_reports (team, period_from);

    CREATE TABLE central_cells (
      id INTEGER PRIMARY KEY,
      bundle_id TEXT NOT NULL REFERENCES central_reports (bundle_id),
      position INTEGER NOT NULL,
      taxonomy_version INTEGER NOT NULL,
      state_actor TEXT NOT NULL,
      objective TEXT,
      modus_operandi TEXT NOT NULL,
      target TEXT NOT NULL,
      channel TEXT NOT NULL,
      region_level TEXT NOT NULL,
      region_value TEXT NOT NULL,
      period_level TEXT NOT NULL,
      period_from TEXT NOT NULL,
      period_to TEXT NOT NULL,
      count INTEGER NOT NULL CHECK (count >= 1),
      UNIQUE (bundle_id, position)
    ) STRICT;
    CREATE INDEX central_cells_by_period ON central_cells (period_from, period_to);

    CREATE TABLE central_summaries (
      id INTEGER PRIMARY KEY,
      cell_id INTEGER NOT NULL REFERENCES central_cells (id),
      text TEXT NOT NULL
    ) STRICT;
    CREATE INDEX central_summaries_by_cell ON central_summaries (cell_id);
  `);
}
