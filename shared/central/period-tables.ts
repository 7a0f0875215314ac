import type { PeriodCell } from '../exchange/stix/period-bundle';
import { municipalities } from '../geo/municipalities';
import { releasedValue, type CellSum } from './cell-sums';
import { suppress, type Equation } from './disclosure-control';
import type { FigureDimension, PublishedFigure, ReportPeriod } from './published-figure';
import { liesWithin, overlaps } from './report-period';
import { unspecified } from './report-labels';

/**
 * The tables of one period, as sums of whole released cells (read from their kept sums,
 * ./cell-sums.ts). A cell counts only when its period lies within the report period (a cell of a quarter is never split over its months); a cell is
 * added upward only: a municipality cell counts in its province, and a cell released at a coarser
 * level than a table shows (a landsdeel, the country, 'multiple', 'any') counts as "not further
 * specified" in that table rather than being spread over finer rows.
 */

export const oneWayTables = [
  ['byStateActor', 'stateActor'],
  ['byObjective', 'objective'],
  ['byModusOperandi', 'modusOperandi'],
  ['byTarget', 'target'],
  ['byChannel', 'channel'],
  ['byRegion', 'region'],
  ['byOrganisation', 'organisation'],
] as const satisfies ReadonlyArray<readonly [string, FigureDimension]>;
export type OneWayTable = (typeof oneWayTables)[number][0];

/** The per-actor tables: state actor × each of these. */
export const actorDimensions = ['objective', 'modusOperandi', 'target', 'channel', 'region'] as const satisfies readonly FigureDimension[];
export type ActorDimension = (typeof actorDimensions)[number];
export const actorTable = (d: ActorDimension) => `stateActor×${d}`;
export const totalTable = 'total';

const provinceOf = new Map(municipalities.map((m) => [m.name, m.province as string]));

const general = (v: string) => (v === 'multiple' || v === 'any' ? unspecified : v);

/** The row a value as released falls in, in one dimension's tables. */
export function rowValue(d: FigureDimension, level: string, value: string): string {
  switch (d) {
    case 'region':
      return level === 'municipality' ? (provinceOf.get(value) ?? unspecified) : level === 'province' ? value : unspecified;
    case 'objective':
      return general(value === '' ? 'unknown' : value);
    case 'organisation':
      return value;
    default:
      return general(value);
  }
}

/** The row a cell falls in, per dimension. */
export function cellValues(cell: PeriodCell): Record<FigureDimension, string> {
  const row = (d: FigureDimension) => {
    const { level, value } = releasedValue(cell, d);
    return rowValue(d, level, value);
  };
  return {
    stateActor: row('stateActor'),
    objective: row('objective'),
    modusOperandi: row('modusOperandi'),
    target: row('target'),
    channel: row('channel'),
    region: row('region'),
    organisation: row('organisation'),
  };
}

/** A sum over all actors of one dimension; those of the state actor hold every cell once. */
const isCellTotal = (s: CellSum) => s.dimension === 'stateActor' && s.stateActor === '';

/**
 * The sums a period counts, the cells they hold, and how many overlapping cells it leaves out
 * because they run past its edges.
 */
export function sumsOfPeriod(sums: readonly CellSum[], period: ReportPeriod): { inside: CellSum[]; cells: number; straddling: number } {
  const inside: CellSum[] = [];
  let cells = 0;
  let straddling = 0;
  for (const s of sums) {
    if (liesWithin(s.period, period)) {
      inside.push(s);
      if (isCellTotal(s)) cells += s.cells;
    } else if (isCellTotal(s) && overlaps(s.period, period)) straddling += s.cells;
  }
  return { inside, cells, straddling };
}

/** One figure before publication: its table, values and true count. */
export interface RawFigure {
  table: string;
  values: PublishedFigure['values'];
  count: number;
}

export interface PeriodTables {
  /** Index 0 is the total; then the one-way tables, then the per-actor tables. */
  figures: RawFigure[];
  /** After disclosure control, per figure. */
  suppressed: boolean[];
  primary: boolean[];
  equations: Equation[];
}

const byCount = (a: RawFigure, b: RawFigure) => b.count - a.count || (a.table + JSON.stringify(a.values)).localeCompare(b.table + JSON.stringify(b.values));

/** Builds the tables from the sums of the period's cells and applies disclosure control with the report minimum. */
export function periodTables(sums: readonly CellSum[], minimum: number): PeriodTables {
  let total = 0;
  const oneWay = new Map<FigureDimension, Map<string, number>>(oneWayTables.map(([, d]) => [d, new Map()]));
  const twoWay = new Map<FigureDimension, Map<string, Map<string, number>>>(actorDimensions.map((d) => [d, new Map()]));
  for (const s of sums) {
    const value = rowValue(s.dimension, s.level, s.value);
    if (s.stateActor === '') {
      if (s.dimension === 'stateActor') total += s.count;
      const rows = oneWay.get(s.dimension)!;
      rows.set(value, (rows.get(value) ?? 0) + s.count);
    } else {
      const rows = twoWay.get(s.dimension)!;
      const actor = rowValue('stateActor', '', s.stateActor);
      let row = rows.get(actor);
      if (!row) rows.set(actor, (row = new Map<string, number>()));
      row.set(value, (row.get(value) ?? 0) + s.count);
    }
  }

  const figures: RawFigure[] = [{ table: totalTable, values: {}, count: total }];
  const margin: boolean[] = [true];
  const indexOf = new Map<string, number>();
  const add = (f: RawFigure, isMargin: boolean) => {
    indexOf.set(JSON.stringify([f.table, f.values]), figures.length);
    figures.push(f);
    margin.push(isMargin);
  };
  const at = (table: string, values: PublishedFigure['values']) => indexOf.get(JSON.stringify([table, values]))!;

  const equations: Equation[] = [];
  for (const [table, d] of oneWayTables) {
    const rows = [...oneWay.get(d)!].map(([value, count]): RawFigure => ({ table, values: { [d]: value }, count })).sort(byCount);
    rows.forEach((f) => add(f, d === 'stateActor' || actorDimensions.includes(d as ActorDimension)));
    if (rows.length > 0) equations.push({ terms: [{ figure: 0, sign: -1 }, ...rows.map((f) => ({ figure: at(f.table, f.values), sign: 1 as const }))] });
  }
  const oneWayTableOf = Object.fromEntries(oneWayTables.map(([t, d]) => [d, t])) as Record<FigureDimension, string>;
  for (const d of actorDimensions) {
    const table = actorTable(d);
    const columns = new Map<string, number[]>();
    for (const [actor, row] of [...twoWay.get(d)!].sort(([a], [b]) => a.localeCompare(b))) {
      const members: number[] = [];
      for (const [value, count] of [...row].sort(([a, x], [b, y]) => y - x || a.localeCompare(b))) {
        add({ table, values: { stateActor: actor, [d]: value }, count }, false);
        const i = figures.length - 1;
        members.push(i);
        columns.set(value, [...(columns.get(value) ?? []), i]);
      }
      equations.push({ terms: [{ figure: at('byStateActor', { stateActor: actor }), sign: -1 }, ...members.map((figure) => ({ figure, sign: 1 as const }))] });
    }
    for (const [value, members] of columns) {
      equations.push({
        terms: [{ figure: at(oneWayTableOf[d], { [d]: value }), sign: -1 }, ...members.map((figure) => ({ figure, sign: 1 as const }))],
      });
    }
  }
  const { suppressed, primary } = suppress(
    figures.map((f) => f.count),
    equations,
    minimum,
    margin,
  );
  return { figures, suppressed, primary, equations };
}
