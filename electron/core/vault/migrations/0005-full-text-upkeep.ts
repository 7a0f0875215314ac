import type { SqlDatabase } from '../sql-database';

/**
 * Version 5, capture: SQLite merges full-text index segments inside the write that crosses a
 * threshold, which made one autosave in twenty-odd take 30–90 ms on a large vault. Automatic
 * merging goes off (capture's index upkeep merges between saves); the crisis threshold stays as a
 * bound for when upkeep cannot run (bulk imports, the CLI).
 *
 * Frozen: every vault made since went through this step as it stands here. A later change of the
 * schema is a new migration, never an edit of this file.
 */
export const version = 5;

export function up(db: SqlDatabase): void {
  db.exec(`
    INSERT INTO notes_fts (notes_fts, rank) VALUES ('automerge', 0);
    INSERT INTO notes_fts (notes_fts, rank) VALUES ('crisismerge', 64);
    INSERT INTO summaries_fts (summaries_fts, rank) VALUES ('automerge', 0);
    INSERT INTO summaries_fts (summaries_fts, rank) VALUES ('crisismerge', 64);
  `);
}
