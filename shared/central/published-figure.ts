import type { Organisation } from '../exchange/payload';

/**
 * One figure of the fenomeenbeeld as it is published: the values of the dimensions it counts (one
 * for a table by state actor, two for state actor × modus operandi, …) and the number of
 * conversations, or `null` when disclosure control suppressed it. Every output of the report (the
 * JSON, the tables, the MISP event) is made from this list, so they cannot disagree.
 */

export const figureDimensions = ['stateActor', 'objective', 'modusOperandi', 'target', 'channel', 'region', 'organisation'] as const;
export type FigureDimension = (typeof figureDimensions)[number];

export interface PublishedFigure {
  /** The table the figure belongs to, such as `byStateActor` or `stateActor×modusOperandi`. */
  table: string;
  /** Taxonomy values (or a region, or an organisation) of the figure, by dimension. */
  values: Partial<Record<FigureDimension, string>> & { organisation?: Organisation };
  /** The values in words, in English, for consumers that show one line. */
  label: string;
  /** Conversations; null when the figure is suppressed. */
  count: number | null;
  suppressed?: true;
}

/** The period a report covers: `2026-Q4`, `2026-10` or `2026`, with its first and last day. */
export interface ReportPeriod {
  label: string;
  from: string;
  to: string;
}
