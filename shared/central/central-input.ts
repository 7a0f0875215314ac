import { z } from 'zod';
import type { Organisation } from '../exchange/payload';
import { periodSchema } from '../exchange/payload';
import { periodCellSchema, reportPeriodSchema, type PeriodCell } from '../exchange/stix/period-bundle';
import { policyKeys } from '../policy/policy-schema';
import { taxonomyPackageSchema, type TaxonomyPackage } from '../taxonomy/taxonomy-package';
import type { CellSum } from './cell-sums';
import { figureDimensions, type ReportPeriod } from './published-figure';

/**
 * What the central point's store hands the fenomeenbeeld: the sums of the cells it accepted (of the
 * report's period and of those its trends compare with), every team report (empty or not), the
 * summaries that came with cells, the enrolled teams and the policy's report minimum. Pure data,
 * checked by the schemas below.
 */

/** A released cell as the central point stores it: with the team and bundle it came in. */
export interface CentralCell extends PeriodCell {
  /** The enrolled team's name. */
  team: string;
  /** The team bundle's manifest id. */
  bundleId: string;
  taxonomyVersion: number;
}

/** The cell as a team bundle released it, without what the central point adds. */
export const releasedCell = ({ team: _t, bundleId: _b, taxonomyVersion: _v, ...cell }: CentralCell): PeriodCell => cell;

/** One accepted team bundle, empty or not. */
export interface TeamReport {
  team: string;
  organisation: Organisation;
  bundleId: string;
  /** The manifest's period. */
  period: { from: string; to: string };
  /** 0 for the signed empty report. */
  cellCount: number;
  /** The manifest's review counts (a later addition; older bundles lack it). */
  evaluation?: { approved: number; returned: number; redactedFurther: number; inPeriod: number };
  /** Days from meeting to the central point, where derivable. */
  meetingToCentralDays?: number[];
  /** ISO time, hour precision. */
  receivedAt: string;
}

/** A redacted illustration with the released cell it came with. */
export interface CentralSummary {
  cell: PeriodCell;
  text: string;
}

export const expectedEveryValues = ['week', 'month', 'quarter'] as const;
export type ExpectedEvery = (typeof expectedEveryValues)[number];

export interface EnrolledTeam {
  name: string;
  organisation: Organisation;
  expectedEvery: ExpectedEvery;
}

export interface FenomeenbeeldInput {
  period: ReportPeriod;
  /** The sums of the stored cells (./cell-sums.ts): at least those of the report's window (`reportWindow`). */
  sums: readonly CellSum[];
  reports: readonly TeamReport[];
  summaries: readonly CentralSummary[];
  teams: readonly EnrolledTeam[];
  /** Policy `reportMinimum`, default 10. */
  reportMinimum: number;
  taxonomy: TaxonomyPackage;
  now: Date;
}

export const defaultReportMinimum = 10;

const organisation = policyKeys.organisation.schema;
const count = z.number().int('must be a whole number').min(0, 'must be at least 0').max(999_999_999, 'must be at most 999999999');
const teamName = z
  .string()
  .min(1, 'must not be empty')
  .max(100, 'must be at most 100 characters')
  .regex(/^[^\p{Cc}]+$/u, 'must be one line of text');
const uuid = z.uuid('must be a UUID');

export const centralCellSchema = periodCellSchema.extend({
  team: teamName,
  bundleId: uuid,
  taxonomyVersion: z.number().int('must be a whole number').min(1, 'must be at least 1'),
}) satisfies z.ZodType<CentralCell>;

export const teamReportSchema = z.strictObject({
  team: teamName,
  organisation,
  bundleId: uuid,
  period: periodSchema,
  cellCount: count,
  evaluation: z.strictObject({ approved: count, returned: count, redactedFurther: count, inPeriod: count }).optional(),
  meetingToCentralDays: z.array(z.number().int('must be a whole number').min(0, 'must be at least 0').max(36_500, 'must be at most 36500')).optional(),
  receivedAt: z.iso.datetime({ message: 'must be an ISO time' }),
}) satisfies z.ZodType<TeamReport>;

export const centralSummarySchema = z.strictObject({
  cell: periodCellSchema,
  text: z.string().min(1, 'must not be empty').max(20_000, 'must be at most 20000 characters'),
}) satisfies z.ZodType<CentralSummary>;

export const enrolledTeamSchema = z.strictObject({
  name: teamName,
  organisation,
  expectedEvery: z.enum(expectedEveryValues),
}) satisfies z.ZodType<EnrolledTeam>;

/**
 * The input of buildFenomeenbeeld. The cells behind the sums were checked against
 * `centralCellSchema` when the store took them in; a year has thousands of sums, so here only what
 * the arithmetic relies on is checked (see `checkSums`).
 */
export const fenomeenbeeldInputSchema = z.strictObject({
  period: reportPeriodSchema,
  sums: z.array(z.custom<CellSum>((c) => typeof c === 'object' && c !== null, 'must be a sum of cells')),
  reports: z.array(teamReportSchema),
  summaries: z.array(centralSummarySchema),
  teams: z.array(enrolledTeamSchema),
  reportMinimum: z.number().int('must be a whole number').min(2, 'must be at least 2').max(1000, 'must be at most 1000'),
  taxonomy: taxonomyPackageSchema,
  now: z.date('must be a date'),
});

const day = /^\d{4}-\d{2}-\d{2}$/;
const dimensions = new Set<string>(figureDimensions);

/** What the tables rely on in every sum: a known dimension, whole positive counts and a period of ISO days in order. Throws naming the sum. */
export function checkSums(sums: readonly CellSum[], builder: string): void {
  sums.forEach((s, i) => {
    if (!dimensions.has(s.dimension)) throw new Error(`${builder}: sums.${i}.dimension: must be one of ${figureDimensions.join(', ')}`);
    for (const n of ['count', 'cells'] as const)
      if (!Number.isInteger(s[n]) || s[n] < 1) throw new Error(`${builder}: sums.${i}.${n}: must be a whole number of at least 1`);
    if (
      typeof s.period?.from !== 'string' ||
      !day.test(s.period.from) ||
      typeof s.period.to !== 'string' ||
      !day.test(s.period.to) ||
      s.period.from > s.period.to
    )
      throw new Error(`${builder}: sums.${i}.period: must be ISO days from ≤ to`);
    if (typeof s.stateActor !== 'string' || typeof s.level !== 'string' || typeof s.value !== 'string')
      throw new Error(`${builder}: sums.${i}: must be a sum of released cells`);
  });
}
