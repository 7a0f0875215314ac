import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fenomeenbeeldView } from '../../../shared/contract/fenomeenbeeld-view';
import type { Policy } from '../../../shared/policy/policy-schema';
import { centralWorkstation, conversationLine, makeTeam, teamRound, type Central } from '../../test-support/central-chain';
import { tempDir } from '../../test-support/temp-dirs';
import { readInbox } from '../exchange/exchange-service';
import { AppError } from '../app-error';
import { captureDeps } from '../wiring';
import { exportReport, recentPeriods, reportPage, type ReportPage } from './report-page';

/** One team of three officers sends a quarter's bundle to the central point; the page reads it. */

const now = new Date('2027-01-05T09:00:00Z');
let central: Central;
let policy: Policy;
let page: ReportPage;
let pageEn: ReportPage;
let exported: string;
let exportedText: string;
/** What the PDF printer was given, what it gave back, and where it went. */
const printedHtml: string[] = [];
const pdfBytes = Buffer.from('%PDF-1.7\n(a printed report)\n%%EOF\n', 'latin1');
let pdfPath: string;
let pdfSaved: Buffer;
let pdfAudited: unknown;
let withoutPrinter: { error: unknown; folder: string };
let lockedWhilePrinting: { error: unknown; folder: string };
const refusedExport = async (folder: string, print?: () => Promise<Uint8Array>) => ({
  error: await exportReport(central.vault, policy, '2026-Q4', 'pdf', 'nl', folder, now, print).catch((e: unknown) => e),
  folder,
});
const filesIn = (folder: string) => (existsSync(folder) ? readdirSync(folder) : []);

beforeAll(async () => {
  central = await centralWorkstation();
  const team = await makeTeam('szw-1', 'SZW', central.recipient, 3, 3);
  policy = central.policy([team], { reportMinimum: 3 });
  const file = await teamRound(
    team,
    [1, 2, 3].map((o) => [1, 2, 3, 4].map((c) => conversationLine('2026-10-13', o * 10 + c)).join('\n')),
    new Date('2026-12-29T10:00:00Z'),
  );
  const results = await readInbox(central.vault, policy, captureDeps(central.vault), [file]);
  if (results[0]?.outcome !== 'imported') throw new Error(`the central point refused the bundle: ${results[0]?.message}`);
  page = reportPage(central.vault, policy, '2026-Q4', 'nl', now);
  pageEn = reportPage(central.vault, policy, undefined, 'en', now);
  exported = await exportReport(central.vault, policy, '2026-Q4', 'html', 'en', join(tempDir(), 'Documents'), now);
  // Temporary folders go after the first test.
  exportedText = readFileSync(exported, 'utf8');
  pdfPath = await exportReport(central.vault, policy, '2026-Q4', 'pdf', 'nl', join(tempDir(), 'Documents'), now, (html) => {
    printedHtml.push(html);
    return Promise.resolve(pdfBytes);
  });
  pdfSaved = readFileSync(pdfPath);
  pdfAudited = central.vault.recentAudit(1)[0];
  withoutPrinter = await refusedExport(join(tempDir(), 'Documents'));
  // Last: the printer locks the vault, as the idle timer may while a long report prints.
  lockedWhilePrinting = await refusedExport(join(tempDir(), 'Documents'), () => {
    central.vault.close();
    return Promise.resolve(pdfBytes);
  });
}, 300_000);

describe('the Fenomeenbeeld page', () => {
  it('shows the period’s figures as the contract describes them, in the reader’s language', () => {
    expect(fenomeenbeeldView.safeParse(page.report).success).toBe(true);
    expect(page.report.period.label).toBe('2026-Q4');
    expect(page.report.byStateActor.find((r) => r.value === 'IR')?.count).toBe(12);
    expect(page.report.coverage).toEqual([expect.objectContaining({ team: 'szw-1', status: 'reported' })]);
    const mo = (p: ReportPage) => p.report.byModusOperandi.find((r) => r.value === 'coercion-by-proxy-family')?.label;
    expect(mo(page)).toBeDefined();
    expect(mo(page)).not.toBe(mo(pageEn));
  });

  it('defaults to the last whole period of the policy and offers recent ones to choose from', () => {
    expect(pageEn.report.period.label).toBe('2026-Q4');
    expect(pageEn.periods.slice(0, 2)).toEqual(['2026-Q4', '2026-Q3']);
    expect(recentPeriods(now)).toEqual(expect.arrayContaining(['2026-12', '2026-01', '2026', '2024']));
  });

  it('draws a chart, named for assistive technology, for every table with a published figure', () => {
    expect(page.charts.byStateActor).toMatch(/^<svg role="img" aria-label="Staafdiagram: gesprekken per statelijke actor"/);
    expect(page.charts.byRegion).toBeDefined();
    expect(page.charts.trends).toBeUndefined();
  });

  it('saves an export into the folder as a file named for period, language and format', () => {
    expect(basename(exported)).toBe('fenomeenbeeld-2026-Q4-en.html');
    expect(exportedText).toContain('<html');
  });

  it('prints the HTML report to a PDF with the printer it is given, and saves what the printer made', () => {
    expect(printedHtml).toHaveLength(1);
    expect(printedHtml[0]).toContain('<html');
    expect(printedHtml[0]).toContain('<svg');
    expect(basename(pdfPath)).toBe('fenomeenbeeld-2026-Q4-nl.pdf');
    expect(pdfSaved).toEqual(pdfBytes);
    expect(pdfAudited).toMatchObject({ event: 'central.report_made', data: { period: '2026-Q4', format: 'pdf' } });
  });

  it('without a printer refuses the PDF with a code the page translates, and writes nothing', () => {
    expect(withoutPrinter.error).toBeInstanceOf(AppError);
    expect((withoutPrinter.error as AppError).code).toBe('pdf_unavailable');
    expect(filesIn(withoutPrinter.folder)).toEqual([]);
  });

  it('saves no PDF when the vault was locked while it printed', () => {
    expect(lockedWhilePrinting.error).toBeInstanceOf(AppError);
    expect((lockedWhilePrinting.error as AppError).code).toBe('vault_locked');
    expect(filesIn(lockedWhilePrinting.folder)).toEqual([]);
  });

  it('refuses a workstation that is not the central point', () => {
    expect(() => reportPage(central.vault, { ...policy, role: 'teamlead' }, '2026-Q4', 'nl', now)).toThrow(/not one/);
  });
});
