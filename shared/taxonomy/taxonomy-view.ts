import { z } from 'zod';
import { taxonomyPredicates } from './tags';
import { labelsSchema, reusedUsages, type TaxonomyPackage } from './taxonomy-package';

/**
 * The active taxonomy as the renderer's tag pickers need it: every predicate (own and reused) with
 * its values, each with labels and definitions in both languages, so switching language needs no
 * second call.
 */
export const taxonomyViewSchema = z.object({
  namespace: z.string(),
  version: z.number().int(),
  labels: labelsSchema,
  predicates: z.array(
    z.object({
      namespace: z.string(),
      predicate: z.string(),
      usage: z.enum(['classification', ...reusedUsages]),
      exclusive: z.boolean(),
      labels: labelsSchema,
      values: z.array(
        z.object({
          tag: z.string(),
          value: z.string().nullable(),
          numericalValue: z.number().nullable(),
          labels: labelsSchema,
        }),
      ),
    }),
  ),
});
export type TaxonomyView = z.infer<typeof taxonomyViewSchema>;

export function taxonomyView(pkg: TaxonomyPackage): TaxonomyView {
  return {
    namespace: pkg.machinetag.namespace,
    version: pkg.machinetag.version,
    labels: pkg.labels.taxonomy,
    predicates: taxonomyPredicates(pkg).map((p) => ({
      namespace: p.namespace,
      predicate: p.predicate,
      usage: p.usage,
      exclusive: p.exclusive,
      labels: p.labels,
      values: p.values.map((v) => ({ tag: v.tag, value: v.value, numericalValue: v.numericalValue, labels: v.labels })),
    })),
  };
}
