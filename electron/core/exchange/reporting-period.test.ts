import { describe, expect, it } from 'vitest';
import { payloadHeader } from './payload-header';
import { reportingPeriod, reportingUnit } from './reporting-period';

describe('reporting period', () => {
  it('is the whole month or week of the schedule that just ended, or the one under way when made by hand', () => {
    expect(reportingUnit('0 9 1 * *', new Date(2026, 11, 1, 9))).toBe('month');
    expect(reportingUnit('0 9 * * 1', new Date(2026, 11, 7, 9))).toBe('week');
    expect(reportingUnit('0 9 1 1,4,7,10 *', new Date(2026, 11, 7, 9))).toBe('quarter');
    expect(reportingPeriod('0 9 1 * *', new Date(2026, 11, 1, 9))).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(reportingPeriod('0 9 1 * *', new Date(2026, 11, 15, 9))).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(reportingPeriod('0 9 * * 1', new Date(2026, 11, 7, 9))).toEqual({ from: '2026-11-30', to: '2026-12-06' });
  });

  it('never takes a date from a signal: a carried-over old signal does not show in period.from', () => {
    const period = reportingPeriod('0 9 1 * *', new Date(2026, 11, 1, 9));
    const header = payloadHeader('6f1c2a5e-3b7d-4c8e-9f0a-1b2c3d4e5f60', 'SZW', period, 2, new Date(2026, 11, 1, 9));
    // A signal from March waits for k; the bundle of November still says November.
    expect(header.period.from).toBe('2026-11-01');
    expect(header.period.from).not.toBe('2026-03-10');
  });
});
