import { sumsOfCells, type CellSum } from '../../../shared/central/cell-sums';
import type { CentralCell } from '../../../shared/central/central-input';
import type { Organisation } from '../../../shared/exchange/payload';
import type { PeriodCell } from '../../../shared/exchange/stix/period-bundle';
import { storeStatements, type OpenVault } from '../vault/vault';

/** Counts of the team lead's review in a team bundle's manifest, when it carries them. */
export interface ReviewCounts {
  approved: number;
  returned: number;
  redactedFurther: number;
  inPeriod: number;
}

/** One accepted team bundle, empty (`cellCount` 0: the signed empty report) or not. */
export interface StoredReport {
  bundleId: string;
  team: string;
  organisation: Organisation;
  period: { from: string; to: string };
  taxonomyVersion: number;
  cellCount: number;
  evaluation?: ReviewCounts;
  /** ISO time on the hour. */
  receivedAt: string;
}

export interface StoredSummary {
  /** The cell the summary illustrates. */
  cell: PeriodCell;
  text: string;
}

/** The dimensions of a cell a taxonomy change can reach. */
export interface CellValues {
  stateActor: string;
  objective?: string;
  modusOperandi: string;
  target: string;
  channel: string;
}

/** Never in a taxonomy value, place name or date: the cells' dimensions joined by it are one text. */
const separator = '\u0001';
const dimensionsText = [
  'c.state_actor',
  "coalesce(c.objective, '')",
  'c.modus_operandi',
  'c.target',
  'c.channel',
  'c.region_level',
  'c.region_value',
  'c.period_level',
  'c.period_from',
  'c.period_to',
].join(` || char(1) || `);

type CellDimensions = Omit<PeriodCell, 'organisation' | 'count'>;

/**
 * Reads the dimensions of `dimensionsText`; cells alike in every dimension (the same combination
 * from many teams) share one parsed copy, and cells of one region or period share that object.
 */
function dimensionParser(): (text: string) => CellDimensions {
  const shared = new Map<string, CellDimensions>();
  const regions = new Map<string, PeriodCell['region']>();
  const periods = new Map<string, PeriodCell['period']>();
  return (text) => {
    let dims = shared.get(text);
    if (dims) return dims;
    const [stateActor, objective, modusOperandi, target, channel, regionLevel, regionValue, periodLevel, periodFrom, periodTo] = text.split(separator) as [
      string,
      string,
      string,
      string,
      string,
      PeriodCell['region']['level'],
      string,
      PeriodCell['period']['level'],
      string,
      string,
    ];
    const regionKey = `${regionLevel}${separator}${regionValue}`;
    let region = regions.get(regionKey);
    if (!region) regions.set(regionKey, (region = { level: regionLevel, value: regionValue }));
    const periodKey = `${periodLevel}${separator}${periodFrom}${separator}${periodTo}`;
    let period = periods.get(periodKey);
    if (!period) periods.set(periodKey, (period = { level: periodLevel, from: periodFrom, to: periodTo }));
    dims =
      objective === ''
        ? { stateActor, modusOperandi, target, channel, region, period }
        : { stateActor, objective, modusOperandi, target, channel, region, period };
    shared.set(text, dims);
    return dims;
  };
}

interface SumRow {
  periodLevel: PeriodCell['period']['level'];
  periodFrom: string;
  periodTo: string;
  dimension: CellSum['dimension'];
  stateActor: string;
  level: string;
  value: string;
  count: number;
  cells: number;
}

interface ReportRow {
  bundleId: string;
  team: string;
  organisation: Organisation;
  periodFrom: string;
  periodTo: string;
  taxonomyVersion: number;
  cellCount: number;
  evaluation: string | null;
  receivedAt: string;
}

const reportOf = (row: ReportRow): StoredReport => ({
  bundleId: row.bundleId,
  team: row.team,
  organisation: row.organisation,
  period: { from: row.periodFrom, to: row.periodTo },
  taxonomyVersion: row.taxonomyVersion,
  cellCount: row.cellCount,
  ...(row.evaluation === null ? {} : { evaluation: JSON.parse(row.evaluation) as ReviewCounts }),
  receivedAt: row.receivedAt,
});

/**
 * The central point's tables (`central_reports`, `central_cells`, `central_summaries`,
 * `central_sums`): each accepted team bundle, its released cells, the redacted summaries tied to
 * them, and the sums of the cells a report reads (kept in step with the cells by this class alone).
 * Typed reads and writes; the rules are in central-intake.ts.
 */
