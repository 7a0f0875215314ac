import { z } from 'zod';
import type { TaxonomyPackage } from '../../taxonomy/taxonomy-package';
import { manifestFor, type Evaluation, type Payload, type PayloadHeader, type ReadResult } from '../payload';
import { releasedCellSchema, type ReleasedCell } from '../released-cell';
import { placeOf, writeCell } from './cell-objects';
import { obiExtensionId, obiPart, stixCellSchema } from './obi-extension';
import { organisationSpeaker, stableId, StixWriter } from './stix-common';
import { indexBundle, objectPath, parseObject, refuse, resolve, stixRef } from './stix-read';

/**
 * The team bundle for the central point: the team's approved signals as k-anonymous cells, each
 * written as ./cell-objects.ts describes with the team's organisation as the one that saw it, and
 * a `note` per redacted summary (`object_refs` its sighting; `note: "summary"` in the extension),
 * all held by a `grouping` (`context: "suspicious-activity"`): the unit of one bundle.
 */

export interface TeamSummary {
  /** Index of the cell in `cells` the summary belongs to. */
  cell: number;
  /** A redacted, shareable summary. */
  text: string;
}

export interface TeamContent {
  cells: readonly ReleasedCell[];
  summaries?: readonly TeamSummary[];
  /** The k every cell reached. */
  k: number;
  suppressed: number;
  carriedOver: number;
  /** The review figures of the period, for the evaluation at the central point. */
  evaluation?: Evaluation;
}

const summaryInput = z.strictObject({
  cell: z.number().int('must be a whole number').min(0, 'must be at least 0'),
  text: z.string().regex(/\S/, 'must not be blank').max(5000, 'must be at most 5000 characters'),
});

/** Builds the payload of a team bundle; an empty list of cells is a valid, empty report. */
export function buildTeamPayload(header: PayloadHeader, taxonomy: TaxonomyPackage, content: TeamContent): Payload {
  if (header.taxonomyVersion !== taxonomy.machinetag.version) throw new Error('buildTeamPayload: the header names another taxonomy version than the one given');
  const cells = z.array(releasedCellSchema).parse(content.cells);
  const summaries = z.array(summaryInput).parse(content.summaries ?? []);
  for (const s of summaries) if (s.cell >= cells.length) throw new Error('buildTeamPayload: a summary points to a cell that does not exist');
  const small = cells.filter((c) => c.count < content.k).length;
  if (small > 0) throw new Error(`buildTeamPayload: ${small} cells count fewer than k = ${content.k}`);
  const manifest = manifestFor(header, {
    kind: 'team',
    counts: { signals: cells.reduce((n, c) => n + c.count, 0), cells: cells.length },
    k: content.k,
    suppressed: content.suppressed,
    carriedOver: content.carriedOver,
    ...(content.evaluation === undefined ? {} : { evaluation: content.evaluation }),
  });
  const w = StixWriter.forManifest(manifest);
  const written = cells.map((cell, i) => writeCell(w, taxonomy, cell, String(i), w.producerId));
  summaries.forEach((s, i) => {
    const cell = written[s.cell]!;
    w.own(
      'note',
      String(i),
      { abstract: 'Redacted summary', content: s.text, lang: 'nl', object_refs: [cell.sighting], labels: cell.tags },
      { note: 'summary' },
    );
  });
  const bundle = w.finish({
    type: 'grouping',
    name: `OBI team report ${manifest.organisation} ${manifest.period.from} to ${manifest.period.to}`,
    description:
      cells.length === 0
        ? `Nothing to report for this period at k = ${content.k}. Signals carried over to the next period: ${content.carriedOver}.`
        : `Cells of at least k = ${content.k} conversations each: ${cells.length}. Signals carried over to the next period: ${content.carriedOver}.`,
  });
  return { manifest, bundle };
}

const sightingSchema = obiPart({ cell: stixCellSchema.omit({ organisation: true }) }).extend({
  type: z.literal('sighting'),
  count: releasedCellSchema.shape.count,
  where_sighted_refs: z.tuple([stixRef('identity')], 'must hold exactly the reporting organisation'),
});

const noteKindSchema = obiPart({ note: z.enum(['summary', 'place']) });

const summarySchema = z.looseObject({
  type: z.literal('note'),
  content: summaryInput.shape.text,
  object_refs: z.tuple([stixRef('sighting')], 'must hold exactly the sighting of the summary'),
});

const placeSchema = z.looseObject({
  type: z.literal('note'),
  object_refs: z.tuple([stixRef('sighting'), stixRef('location')], 'must hold exactly the sighting and the location of its region'),
});

export interface TeamReport {
  cells: ReleasedCell[];
  summaries: TeamSummary[];
}

/** The cells and summaries of a team bundle; the first problem is named. */
export function readTeamBundle(payload: Payload): ReadResult<TeamReport> {
  const indexed = indexBundle(payload, 'team');
  if (!indexed.ok) return indexed;
  const reporter = stableId('identity', organisationSpeaker(payload.manifest.organisation).key);
  const cells: ReleasedCell[] = [];
  const cellOf = new Map<string, number>();
  for (const [i, object] of indexed.value.objects.entries()) {
    if (object.type !== 'sighting') continue;
    const parsed = parseObject(sightingSchema, object, i);
    if (!parsed.ok) return parsed;
    const { count, where_sighted_refs: where } = parsed.value;
    const c = parsed.value.extensions[obiExtensionId].cell;
    if (where[0] !== reporter) return refuse(objectPath(i, 'where_sighted_refs.0'), 'must be the organisation the manifest names');
    const k = payload.manifest.k ?? 0;
    if (count < k) return refuse(objectPath(i, 'count'), `must be at least k = ${k}`);
    cellOf.set(object.id, cells.length);
    cells.push({
      stateActor: c.state_actor,
      ...(c.objective === undefined ? {} : { objective: c.objective }),
      modusOperandi: c.modus_operandi,
      target: c.target,
      channel: c.channel,
      region: c.region,
      period: c.period,
      count,
    });
  }
  const summaries: TeamSummary[] = [];
  for (const [i, object] of indexed.value.objects.entries()) {
    if (object.type !== 'note') continue;
    const kind = parseObject(noteKindSchema, object, i);
    if (!kind.ok) return kind;
    if (kind.value.extensions[obiExtensionId].note === 'place') {
      const place = parseObject(placeSchema, object, i);
      if (!place.ok) return place;
      const [sighting, location] = place.value.object_refs;
      const cell = cellOf.get(sighting);
      if (cell === undefined) return refuse(objectPath(i, 'object_refs.0'), 'must point to a sighting in the bundle');
      const found = resolve(indexed.value, location, 'location', objectPath(i, 'object_refs.1'));
      if (!found.ok) return found;
      if (location !== stableId('location', placeOf(cells[cell]!.region).key))
        return refuse(objectPath(i, 'object_refs.1'), "must be the location of the cell's region");
      continue;
    }
    const parsed = parseObject(summarySchema, object, i);
    if (!parsed.ok) return parsed;
    const cell = cellOf.get(parsed.value.object_refs[0]);
    if (cell === undefined) return refuse(objectPath(i, 'object_refs.0'), 'must point to a sighting in the bundle');
    summaries.push({ cell, text: parsed.value.content });
  }
  if (cells.length !== payload.manifest.counts.cells) {
    return refuse('manifest.counts.cells', `must equal the number of sightings in the bundle (${cells.length})`);
  }
  return { ok: true, value: { cells, summaries } };
}
