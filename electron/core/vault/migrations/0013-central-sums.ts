import type { SqlDatabase } from '../sql-database';

/**
 * Version 13, central: the sums of the released cells a report reads instead of the cells (a year
 * holds half a million cells but thousands of sums): per cell period, the conversations and cells
 * per value of each dimension, and per state actor × value of its profile's dimensions. Values as
 * released (a municipality, 'multiple'); the report maps them. Filled here from the cells already
 * taken in; from now on kept in step by the central store.
 *
 * Frozen: every vault made since went through this step as it stands here. A later change of the
 * schema is a new migration, never an edit of this file.
 */
export const version = 13;

export function up(db: SqlDatabase): void {
  db.exec(`
    CREATE TABLE central_sums (
      period_level TEXT NOT NULL,
      period_from TEXT NOT NULL,
      period_to TEXT NOT NULL,
      dimension TEXT NOT NULL,
      state_actor TEXT NOT NULL,
      level TEXT NOT NULL,
      value TEXT NOT NULL,
      count INTEGER NOT NULL,
      cells INTEGER NOT NULL,
      PRIMARY KEY (period_from, period_to, period_level, dimension, state_actor, level, value)
    ) STRICT, WITHOUT ROWID;

    WITH kept (dimension, per_actor) AS (VALUES
      ('stateActor', 0), ('objective', 0), ('modusOperandi', 0), ('target', 0), ('channel', 0), ('region', 0), ('organisation', 0),
      ('objective', 1), ('modusOperandi', 1), ('target', 1), ('channel', 1), ('region', 1))
    INSERT INTO central_sums (period_level, period_from, period_to, dimension, state_actor, level, value, count, cells)
    SELECT c.period_level, c.period_from, c.period_to, k.dimension,
      CASE WHEN k.per_actor THEN c.state_actor ELSE '' END,
      CASE WHEN k.dimension = 'region' THEN c.region_level ELSE '' END,
      CASE k.dimension
        WHEN 'stateActor' THEN c.state_actor
        WHEN 'objective' THEN coalesce(c.objective, '')
        WHEN 'modusOperandi' THEN c.modus_operandi
        WHEN 'target' THEN c.target
        WHEN 'channel' THEN c.channel
        WHEN 'region' THEN c.region_value
        ELSE r.organisation
      END,
      sum(c.count), count(*)
    FROM central_cells c JOIN central_reports r ON r.bundle_id = c.bundle_id CROSS JOIN kept k
    GROUP BY 1, 2, 3, 4, 5, 6, 7;
  `);
}
