/**
 * The contract between the team lead's ledger, the k-anonymous aggregation and the STIX output of
 * the team bundle. Pure data: no dates as objects, no functions.
 */

/** One signal the team lead approved, as the aggregation needs it: tags, place and meeting date. */
export interface ApprovedSignal {
  /** The lead's record id. */
  id: string;
  /** Values of nl-obi:state-actor (ISO 3166-1 alpha-2 codes or 'unknown'), possibly empty. */
  stateActors: string[];
  /** Values of nl-obi:modus-operandi. */
  modi: string[];
  /** Values of nl-obi:target. */
  targets: string[];
  /** Values of nl-obi:channel. */
  channels: string[];
  /** A CBS municipality, or null when unknown. */
  municipality: string | null;
  /** One of the provinces of shared/geo, or null when unknown. */
  province: string | null;
  /** The meeting date, YYYY-MM-DD. */
  date: string;
}

export const regionLevels = ['municipality', 'province', 'landsdeel', 'country'] as const;
export type RegionLevel = (typeof regionLevels)[number];

export const periodLevels = ['day', 'week', 'month', 'quarter'] as const;
export type PeriodLevel = (typeof periodLevels)[number];

export const targetLevels = ['specific', 'group', 'any'] as const;
export type TargetLevel = (typeof targetLevels)[number];

export interface Region {
  level: RegionLevel;
  value: string;
}

/** Whole units of `level` from `from` to `to` (inclusive, YYYY-MM-DD); several units only for carried-over signals. */
export interface Period {
  level: PeriodLevel;
  from: string;
  to: string;
}

export interface ReleasedCell {
  /** ISO code, 'unknown' or 'multiple'. */
  stateActor: string;
  /** Taxonomy value, 'unknown' or 'multiple'. */
  modusOperandi: string;
  /** Taxonomy value, 'unknown' or 'multiple' (several values), a target group, or 'any'. */
  target: string;
  /** Taxonomy value, 'unknown' or 'multiple'. */
  channel: string;
  region: Region;
  period: Period;
  /** Distinct signals in the cell, at least k. */
  count: number;
}

export interface Aggregation {
  cells: ReleasedCell[];
  /** Which input signals each released cell holds (the lead's ledger marks them delivered). */
  released: Array<{ cell: number; signalIds: string[] }>;
  /** Signals that could not reach k this period: carried over to the next, never dropped. */
  carriedOver: string[];
  /** What was generalised, for the team lead's preview (levels used per dimension, cells merged). */
  generalisation: { region: string; period: string; target: string; notes: string[] };
}

export interface AggregateOptions {
  /**
   * The finest level each dimension may be released at (defaults: municipality, day, specific).
   * A coarser floor, such as `period: 'month'`, keeps meeting dates out of the bundle altogether.
   */
  finest?: { region?: RegionLevel; period?: PeriodLevel; target?: TargetLevel };
}
