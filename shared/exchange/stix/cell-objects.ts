import { municipalities } from '../../geo/municipalities';
import { formatTag, isKnownTag } from '../../taxonomy/tags';
import { taxonomyNamespace, type TaxonomyPackage } from '../../taxonomy/taxonomy-package';
import type { ReleasedCell } from '../released-cell';
import { cellToStix, type CellOfAnyOrigin, type ObiProperties } from './obi-extension';
import type { StixWriter } from './stix-common';

/**
 * One released cell as STIX objects (see ../../../TAXONOMY-SOURCES.md, "One bundled signal in
 * STIX 2.1"), the same in the team bundle and in the central point's period bundle:
 *
 * - a `threat-actor` per state actor (`nation-state`), named by the country (never by a sentence),
 *   with the machine tag in `labels` and `external_references`, and the ISO 3166-1 code as a
 *   second external reference;
 * - an `attack-pattern` per modus operandi and an `identity` of class `class` per target group,
 *   each with its machine tag in `labels` and `external_references`;
 * - a `location` per region (NL, landsdeel, province or municipality);
 * - `relationship`s threat-actor `uses` attack-pattern and attack-pattern `targets` identity;
 * - a `sighting`: `sighting_of_ref` the attack-pattern, `count` the cell's conversations,
 *   `first_seen`/`last_seen` the generalised period, `where_sighted_refs` the reporting
 *   organisation (who saw it, as STIX means it), the machine tags of every dimension as `labels`
 *   and `external_references`, and the whole cell in the extension;
 * - a `note` that names the cell's region, `object_refs` the sighting and the location. The place
 *   is not a second entry of `where_sighted_refs`: OpenCTI makes one sighting per entry, each with
 *   the whole count, and would count every cell twice.
 *
 * Every object has a description. Values that are not in the taxonomy ('multiple', 'any', a
 * generalised group) get no machine tag; the extension carries the exact values.
 */

const context = 'unwanted foreign interference (OBI) against diaspora communities in the Netherlands';

type Predicate = 'state-actor' | 'objective' | 'modus-operandi' | 'target' | 'channel';

interface Code {
  value: string;
  /** The machine tag, when the value is one of the taxonomy. */
  tag?: string;
  /** English label and definition from the taxonomy. */
  label?: string;
  definition?: string;
}

function codeOf(taxonomy: TaxonomyPackage, predicate: Predicate, value: string): Code {
  const tag = formatTag(taxonomyNamespace, predicate, value);
  if (!isKnownTag(taxonomy, tag)) return { value };
  const labels = taxonomy.labels.values[predicate]?.[value]?.en;
  return { value, tag, ...(labels ? { label: labels.label, definition: labels.definition } : {}) };
}

const tagsOf = (codes: readonly Code[]): string[] => codes.flatMap((c) => (c.tag ? [c.tag] : []));

const referencesOf = (codes: readonly Code[]) =>
  codes.flatMap((c) => (c.tag ? [{ source_name: taxonomyNamespace, external_id: c.tag, description: c.label ?? c.value }] : []));

/** `labels` and `external_references` for the machine tags of some codes; nothing when none has one. */
function tagged(codes: readonly Code[]): Record<string, unknown> {
  const labels = tagsOf(codes);
  return labels.length > 0 ? { labels, external_references: referencesOf(codes) } : {};
}

const generalised = (what: string) => `Several ${what}, joined in one cell so that it counts at least k conversations.`;

function stateActor(actor: Code): { name: string; properties: Record<string, unknown> } {
  const iso = /^[A-Z]{2}$/.test(actor.value);
  const name = actor.value === 'multiple' ? 'Several state actors' : actor.value === 'unknown' ? 'Unknown state actor' : (actor.label ?? actor.value);
  const what = actor.value === 'multiple' ? generalised('state actors') : (actor.definition ?? `State actor ${actor.value}.`);
  const labels = tagsOf([actor]);
  const references = [...referencesOf([actor]), ...(iso ? [{ source_name: 'ISO 3166-1 alpha-2', external_id: actor.value, description: name }] : [])];
  return {
    name,
    properties: {
      name,
      description: `${what} Suspected of ${context}.`,
      threat_actor_types: ['nation-state'],
      ...(iso ? { aliases: [actor.value] } : {}),
      ...(labels.length > 0 ? { labels } : {}),
      ...(references.length > 0 ? { external_references: references } : {}),
    },
  };
}

function modusOperandi(method: Code): { name: string; properties: Record<string, unknown> } {
  const name = method.value === 'multiple' ? 'Several modi operandi' : method.value === 'unknown' ? 'Unknown modus operandi' : (method.label ?? method.value);
  const description = method.value === 'multiple' ? generalised('modi operandi') : (method.definition ?? `Modus operandi ${method.value} in ${context}.`);
  return { name, properties: { name, description, ...tagged([method]) } };
}

function target(group: Code): { name: string; properties: Record<string, unknown> } {
  const name = `${group.value === 'any' ? 'Any group' : (group.label ?? group.value)} (diaspora communities in the Netherlands)`;
  const description =
    group.value === 'any' ? generalised('target groups') : (group.definition ?? `Target group ${group.value}, generalised from the groups of the taxonomy.`);
  return { name, properties: { name, identity_class: 'class', description, ...tagged([group]) } };
}

