import { describe, expect, it } from 'vitest';
import { bundleUuid, centralCell, fenomeenbeeldInput, simulatedCentral, teamReport } from '../test-support/central-fixtures';
import { releasedCell, type CentralCell } from './central-input';
import { buildFenomeenbeeld, reportWindow } from './fenomeenbeeld';
import { parseReportPeriod, previousPeriods } from './report-period';

const amsterdam = centralCell({ region: { level: 'municipality', value: 'Amsterdam' }, count: 12, bundleId: bundleUuid(1) });
const noordHolland = centralCell({
  organisation: 'BZ',
  team: 'BZ West',
  region: { level: 'province', value: 'Noord-Holland' },
  count: 8,
  period: { level: 'month', from: '2026-11-01', to: '2026-11-30' },
});
const west = centralCell({
  organisation: 'NCTV',
  team: 'NCTV 1',
  region: { level: 'landsdeel', value: 'West' },
  count: 15,
  period: { level: 'month', from: '2026-12-01', to: '2026-12-31' },
});
const china = centralCell({
  stateActor: 'CN',
  objective: 'multiple',
  modusOperandi: 'multiple',
  target: 'any',
  channel: 'multiple',
  region: { level: 'country', value: 'NL' },
  period: { level: 'quarter', from: '2026-10-01', to: '2026-12-31' },
  count: 20,
});
const carriedOver = centralCell({ period: { level: 'quarter', from: '2026-07-01', to: '2026-12-31' }, count: 9 });
const september = centralCell({ period: { level: 'month', from: '2026-09-01', to: '2026-09-30' }, count: 30 });
const cells = [amsterdam, noordHolland, west, china, carriedOver, september];

const rows = (
  fb: ReturnType<typeof buildFenomeenbeeld>,
  key: 'byStateActor' | 'byRegion' | 'byOrganisation' | 'byModusOperandi' | 'byTarget' | 'byObjective',
) => Object.fromEntries(fb[key].map((r) => [r.value, r.count]));

