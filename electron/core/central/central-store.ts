import type { Organisation } from '../../../shared/exchange/payload';
import type { PeriodCell } from '../../../shared/exchange/stix/period-bundle';
import { storeStatements, type OpenVault } from '../vault/vault';

/** A released cell as the central point keeps it: with the team that released it and its taxonomy version. */
export interface StoredCell extends PeriodCell {
  team: string;
  bundleId: string;
  taxonomyVersion: number;
}

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
  /** The row of the cell the summary illustrates. */
  cellId: number;
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
  'state_actor',
  "coalesce(objective, '')",
  'modus_operandi',
  'target',
  'channel',
  'region_level',
  'region_value',
  'period_level',
  'period_from',
  'period_to',
].join(` || char(1) || `);

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
 * The central point's tables (`central_reports`, `central_cells`, `central_summaries`): each
 * accepted team bundle, its released cells and the redacted summaries tied to them. Typed reads
 * and writes; the rules are in central-intake.ts.
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
   * The cells a report needs: those whose period shares a day with `from`–`to`, in the order
   * received. A year's report reads half a million of them, so rows come as arrays, the team and
   * organisation from the reports (one lookup per bundle, not a join per cell), and cells of one
   * region or period share that object.
   */
  cellsOverlapping(from: string, to: string): { cells: StoredCell[]; ids: number[] } {
    const bundles = new Map(this.reports().map((r) => [r.bundleId, r]));
    const shared = new Map<string, Omit<StoredCell, 'bundleId' | 'team' | 'organisation' | 'taxonomyVersion' | 'count'>>();
    const regions = new Map<string, StoredCell['region']>();
    const periods = new Map<string, StoredCell['period']>();
    // The dimensions as one text per row: one string from the database instead of ten, and cells
    // alike in every dimension (the same combination from many teams) share one parsed copy.
    const rows = this.sql(
      `SELECT id, bundle_id, taxonomy_version, count, ${dimensionsText}
       FROM central_cells WHERE +period_to >= ? AND +period_from <= ? ORDER BY id`,
    )
      .raw(true)
      .all(from, to) as Array<[number, string, number, number, string]>;
    const ids = rows.map((r) => r[0]);
    const cells = rows.map(([, bundleId, taxonomyVersion, count, text]) => {
      let dims = shared.get(text);
      if (!dims) {
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
      }
      const { team, organisation } = bundles.get(bundleId)!;
      return { bundleId, team, organisation, taxonomyVersion, ...dims, count };
    });
    return { cells, ids };
  }

  /** The summaries whose cell's period shares a day with `from`–`to`, each with its cell's row id, in the order received. */
  summariesOverlapping(from: string, to: string): StoredSummary[] {
    return this.sql(
      `SELECT s.cell_id AS cellId, s.text FROM central_summaries s JOIN central_cells c ON c.id = s.cell_id
       WHERE c.period_to >= ? AND c.period_from <= ? ORDER BY s.id`,
    ).all(from, to) as StoredSummary[];
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

  replaceCellValues(id: number, values: CellValues, taxonomyVersion: number): void {
    this.sql(`UPDATE central_cells SET state_actor = ?, objective = ?, modus_operandi = ?, target = ?, channel = ?, taxonomy_version = ? WHERE id = ?`).run(
      values.stateActor,
      values.objective ?? null,
      values.modusOperandi,
      values.target,
      values.channel,
      taxonomyVersion,
      id,
    );
  }

  counts(): { reports: number; cells: number } {
    return {
      reports: this.sql('SELECT count(*) FROM central_reports').pluck().get() as number,
      cells: this.sql('SELECT count(*) FROM central_cells').pluck().get() as number,
    };
  }
}