const municipalityProvince = new Map(municipalities.map((m) => [m.name, m.province]));

/** A region as a STIX location: the same object (and id) in officer, team and period bundles. */
export function placeOf(region: ReleasedCell['region']): { key: string; properties: Record<string, unknown>; obi: ObiProperties } {
  const obi = { level: region.level };
  switch (region.level) {
    case 'country':
      return { key: `country:${region.value}`, obi, properties: { name: 'Netherlands', description: 'The Netherlands.', country: 'NL' } };
    case 'landsdeel': {
      const name = `${region.value}-Nederland`;
      return {
        key: `landsdeel:${region.value}`,
        obi,
        properties: { name, description: `${name}, one of the four parts (landsdelen) of the Netherlands.`, administrative_area: name, country: 'NL' },
      };
    }
    case 'province':
      return {
        key: `province:${region.value}`,
        obi,
        properties: { name: region.value, description: `The province of ${region.value}, the Netherlands.`, administrative_area: region.value, country: 'NL' },
      };
    case 'municipality':
      return municipalityPlace(region.value, municipalityProvince.get(region.value));
  }
}

/** A municipality in its province; the officer bundle names the province its signal gives. */
export function municipalityPlace(name: string, province: string | undefined): { key: string; properties: Record<string, unknown>; obi: ObiProperties } {
  return {
    key: `municipality:${province}:${name}`,
    obi: { level: 'municipality' },
    properties: {
      name,
      description: `The municipality of ${name} (${province}), the Netherlands.`,
      city: name,
      administrative_area: province,
      country: 'NL',
    },
  };
}

const firstSeen = (date: string) => `${date}T00:00:00.000Z`;
const lastSeen = (date: string) => `${date}T23:59:59.999Z`;

/**
 * Writes the objects of one cell, reported by `reporterId` (an identity in the bundle); `key` names
 * the cell within the export. Returns the sighting's id and the cell's machine tags.
 */
export function writeCell(
  w: StixWriter,
  taxonomy: TaxonomyPackage,
  cell: CellOfAnyOrigin,
  key: string,
  reporterId: string,
): { sighting: string; tags: string[] } {
  const actor = codeOf(taxonomy, 'state-actor', cell.stateActor);
  const objective = cell.objective === undefined ? undefined : codeOf(taxonomy, 'objective', cell.objective);
  const method = codeOf(taxonomy, 'modus-operandi', cell.modusOperandi);
  const group = codeOf(taxonomy, 'target', cell.target);
  const channel = codeOf(taxonomy, 'channel', cell.channel);

  const a = stateActor(actor);
  const m = modusOperandi(method);
  const t = target(group);
  const actorId = w.reference('threat-actor', `state-actor:${cell.stateActor}`, a.properties, { predicate: 'state-actor', value: cell.stateActor });
  const methodId = w.reference('attack-pattern', `modus-operandi:${cell.modusOperandi}`, m.properties, {
    predicate: 'modus-operandi',
    value: cell.modusOperandi,
  });
  const targetId = w.reference('identity', `target:${cell.target}`, t.properties, { predicate: 'target', value: cell.target });
  const place = placeOf(cell.region);
  const placeId = w.reference('location', place.key, place.properties, place.obi);
  w.reference('relationship', `${actorId}|uses|${methodId}`, {
    relationship_type: 'uses',
    source_ref: actorId,
    target_ref: methodId,
    description: `${a.name} uses ${m.name}, in ${context}.`,
    ...tagged([actor, method]),
  });
  w.reference('relationship', `${methodId}|targets|${targetId}`, {
    relationship_type: 'targets',
    source_ref: methodId,
    target_ref: targetId,
    description: `${m.name} targets ${t.name}.`,
    ...tagged([method, group]),
  });

  const codes = [actor, ...(objective ? [objective] : []), method, group, channel];
  const words = [
    a.name,
    ...(objective ? [`objective ${objective.label ?? objective.value}`] : []),
    m.name,
    t.name,
    `channel ${channel.label ?? channel.value}`,
    `${cell.region.level} ${cell.region.value}`,
    `${cell.period.level} ${cell.period.from} to ${cell.period.to}`,
    ...(cell.organisation ? [`reported by ${cell.organisation}`] : []),
  ];
  const sighting = w.own(
    'sighting',
    key,
    {
      description: `${cell.count} conversations: ${words.join('; ')}.`,
      sighting_of_ref: methodId,
      first_seen: firstSeen(cell.period.from),
      last_seen: lastSeen(cell.period.to),
      count: cell.count,
      summary: true,
      where_sighted_refs: [reporterId],
      ...tagged(codes),
    },
    { cell: cellToStix(cell) },
  );
  w.own(
    'note',
    `place:${key}`,
    {
      abstract: `Region: ${place.properties.name as string}`,
      content: `${place.properties.description as string} The region of a cell of ${cell.count} conversations, generalised so that the cell counts at least k.`,
      lang: 'en',
      object_refs: [sighting, placeId],
      ...tagged(codes),
    },
    { note: 'place' },
  );
  return { sighting, tags: tagsOf(codes) };
}
