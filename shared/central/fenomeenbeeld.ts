import { differenceInCalendarDays, parseISO } from 'date-fns';
import { checkedInput } from '../exchange/checked-input';
import type { Organisation } from '../exchange/payload';
import type { TaxonomyPackage } from '../taxonomy/taxonomy-package';
import { checkSums, fenomeenbeeldInputSchema, type EnrolledTeam, type FenomeenbeeldInput, type TeamReport } from './central-input';
import { targetGroupOf } from '../exchange/k-anonymity/target-groups';
import {
  actorTable,
  cellValues,
  oneWayTables,
  periodTables,
  sumsOfPeriod,
  totalTable,
  type ActorDimension,
  type OneWayTable,
  type PeriodTables,
} from './period-tables';
import type { FigureDimension, PublishedFigure, ReportPeriod } from './published-figure';
import { granularityOf, liesWithin, overlaps, previousPeriods } from './report-period';
import { labelsOf, unspecified, valueLabel } from './report-labels';
import { riseTest, trendAlpha, minimumBaseline } from './trend-test';

/**
 * The fenomeenbeeld of one period: the tables the report publishes (after disclosure control), per
 * state actor its profile, coverage, trends, evaluation figures and illustrations. Pure: the same
 * input gives the same report. docs/central/fenomeenbeeld.md explains how to read every part.
 */

export interface FigureRow {
  value: string;
  /** In English; the renderer relabels in the reader's language. */
  label: string;
  /** Conversations; null when suppressed. */
  count: number | null;
  suppressed?: true;
}

export interface ActorProfile extends FigureRow {
  objectives: FigureRow[];
  modusOperandi: FigureRow[];
  targets: FigureRow[];
  channels: FigureRow[];
  regions: FigureRow[];
  /** The groups of people the actor's targets belong to (critics, communities, organisations): who bears the effect. */
  effect: Array<{ value: string; label: string }>;
}

export type CoverageStatus = 'reported' | 'empty' | 'silent';
export interface CoverageRow {
  team: string;
  organisation: Organisation;
  status: CoverageStatus;
  /** Reports the team's `expectedEvery` asks for in the period. */
  expected: number;
  /** Team bundles received whose period overlaps the report period. */
  received: number;
}

export interface TrendPoint {
  period: string;
  /** The published figure of that period; null when suppressed there (or no report was received). */
  count: number | null;
}
export interface TrendSeries {
  stateActor: string;
  modusOperandi?: string;
  label: string;
  points: TrendPoint[];
  /** Baseline mean; only when every baseline figure is published (else it would reveal a hidden one). */
  expected: number | null;
  pValue: number | null;
  /** A rise unlikely to be chance; only judged when this period's figure is published. */
  flagged: boolean;
}
export interface Trends {
  method: string;
  alpha: number;
  /** Periods with at least one team report, before this one, oldest first. */
  baseline: string[];
  byStateActor: TrendSeries[];
  byStateActorAndModusOperandi: TrendSeries[];
}

export interface OrganisationEvaluation {
  organisation: Organisation;
  /** Team bundles received for the period. */
  reports: number;
  /** Signals the team leads approved into bundles (manifest counts); null when suppressed or not reported. */
  signals: number | null;
  /** Conversations in the period's cells: the published figure by organisation. */
  conversations: number | null;
  /** Returned at review ÷ (approved + returned); null when fewer than the minimum were reviewed. */
  returnedShare: number | null;
  /** Median days from meeting to the central point; null when fewer than the minimum are known. */
  medianDaysToCentral: number | null;
}
export interface Evaluation {
  byOrganisation: OrganisationEvaluation[];
  coverageOverTime: Array<{ period: string; reported: number; empty: number; silent: number }>;
}

export interface Illustration {
  text: string;
  organisation: Organisation;
  /** The released cell the summary came with: its values per dimension (no count: cells stay inside the tables). */
  values: Record<FigureDimension, string>;
  /** The values in words (English; the renderer relabels). */
  labels: Record<FigureDimension, string>;
  period: { from: string; to: string };
}

export interface Fenomeenbeeld {
  period: ReportPeriod;
  reportMinimum: number;
  total: { count: number | null; suppressed?: true };
  byStateActor: FigureRow[];
  byObjective: FigureRow[];
  byModusOperandi: FigureRow[];
  byTarget: FigureRow[];
  byChannel: FigureRow[];
  byRegion: FigureRow[];
  byOrganisation: FigureRow[];
  stateActors: ActorProfile[];
  coverage: CoverageRow[];
  trends: Trends;
  evaluation: Evaluation;
  illustrations: Illustration[];
  notes: {
    /** Released cells counted. */
    cells: number;
    /** Cells overlapping the period but running past its edges: left out, never split. */
    straddlingCells: number;
    /** Figures hidden because below the report minimum, and to protect them. */
    suppressedPrimary: number;
    suppressedSecondary: number;
    method: string;
  };
  /** Everything published, for STIX and MISP. */
  figures: PublishedFigure[];
}

const enLabel = (taxonomy: TaxonomyPackage, d: FigureDimension, v: string) => valueLabel(taxonomy, d, v, 'en');