export class CentralStore {
  private readonly sql: ReturnType<typeof storeStatements>;

  constructor(vault: OpenVault) {
    this.sql = storeStatements(vault);
  }

  hasReport(bundleId: string): boolean {
    return this.sql('SELECT 1 FROM central_reports WHERE bundle_id = ?').get(bundleId) !== undefined;
  }

  insertReport(report: StoredReport): void {
    this.sql(
      `INSERT INTO central_reports (bundle_id, team, organisation, period_from, period_to, taxonomy_version, cell_count, evaluation, received_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      report.bundleId,
      report.team,
      report.organisation,
      report.period.from,
      report.period.to,
      report.taxonomyVersion,
      report.cellCount,
      report.evaluation ? JSON.stringify(report.evaluation) : null,
      report.receivedAt,
    );
  }

  /** Stores one cell of a report already inserted; returns its row id. */
  insertCell(bundleId: string, position: number, taxonomyVersion: number, cell: PeriodCell): number {
    const info = this.sql(
      `INSERT INTO central_cells (bundle_id, position, taxonomy_version, state_actor, objective, modus_operandi, target, channel,
         region_level, region_value, period_level, period_from, period_to, count)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      bundleId,
      position,
      taxonomyVersion,
      cell.stateActor,
      cell.objective ?? null,
      cell.modusOperandi,
      cell.target,
      cell.channel,
      cell.region.level,
      cell.region.value,
      cell.period.level,
      cell.period.from,
      cell.period.to,
      cell.count,
    );
    return Number(info.lastInsertRowid);
  }

  /** Adds cells to the kept sums (`sign` 1) or takes them away (-1); a sum of no cells goes. */
  changeSums(cells: readonly PeriodCell[], sign: 1 | -1): void {
    const upsert = this.sql(
      `INSERT INTO central_sums (period_level, period_from, period_to, dimension, state_actor, level, value, count, cells) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT DO UPDATE SET count = count + excluded.count, cells = cells + excluded.cells`,
    );
    const emptied = this.sql(
      `DELETE FROM central_sums WHERE period_from = ? AND period_to = ? AND period_level = ? AND dimension = ? AND state_actor = ? AND level = ? AND value = ? AND cells = 0`,
    );
    for (const { period, dimension, stateActor, level, value, count, cells: n } of sumsOfCells(cells)) {
      upsert.run(period.level, period.from, period.to, dimension, stateActor, level, value, sign * count, sign * n);
      if (sign < 0) emptied.run(period.from, period.to, period.level, dimension, stateActor, level, value);
    }
  }

  /** The kept sums whose cells' period shares a day with `from`–`to`. */
  sumsOverlapping(from: string, to: string): CellSum[] {
    const rows = this.sql(
      `SELECT period_level AS periodLevel, period_from AS periodFrom, period_to AS periodTo, dimension, state_actor AS stateActor, level, value, count, cells
       FROM central_sums WHERE period_to >= ? AND period_from <= ?`,
    ).all(from, to) as SumRow[];
    const periods = new Map<string, CellSum['period']>();
    return rows.map(({ periodLevel, periodFrom, periodTo, ...sum }) => {
      const key = `${periodLevel}${separator}${periodFrom}${separator}${periodTo}`;
      let period = periods.get(key);
      if (!period) periods.set(key, (period = { level: periodLevel, from: periodFrom, to: periodTo }));
      return { period, ...sum };
    });
  }

  insertSummary(cellId: number, text: string): void {
    this.sql('INSERT INTO central_summaries (cell_id, text) VALUES (?, ?)').run(cellId, text);
  }

  reports(): StoredReport[] {
    const rows = this.sql(
      `SELECT bundle_id AS bundleId, team, organisation, period_from AS periodFrom, period_to AS periodTo, taxonomy_version AS taxonomyVersion,
         cell_count AS cellCount, evaluation, received_at AS receivedAt
       FROM central_reports ORDER BY period_from, team, bundle_id`,
    ).all() as ReportRow[];
    return rows.map(reportOf);
  }