describe('the fenomeenbeeld of a period', () => {
  it('adds whole cells of the period upward, and says "not further specified" for what was generalised', () => {
    const fb = buildFenomeenbeeld(fenomeenbeeldInput({ cells }));
    expect(fb.period).toEqual({ label: '2026-Q4', from: '2026-10-01', to: '2026-12-31' });
    expect(fb.total).toEqual({ count: 55 });
    expect(rows(fb, 'byStateActor')).toEqual({ IR: 35, CN: 20 });
    // Amsterdam counts in its province; the landsdeel and the country are not split over provinces.
    expect(rows(fb, 'byRegion')).toEqual({ 'Noord-Holland': 20, unspecified: 35 });
    expect(rows(fb, 'byModusOperandi')).toEqual({ 'coercion-by-proxy-family': 35, unspecified: 20 });
    expect(rows(fb, 'byTarget')).toEqual({ 'activists-dissidents': 35, unspecified: 20 });
    expect(fb.byRegion.find((r) => r.value === 'unspecified')!.label).toBe('not further specified');
    // The cell carried over from Q3 runs past the start of Q4: left out and counted as such.
    expect(fb.notes).toMatchObject({ cells: 4, straddlingCells: 1 });
    const ir = fb.stateActors.find((a) => a.value === 'IR')!;
    expect(ir).toMatchObject({ label: 'Iran', count: 35 });
    expect(ir.regions).toEqual([
      { value: 'Noord-Holland', label: 'Noord-Holland', count: 20 },
      { value: 'unspecified', label: 'not further specified', count: 15 },
    ]);
    expect(ir.effect).toEqual([{ value: 'critics-opponents', label: 'Critics and opponents' }]);
  });

  it('suppresses figures below the report minimum, and one more so the first cannot be worked out from the total', () => {
    const fb = buildFenomeenbeeld(fenomeenbeeldInput({ cells }));
    // BZ has 8 (< 10); with only BZ hidden, 55 − 32 − 15 would give it away, so NCTV (15) is hidden too.
    expect(fb.byOrganisation).toEqual([
      { value: 'SZW', label: 'SZW', count: 32 },
      { value: 'NCTV', label: 'NCTV', count: null, suppressed: true },
      { value: 'BZ', label: 'BZ', count: null, suppressed: true },
    ]);
    expect(fb.notes).toMatchObject({ suppressedPrimary: 1, suppressedSecondary: 1 });
    expect(fb.figures.filter((f) => f.suppressed).map((f) => f.values)).toEqual([{ organisation: 'NCTV' }, { organisation: 'BZ' }]);
    // With a minimum of 5 nothing needs hiding.
    expect(rows(buildFenomeenbeeld(fenomeenbeeldInput({ cells, reportMinimum: 5 })), 'byOrganisation')).toEqual({ SZW: 32, BZ: 8, NCTV: 15 });
  });

  it('hides everything when the whole period holds fewer conversations than the minimum', () => {
    const fb = buildFenomeenbeeld(fenomeenbeeldInput({ cells: [noordHolland] }));
    expect(fb.total).toEqual({ count: null, suppressed: true });
    expect(fb.figures.every((f) => f.count === null)).toBe(true);
  });

  it('tells a team that reported, one that sent the signed empty report and one that stayed silent', () => {
    const teams = [
      { name: 'SZW Oost', organisation: 'SZW' as const, expectedEvery: 'month' as const },
      { name: 'BZ West', organisation: 'BZ' as const, expectedEvery: 'quarter' as const },
      { name: 'NCTV 1', organisation: 'NCTV' as const, expectedEvery: 'week' as const },
    ];
    const reports = [
      teamReport({ team: 'SZW Oost', organisation: 'SZW', cellCount: 3 }),
      teamReport({ team: 'SZW Oost', organisation: 'SZW', cellCount: 0, period: { from: '2026-11-01', to: '2026-11-30' } }),
      teamReport({ team: 'BZ West', organisation: 'BZ', cellCount: 0, period: { from: '2026-10-01', to: '2026-12-31' } }),
      // A report of another period does not count.
      teamReport({ team: 'NCTV 1', organisation: 'NCTV', cellCount: 4, period: { from: '2026-09-01', to: '2026-09-30' } }),
    ];
    const fb = buildFenomeenbeeld(fenomeenbeeldInput({ cells, teams, reports }));
    expect(fb.coverage).toEqual([
      { team: 'SZW Oost', organisation: 'SZW', status: 'reported', expected: 3, received: 2 },
      { team: 'BZ West', organisation: 'BZ', status: 'empty', expected: 1, received: 1 },
      { team: 'NCTV 1', organisation: 'NCTV', status: 'silent', expected: 13, received: 0 },
    ]);
    expect(fb.evaluation.coverageOverTime.at(-1)).toEqual({ period: '2026-Q4', reported: 1, empty: 1, silent: 1 });
    expect(fb.evaluation.coverageOverTime.at(-2)).toEqual({ period: '2026-Q3', reported: 1, empty: 0, silent: 2 });
  });

  it('gives evaluation figures per organisation, hiding those that rest on fewer than the minimum', () => {
    const teams = [{ name: 'SZW Oost', organisation: 'SZW' as const, expectedEvery: 'month' as const }];
    const reports = [
      teamReport({ evaluation: { approved: 30, returned: 10, redactedFurther: 2, inPeriod: 30 }, meetingToCentralDays: [3, 5, 8, 9, 10, 12, 14, 20, 21, 30] }),
      teamReport({ team: 'BZ West', organisation: 'BZ', evaluation: { approved: 4, returned: 1, redactedFurther: 0, inPeriod: 4 }, meetingToCentralDays: [2] }),
    ];
    const fb = buildFenomeenbeeld(fenomeenbeeldInput({ cells, teams, reports }));
    expect(fb.evaluation.byOrganisation).toEqual([
      { organisation: 'BZ', reports: 1, signals: null, conversations: null, returnedShare: null, medianDaysToCentral: null },
      { organisation: 'SZW', reports: 1, signals: 30, conversations: 32, returnedShare: 0.25, medianDaysToCentral: 11 },
    ]);
  });

  it('refuses a summary whose cell is no released cell, naming it', () => {
    expect(() => buildFenomeenbeeld(fenomeenbeeldInput({ cells, summaries: [{ cell: amsterdam, text: 'With what the centre added.' }] }))).toThrow(
      /^buildFenomeenbeeld: summaries\.0\.cell: /,
    );
  });

  it('shows a summary only with its own cell of the period', () => {
    const summaries = [
      { cell: releasedCell(amsterdam), text: 'Family in the country of origin was questioned.' },
      { cell: releasedCell(september), text: 'Outside the period.' },
    ];
    const fb = buildFenomeenbeeld(fenomeenbeeldInput({ cells, summaries }));
    expect(fb.illustrations.map((i) => [i.labels.stateActor, i.labels.region, i.labels.target])).toEqual([
      ['Iran', 'Noord-Holland', 'Activists and dissidents'],
    ]);
    expect(fb.illustrations.map(({ labels: _labels, ...rest }) => rest)).toEqual([
      {
        text: 'Family in the country of origin was questioned.',
        organisation: 'SZW',
        values: {
          stateActor: 'IR',
          objective: 'silence-critics',
          modusOperandi: 'coercion-by-proxy-family',
          target: 'activists-dissidents',
          channel: 'via-family-in-origin-country',
          region: 'Noord-Holland',
          organisation: 'SZW',
        },
        period: { from: '2026-10-01', to: '2026-10-31' },
      },
    ]);
  });

  it('flags a planted rise of one state actor over the quarters before, and nothing else', () => {
    const period = parseReportPeriod('2026-Q4');
    const quarters = [...previousPeriods(period, 4), period];
    const history: CentralCell[] = quarters.flatMap((q, i) => [
      centralCell({ stateActor: 'RU', count: i === 4 ? 36 : 12, period: { level: 'quarter', from: q.from, to: q.to } }),
      centralCell({ stateActor: 'TR', count: 14 + (i % 2), period: { level: 'quarter', from: q.from, to: q.to } }),
    ]);
    const reports = quarters.map((q) => teamReport({ period: { from: q.from, to: q.to } }));
    const fb = buildFenomeenbeeld(fenomeenbeeldInput({ period, cells: history, reports }));
    expect(fb.trends.baseline).toEqual(['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3']);
    const ru = fb.trends.byStateActor.find((s) => s.stateActor === 'RU')!;
    expect(ru.points.map((p) => p.count)).toEqual([12, 12, 12, 12, 36]);
    expect(ru).toMatchObject({ flagged: true, expected: 12 });
    expect(ru.pValue).toBeLessThan(0.05);
    expect(fb.trends.byStateActor.filter((s) => s.flagged).map((s) => s.stateActor)).toEqual(['RU']);
    expect(fb.trends.byStateActorAndModusOperandi.filter((s) => s.flagged).map((s) => [s.stateActor, s.modusOperandi])).toEqual([
      ['RU', 'coercion-by-proxy-family'],
    ]);
    expect(fb.trends.method).toMatch(/Poisson/);
  });

  it('refuses input that breaks the contract, naming the field', () => {
    expect(() => buildFenomeenbeeld(fenomeenbeeldInput({ reportMinimum: 1 }))).toThrow(/^buildFenomeenbeeld: reportMinimum: must be at least 2$/);
    const [sum] = fenomeenbeeldInput({ cells: [amsterdam] }).sums;
    expect(() => buildFenomeenbeeld(fenomeenbeeldInput({ sums: [{ ...sum!, count: 0 }] }))).toThrow(/^buildFenomeenbeeld: sums\.0\.count/);
    expect(() => buildFenomeenbeeld(fenomeenbeeldInput({ sums: [sum!, { ...sum!, cells: 2.5 }] }))).toThrow(/^buildFenomeenbeeld: sums\.1\.cells/);
    expect(() => buildFenomeenbeeld(fenomeenbeeldInput({ sums: [{ ...sum!, period: { level: 'month', from: '2026-10-31', to: '2026-10-01' } }] }))).toThrow(
      /sums\.0\.period/,
    );
    expect(() => buildFenomeenbeeld(fenomeenbeeldInput({ sums: [{ ...sum!, dimension: 'colour' as 'region' }] }))).toThrow(/sums\.0\.dimension/);
    expect(() => buildFenomeenbeeld(fenomeenbeeldInput({ teams: [{ name: '', organisation: 'SZW', expectedEvery: 'month' }] }))).toThrow(/teams\.0\.name/);
    expect(() => buildFenomeenbeeld(fenomeenbeeldInput({ period: { label: '2026-Q4', from: '2026-12-31', to: '2026-10-01' } }))).toThrow(/period\.to/);
  });

  it('needs no sum outside its window: the report of a period is the same from the sums of the cells that overlap it', () => {
    expect(reportWindow(parseReportPeriod('2026'))).toEqual({ from: '2023-01-01', to: '2026-12-31' });
    expect(reportWindow(parseReportPeriod('2026-Q1'))).toEqual({ from: '2024-01-01', to: '2026-03-31' });
    expect(reportWindow(parseReportPeriod('2026-02'))).toEqual({ from: '2025-02-01', to: '2026-02-28' });
    const store = simulatedCentral(7, { teams: 6, months: 12, cellsPerBundle: 40 });
    const old = centralCell({ period: { level: 'month', from: '2021-05-01', to: '2021-05-31' }, count: 40, bundleId: bundleUuid(900) });
    const cells = [old, ...store.cells];
    for (const label of ['2026-02', '2026-Q1', '2026-Q3']) {
      const period = parseReportPeriod(label);
      const window = reportWindow(period);
      const inWindow = cells.filter((c) => c.period.to >= window.from && c.period.from <= window.to);
      expect(inWindow.length, label).toBeLessThan(cells.length);
      const input = { period, reports: store.reports, teams: store.teams };
      expect(buildFenomeenbeeld(fenomeenbeeldInput({ ...input, cells: inWindow })), label).toEqual(buildFenomeenbeeld(fenomeenbeeldInput({ ...input, cells })));
    }
  });
});
