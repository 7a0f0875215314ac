import { z } from 'zod';
import { policyKeys } from '../../policy/policy-schema';
import { tagPattern } from '../../taxonomy/taxonomy-package';
import { periodLevels, regionLevels, releasedCellSchema, type ReleasedCell } from '../released-cell';
import definition100 from './obi-extension-1.0.0.json';
import { tlpClear, tlpClearTag } from './stix-markings';

/**
 * Our own data in STIX 2.1: one property extension (`extension_type: "property-extension"`), so
 * that what STIX has no field for travels inside `extensions["extension-definition--…"]` of the
 * object instead of as custom `x_…` properties, which STIX 2.1 consumers warn about or drop. The
 * definition object and its maintainer are the same in every bundle that uses the extension; its
 * JSON schema is in docs/central/stix-and-misp.md too (a test keeps the two equal).
 *
 * The extension carries exact values; the labels and external references of the same objects carry
 * the machine tags, for tools that read no extension.
 */

export const obiExtensionId = 'extension-definition--db2fd2c8-4cc2-45ea-8982-149388444758';
/** 1.1.0 added `conversation` on the notes of an officer bundle. */
export const obiExtensionVersion = '1.1.0';

/** `created` of the two fixed objects, and `modified` of the maintainer: they never change. */
const definedAt = '2025-01-01T00:00:00.000Z';
/** `modified` of the definition: it changes with each version. */
const versionAt = '2026-12-01T00:00:00.000Z';

const code = { type: 'string', minLength: 1, maxLength: 100 } as const;

/** The JSON schema (draft 2020-12) of the extension's properties on one object. */
export const obiExtensionSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: `OBI Werkplek property extension ${obiExtensionVersion}`,
  description:
    'The properties OBI Werkplek adds to a STIX 2.1 object, inside extensions["extension-definition--db2fd2c8-4cc2-45ea-8982-149388444758"]. Which of them an object carries depends on its type; each says where it occurs.',
  type: 'object',
  required: ['extension_type'],
  additionalProperties: false,
  properties: {
    extension_type: { const: 'property-extension' },
    predicate: {
      description: 'On a threat-actor, an attack-pattern and an identity of class "class": the nl-obi predicate (dimension) the object stands for.',
      enum: ['state-actor', 'modus-operandi', 'target'],
    },
    value: {
      description:
        'With predicate: the exact value, an nl-obi value or one without a machine tag: "unknown", "multiple" (a cell generalised over several values), "any" or a generalised target group.',
      ...code,
    },
    level: {
      description: 'On a location: the level of the place: municipality, province, landsdeel (one of the four parts of the country) or country.',
      enum: [...regionLevels],
    },
    cell: {
      description: "On a sighting: the released cell it counts, every dimension as its exact value; the number of conversations is the sighting's count.",
      $ref: '#/$defs/cell',
    },
    note: {
      description:
        'On a note of a team or period bundle, what it says of its sighting: "summary", a redacted summary of the cell; "place", the region of the cell (its location is the second of object_refs).',
      enum: ['summary', 'place'],
    },
    tags: {
      description: 'On a note of an officer bundle: the machine tags of the signal (nl-obi and the reused MISP taxonomies), exactly as the officer chose them.',
      type: 'array',
      minItems: 1,
      maxItems: 100,
      items: { type: 'string', pattern: tagPattern.source },
    },
    signal_id: {
      description: "On a note of an officer or returned bundle: the export id of the signal, a UUID (never the vault's own row id).",
      type: 'string',
      format: 'uuid',
    },
    conversation: {
      description:
        "On a note of an officer bundle: the pseudonym of the meeting the signal came from, the same for every signal of it and in every bundle (a keyed hash under a secret of the officer's vault, meaningless to anyone else). The team lead counts conversations by it.",
      type: 'string',
      pattern: '^[0-9a-f]{32}$',
    },
    meeting_date: { description: 'On a note of an officer bundle: the date of the meeting.', type: 'string', format: 'date' },
    consent: {
      description: "On a note of an officer bundle: always true; a signal without the source's consent to bundled sharing never leaves the laptop.",
      const: true,
    },
    status: { description: "On a note of a returned bundle: the team lead's verdict.", enum: ['approved', 'returned', 'delivered'] },
  },
  $defs: {
    cell: {
      type: 'object',
      additionalProperties: false,
      required: ['state_actor', 'modus_operandi', 'target', 'channel', 'region', 'period'],
      properties: {
        state_actor: { description: 'ISO 3166-1 alpha-2 code, "unknown" or "multiple".', ...code },
        objective: { description: 'The nl-obi objective, "unknown" or "multiple"; only where the cell has one.', ...code },
        modus_operandi: { description: 'nl-obi modus operandi, "unknown" or "multiple".', ...code },
        target: { description: 'nl-obi target, a generalised target group, or "any".', ...code },
        channel: { description: 'nl-obi channel, "unknown" or "multiple".', ...code },
        region: {
          type: 'object',
          additionalProperties: false,
          required: ['level', 'value'],
          properties: {
            level: { enum: [...regionLevels] },
            value: { description: 'A CBS municipality, a province, a landsdeel (Noord, Oost, West, Zuid) or NL.', ...code },
          },
        },
        period: {
          type: 'object',
          additionalProperties: false,
          required: ['level', 'from', 'to'],
          properties: {
            level: { enum: [...periodLevels] },
            from: { type: 'string', format: 'date' },
            to: { type: 'string', format: 'date' },
          },
        },
        organisation: {
          description: 'In the period bundle of the central point: the organisation whose team released the cell.',
          enum: [...policyKeys.organisation.schema.options],
        },
      },
    },
  },
} as const;

