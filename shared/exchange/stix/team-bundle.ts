import { z } from 'zod';
import { municipalities } from '../../geo/municipalities';
import { isKnownTag, formatTag } from '../../taxonomy/tags';
import { taxonomyNamespace, type TaxonomyPackage } from '../../taxonomy/taxonomy-package';
import { manifestFor, type Payload, type PayloadHeader, type ReadResult } from '../payload';
import { releasedCellSchema, type ReleasedCell } from '../released-cell';
import { StixWriter } from './stix-common';
import { indexBundle, objectPath, parseObject, refuse, resolve, stixRef } from './stix-read';

/**
 * The team bundle for the central point: the team's approved signals as k-anonymous cells
 * (see ../../../TAXONOMY-SOURCES.md, "One bundled signal in STIX 2.1"):
 *
 * - `threat-actor` per state actor (`nation-state`, the ISO code as machine tag in `labels`);
 * - `attack-pattern` per modus operandi, the machine tag in `external_references`;
 * - `identity` of `identity_class: "class"` per target group;
 * - `location` per region (NL, landsdeel, province or municipality);
 * - `relationship`s threat-actor `uses` attack-pattern and attack-pattern `targets` identity;
 * - one `sighting` per cell: `sighting_of_ref` the attack-pattern, `count`, `first_seen`/`last_seen`
 *   the generalised period, `summary: true`, `where_sighted_refs` the location, the machine tags of
 *   state actor, target and channel as `labels` and the whole cell as `x_obi_cell`;
 * - a `note` per redacted summary, `object_refs` its sighting;
 * - a `grouping` (`context: "suspicious-activity"`) holding everything: the unit of one bundle.
 *
 * Values that are not in the taxonomy ('multiple', 'any', a generalised group) get no machine tag;
 * `x_obi_value` on each object and `x_obi_cell` on each sighting carry the exact values.
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
}

const summarySchema = z.strictObject({
  cell: z.number().int('must be a whole number').min(0, 'must be at least 0'),
  text: z.string().regex(/\S/, 'must not be blank').max(5000, 'must be at most 5000 characters'),
});

const municipalityProvince = new Map(municipalities.map((m) => [m.name, m.province]));

type Predicate = 'state-actor' | 'modus-operandi' | 'target' | 'channel';

/** Labels of a value in English, and its machine tag when the value is one of the taxonomy. */
function describe(taxonomy: TaxonomyPackage, predicate: Predicate, value: string): { tag?: string; label?: string; definition?: string } {
  const tag = formatTag(taxonomyNamespace, predicate, value);
  const labels = taxonomy.labels.values[predicate]?.[value]?.en;
  return isKnownTag(taxonomy, tag) ? { tag, ...(labels ? { label: labels.label, definition: labels.definition } : {}) } : {};
}

function stateActorName(value: string, label: string | undefined): string {
  if (value === 'multiple') return 'Several state actors';
  if (value === 'unknown') return 'Unknown state actor';
  return `State actor: ${label ?? value} (${value})`;
}

function placeProperties(region: ReleasedCell['region']): Record<string, unknown> {
  const base = { country: 'NL', x_obi_level: region.level };
  switch (region.level) {
    case 'country':
      return { name: 'Netherlands', ...base };
    case 'landsdeel':
      return { name: `${region.value}-Nederland`, administrative_area: `${region.value}-Nederland`, ...base };
    case 'province':
      return { name: region.value, administrative_area: region.value, ...base };
    case 'municipality':
      return { name: region.value, city: region.value, administrative_area: municipalityProvince.get(region.value), ...base };
  }
}

/** The same key as the officer bundle's location of a municipality, so a place keeps one id. */
const placeKey = (region: ReleasedCell['region']) =>
  region.level === 'municipality' ? `municipality:${municipalityProvince.get(region.value)}:${region.value}` : `${region.level}:${region.value}`;

const firstSeen = (date: string) => `${date}T00:00:00.000Z`;
const lastSeen = (date: string) => `${date}T23:59:59.999Z`;

