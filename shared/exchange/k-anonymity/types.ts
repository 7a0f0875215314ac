/**
 * The contract between the team lead's ledger, the k-anonymous aggregation and the STIX output of
 * the team bundle. Pure data: no dates as objects, no functions.
 */

/** One signal the team lead approved, as the aggregation needs it: tags, place, meeting date and conversation. */
export interface ApprovedSignal {
  /** The lead's record id. */
  id: string;
  /**
   * The conversation (meeting) the signal came from, as an opaque key: the unit k counts. Signals
   * of one conversation share it; it means nothing outside the lead's aggregation.
   */
  conversation: string;
  /** Values of nl-obi:state-actor (ISO 3166-1 alpha-2 codes or 'unknown'), possibly empty. */
  stateActors: string[];
  /** Values of nl-obi:objective: what the state actor seems to want. */
  objectives: string[];
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
  objective: string;
  /** Taxonomy value, 'unknown' or 'multiple'. */
  modusOperandi: string;
  /** Taxonomy value, 'unknown' or 'multiple' (several values), a target group, or 'any'. */
  target: string;
  /** Taxonomy value, 'unknown' or 'multiple'. */
  channel: string;
  region: Region;
  period: Period;
  /** Distinct conversations in the cell, at least k (a conversation with several signals in it counts once). */
  count: number;
}

export interface Aggregation {
  cells: ReleasedCell[];
  /** Which input signals each released cell holds (the lead's ledger marks them delivered). */
  released: Array<{ cell: number; signalIds: string[] }>;
  /** Signals whose conversations could not reach k this period: carried over to the next, never dropped. */
  carriedOver: string[];
  /** What was generalised, for the team lead's preview (levels used per dimension, cells merged). */
  generalisation: { region: string; period: string; target: string; notes: string[] };
}

/** The finest level each dimension may be released at. */
export interface ReleaseFloor {
  region?: RegionLevel;
  period?: PeriodLevel;
  target?: TargetLevel;
}

export interface AggregateOptions {
  /**
   * The finest level each dimension may be released at (defaults: municipality, day, specific).
   * The team bundle takes it from the policy's release floor (a month unless IT says otherwise), so
   * that no cell is finer than the picture at the central point needs.
   */
  finest?: ReleaseFloor;
}
