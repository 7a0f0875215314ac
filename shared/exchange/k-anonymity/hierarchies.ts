import { endOfISOWeek, endOfMonth, endOfQuarter, formatISO, parseISO, startOfISOWeek, startOfMonth, startOfQuarter } from 'date-fns';
import { landsdeelOf, type Province } from '../../geo';
import { targetGroupOf } from './target-groups';
import type { Period, Region } from './types';

/**
 * The generalisation hierarchies, one label per level for one signal:
 * region municipality → province → landsdeel → NL; period day → ISO week → month → quarter;
 * target specific value → group → any. Levels above what is known repeat the known label (a
 * signal without a municipality shows its province at the municipality level).
 */

export const unknown = 'unknown';
export const multiple = 'multiple';
export const any = 'any';
export const country = 'NL';

/**
 * One label for a dimension with several values, so that one signal lands in one cell and counts
 * once: no value (or only 'unknown') is 'unknown', one value is itself, several are 'multiple'.
 */
export function collapse(values: readonly string[]): string {
  const distinct = new Set(values);
  distinct.delete(unknown);
  if (distinct.size === 0) return unknown;
  return distinct.size === 1 ? distinct.values().next().value! : multiple;
}

/**
 * Target labels at the levels specific, group and any. Several targets of one group are that group
 * at the group level; a value this version cannot place in a group goes straight to 'any' there.
 */
export function targetLabels(targets: readonly string[]): [string, string, string] {
  const specific = collapse(targets);
  const values = targets.filter((t) => t !== unknown);
  if (values.length === 0) return [specific, unknown, any];
  const groups = values.map(targetGroupOf);
  if (groups.includes(undefined)) return [specific, any, any];
  return [specific, collapse(groups as string[]), any];
}

export function regionLabels(municipality: string | null, province: Province | null): [Region, Region, Region, Region] {
  const nl: Region = { level: 'country', value: country };
  if (province === null) return [nl, nl, nl, nl];
  const p: Region = { level: 'province', value: province };
  const l: Region = { level: 'landsdeel', value: landsdeelOf(province) };
  return [municipality === null ? p : { level: 'municipality', value: municipality }, p, l, nl];
}

const iso = (d: Date) => formatISO(d, { representation: 'date' });

/** The day, ISO week (Monday to Sunday), calendar month and quarter holding a date. */
export function periodLabels(date: string): [Period, Period, Period, Period] {
  const d = parseISO(date);
  return [
    { level: 'day', from: date, to: date },
    { level: 'week', from: iso(startOfISOWeek(d)), to: iso(endOfISOWeek(d)) },
    { level: 'month', from: iso(startOfMonth(d)), to: iso(endOfMonth(d)) },
    { level: 'quarter', from: iso(startOfQuarter(d)), to: iso(endOfQuarter(d)) },
  ];
}

/** The whole quarters from the earliest to the latest date: the coarsest period, which lets carried-over signals join later ones. */
export function quarterSpan(earliest: string, latest: string): Period {
  return { level: 'quarter', from: iso(startOfQuarter(parseISO(earliest))), to: iso(endOfQuarter(parseISO(latest))) };
}

/** Whether a period runs over more than one quarter (only the coarsest cells, with carried-over signals, do). */
export function spansSeveralQuarters(period: Period): boolean {
  return period.level === 'quarter' && quarterSpan(period.from, period.from).to !== period.to;
}
