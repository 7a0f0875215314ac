import { z } from 'zod';
import { isoDate } from '../capture/meeting-schema';
import { municipalities } from '../geo/municipalities';
import { landsdelen, provinces } from '../geo/provinces';

/**
 * One cell of a team bundle after k-anonymity: state actor × modus operandi × target × channel ×
 * region × period (and objective), generalised until signals of at least k distinct conversations
 * fall in it. The k-anonymity aggregation produces these; the team bundle builder writes them as
 * STIX sightings.
 */
export interface ReleasedCell {
  /** ISO code, 'unknown' or 'multiple'. */
  stateActor: string;
  /**
   * What the state actor seems to want: a taxonomy value, 'unknown' or 'multiple'. Absent only in
   * cells of team bundles made before taxonomy version 2 added the dimension.
   */
  objective?: string;
  /** Taxonomy value, 'unknown' or 'multiple'. */
  modusOperandi: string;
  /** Taxonomy value or a generalised group name, or 'any'. */
  target: string;
  /** Taxonomy value, 'unknown' or 'multiple'. */
  channel: string;
  region: { level: 'municipality' | 'province' | 'landsdeel' | 'country'; value: string };
  period: { level: 'day' | 'week' | 'month' | 'quarter'; from: string; to: string };
  /** Distinct conversations in the cell, >= k: a conversation with several signals in the cell counts once. */
  count: number;
}

export const regionLevels = ['municipality', 'province', 'landsdeel', 'country'] as const;
export const periodLevels = ['day', 'week', 'month', 'quarter'] as const;

/** A code or group name: one line, no quotes (so it can stand in a machine tag), not empty. */
const cellValue = z
  .string()
  .regex(/^[^"\p{Cc}]+$/u, 'must be one line without quotes')
  .max(100, 'must be at most 100 characters');

const placesByLevel: Readonly<Record<ReleasedCell['region']['level'], ReadonlySet<string>>> = {
  municipality: new Set(municipalities.map((m) => m.name)),
  province: new Set(provinces),
  landsdeel: new Set(landsdelen),
  country: new Set(['NL']),
};

export const releasedCellSchema = z.strictObject({
  stateActor: cellValue,
  objective: cellValue.optional(),
  modusOperandi: cellValue,
  target: cellValue,
  channel: cellValue,
  region: z.strictObject({ level: z.enum(regionLevels), value: cellValue }).refine((r) => placesByLevel[r.level].has(r.value), {
    message: 'must name a place at its level: a CBS municipality, a province, a landsdeel (Noord, Oost, West, Zuid) or NL',
    path: ['value'],
  }),
  period: z
    .strictObject({ level: z.enum(periodLevels), from: isoDate, to: isoDate })
    .refine((p) => p.from <= p.to, { message: 'from must not be after to', path: ['to'] }),
  count: z.number().int('must be a whole number').min(1, 'must be at least 1').max(999_999_999, 'must be at most 999999999'),
}) satisfies z.ZodType<ReleasedCell>;