  /**
   * The cells whose period shares a day with `from`–`to`, in the order received: what a STIX
   * bundle of a period writes. The team and organisation come from the reports (one lookup per
   * bundle, not a join per cell).
   */
  cellsOverlapping(from: string, to: string): CentralCell[] {
    const bundles = new Map(this.reports().map((r) => [r.bundleId, r]));
    const parse = dimensionParser();
    const rows = this.sql(
      `SELECT c.bundle_id, c.taxonomy_version, c.count, ${dimensionsText}
       FROM central_cells c WHERE +c.period_to >= ? AND +c.period_from <= ? ORDER BY c.id`,
    )
      .raw(true)
      .all(from, to) as Array<[string, number, number, string]>;
    return rows.map(([bundleId, taxonomyVersion, count, text]) => {
      const { team, organisation } = bundles.get(bundleId)!;
      return { bundleId, team, organisation, taxonomyVersion, ...parse(text), count };
    });
  }

  /** The summaries whose cell's period shares a day with `from`–`to`, each with its cell, in the order received. */
  summariesOverlapping(from: string, to: string): StoredSummary[] {
    const rows = this.sql(
      `SELECT s.text, r.organisation, ${dimensionsText}, c.count FROM central_summaries s
       JOIN central_cells c ON c.id = s.cell_id JOIN central_reports r ON r.bundle_id = c.bundle_id
       WHERE c.period_to >= ? AND c.period_from <= ? ORDER BY s.id`,
    )
      .raw(true)
      .all(from, to) as Array<[string, Organisation, string, number]>;
    const parse = dimensionParser();
    return rows.map(([text, organisation, dims, count]) => ({ text, cell: { organisation, ...parse(dims), count } }));
  }

  /** The taxonomy dimensions of every cell, for a taxonomy change. */
  taggedCells(): Array<{ id: number; taxonomyVersion: number; values: CellValues }> {
    const rows = this.sql(
      `SELECT id, taxonomy_version AS taxonomyVersion, state_actor AS stateActor, objective, modus_operandi AS modusOperandi, target, channel
       FROM central_cells ORDER BY id`,
    ).all() as Array<{ id: number; taxonomyVersion: number; objective: string | null } & Omit<CellValues, 'objective'>>;
    return rows.map(({ id, taxonomyVersion, objective, ...rest }) => ({
      id,
      taxonomyVersion,
      values: { ...rest, ...(objective === null ? {} : { objective }) },
    }));
  }

  cellValues(id: number): CellValues | undefined {
    const row = this.sql(`SELECT state_actor AS stateActor, objective, modus_operandi AS modusOperandi, target, channel FROM central_cells WHERE id = ?`).get(
      id,
    ) as ({ objective: string | null } & Omit<CellValues, 'objective'>) | undefined;
    if (!row) return undefined;
    const { objective, ...rest } = row;
    return { ...rest, ...(objective === null ? {} : { objective }) };
  }

  /** Changes a cell's taxonomy values and version, and the kept sums with the values. */
  replaceCellValues(id: number, values: CellValues, taxonomyVersion: number): void {
    const before = this.cell(id);
    if (!before) return;
    const { objective: _before, ...rest } = before;
    const after: PeriodCell = { ...rest, ...values };
    // Most cells only move to the new version with the same values: their sums stay as they are.
    const moved = (['stateActor', 'objective', 'modusOperandi', 'target', 'channel'] as const).some((d) => before[d] !== after[d]);
    if (moved) this.changeSums([before], -1);
    this.sql(`UPDATE central_cells SET state_actor = ?, objective = ?, modus_operandi = ?, target = ?, channel = ?, taxonomy_version = ? WHERE id = ?`).run(
      values.stateActor,
      values.objective ?? null,
      values.modusOperandi,
      values.target,
      values.channel,
      taxonomyVersion,
      id,
    );
    if (moved) this.changeSums([after], 1);
  }

  private cell(id: number): PeriodCell | undefined {
    const row = this.sql(
      `SELECT r.organisation, c.count, ${dimensionsText} FROM central_cells c JOIN central_reports r ON r.bundle_id = c.bundle_id WHERE c.id = ?`,
    )
      .raw(true)
      .get(id) as [Organisation, number, string] | undefined;
    return row && { organisation: row[0], ...dimensionParser()(row[2]), count: row[1] };
  }

  counts(): { reports: number; cells: number } {
    return {
      reports: this.sql('SELECT count(*) FROM central_reports').pluck().get() as number,
      cells: this.sql('SELECT count(*) FROM central_cells').pluck().get() as number,
    };
  }
}
