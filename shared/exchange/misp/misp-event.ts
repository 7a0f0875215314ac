import { v5 as uuidv5 } from 'uuid';
import { z } from 'zod';
import { figureDimensions, type FigureDimension, type PublishedFigure, type ReportPeriod } from '../../central/published-figure';
import { policyKeys } from '../../policy/policy-schema';
import { formatTag, isKnownTag } from '../../taxonomy/tags';
import { taxonomyNamespace, type TaxonomyPackage } from '../../taxonomy/taxonomy-package';
import { checkedInput } from '../checked-input';
import { releasedCellSchema } from '../released-cell';
import { reportPeriodSchema } from '../stix/period-bundle';
import { tlpAmberStrictTag } from '../stix/stix-markings';
import template from './objects/obi-fenomeenbeeld-figure/definition.json';

/**
 * The fenomeenbeeld as one MISP event in MISP's own core format ("Add event from MISP JSON"): the
 * event tagged `tlp:amber+strict` and with the nl-obi tag of every value it counts; each published
 * figure one object of our template `obi-fenomeenbeeld-figure` (./objects, the misp-objects layout),
 * as MISP carries counts in `covid19-csse-daily-report`: the number as a `counter` attribute, the
 * period, place and taxonomy values as attributes, each taxonomy value tagged with its machine tag
 * (the counter too, so a tag search finds the numbers). A suppressed figure appears nowhere.
 */

export interface MispEventInput {
  /** A new UUID for every report made: MISP takes an event of a known UUID as an edit of it. */
  id: string;
  period: ReportPeriod;
  figures: readonly PublishedFigure[];
  /** The moment of building (the event's timestamp). */
  now: Date;
}

export interface MispTag {
  name: string;
}

export interface MispAttribute {
  uuid: string;
  object_relation: string;
  type: string;
  category: 'Other';
  value: string;
  comment?: string;
  to_ids: false;
  disable_correlation: true;
  distribution: '5';
  Tag?: MispTag[];
}

export interface MispObject {
  uuid: string;
  name: string;
  'meta-category': string;
  description: string;
  template_uuid: string;
  template_version: string;
  comment: string;
  distribution: '5';
  sharing_group_id: '0';
  Attribute: MispAttribute[];
}

export interface MispEvent {
  Event: {
    uuid: string;
    info: string;
    date: string;
    timestamp: string;
    published: false;
    /** 2: complete. */
    analysis: '2';
    /** 4: undefined; the figures are a picture, not an alert. */
    threat_level_id: '4';
    /** 0: this organisation only, as TLP:AMBER+STRICT asks. */
    distribution: '0';
    Tag: MispTag[];
    Attribute: [];
    Object: MispObject[];
  };
}

/** Our UUIDv5 namespace for MISP objects and attributes; never change it. */
const uuidNamespace = '1b3bb302-f789-4b5e-a80f-8eea33e99545';

/** The template's object relation of each dimension, and the nl-obi predicate of those that have one. */
const relationOf: Readonly<Record<FigureDimension, keyof typeof template.attributes>> = {
  stateActor: 'state-actor',
  objective: 'objective',
  modusOperandi: 'modus-operandi',
  target: 'target',
  channel: 'channel',
  region: 'region',
  organisation: 'organisation',
};
const predicateOf: Readonly<Partial<Record<FigureDimension, string>>> = {
  stateActor: 'state-actor',
  objective: 'objective',
  modusOperandi: 'modus-operandi',
  target: 'target',
  channel: 'channel',
};

const code = releasedCellSchema.shape.stateActor;
/** One line of text without control characters: a table name or a figure in words. */
const line = (max: number) =>
  z
    .string()
    .regex(/^[^\p{Cc}]+$/u, 'must be one line of text')
    .max(max, `must be at most ${max} characters`);

const figureSchema = z
  .strictObject({
    table: line(100),
    values: z.strictObject({
      stateActor: code.optional(),
      objective: code.optional(),
      modusOperandi: code.optional(),
      target: code.optional(),
      channel: code.optional(),
      region: code.optional(),
      organisation: policyKeys.organisation.schema.optional(),
    }) satisfies z.ZodType<PublishedFigure['values']>,
    label: line(500),
    count: z.number().int('must be a whole number').min(0, 'must be at least 0').max(999_999_999, 'must be at most 999999999').nullable(),
    suppressed: z.literal(true, 'must be true when present').optional(),
  })
  .refine((f) => (f.count === null) === (f.suppressed === true), { message: 'must be null exactly when the figure is suppressed', path: ['count'] });