/** The maker of the extension: one fixed identity, never the source of a signal. */
export const obiMaintainer = {
  type: 'identity',
  spec_version: '2.1',
  id: 'identity--24bfa214-1345-440d-8869-cbce85f8da8b',
  created: definedAt,
  modified: definedAt,
  name: 'OBI Werkplek',
  description:
    'The makers of OBI Werkplek, the workstation of the liaison officers of SZW, BZ and NCTV and of their central point. It defines the STIX extension that carries the data of OBI Werkplek and is never the source of a signal.',
  identity_class: 'organization',
  labels: [tlpClearTag],
  object_marking_refs: [tlpClear],
};

/** The definition object, in every bundle whose objects use the extension. */
export const obiExtensionDefinition = {
  type: 'extension-definition',
  spec_version: '2.1',
  id: obiExtensionId,
  created_by_ref: obiMaintainer.id,
  created: definedAt,
  modified: versionAt,
  name: 'OBI Werkplek properties',
  description:
    'Exact values of OBI Werkplek bundles (signals of unwanted foreign interference in diaspora communities in the Netherlands): the released cell of a sighting, the level of a place, the taxonomy value an object stands for, and the review data of a signal. The schema property holds the JSON schema of the properties.',
  schema: JSON.stringify(obiExtensionSchema),
  version: obiExtensionVersion,
  extension_types: ['property-extension'],
  labels: [tlpClearTag],
  object_marking_refs: [tlpClear],
};

/**
 * Definitions of earlier versions, exactly as they were published: a bundle made by an earlier
 * version of the app carries one of them, and its objects use no property a later version dropped.
 */
export const earlierObiDefinitions: ReadonlyArray<Readonly<Record<string, unknown>>> = [definition100];

/** The objects every bundle that uses the extension holds, by id, exactly as published (now). */
export const obiFixedObjects: ReadonlyMap<string, Readonly<Record<string, unknown>>> = new Map<string, Record<string, unknown>>([
  [obiMaintainer.id, obiMaintainer],
  [obiExtensionDefinition.id, obiExtensionDefinition],
]);

/** The extension's properties of one object, as a builder gives them (`extension_type` is added). */
export type ObiProperties = Record<string, unknown>;

/** The `extensions` property of an object that carries `properties`. */
export const obiExtensions = (properties: ObiProperties) => ({ [obiExtensionId]: { extension_type: 'property-extension', ...properties } });

// --- Cells in STIX form: the property names of STIX (lower case, underscores). --------------------

/** A cell with the dimensions the central point adds (organisation) or the taxonomy may hold (objective). */
export type CellOfAnyOrigin = ReleasedCell & { organisation?: z.output<typeof policyKeys.organisation.schema> };

const shape = releasedCellSchema.shape;

export const stixCellSchema = z.strictObject({
  state_actor: shape.stateActor,
  objective: shape.objective,
  modus_operandi: shape.modusOperandi,
  target: shape.target,
  channel: shape.channel,
  region: shape.region,
  period: shape.period,
  organisation: policyKeys.organisation.schema.optional(),
});
export type StixCell = z.output<typeof stixCellSchema>;

export function cellToStix(cell: CellOfAnyOrigin): StixCell {
  return {
    state_actor: cell.stateActor,
    ...(cell.objective === undefined ? {} : { objective: cell.objective }),
    modus_operandi: cell.modusOperandi,
    target: cell.target,
    channel: cell.channel,
    region: { ...cell.region },
    period: { ...cell.period },
    ...(cell.organisation === undefined ? {} : { organisation: cell.organisation }),
  };
}

/** The part of the extension a reader expects on one object; a missing part is named as such. */
export const obiPart = <Shape extends z.ZodRawShape>(properties: Shape) =>
  z.looseObject({
    extensions: z.looseObject(
      {
        [obiExtensionId]: z.strictObject(
          { extension_type: z.literal('property-extension', 'must be "property-extension"'), ...properties },
          { error: (issue) => (issue.input === undefined ? 'must hold the properties of the OBI Werkplek extension' : undefined) },
        ),
      },
      { error: (issue) => (issue.input === undefined ? 'must hold the OBI Werkplek extension' : undefined) },
    ),
  });
