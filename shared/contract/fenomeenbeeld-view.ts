import { z } from 'zod';
import type { ReportFormat } from '../central/render-report';

/**
 * The Fenomeenbeeld page's view of the report: the JSON format of shared/central/render-report.ts
 * (labels in the reader's language) limited to what the page shows, plus the charts as SVG text.
 * The per-actor profiles stay in the exported report only.
 */

export const reportLanguage = z.enum(['nl', 'en']);
/** A year, quarter or month label; the core parses it and names what is wrong. */
export const reportPeriodLabel = z.string().regex(/^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/, 'must be a year, quarter or month such as 2026, 2026-Q4 or 2026-10');
// Spelled out so the renderer's bundle does not pull in the charting library with the formats.
export const exportFormats = ['html', 'csv', 'json', 'stix', 'misp'] as const satisfies readonly ReportFormat[];
export const exportFormat = z.enum(exportFormats);

const figureRow = z.object({ value: z.string(), label: z.string(), count: z.number().int().nullable(), suppressed: z.literal(true).optional() });
const trendSeries = z.object({
  stateActor: z.string(),
  modusOperandi: z.string().optional(),
  label: z.string(),
  points: z.array(z.object({ period: z.string(), count: z.number().int().nullable() })),
  expected: z.number().nullable(),
  pValue: z.number().nullable(),
  flagged: z.boolean(),
});

/** The dimensions of a released cell an illustration is shown with and filtered by. */
export const illustrationDimensions = ['stateActor', 'objective', 'modusOperandi', 'target', 'channel', 'region', 'organisation'] as const;
const cellWords = z.object(
  Object.fromEntries(illustrationDimensions.map((d) => [d, z.string()])) as Record<(typeof illustrationDimensions)[number], z.ZodString>,
);

export const figureTables = ['byStateActor', 'byObjective', 'byModusOperandi', 'byTarget', 'byChannel', 'byRegion', 'byOrganisation'] as const;
export type FigureTable = (typeof figureTables)[number];

export const fenomeenbeeldView = z.object({
  period: z.object({ label: z.string(), from: z.string(), to: z.string() }),
  reportMinimum: z.number().int(),
  total: z.object({ count: z.number().int().nullable(), suppressed: z.literal(true).optional() }),
  byStateActor: z.array(figureRow),
  byObjective: z.array(figureRow),
  byModusOperandi: z.array(figureRow),
  byTarget: z.array(figureRow),
  byChannel: z.array(figureRow),
  byRegion: z.array(figureRow),
  byOrganisation: z.array(figureRow),
  coverage: z.array(
    z.object({
      team: z.string(),
      organisation: z.string(),
      status: z.enum(['reported', 'empty', 'silent']),
      expected: z.number().int(),
      received: z.number().int(),
    }),
  ),
  trends: z.object({
    alpha: z.number(),
    baseline: z.array(z.string()),
    byStateActor: z.array(trendSeries),
    byStateActorAndModusOperandi: z.array(trendSeries),
  }),
  evaluation: z.object({
    byOrganisation: z.array(
      z.object({
        organisation: z.string(),
        reports: z.number().int(),
        signals: z.number().int().nullable(),
        conversations: z.number().int().nullable(),
        returnedShare: z.number().nullable(),
        medianDaysToCentral: z.number().nullable(),
      }),
    ),
    coverageOverTime: z.array(z.object({ period: z.string(), reported: z.number().int(), empty: z.number().int(), silent: z.number().int() })),
  }),
  illustrations: z.array(
    z.object({ text: z.string(), organisation: z.string(), values: cellWords, labels: cellWords, period: z.object({ from: z.string(), to: z.string() }) }),
  ),
});
export type FenomeenbeeldView = z.infer<typeof fenomeenbeeldView>;

/** The chart of a table (and of the trends) as SVG markup; absent when nothing in it is published. */
export const reportCharts = z.object({
  ...Object.fromEntries(figureTables.map((t) => [t, z.string().optional()])),
  trends: z.string().optional(),
} as Record<FigureTable | 'trends', z.ZodOptional<z.ZodString>>);
