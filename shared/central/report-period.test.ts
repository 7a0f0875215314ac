import { describe, expect, it } from 'vitest';
import { granularityOf, liesWithin, parseReportPeriod, previousPeriods } from './report-period';

describe('report periods', () => {
  it('reads a year, a quarter and a month with their first and last day', () => {
    expect(parseReportPeriod('2026')).toEqual({ label: '2026', from: '2026-01-01', to: '2026-12-31' });
    expect(parseReportPeriod('2026-Q4')).toEqual({ label: '2026-Q4', from: '2026-10-01', to: '2026-12-31' });
    expect(parseReportPeriod('2024-02')).toEqual({ label: '2024-02', from: '2024-02-01', to: '2024-02-29' });
    expect(parseReportPeriod(' 2026-Q1 ')).toEqual({ label: '2026-Q1', from: '2026-01-01', to: '2026-03-31' });
    expect(granularityOf(parseReportPeriod('2026-10'))).toBe('month');
  });

  it('refuses anything else, naming what a period looks like', () => {
    for (const bad of ['2026-Q5', '2026-13', '26', 'Q4', '2026-q4', '', '2026-10-01', '1999'])
      expect(() => parseReportPeriod(bad), bad).toThrow(
        /^report period ".*": (must be a year, quarter or month such as 2026, 2026-Q4 or 2026-10|the year must lie between 2000 and 2999)$/,
      );
  });

  it('gives the periods before, of the same length, oldest first', () => {
    expect(previousPeriods(parseReportPeriod('2026-Q1'), 3).map((p) => p.label)).toEqual(['2025-Q2', '2025-Q3', '2025-Q4']);
    expect(previousPeriods(parseReportPeriod('2026-02'), 2)).toEqual([
      { label: '2025-12', from: '2025-12-01', to: '2025-12-31' },
      { label: '2026-01', from: '2026-01-01', to: '2026-01-31' },
    ]);
    expect(previousPeriods(parseReportPeriod('2026'), 1)).toEqual([{ label: '2025', from: '2025-01-01', to: '2025-12-31' }]);
    expect(previousPeriods(parseReportPeriod('2026'), 0)).toEqual([]);
  });

  it('tells a span inside a period from one that runs past its edge', () => {
    const q4 = parseReportPeriod('2026-Q4');
    expect(liesWithin({ from: '2026-10-01', to: '2026-10-31' }, q4)).toBe(true);
    expect(liesWithin({ from: '2026-09-28', to: '2026-10-04' }, q4)).toBe(false);
  });
});
