import { formatTag, taxonomyPredicates } from './tags';
import type { ChangeKind, TaxonomyPackage } from './taxonomy-package';

export const updateChangeKinds = ['predicate_added', 'value_added', 'renamed', 'merged', 'retired'] as const satisfies ReadonlyArray<
  'predicate_added' | 'value_added' | ChangeKind
>;
export type UpdateChangeKind = (typeof updateChangeKinds)[number];

export interface UpdateChange {
  kind: UpdateChangeKind;
  /** The predicate (`nl-obi:objective`) or value tag added, or the value renamed, merged or retired. */
  tag: string;
  /** The successor of a renamed or merged value; empty otherwise. */
  to: string[];
}

/**
 * What a newer package changes for someone who has `current`, for review before it is signed:
 * predicates and values it adds (a new predicate counts once, not with each of its values), then
 * the renamed, merged and retired values its `changes` list after `current`'s version, in order.
 * The successor of a rename is not counted as added: the rename says where it came from.
 */
export function changesOfUpdate(current: TaxonomyPackage, next: TaxonomyPackage): UpdateChange[] {
  const since = current.machinetag.version;
  const listed = next.changes
    .filter((c) => c.version > since)
    .sort((a, b) => a.version - b.version)
    .map((c): UpdateChange => ({ kind: c.kind, tag: c.from, to: [...c.to] }));
  const successors = new Set(listed.flatMap((c) => c.to));
  const before = taxonomyPredicates(current);
  const predicatesBefore = new Set(before.map((p) => formatTag(p.namespace, p.predicate)));
  const tagsBefore = new Set(before.flatMap((p) => p.values.map((v) => v.tag)));
  const added = taxonomyPredicates(next).flatMap((p): UpdateChange[] => {
    const predicate = formatTag(p.namespace, p.predicate);
    if (!predicatesBefore.has(predicate)) return [{ kind: 'predicate_added', tag: predicate, to: [] }];
    return p.values.filter((v) => !tagsBefore.has(v.tag) && !successors.has(v.tag)).map((v) => ({ kind: 'value_added', tag: v.tag, to: [] }));
  });
  return [...added, ...listed];
}
