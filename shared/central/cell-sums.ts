import type { PeriodCell } from '../exchange/stix/period-bundle';
import type { FigureDimension } from './published-figure';

/**
 * What the report's tables need of the released cells: per cell period, the conversations (and
 * cells) per value of each dimension, and per state actor × value. A year holds half a million
 * cells but only thousands of such sums, so the central point keeps them at intake and a report
 * reads them instead of the cells. Values are kept as released (a municipality, not its province;
 * 'multiple', not "not further specified"): the tables map them when they count them, so a sum
 * never depends on reference data of the day it was made.
 */

export interface CellSum {
  /** The period of the cells summed: a cell is never split over periods, nor is its sum. */
  period: PeriodCell['period'];
  dimension: FigureDimension;
  /** For a sum per state actor, the actor as released; '' for a sum over all actors. */
  stateActor: string;
  /** For the region, its level (municipality, province, …); '' for the other dimensions. */
  level: string;
  /** The value as released; '' for the objective of a cell that has none. */
  value: string;
  /** Conversations. */
  count: number;
  cells: number;
}

/** The sums kept: every dimension over all actors, and per state actor the dimensions of its profile. */
export const sumsKept = [
  ['stateActor', false],
  ['objective', false],
  ['modusOperandi', false],
  ['target', false],
  ['channel', false],
  ['region', false],
  ['organisation', false],
  ['objective', true],
  ['modusOperandi', true],
  ['target', true],
  ['channel', true],
  ['region', true],
] as const satisfies ReadonlyArray<readonly [FigureDimension, boolean]>;

/** A cell's value in one dimension, as released. */
export function releasedValue(cell: PeriodCell, d: FigureDimension): { level: string; value: string } {
  return { level: d === 'region' ? cell.region.level : '', value: valueOf(cell, d) };
}

function valueOf(cell: PeriodCell, d: FigureDimension): string {
  switch (d) {
    case 'region':
      return cell.region.value;
    case 'objective':
      return cell.objective ?? '';
    default:
      return cell[d];
  }
}

const separator = '\u0001';

/**
 * The sums of cells held in memory, as the central store keeps them of the cells it took in. One
 * map per cell period and kept sum, keyed by the value itself where it can be: most look-ups then
 * hash a string that already exists instead of a new one joined for it (three times as fast).
 */
export function sumsOfCells(cells: readonly PeriodCell[]): CellSum[] {
  const byPeriod = new Map<string, Array<Map<string, CellSum>>>();
  const out: CellSum[] = [];
  for (const cell of cells) {
    const { period, stateActor } = cell;
    const periodKey = `${period.level}${separator}${period.from}${separator}${period.to}`;
    let kept = byPeriod.get(periodKey);
    if (!kept) byPeriod.set(periodKey, (kept = sumsKept.map(() => new Map<string, CellSum>())));
    for (let k = 0; k < sumsKept.length; k++) {
      const [dimension, perActor] = sumsKept[k]!;
      const value = valueOf(cell, dimension);
      const level = dimension === 'region' ? cell.region.level : '';
      const key = perActor ? `${stateActor}${separator}${level}${separator}${value}` : level === '' ? value : `${level}${separator}${value}`;
      const sums = kept[k]!;
      const sum = sums.get(key);
      if (sum) {
        sum.count += cell.count;
        sum.cells += 1;
      } else {
        const made = { period, dimension, stateActor: perActor ? stateActor : '', level, value, count: cell.count, cells: 1 };
        sums.set(key, made);
        out.push(made);
      }
    }
  }
  return out;
}
