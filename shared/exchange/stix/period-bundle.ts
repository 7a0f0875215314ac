import { z } from 'zod';
import { isoDate } from '../../capture/meeting-schema';
import type { ReportPeriod } from '../../central/published-figure';
import { policyKeys } from '../../policy/policy-schema';
import type { TaxonomyPackage } from '../../taxonomy/taxonomy-package';
import { checkedInput } from '../checked-input';
import { roundDownToHour, type Organisation } from '../payload';
import { releasedCellSchema, type ReleasedCell } from '../released-cell';
import { writeCell } from './cell-objects';
import { organisationSpeaker, StixWriter, type Speaker, type StixBundle } from './stix-common';

/**
 * The period bundle: one STIX bundle of the released cells of a report period, from every team and
 * organisation, for `obi report --format stix` (MISP, OpenCTI). Each cell is written as
 * ./cell-objects.ts describes, with the organisation whose team released it as the one that saw it
 * (`where_sighted_refs`); the central point is the producer, and a `report` (the fenomeenbeeld of the
 * period) holds everything. The organisations, state actors, modi operandi, target groups and places
 * have the same ids as in the team bundles, so a consumer that holds both merges them.
 */

/** A released cell as the central point holds it: with its organisation, and its objective where it has one. */
export interface PeriodCell extends ReleasedCell {
  organisation: Organisation;
  objective?: string;
}

export interface PeriodBundleInput {
  /** A new UUID for every report made: the bundle is `bundle--<id>`, and its sightings' ids derive from it. */
  id: string;
  period: ReportPeriod;
  /** The organisation of the central point. */
  producer: Organisation;
  cells: readonly PeriodCell[];
  /** The moment of building; the bundle keeps only its hour. */
  now: Date;
}

const organisation = policyKeys.organisation.schema;

export const reportPeriodSchema = z
  .strictObject({
    label: z.string().regex(/^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/, 'must be a period such as 2026, 2026-Q4 or 2026-10'),
    from: isoDate,
    to: isoDate,
  })
  .refine((p) => p.from <= p.to, { message: 'from must not be after to', path: ['to'] }) satisfies z.ZodType<ReportPeriod>;

export const periodCellSchema = releasedCellSchema.extend({
  organisation,
  objective: releasedCellSchema.shape.stateActor.optional(),
}) satisfies z.ZodType<PeriodCell>;

const inputSchema = z.strictObject({
  id: z.uuid('must be a UUID'),
  period: reportPeriodSchema,
  producer: organisation,
  cells: z.array(periodCellSchema),
  now: z.date('must be a date'),
});

/** The central point of an organisation: the producer of the fenomeenbeeld, never a person. */
export const centralSpeaker = (at: Organisation): Speaker => ({
  key: `central:${at}`,
  name: `${at} central point (OBI)`,
  description: `The central point at ${at} that joins the anonymised, bundled signals of the liaison networks of SZW, BZ and NCTV into the periodic fenomeenbeeld of unwanted foreign interference; never a single person.`,
});

/** Builds the period bundle; refuses (throws) input that breaks the contract, naming the field. */
export function buildPeriodBundle(input: PeriodBundleInput, taxonomy: TaxonomyPackage): StixBundle {
  const { id, period, producer, cells, now } = checkedInput(inputSchema, input, 'buildPeriodBundle');
  const w = new StixWriter({ id, created: roundDownToHour(now), producer: centralSpeaker(producer) });
  cells.forEach((cell, i) => writeCell(w, taxonomy, cell, String(i), w.speaker(organisationSpeaker(cell.organisation))));
  const organisations = [...new Set(cells.map((c) => c.organisation))].sort();
  const conversations = cells.reduce((n, c) => n + c.count, 0);
  const span = `${period.label} (${period.from} to ${period.to})`;
  return w.finish({
    type: 'report',
    name: `OBI fenomeenbeeld ${period.label}`,
    description:
      cells.length === 0
        ? `The fenomeenbeeld of unwanted foreign interference for ${span}: no released cells.`
        : `The fenomeenbeeld of unwanted foreign interference for ${span}: ${cells.length} released cells from ${organisations.join(', ')}, ${conversations} conversations in all. Each cell was released by one team and counts at least k conversations; its sighting names the organisation that reported it.`,
  });
}