/** Builds the payload of a team bundle; an empty list of cells is a valid, empty report. */
export function buildTeamPayload(header: PayloadHeader, taxonomy: TaxonomyPackage, content: TeamContent): Payload {
  if (header.taxonomyVersion !== taxonomy.machinetag.version) throw new Error('buildTeamPayload: the header names another taxonomy version than the one given');
  const cells = z.array(releasedCellSchema).parse(content.cells);
  const summaries = z.array(summarySchema).parse(content.summaries ?? []);
  for (const s of summaries) if (s.cell >= cells.length) throw new Error('buildTeamPayload: a summary points to a cell that does not exist');
  const small = cells.filter((c) => c.count < content.k).length;
  if (small > 0) throw new Error(`buildTeamPayload: ${small} cells count fewer than k = ${content.k}`);
  const manifest = manifestFor(header, {
    kind: 'team',
    counts: { signals: cells.reduce((n, c) => n + c.count, 0), cells: cells.length },
    k: content.k,
    suppressed: content.suppressed,
    carriedOver: content.carriedOver,
  });
  const w = new StixWriter(manifest);
  const sightings = cells.map((cell, i) => {
    const actor = describe(taxonomy, 'state-actor', cell.stateActor);
    const method = describe(taxonomy, 'modus-operandi', cell.modusOperandi);
    const target = describe(taxonomy, 'target', cell.target);
    const channel = describe(taxonomy, 'channel', cell.channel);
    const actorName = stateActorName(cell.stateActor, actor.label);
    const methodName = method.label ?? (cell.modusOperandi === 'multiple' ? 'Several modi operandi' : `Modus operandi: ${cell.modusOperandi}`);
    const targetName = `${target.label ?? (cell.target === 'any' ? 'Any group' : cell.target)} (diaspora communities in the Netherlands)`;

    const actorId = w.reference('threat-actor', `state-actor:${cell.stateActor}`, {
      name: actorName,
      threat_actor_types: ['nation-state'],
      ...(actor.tag ? { labels: [actor.tag] } : {}),
      x_obi_value: cell.stateActor,
    });
    const methodId = w.reference('attack-pattern', `modus-operandi:${cell.modusOperandi}`, {
      name: methodName,
      ...(method.definition ? { description: method.definition } : {}),
      ...(method.tag ? { external_references: [{ source_name: taxonomyNamespace, external_id: method.tag, description: methodName }] } : {}),
      x_obi_value: cell.modusOperandi,
    });
    const targetId = w.reference('identity', `target:${cell.target}`, {
      name: targetName,
      identity_class: 'class',
      ...(target.definition ? { description: target.definition } : {}),
      ...(target.tag ? { labels: [target.tag] } : {}),
      x_obi_value: cell.target,
    });
    const placeId = w.reference('location', placeKey(cell.region), placeProperties(cell.region));
    w.reference('relationship', `${actorId}|uses|${methodId}`, { relationship_type: 'uses', source_ref: actorId, target_ref: methodId });
    w.reference('relationship', `${methodId}|targets|${targetId}`, { relationship_type: 'targets', source_ref: methodId, target_ref: targetId });
    const tags = [actor.tag, target.tag, channel.tag].filter((t): t is string => t !== undefined);
    const { count, ...where } = cell;
    return w.own('sighting', String(i), {
      description: `${count} signals: ${actorName}; ${methodName}; ${targetName}; channel ${channel.label ?? cell.channel}; ${cell.region.level} ${cell.region.value}; ${cell.period.level} ${cell.period.from} to ${cell.period.to}.`,
      sighting_of_ref: methodId,
      first_seen: firstSeen(cell.period.from),
      last_seen: lastSeen(cell.period.to),
      count,
      summary: true,
      where_sighted_refs: [placeId],
      ...(tags.length > 0 ? { labels: tags } : {}),
      x_obi_cell: where,
    });
  });
  summaries.forEach((s, i) => {
    w.own('note', String(i), { abstract: 'Redacted summary', content: s.text, lang: 'nl', object_refs: [sightings[s.cell]!] });
  });
  const bundle = w.finish({
    name: `OBI team report ${manifest.organisation} ${manifest.period.from} to ${manifest.period.to}`,
    description:
      cells.length === 0
        ? `Nothing to report for this period at k = ${content.k}. Signals carried over to the next period: ${content.carriedOver}.`
        : `Cells of at least k = ${content.k} signals each: ${cells.length}. Signals carried over to the next period: ${content.carriedOver}.`,
  });
  return { manifest, bundle };
}

const sightingSchema = z.looseObject({
  type: z.literal('sighting'),
  count: releasedCellSchema.shape.count,
  where_sighted_refs: z.tuple([stixRef('location')], 'must hold exactly the location of the cell'),
  x_obi_cell: releasedCellSchema.omit({ count: true }),
});

const noteSchema = z.looseObject({
  type: z.literal('note'),
  content: summarySchema.shape.text,
  object_refs: z.tuple([stixRef('sighting')], 'must hold exactly the sighting of the summary'),
});

export interface TeamReport {
  cells: ReleasedCell[];
  summaries: TeamSummary[];
}

/** The cells and summaries of a team bundle; the first problem is named. */
export function readTeamBundle(payload: Payload): ReadResult<TeamReport> {
  const indexed = indexBundle(payload, 'team');
  if (!indexed.ok) return indexed;
  const cells: ReleasedCell[] = [];
  const cellOf = new Map<string, number>();
  for (const [i, object] of indexed.value.objects.entries()) {
    if (object.type !== 'sighting') continue;
    const parsed = parseObject(sightingSchema, object, i);
    if (!parsed.ok) return parsed;
    const place = resolve(indexed.value, parsed.value.where_sighted_refs[0], 'location', objectPath(i, 'where_sighted_refs.0'));
    if (!place.ok) return place;
    const k = payload.manifest.k ?? 0;
    if (parsed.value.count < k) return refuse(objectPath(i, 'count'), `must be at least k = ${k}`);
    cellOf.set(object.id, cells.length);
    cells.push({ ...parsed.value.x_obi_cell, count: parsed.value.count });
  }
  const summaries: TeamSummary[] = [];
  for (const [i, object] of indexed.value.objects.entries()) {
    if (object.type !== 'note') continue;
    const parsed = parseObject(noteSchema, object, i);
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
