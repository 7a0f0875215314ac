import { addMonths, endOfMonth, endOfQuarter, endOfYear, formatISO, parseISO, startOfMonth, startOfQuarter, startOfYear } from 'date-fns';
import type { ReportPeriod } from './published-figure';

/**
 * Report periods: a year (`2026`), a quarter (`2026-Q4`) or a month (`2026-10`), with their first and
 * last day. Trends compare a period with the ones before it of the same length.
 */

export type ReportGranularity = 'year' | 'quarter' | 'month';

const pattern = /^(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$/;
const iso = (d: Date) => formatISO(d, { representation: 'date' });

export function granularityOf(p: ReportPeriod): ReportGranularity {
  if (p.label.includes('-Q')) return 'quarter';
  return p.label.length === 4 ? 'year' : 'month';
}

function periodOf(granularity: ReportGranularity, start: Date): ReportPeriod {
  const year = String(start.getFullYear());
  if (granularity === 'year') return { label: year, from: iso(startOfYear(start)), to: iso(endOfYear(start)) };
  if (granularity === 'quarter') {
    return { label: `${year}-Q${Math.floor(start.getMonth() / 3) + 1}`, from: iso(startOfQuarter(start)), to: iso(endOfQuarter(start)) };
  }
  return { label: `${year}-${String(start.getMonth() + 1).padStart(2, '0')}`, from: iso(startOfMonth(start)), to: iso(endOfMonth(start)) };
}

/** The period a label names; throws an error that names what is wrong with the label (never a stack of internals). */
export function parseReportPeriod(label: string): ReportPeriod {
  const match = typeof label === 'string' ? pattern.exec(label.trim()) : null;
  if (!match) throw new Error(`report period "${String(label).slice(0, 20)}": must be a year, quarter or month such as 2026, 2026-Q4 or 2026-10`);
  const [, year, quarter, month] = match;
  if (Number(year) < 2000 || Number(year) > 2999) throw new Error(`report period "${label.trim()}": the year must lie between 2000 and 2999`);
  if (quarter) return periodOf('quarter', parseISO(`${year}-${String((Number(quarter) - 1) * 3 + 1).padStart(2, '0')}-01`));
  if (month) return periodOf('month', parseISO(`${year}-${month}-01`));
  return periodOf('year', parseISO(`${year}-01-01`));
}

/** The `n` periods of the same length just before `p`, oldest first. */
export function previousPeriods(p: ReportPeriod, n: number): ReportPeriod[] {
  const granularity = granularityOf(p);
  const step = granularity === 'year' ? 12 : granularity === 'quarter' ? 3 : 1;
  const start = parseISO(p.from);
  const out: ReportPeriod[] = [];
  for (let i = Math.max(0, Math.floor(n)); i >= 1; i--) out.push(periodOf(granularity, addMonths(start, -step * i)));
  return out;
}

/** Whether the days `from`–`to` lie wholly inside the period. */
export const liesWithin = (span: { from: string; to: string }, p: ReportPeriod): boolean => span.from >= p.from && span.to <= p.to;

/** Whether the days `from`–`to` share at least one day with the period. */
export const overlaps = (span: { from: string; to: string }, p: ReportPeriod): boolean => span.from <= p.to && span.to >= p.from;
