import type { SqlDatabase } from '../sql-database';

/**
 * Version 6, exchange: the team lead's aggregation preview, kept with the prepared team bundle so
 * it shows again after a restart (counts only).
 *
 * Frozen: every vault made since went through this step as it stands here. A later change of the
 * schema is a new migration, never an edit of this file.
 */
export const version = 6;

export function up(db: SqlDatabase): void {
  db.exec(`ALTER TABLE outgoing_bundles ADD COLUMN preview TEXT;`);
}
