import { endOfISOWeek, endOfMonth, endOfQuarter, formatISO, startOfISOWeek, startOfMonth, startOfQuarter, subDays } from 'date-fns';
import type { Period } from '../../../shared/exchange/payload';
import { parseSchedule } from './schedule';

/**
 * The period a bundle reports: the whole unit of its schedule (week, month or quarter) that holds
 * the day before the bundle is made. A bundle made on its schedule (Monday, the first of the month)
 * reports the week or month that just ended; one made by hand in between reports the one under
 * way. It is never a date taken from a signal: a manifest that named the oldest signal's date
 * would repeat it in every bundle until that signal was released, and point at its meeting.
 */

export type ReportingUnit = 'week' | 'month' | 'quarter';

/** Days between runs above which a schedule reports months, and quarters. */
const monthlyAfterDays = 8;
const quarterlyAfterDays = 45;

/** The unit of a schedule, from the longest gap between its next runs. */
export function reportingUnit(expression: string, now: Date): ReportingUnit {
  const runs = parseSchedule(expression).nextRuns(6, now);
  let longest = 0;
  for (let i = 1; i < runs.length; i++) longest = Math.max(longest, (runs[i]!.getTime() - runs[i - 1]!.getTime()) / 86_400_000);
  return longest > quarterlyAfterDays ? 'quarter' : longest > monthlyAfterDays ? 'month' : 'week';
}

const iso = (d: Date) => formatISO(d, { representation: 'date' });

export function reportingPeriod(expression: string, now: Date): Period {
  const day = subDays(now, 1);
  switch (reportingUnit(expression, now)) {
    case 'week':
      return { from: iso(startOfISOWeek(day)), to: iso(endOfISOWeek(day)) };
    case 'month':
      return { from: iso(startOfMonth(day)), to: iso(endOfMonth(day)) };
    case 'quarter':
      return { from: iso(startOfQuarter(day)), to: iso(endOfQuarter(day)) };
  }
}
