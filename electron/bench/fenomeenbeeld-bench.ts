import { sumsOfCells } from '../../shared/central/cell-sums';
import { releasedCell } from '../../shared/central/central-input';
import { buildFenomeenbeeld } from '../../shared/central/fenomeenbeeld';
import { renderReport } from '../../shared/central/render-report';
import { parseReportPeriod } from '../../shared/central/report-period';
import { centralTaxonomy, simulatedCentral } from '../../shared/test-support/central-fixtures';

/**
 * The central point's report for a year: 1 008 team bundles (84 teams, one a month) of 500 cells
 * each from the seeded generator, about half a million stored cells; their sums made (what the
 * central store keeps at intake), the fenomeenbeeld built from them (input checked, tables,
 * disclosure control, trends, coverage) and rendered as the HTML report. Figures only.
 */

export interface FenomeenbeeldBench {
  bundles: number;
  cells: number;
  sums: number;
  sumsMs: number;
  buildMs: number;
  htmlMs: number;
  htmlKiB: number;
  heapMiB: number;
  figures: number;
  suppressed: number;
}

export function benchFenomeenbeeld(): FenomeenbeeldBench {
  const teams = 84;
  const store = simulatedCentral(20261207, { teams, months: 12, cellsPerBundle: 500 });
  const period = parseReportPeriod('2026');
  const heapBefore = process.memoryUsage().heapUsed;
  const start = performance.now();
  const sums = sumsOfCells(store.cells);
  const summed = performance.now();
  const fb = buildFenomeenbeeld({
    period,
    sums,
    reports: store.reports,
    summaries: [],
    teams: store.teams,
    reportMinimum: 10,
    taxonomy: centralTaxonomy,
    now: new Date('2027-01-05T10:00:00.000Z'),
  });
  const built = performance.now();
  const html = renderReport(fb, 'html', {
    lang: 'nl',
    taxonomy: centralTaxonomy,
    now: new Date('2027-01-05T10:00:00.000Z'),
    id: '3d0b7c4e-5f6a-4b8c-9d0e-1f2a3b4c5d6e',
    periodCells: () => store.cells.map(releasedCell),
  });
  const rendered = performance.now();
  const heapMiB = Math.max(0, process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
  return {
    bundles: store.reports.length,
    cells: store.cells.length,
    sums: sums.length,
    sumsMs: summed - start,
    buildMs: built - summed,
    htmlMs: rendered - built,
    htmlKiB: Buffer.byteLength(html) / 1024,
    heapMiB,
    figures: fb.figures.length,
    suppressed: fb.figures.filter((f) => f.suppressed).length,
  };
}