const historyLength: Record<ReturnType<typeof granularityOf>, number> = { month: 12, quarter: 8, year: 3 };

/**
 * The days a report of `period` looks at: its own and those of the earlier periods its trends
 * compare with. Cells outside it change nothing in the report, so a store need not read their sums.
 */
export function reportWindow(period: ReportPeriod): { from: string; to: string } {
  return { from: previousPeriods(period, historyLength[granularityOf(period)])[0]?.from ?? period.from, to: period.to };
}

/** The published figures of one period's tables. */
function publish(tables: PeriodTables, taxonomy: TaxonomyPackage): PublishedFigure[] {
  return tables.figures.map((f, i) => {
    const label =
      f.table === totalTable
        ? 'All conversations'
        : (Object.entries(f.values) as Array<[FigureDimension, string]>).map(([d, v]) => enLabel(taxonomy, d, v)).join(' × ');
    return tables.suppressed[i]
      ? { table: f.table, values: f.values, label, count: null, suppressed: true }
      : { table: f.table, values: f.values, label, count: f.count };
  });
}

const rowOf = (f: PublishedFigure, d: FigureDimension): FigureRow => ({
  value: f.values[d]!,
  label: f.label.split(' × ').at(-1)!,
  count: f.count,
  ...(f.suppressed ? { suppressed: true as const } : {}),
});

const unitDays: Record<EnrolledTeam['expectedEvery'], number> = { week: 7, month: 30, quarter: 91 };

