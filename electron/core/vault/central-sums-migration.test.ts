import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { sumsOfCells, type CellSum } from '../../../shared/central/cell-sums';
import { releasedCell } from '../../../shared/central/central-input';
import { sortedSums, variedCentral } from '../../../shared/test-support/central-fixtures';
import { migrate, migrations } from './migrate';

/**
 * Migration 13 fills the central point's kept sums, in SQL, from the cells a vault took in before
 * they existed: the same sums the central store keeps from then on (shared/central/cell-sums.ts).
 */

describe('migration 13, the central sums', () => {
  it('fills the sums from the cells a vault took in before it', () => {
    const db = new Database(':memory:');
    migrate(
      db,
      migrations.filter((m) => m.version < 13),
    );
    const sim = variedCentral();
    const report = db.prepare(
      `INSERT INTO central_reports (bundle_id, team, organisation, period_from, period_to, taxonomy_version, cell_count, received_at) VALUES (?, ?, ?, ?, ?, 2, ?, ?)`,
    );
    for (const r of sim.reports) report.run(r.bundleId, r.team, r.organisation, r.period.from, r.period.to, r.cellCount, r.receivedAt);
    const cell = db.prepare(
      `INSERT INTO central_cells (bundle_id, position, taxonomy_version, state_actor, objective, modus_operandi, target, channel, region_level, region_value, period_level, period_from, period_to, count)
       VALUES (?, ?, 2, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    sim.cells.forEach((c, i) =>
      cell.run(
        c.bundleId,
        i,
        c.stateActor,
        c.objective ?? null,
        c.modusOperandi,
        c.target,
        c.channel,
        c.region.level,
        c.region.value,
        c.period.level,
        c.period.from,
        c.period.to,
        c.count,
      ),
    );
    migrate(db);
    const rows = db
      .prepare(
        `SELECT period_level AS level, period_from AS "from", period_to AS "to", dimension, state_actor AS stateActor, level AS valueLevel, value, count, cells FROM central_sums`,
      )
      .all() as Array<CellSum['period'] & Omit<CellSum, 'period' | 'level'> & { valueLevel: string }>;
    const sums = rows.map(({ level, from, to, valueLevel, ...sum }): CellSum => ({ period: { level, from, to }, ...sum, level: valueLevel }));
    expect(sortedSums(sums)).toEqual(sortedSums(sumsOfCells(sim.cells.map(releasedCell))));
    db.close();
  });
});
