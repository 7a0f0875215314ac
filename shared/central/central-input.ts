import { z } from 'zod';
import type { Organisation } from '../exchange/payload';
import { periodSchema } from '../exchange/payload';
import { periodCellSchema, reportPeriodSchema, type PeriodCell } from '../exchange/stix/period-bundle';
import { policyKeys } from '../policy/policy-schema';
import { taxonomyPackageSchema, type TaxonomyPackage } from '../taxonomy/taxonomy-package';
import type { ReportPeriod } from './published-figure';

/**
 * What the central point's store hands the fenomeenbeeld: every cell it accepted (all periods, as
 * trends need the history), every team report (empty or not), the summaries that came with cells,
 * the enrolled teams and the policy's report minimum. Pure data, checked by the schemas below.
 */

/** A released cell as the central point stores it: with the team and bundle it came in. */
export interface CentralCell extends PeriodCell {
  /** The enrolled team's name. */
  team: string;
  /** The team bundle's manifest id. */
  bundleId: string;
  taxonomyVersion: number;
}

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

/** A redacted illustration tied to one released cell: `cell` is its index in the input's `cells`. */
export interface CentralSummary {
  cell: number;
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
  /** Every stored cell, of all periods. */
  cells: readonly CentralCell[];
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
  cell: z.number().int('must be a whole number').min(0, 'must be at least 0'),
  text: z.string().min(1, 'must not be empty').max(20_000, 'must be at most 20000 characters'),
}) satisfies z.ZodType<CentralSummary>;

export const enrolledTeamSchema = z.strictObject({
  name: teamName,
  organisation,
  expectedEvery: z.enum(expectedEveryValues),
}) satisfies z.ZodType<EnrolledTeam>;

/**
 * The input of buildFenomeenbeeld. The cells were checked against `centralCellSchema` when the
 * store took them in and read them back; checking half a million of them again would cost seconds
 * per report, so here only what the arithmetic relies on is checked (see `checkCells`).
 */
export const fenomeenbeeldInputSchema = z.strictObject({
  period: reportPeriodSchema,
  cells: z.array(z.custom<CentralCell>((c) => typeof c === 'object' && c !== null, 'must be a cell')),
  reports: z.array(teamReportSchema),
  summaries: z.array(centralSummarySchema),
  teams: z.array(enrolledTeamSchema),
  reportMinimum: z.number().int('must be a whole number').min(2, 'must be at least 2').max(1000, 'must be at most 1000'),
  taxonomy: taxonomyPackageSchema,
  now: z.date('must be a date'),
});

/** What the tables rely on in every cell: a whole positive count and a period of ISO days in order. Throws naming the cell. */
export function checkCells(cells: readonly CentralCell[], builder: string): void {
  const day = /^\d{4}-\d{2}-\d{2}$/;
  cells.forEach((c, i) => {
    if (!Number.isInteger(c.count) || c.count < 1) throw new Error(`${builder}: cells.${i}.count: must be a whole number of at least 1`);
    if (
      typeof c.period?.from !== 'string' ||
      !day.test(c.period.from) ||
      typeof c.period.to !== 'string' ||
      !day.test(c.period.to) ||
      c.period.from > c.period.to
    )
      throw new Error(`${builder}: cells.${i}.period: must be ISO days from ≤ to`);
    if (typeof c.bundleId !== 'string' || typeof c.stateActor !== 'string' || typeof c.region?.value !== 'string')
      throw new Error(`${builder}: cells.${i}: must be a released cell`);
  });
}
