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
  switch (d) {
    case 'region':
      return { level: cell.region.level, value: cell.region.value };
    case 'objective':
      return { level: '', value: cell.objective ?? '' };
    default:
      return { level: '', value: cell[d] };
  }
}

/** The sums of cells held in memory, as the central store keeps them of the cells it took in. */
export function sumsOfCells(cells: readonly PeriodCell[]): CellSum[] {
  const sums = new Map<string, CellSum>();
  for (const cell of cells) {
    for (const [dimension, perActor] of sumsKept) {
      const { level, value } = releasedValue(cell, dimension);
      const stateActor = perActor ? cell.stateActor : '';
      const key = `${cell.period.level}\u0001${cell.period.from}\u0001${cell.period.to}\u0001${dimension}\u0001${stateActor}\u0001${level}\u0001${value}`;
      const sum = sums.get(key);
      if (sum) {
        sum.count += cell.count;
        sum.cells += 1;
      } else sums.set(key, { period: cell.period, dimension, stateActor, level, value, count: cell.count, cells: 1 });
    }
  }
  return [...sums.values()];
}
