import { randomUUID } from 'node:crypto';
import type { CentralSummary, FenomeenbeeldInput } from '../../../shared/central/central-input';
import { buildFenomeenbeeld, reportWindow, type Fenomeenbeeld } from '../../../shared/central/fenomeenbeeld';
import type { ReportPeriod } from '../../../shared/central/published-figure';
import { renderReport, type ReportFormat } from '../../../shared/central/render-report';
import { parseReportPeriod } from '../../../shared/central/report-period';
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
 * The fenomeenbeeld's input from the vault: the cells and summaries of the period and of the
 * earlier periods its trends compare with (`reportWindow`), every report, the enrolled teams.
 */
export function fenomeenbeeldInput(vault: OpenVault, policy: Policy, period: ReportPeriod, now: Date): FenomeenbeeldInput {
  const teams = requireCentral(policy);
  const store = new CentralStore(vault);
  const window = reportWindow(period);
  const { cells, ids } = store.cellsOverlapping(window.from, window.to);
  const stored = store.summariesOverlapping(window.from, window.to);
  // Each summary's cell is in the window too: its index among the cells, found in one pass.
  const wanted = new Set(stored.map((s) => s.cellId));
  const indexOfId = new Map<number, number>();
  ids.forEach((id, i) => wanted.has(id) && indexOfId.set(id, i));
  const summaries: CentralSummary[] = stored.map((s) => ({ cell: indexOfId.get(s.cellId)!, text: s.text }));
  return {
    period,
    cells,
    summaries,
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
}

export function makeFenomeenbeeld(vault: OpenVault, policy: Policy, periodLabel: string, now = new Date()): MadeReport {
  const input = fenomeenbeeldInput(vault, policy, reportPeriodOf(periodLabel), now);
  return { fenomeenbeeld: buildFenomeenbeeld(input), input };
}

/** The report of a period in one of the library's formats (pdf is html printed by a browser engine: see platform/chromium-pdf). */
export function renderFenomeenbeeld(made: MadeReport, policy: Policy, format: ReportFormat, lang: ReportLanguage): string {
  const { fenomeenbeeld, input } = made;
  return renderReport(fenomeenbeeld, format, {
    lang,
    taxonomy: input.taxonomy,
    now: input.now,
    id: randomUUID(),
    cells: input.cells,
    producer: policy.organisation,
  });
}
