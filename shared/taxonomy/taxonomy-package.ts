import { z } from 'zod';

/**
 * The taxonomy package: one JSON document that carries the MISP `machinetag.json` of the `nl-obi`
 * namespace, its Dutch and English labels (MISP allows no extra properties, so they live beside
 * it), the MISP taxonomies we reuse, and the history of renamed, merged and retired values. The
 * built-in taxonomy and a signed update from the central point have this same shape.
 */

export const taxonomyNamespace = 'nl-obi';
export const packageFormat = 'obi-taxonomy-package/1';
/** The largest taxonomy package read or signed (the built-in one is about 100 KB), in bytes. */
export const taxonomyFileMaxBytes = 4 * 1024 * 1024;

export const languages = ['nl', 'en'] as const;
export type Language = (typeof languages)[number];

const nonEmpty = z.string().min(1, 'must not be empty');

/** Adds an issue for every item whose key was seen before (MISP's `uniqueItems`, made stricter). */
function uniqueBy<T>(key: (item: T) => string, what: string) {
  return (items: T[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      const k = key(item);
      if (seen.has(k)) ctx.addIssue({ code: 'custom', path: [i], message: `duplicate ${what} "${k}"` });
      seen.add(k);
    });
  };
}

// --- The official MISP schema (../shared/conformance/misp-taxonomies/schema.json), as zod. ------
// `additionalProperties: false` becomes strictObject; the schema means `value` to be required
// (its `required` sits inside `properties` by mistake), so it is required here.

const mispEntry = z.strictObject({
  value: nonEmpty,
  expanded: nonEmpty.optional(),
  description: nonEmpty.optional(),
  colour: nonEmpty.optional(),
  numerical_value: z.number().optional(),
  uuid: nonEmpty.optional(),
});

const mispPredicate = mispEntry.extend({ exclusive: z.boolean().optional() });

const mispValues = z.strictObject({
  predicate: nonEmpty,
  entry: z
    .array(mispEntry)
    .min(1)
    .superRefine(uniqueBy((e) => e.value, 'value'))
    .optional(),
  uuid: nonEmpty.optional(),
});

export const machinetagSchema = z.strictObject({
  namespace: nonEmpty,
  expanded: nonEmpty.optional(),
  description: nonEmpty,
  version: z.number().int(),
  exclusive: z.boolean().optional(),
  uuid: nonEmpty.optional(),
  type: z
    .array(z.enum(['org', 'user', 'attribute', 'event']))
    .min(1)
    .superRefine(uniqueBy((t) => t, 'type'))
    .optional(),
  refs: z
    .array(nonEmpty)
    .min(1)
    .superRefine(uniqueBy((r) => r, 'reference'))
    .optional(),
  predicates: z
    .array(mispPredicate)
    .min(1)
    .superRefine(uniqueBy((p) => p.value, 'predicate')),
  values: z
    .array(mispValues)
    .min(1)
    .superRefine(uniqueBy((v) => v.predicate, 'values block for predicate'))
    .optional(),
});
export type MachineTag = z.output<typeof machinetagSchema>;

// --- Labels, reused taxonomies and changes: the sidecars of this project. ----------------------

const labelText = z.strictObject({
  label: nonEmpty.max(200, 'must be at most 200 characters'),
  definition: nonEmpty.max(1000, 'must be at most 1000 characters'),
});
/** A label and a one-sentence definition in each language of the interface. */
export const labelsSchema = z.strictObject({ nl: labelText, en: labelText });
export type Labels = z.output<typeof labelsSchema>;

export const labelSidecarSchema = z.strictObject({
  taxonomy: labelsSchema,
  predicates: z.record(z.string(), labelsSchema),
  values: z.record(z.string(), z.record(z.string(), labelsSchema)),
});
export type LabelSidecar = z.output<typeof labelSidecarSchema>;

/**
 * What a reused MISP taxonomy is for: `grading` is chosen by the officer on a signal
 * (admiralty-scale); `marking` (TLP) and `workflow` are set by the app when it exports.
 */
export const reusedUsages = ['grading', 'marking', 'workflow'] as const;
export type ReusedUsage = (typeof reusedUsages)[number];

const reusedEntry = z.strictObject({ value: nonEmpty, labels: labelsSchema });
const reusedPredicate = z.strictObject({
  value: nonEmpty,
  exclusive: z.boolean().optional(),
  labels: labelsSchema,
  entries: z
    .array(reusedEntry)
    .min(1)
    .superRefine(uniqueBy((e) => e.value, 'value'))
    .optional(),
});
const reusedTaxonomy = z.strictObject({
  namespace: nonEmpty,
  exclusive: z.boolean().optional(),
  usage: z.enum(reusedUsages),
  predicates: z
    .array(reusedPredicate)
    .min(1)
    .superRefine(uniqueBy((p) => p.value, 'predicate')),
});
export type ReusedTaxonomy = z.output<typeof reusedTaxonomy>;

export const changeKinds = ['renamed', 'merged', 'retired'] as const;
export type ChangeKind = (typeof changeKinds)[number];

/** `namespace:predicate="value"`, or `namespace:predicate` for MISP taxonomies without values (TLP). */
export const tagPattern = /^([A-Za-z0-9][A-Za-z0-9._-]*):([^\s="]+)(?:="([^"]+)")?$/;
const tagString = z.string().regex(tagPattern, 'must be a machine tag such as nl-obi:predicate="value"');

const change = z
  .strictObject({
    /** The version in which the change took effect. */
    version: z.number().int().min(2, 'must be at least 2: version 1 has no predecessor'),
    kind: z.enum(changeKinds),
    from: tagString,
    to: z.array(tagString),
  })
  .superRefine((c, ctx) => {
    if (c.kind === 'retired' && c.to.length > 0) ctx.addIssue({ code: 'custom', path: ['to'], message: 'a retired value has no successor' });
    if (c.kind !== 'retired' && c.to.length !== 1) ctx.addIssue({ code: 'custom', path: ['to'], message: `a ${c.kind} value has exactly one successor` });
    if (c.to.includes(c.from)) ctx.addIssue({ code: 'custom', path: ['to'], message: 'a value cannot succeed itself' });
  });
export type TaxonomyChange = z.output<typeof change>;

export const taxonomyPackageSchema = z.strictObject({
  format: z.literal(packageFormat),
  machinetag: machinetagSchema,
  labels: labelSidecarSchema,
  reused: z.array(reusedTaxonomy).superRefine(uniqueBy((r) => r.namespace, 'namespace')),
  changes: z.array(change),
});
export type TaxonomyPackage = z.output<typeof taxonomyPackageSchema>;
