import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ExportFormat, FenomeenbeeldView, FigureTable } from '../../../shared/contract/fenomeenbeeld-view';
import { figureTables } from '../../../shared/contract/fenomeenbeeld-view';
import { barChartSvg, lineChartSvg } from '../../../shared/central/report-charts';
import { previousPeriods } from '../../../shared/central/report-period';
import { t } from '../../../shared/central/report-text';
import type { Policy } from '../../../shared/policy/policy-schema';
import { AppError } from '../app-error';
import { writeFileAtomic } from '../platform/atomic-write';
import type { HtmlToPdf } from '../platform/html-to-pdf';
import type { OpenVault } from '../vault/vault';
import { defaultReportPeriod, makeFenomeenbeeld, renderFenomeenbeeld, reportPeriodOf, type ReportLanguage } from './central-report';

/**
 * The Fenomeenbeeld page of the central workstation: the report of a period as the page shows it
 * (the JSON format, with the charts the HTML report draws), the periods its selector offers, and
 * the export of a period into the user's Documents folder. Only the central point reports.
 */

export interface ReportPage {
  report: FenomeenbeeldView;
  charts: Partial<Record<FigureTable | 'trends', string>>;
  periods: string[];
}

/** The selector's choices: the last whole quarters, months and years before `now`, newest first. */
export function recentPeriods(now: Date): string[] {
  const last = (granularity: 'quarter' | 'month' | 'year', n: number) => {
    const year = now.getUTCFullYear();
    const current =
      granularity === 'year'
        ? `${year}`
        : granularity === 'quarter'
          ? `${year}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`
          : `${year}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
    return previousPeriods(reportPeriodOf(current), n)
      .map((p) => p.label)
      .reverse();
  };
  return [...last('quarter', 8), ...last('month', 12), ...last('year', 3)];
}

function chartsOf(report: FenomeenbeeldView, lang: ReportLanguage): ReportPage['charts'] {
  const charts: ReportPage['charts'] = {};
  for (const table of figureTables) {
    const shown = report[table].flatMap((r) => (r.count === null ? [] : [{ label: r.label, count: r.count }]));
    if (shown.length > 0) charts[table] = barChartSvg(shown, t('chartOf', lang, { what: t(table, lang).toLowerCase() }), t('conversations', lang));
  }
  const lines = report.trends.byStateActor.flatMap((s) =>
    s.points.flatMap((p) => (p.count === null ? [] : [{ series: s.label, period: p.period, count: p.count }])),
  );
  if (report.trends.baseline.length > 0 && lines.length > 0)
    charts.trends = lineChartSvg(lines, t('lineChart', lang), t('conversations', lang), t('period', lang));
  return charts;
}

export function reportPage(vault: OpenVault, policy: Policy, period: string | undefined, lang: ReportLanguage, now = new Date()): ReportPage {
  const label = period ?? defaultReportPeriod(policy, now);
  const made = makeFenomeenbeeld(vault, policy, label, now);
  const report = JSON.parse(renderFenomeenbeeld(made, policy, 'json', lang)) as FenomeenbeeldView;
  const periods = recentPeriods(now);
  return { report, charts: chartsOf(report, lang), periods: periods.includes(report.period.label) ? periods : [report.period.label, ...periods] };
}

const extension: Record<ExportFormat, string> = { html: 'html', pdf: 'pdf', csv: 'csv', json: 'json', stix: 'stix.json', misp: 'misp.json' };

/**
 * Writes the report of a period into `dir` (as the enrolment sheet is saved) and returns the file's
 * path. A PDF is the HTML report printed by `print`; without a printer there is no PDF.
 */
export async function exportReport(
  vault: OpenVault,
  policy: Policy,
  period: string,
  format: ExportFormat,
  lang: ReportLanguage,
  dir: string,
  now = new Date(),
  print?: HtmlToPdf,
): Promise<string> {
  if (format === 'pdf' && !print)
    throw new AppError('pdf_unavailable', 'No browser engine is given to print the PDF; save the html format and print it from a browser.');
  const made = makeFenomeenbeeld(vault, policy, period, now);
  const text = renderFenomeenbeeld(made, policy, format === 'pdf' ? 'html' : format, lang);
  const content = format === 'pdf' ? await print!(text) : text;
  // Printing takes seconds: a vault locked meanwhile gets no file and no audit line.
  if (vault.isClosed) throw new AppError('vault_locked', 'The vault was locked while the report was printed.');
  const path = join(dir, `fenomeenbeeld-${made.fenomeenbeeld.period.label}-${lang}.${extension[format]}`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileAtomic(path, content);
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('io_error', 'The report could not be saved.');
  }
  vault.audit('central.report_made', { period: made.fenomeenbeeld.period.label, format });
  return path;
}
