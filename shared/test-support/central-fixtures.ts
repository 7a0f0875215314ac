import { endOfMonth, formatISO } from 'date-fns';
import type { CentralCell, EnrolledTeam, FenomeenbeeldInput, TeamReport } from '../central/central-input';
import { sumsOfCells, type CellSum } from '../central/cell-sums';
import { figureTables } from '../contract/fenomeenbeeld-view';
import { parseReportPeriod } from '../central/report-period';
import type { Organisation } from '../exchange/payload';
import { municipalities } from '../geo/municipalities';
import { provinces } from '../geo/provinces';
import { builtinTaxonomy } from '../taxonomy/builtin-taxonomy';
import machinetag from '../taxonomy/nl-obi/machinetag.json';
import { withObjective } from './period-fixtures';
import { mulberry32 } from './seeded-random';

/** Input for the fenomeenbeeld: hand-made cells for exact tests and a seeded generator for properties and the benchmark. */

export const centralTaxonomy = withObjective(builtinTaxonomy());

let nextBundle = 0;
/** A deterministic UUID for the n-th bundle of a test. */
export const bundleUuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export function centralCell(over: Partial<CentralCell> = {}): CentralCell {
  return {
    organisation: 'SZW',
    stateActor: 'IR',
    objective: 'silence-critics',
    modusOperandi: 'coercion-by-proxy-family',
    target: 'activists-dissidents',
    channel: 'via-family-in-origin-country',
    region: { level: 'province', value: 'Overijssel' },
    period: { level: 'month', from: '2026-10-01', to: '2026-10-31' },
    count: 7,
    team: 'SZW Oost',
    bundleId: bundleUuid(nextBundle++ % 1000),
    taxonomyVersion: 1,
    ...over,
  };
}

export function teamReport(over: Partial<TeamReport> = {}): TeamReport {
  return {
    team: 'SZW Oost',
    organisation: 'SZW',
    bundleId: bundleUuid(999),
    period: { from: '2026-10-01', to: '2026-10-31' },
    cellCount: 1,
    receivedAt: '2026-11-03T10:00:00.000Z',
    ...over,
  };
}

/** Input for the fenomeenbeeld; `cells` are given as the sums the central store would keep of them. */
export function fenomeenbeeldInput(over: Partial<FenomeenbeeldInput> & { cells?: readonly CentralCell[] } = {}): FenomeenbeeldInput {
  const { cells = [], ...rest } = over;
  return {
    period: parseReportPeriod('2026-Q4'),
    sums: sumsOfCells(cells),
    reports: [],
    summaries: [],
    teams: [],
    reportMinimum: 10,
    taxonomy: centralTaxonomy,
    now: new Date('2027-01-05T14:37:12.000Z'),
    ...rest,
  };
}

const valuesOf = (predicate: string) => machinetag.values.find((v) => v.predicate === predicate)!.entry.map((e) => e.value);

export interface SimulatedCentral {
  teams: EnrolledTeam[];
  cells: CentralCell[];
  reports: TeamReport[];
}

/**
 * A seeded central store: `teams` teams over the organisations, each sending one team bundle per
 * month of `months` months (from January 2026) with `cellsPerBundle` cells, skewed as real
 * reporting is (a few actors, modi and places dominate).
 */
export function simulatedCentral(seed: number, opts: { teams: number; months: number; cellsPerBundle: number; k?: number }): SimulatedCentral {
  const rnd = mulberry32(seed);
  const skewed = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() ** 2 * xs.length)]!;
  const actors = ['CN', 'TR', 'IR', 'RU', 'ER', 'MA', 'SY', 'RW', 'SA', 'unknown', 'multiple'];
  const modi = [...valuesOf('modus-operandi'), 'multiple'];
  const targets = [...valuesOf('target'), 'critics-opponents', 'communities-identities', 'any'];
  const channels = [...valuesOf('channel'), 'multiple'];
  const objectives = ['silence-critics', 'unknown', 'multiple'];
  const organisations: Organisation[] = ['SZW', 'BZ', 'NCTV'];
  const k = opts.k ?? 5;
  const teams: EnrolledTeam[] = Array.from({ length: opts.teams }, (_, i) => ({
    name: `Team ${i + 1}`,
    organisation: organisations[i % 3]!,
    expectedEvery: 'month',
  }));
  const cells: CentralCell[] = [];
  const reports: TeamReport[] = [];
  let bundle = 0;
  for (let m = 0; m < opts.months; m++) {
    const start = new Date(Date.UTC(2026, m, 1));
    const from = formatISO(start, { representation: 'date' });
    const to = formatISO(endOfMonth(start), { representation: 'date' });
    for (const team of teams) {
      const bundleId = bundleUuid(bundle++);
      for (let c = 0; c < opts.cellsPerBundle; c++) {
        const r = rnd();
        const region: CentralCell['region'] =
          r < 0.5
            ? { level: 'municipality', value: skewed(municipalities).name }
            : r < 0.8
              ? { level: 'province', value: skewed(provinces) }
              : r < 0.9
                ? { level: 'landsdeel', value: skewed(['Noord', 'Oost', 'West', 'Zuid']) }
                : { level: 'country', value: 'NL' };
        cells.push({
          organisation: team.organisation,
          stateActor: skewed(actors),
          objective: skewed(objectives),
          modusOperandi: skewed(modi),
          target: skewed(targets),
          channel: skewed(channels),
          region,
          period: { level: 'month', from, to },
          count: k + Math.floor(rnd() ** 3 * 20),
          team: team.name,
          bundleId,
          taxonomyVersion: 1,
        });
      }
      reports.push({
        team: team.name,
        organisation: team.organisation,
        bundleId,
        period: { from, to },
        cellCount: opts.cellsPerBundle,
        evaluation: { approved: opts.cellsPerBundle * 6, returned: opts.cellsPerBundle, redactedFurther: 2, inPeriod: opts.cellsPerBundle * 6 },
        receivedAt: `${to}T12:00:00.000Z`,
      });
    }
  }
  return { teams, cells, reports };
}

/** A small central store with every kind of value: generalised ones, coarse regions, cells without objective. */
export function variedCentral(): SimulatedCentral {
  const sim = simulatedCentral(11, { teams: 3, months: 4, cellsPerBundle: 30 });
  sim.cells.forEach((c, i) => i % 7 === 0 && delete c.objective);
  return sim;
}

/** Sums in one order and shape, to compare sets of them. */
export const sortedSums = (sums: readonly CellSum[]) =>
  sums
    .map(({ period, dimension, stateActor, level, value, count, cells }) => [
      period.level,
      period.from,
      period.to,
      dimension,
      stateActor,
      level,
      value,
      count,
      cells,
    ])
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

/** The keys issue 12 asks of the report's JSON. */
export const reportJsonKeys = ['period', ...figureTables, 'coverage', 'trends', 'evaluation'] as const;
