import { migrateTags } from '../../../shared/taxonomy/migrate-tags';
import { formatTag, parseTag } from '../../../shared/taxonomy/tags';
import { taxonomyNamespace, type TaxonomyPackage } from '../../../shared/taxonomy/taxonomy-package';
import type { CellValues } from './central-store';

/**
 * A released cell's taxonomy dimensions as machine tags and back, so cells of an older taxonomy
 * version are migrated by the same rules as every tagged record (shared/taxonomy/migrate-tags.ts).
 * Values that are no taxonomy value ('unknown', 'multiple', 'any', a target group) pass through
 * unchanged: no change names them.
 */

const predicates = { stateActor: 'state-actor', objective: 'objective', modusOperandi: 'modus-operandi', target: 'target', channel: 'channel' } as const;
type Dimension = keyof typeof predicates;
const dimensions = Object.keys(predicates) as Dimension[];

export function cellTags(values: CellValues): string[] {
  return dimensions.flatMap((d) => {
    const value = values[d];
    return value === undefined ? [] : [formatTag(taxonomyNamespace, predicates[d], value)];
  });
}

/**
 * The values the migrated tags give. A value retired without successor becomes 'unknown'; one
 * split into several successors becomes 'multiple', as the aggregation writes a cell over several.
 */
export function valuesFromTags(tags: readonly string[], before: CellValues): CellValues {
  const found = (d: Dimension): string | undefined => {
    if (before[d] === undefined) return undefined;
    const values = tags.flatMap((t) => {
      const parsed = parseTag(t);
      return parsed && parsed.namespace === taxonomyNamespace && parsed.predicate === predicates[d] && parsed.value !== undefined ? [parsed.value] : [];
    });
    return values.length === 0 ? 'unknown' : values.length === 1 ? values[0] : 'multiple';
  };
  const objective = found('objective');
  return {
    stateActor: found('stateActor')!,
    ...(objective === undefined ? {} : { objective }),
    modusOperandi: found('modusOperandi')!,
    target: found('target')!,
    channel: found('channel')!,
  };
}

/** The cell's values brought from `fromVersion` to the package's version. */
export function migrateCellValues(
  values: CellValues,
  fromVersion: number,
  taxonomy: TaxonomyPackage,
): { values: CellValues; version: number; changed: boolean } {
  const migrated = migrateTags(cellTags(values), fromVersion, taxonomy);
  return { values: valuesFromTags(migrated.tags, values), version: migrated.version, changed: migrated.changes.length > 0 };
}