function coverageOf(teams: readonly EnrolledTeam[], reports: readonly TeamReport[], period: ReportPeriod): CoverageRow[] {
  const days = differenceInCalendarDays(parseISO(period.to), parseISO(period.from)) + 1;
  return teams.map((t) => {
    const own = reports.filter((r) => r.team === t.name && r.organisation === t.organisation && overlaps(r.period, period));
    const status: CoverageStatus = own.length === 0 ? 'silent' : own.some((r) => r.cellCount > 0) ? 'reported' : 'empty';
    return { team: t.name, organisation: t.organisation, status, expected: Math.max(1, Math.floor(days / unitDays[t.expectedEvery])), received: own.length };
  });
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

export const methodNote =
  'Every figure is a sum of whole released cells (each at least k conversations) whose period lies within the report period; a municipality cell counts in its province, and a cell released coarser than a table shows counts as "not further specified". Figures below the report minimum are suppressed, and further figures are suppressed until no suppressed figure follows from the published ones by adding and subtracting (within a table, its margins and the tables that share them).';

export const trendMethod = `Exact conditional test of two Poisson rates: given the sum of this period's count and the counts of the previous periods (at least ${minimumBaseline}), this period's count is binomial with probability 1/(n+1) if nothing changed; a rise is flagged when that probability of a count at least this high is below ${trendAlpha} (one-sided).`;

/** Builds the fenomeenbeeld; refuses (throws) input that breaks the contract, naming the field. */
export function buildFenomeenbeeld(input: FenomeenbeeldInput): Fenomeenbeeld {
  const { period, sums, reports, summaries, teams, reportMinimum, taxonomy } = checkedInput(fenomeenbeeldInputSchema, input, 'buildFenomeenbeeld');
  checkSums(sums, 'buildFenomeenbeeld');

  const { inside, cells, straddling } = sumsOfPeriod(sums, period);
  const tables = periodTables(inside, reportMinimum);
  const figures = publish(tables, taxonomy);

  const tableRows = (table: string, d: FigureDimension) => figures.filter((f) => f.table === table).map((f) => rowOf(f, d));
  const oneWay = Object.fromEntries(oneWayTables.map(([table, d]) => [table, tableRows(table, d)])) as Record<OneWayTable, FigureRow[]>;

  const perActor = (d: ActorDimension, actor: string) =>
    figures.filter((f) => f.table === actorTable(d) && f.values.stateActor === actor).map((f) => rowOf(f, d));
  const stateActors: ActorProfile[] = oneWay.byStateActor.map((row) => {
    const targets = perActor('target', row.value);
    const groups = [...new Set(targets.map((t) => (t.value === unspecified || t.value === 'unknown' ? t.value : (targetGroupOf(t.value) ?? t.value))))];
    return {
      ...row,
      objectives: perActor('objective', row.value),
      modusOperandi: perActor('modusOperandi', row.value),
      targets,
      channels: perActor('channel', row.value),
      regions: perActor('region', row.value),
      effect: groups.map((g) => ({ value: g, label: enLabel(taxonomy, 'target', g) })),
    };
  });

  // History: each earlier period's own published figures, so a trend never shows what that period's report hid.
  const history = previousPeriods(period, historyLength[granularityOf(period)]);
  const withReports = history.filter((p) => reports.some((r) => overlaps(r.period, p)));
  const pastTables = withReports.map((p) => {
    const t = periodTables(sumsOfPeriod(sums, p).inside, reportMinimum);
    return { period: p, tables: t, published: publish(t, taxonomy) };
  });
  const seriesOf = (table: string, values: Partial<Record<FigureDimension, string>>, label: string): TrendSeries | null => {
    const find = (figs: readonly PublishedFigure[], raw: PeriodTables['figures'] | undefined) => {
      const i = figs.findIndex((f) => f.table === table && f.values.stateActor === values.stateActor && f.values.modusOperandi === values.modusOperandi);
      return { published: i < 0 ? 0 : figs[i]!.count, raw: i < 0 || !raw ? 0 : raw[i]!.count };
    };
    const past = pastTables.map((p) => ({ period: p.period.label, ...find(p.published, p.tables.figures) }));
    const now = find(figures, tables.figures);
    if (now.raw === 0 && past.every((p) => p.raw === 0)) return null;
    const test = riseTest(
      now.raw,
      past.map((p) => p.raw),
    );
    const baselinePublished = past.every((p) => p.published !== null);
    const judged = test !== null && now.published !== null;
    return {
      stateActor: values.stateActor!,
      ...(values.modusOperandi ? { modusOperandi: values.modusOperandi } : {}),
      label,
      points: [...past.map((p) => ({ period: p.period, count: p.published })), { period: period.label, count: now.published }],
      expected: judged && baselinePublished ? test.expected : null,
      pValue: judged && baselinePublished ? test.pValue : null,
      flagged: judged && test.flagged,
    };
  };
  const actorsEver = new Set<string>();
  const actorModiEver = new Map<string, Partial<Record<FigureDimension, string>>>();
  for (const figs of [figures, ...pastTables.map((p) => p.published)]) {
    for (const f of figs) {
      if (f.table === 'byStateActor') actorsEver.add(f.values.stateActor!);
      if (f.table === actorTable('modusOperandi')) actorModiEver.set(JSON.stringify(f.values), f.values);
    }
  }
  const trends: Trends = {
    method: trendMethod,
    alpha: trendAlpha,
    baseline: withReports.map((p) => p.label),
    byStateActor: [...actorsEver].sort().flatMap((a) => seriesOf('byStateActor', { stateActor: a }, enLabel(taxonomy, 'stateActor', a)) ?? []),
    byStateActorAndModusOperandi: [...actorModiEver.values()]
      .sort((a, b) => (a.stateActor! + a.modusOperandi!).localeCompare(b.stateActor! + b.modusOperandi!))
      .flatMap(
        (v) =>
          seriesOf(
            actorTable('modusOperandi'),
            v,
            `${enLabel(taxonomy, 'stateActor', v.stateActor!)} × ${enLabel(taxonomy, 'modusOperandi', v.modusOperandi!)}`,
          ) ?? [],
      ),
  };

  const coverage = coverageOf(teams, reports, period);
  const organisations = [...new Set<Organisation>([...teams.map((t) => t.organisation), ...reports.map((r) => r.organisation)])].sort();
  const periodReports = reports.filter((r) => overlaps(r.period, period));
  const evaluation: Evaluation = {
    byOrganisation: organisations.map((organisation) => {
      const own = periodReports.filter((r) => r.organisation === organisation);
      const counted = own.filter((r) => r.evaluation !== undefined);
      const approved = counted.reduce((n, r) => n + r.evaluation!.approved, 0);
      const returned = counted.reduce((n, r) => n + r.evaluation!.returned, 0);
      const days = own.flatMap((r) => r.meetingToCentralDays ?? []);
      const published = oneWay.byOrganisation.find((r) => r.value === organisation);
      return {
        organisation,
        reports: own.length,
        signals: counted.length === 0 || (approved > 0 && approved < reportMinimum) ? null : approved,
        conversations: published ? published.count : 0,
        returnedShare: approved + returned < reportMinimum ? null : Math.round((returned / (approved + returned)) * 1000) / 1000,
        medianDaysToCentral: days.length < reportMinimum ? null : median(days),
      };
    }),
    coverageOverTime: [...history, period].map((p) => {
      const rows = coverageOf(teams, reports, p);
      return {
        period: p.label,
        reported: rows.filter((r) => r.status === 'reported').length,
        empty: rows.filter((r) => r.status === 'empty').length,
        silent: rows.filter((r) => r.status === 'silent').length,
      };
    }),
  };

  // A summary is shown with its own cell, and only when that cell counts in the period.
  const illustrations: Illustration[] = summaries.flatMap(({ cell, text }) => {
    if (!liesWithin(cell.period, period)) return [];
    const values = cellValues(cell);
    return [
      {
        text,
        organisation: cell.organisation,
        values,
        labels: labelsOf(taxonomy, values, 'en'),
        period: { from: cell.period.from, to: cell.period.to },
      },
    ];
  });

  const primary = tables.primary.filter(Boolean).length;
  const hidden = tables.suppressed.filter(Boolean).length;
  const total = figures[0]!;
  return {
    period: { label: period.label, from: period.from, to: period.to },
    reportMinimum,
    total: total.suppressed ? { count: null, suppressed: true } : { count: total.count },
    ...oneWay,
    stateActors,
    coverage,
    trends,
    evaluation,
    illustrations,
    notes: { cells, straddlingCells: straddling, suppressedPrimary: primary, suppressedSecondary: hidden - primary, method: methodNote },
    figures,
  };
}