const inputSchema = z
  .strictObject({
    id: z.uuid('must be a UUID'),
    period: reportPeriodSchema,
    figures: z.array(figureSchema),
    now: z.date('must be a date'),
  })
  .superRefine((input, ctx) => {
    const seen = new Set<string>();
    input.figures.forEach((f, i) => {
      const key = figureKey(f);
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['figures', i], message: 'appears twice: the same table and values' });
      seen.add(key);
    });
  });

/** A figure by its table and values, whatever the order of the values. */
const figureKey = (f: Pick<PublishedFigure, 'table' | 'values'>) => JSON.stringify([f.table, figureDimensions.map((d) => f.values[d] ?? null)]);

const seconds = (at: Date) => String(Math.floor(at.getTime() / 1000));

/** Builds the MISP event of a report's published figures; refuses (throws) input that breaks the contract, naming the field. */
export function buildMispEvent(input: MispEventInput, taxonomy: TaxonomyPackage): MispEvent {
  const { id, period, figures, now } = checkedInput(inputSchema, input, 'buildMispEvent');
  const tagOf = (dimension: FigureDimension, value: string): string | undefined => {
    const predicate = predicateOf[dimension];
    const tag = predicate === undefined ? undefined : formatTag(taxonomyNamespace, predicate, value);
    return tag !== undefined && isKnownTag(taxonomy, tag) ? tag : undefined;
  };
  const labelOf = (dimension: FigureDimension, value: string): string | undefined => {
    const predicate = predicateOf[dimension];
    return predicate === undefined ? undefined : taxonomy.labels.values[predicate]?.[value]?.en.label;
  };

  const eventTags = new Set<string>();
  const objects = figures.flatMap((figure): MispObject[] => {
    if (figure.count === null) return [];
    const uuid = uuidv5(`${id}:${figureKey(figure)}`, uuidNamespace);
    const attribute = (relation: keyof typeof template.attributes, value: string, extra: Pick<MispAttribute, 'comment' | 'Tag'> = {}): MispAttribute => ({
      uuid: uuidv5(`${uuid}:${relation}`, uuidNamespace),
      object_relation: relation,
      type: template.attributes[relation]['misp-attribute'],
      category: 'Other',
      value,
      ...extra,
      to_ids: false,
      disable_correlation: true,
      distribution: '5',
    });
    const dimensions = figureDimensions.flatMap((dimension) => {
      const value = figure.values[dimension];
      if (value === undefined) return [];
      const tag = tagOf(dimension, value);
      const label = labelOf(dimension, value);
      return [{ relation: relationOf[dimension], value, tag, label }];
    });
    const tags = dimensions.flatMap((d) => (d.tag ? [{ name: d.tag }] : []));
    for (const t of tags) eventTags.add(t.name);
    return [
      {
        uuid,
        name: template.name,
        'meta-category': template['meta-category'],
        description: template.description,
        template_uuid: template.uuid,
        template_version: String(template.version),
        comment: figure.label,
        distribution: '5',
        sharing_group_id: '0',
        Attribute: [
          attribute('conversations', String(figure.count), tags.length > 0 ? { Tag: tags } : {}),
          attribute('table', figure.table),
          attribute('label', figure.label),
          attribute('period', period.label),
          attribute('period-start', `${period.from}T00:00:00Z`),
          attribute('period-end', `${period.to}T23:59:59Z`),
          ...dimensions.map((d) => attribute(d.relation, d.value, { ...(d.label ? { comment: d.label } : {}), ...(d.tag ? { Tag: [{ name: d.tag }] } : {}) })),
        ],
      },
    ];
  });

  const today = now.toISOString().slice(0, 10);
  return {
    Event: {
      uuid: id,
      info: `OBI fenomeenbeeld ${period.label} (${period.from} to ${period.to}): published figures of conversations about unwanted foreign interference`,
      date: period.to < today ? period.to : today,
      timestamp: seconds(now),
      published: false,
      analysis: '2',
      threat_level_id: '4',
      distribution: '0',
      Tag: [{ name: tlpAmberStrictTag }, ...[...eventTags].sort().map((name) => ({ name }))],
      Attribute: [],
      Object: objects,
    },
  };
}
