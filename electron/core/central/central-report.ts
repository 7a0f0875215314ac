import { randomUUID } from 'node:crypto';
import { releasedCell, type FenomeenbeeldInput } from '../../../shared/central/central-input';
import { buildFenomeenbeeld, reportWindow, type Fenomeenbeeld } from '../../../shared/central/fenomeenbeeld';
import type { ReportPeriod } from '../../../shared/central/published-figure';
import { renderReport, type ReportFormat } from '../../../shared/central/render-report';
import { parseReportPeriod } from '../../../shared/central/report-period';
import type { PeriodCell } from '../../../shared/exchange/stix/period-bundle';
import type { Policy } from '../../../shared/policy/policy-schema';
import { AppError } from '../app-error';
import { activeTaxonomy } from '../taxonomy/active-taxonomy';
import type { OpenVault } from '../vault/vault';
import { CentralStore } from './central-store';

/**
 * The central point's report: what the store holds, handed to the fenomeenbeeld of the pure
 * library (shared/central/) with the enrolled teams and the policy's threshold, and rendered in one
 * of its formats. Only the central point reports.
 */

export type ReportLanguage = 'nl' | 'en';

/** A period label (`2026-Q4`, `2026-10`, `2026`), or the AppError that names what is wrong with it. */
export function reportPeriodOf(label: string): ReportPeriod {
  try {
    return parseReportPeriod(label);
  } catch (e) {
    throw new AppError('invalid_request', `--period: ${e instanceof Error ? e.message : 'is not a period'}`, { field: 'period' });
  }
}

/** The last whole period of the policy's granularity before `now`: what a report is usually about. */
export function defaultReportPeriod(policy: Policy, now: Date): string {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth(); // 0-based: the previous month's number, 1-based
  if (policy.reportPeriod === 'month') return month === 0 ? `${year - 1}-12` : `${year}-${String(month).padStart(2, '0')}`;
  const quarter = Math.floor(month / 3); // the previous quarter, 1-based
  return quarter === 0 ? `${year - 1}-Q4` : `${year}-Q${quarter}`;
}

function requireCentral(policy: Policy): NonNullable<Policy['teams']> {
  if (policy.role !== 'central')
    throw new AppError('invalid_request', 'Only the central point reports the fenomeenbeeld; this workstation is not one (policy role).');
  return policy.teams ?? [];
}

/**
 * The fenomeenbeeld's input from the vault: the kept sums of the cells of the period and of the
 * earlier periods its trends compare with (`reportWindow`), the summaries of that window with
 * their cells, every report, the enrolled teams.
 */
export function fenomeenbeeldInput(vault: OpenVault, policy: Policy, period: ReportPeriod, now: Date): FenomeenbeeldInput {
  const teams = requireCentral(policy);
  const store = new CentralStore(vault);
  const window = reportWindow(period);
  return {
    period,
    sums: store.sumsOverlapping(window.from, window.to),
    summaries: store.summariesOverlapping(window.from, window.to),
    reports: store.reports().map(({ taxonomyVersion: _v, ...report }) => report),
    teams: teams.map((t) => ({ name: t.name, organisation: t.organisation, expectedEvery: t.expectedEvery ?? policy.expectedEvery })),
    reportMinimum: policy.reportMinimum,
    taxonomy: activeTaxonomy(vault).taxonomy,
    now,
  };
}

export interface MadeReport {
  fenomeenbeeld: Fenomeenbeeld;
  input: FenomeenbeeldInput;
  /** The released cells that overlap the period, read from the vault (still open) when a format needs them. */
  periodCells: () => PeriodCell[];
}

export function makeFenomeenbeeld(vault: OpenVault, policy: Policy, periodLabel: string, now = new Date()): MadeReport {
  const period = reportPeriodOf(periodLabel);
  const input = fenomeenbeeldInput(vault, policy, period, now);
  const periodCells = () => new CentralStore(vault).cellsOverlapping(period.from, period.to).map(releasedCell);
  return { fenomeenbeeld: buildFenomeenbeeld(input), input, periodCells };
}

/** The report of a period in one of the library's formats (pdf is html printed by a browser engine: see platform/chromium-pdf). */
export function renderFenomeenbeeld(made: MadeReport, policy: Policy, format: ReportFormat, lang: ReportLanguage): string {
  const { fenomeenbeeld, input, periodCells } = made;
  return renderReport(fenomeenbeeld, format, {
    lang,
    taxonomy: input.taxonomy,
    now: input.now,
    id: randomUUID(),
    periodCells,
    producer: policy.organisation,
  });
}
