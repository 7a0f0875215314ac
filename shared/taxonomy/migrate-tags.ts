import { isKnownTag, taxonomyPredicates } from './tags';
import type { ChangeKind, TaxonomyPackage } from './taxonomy-package';

export interface AppliedTagChange {
  /** The taxonomy version in which the change took effect. */
  version: number;
  kind: ChangeKind;
  from: string;
  to: string[];
}

export interface MigratedTags {
  tags: string[];
  /** The taxonomy version the tags now belong to. */
  version: number;
  /** Every change applied, in order; a value renamed in one version and merged in a later one appears twice. */
  changes: AppliedTagChange[];
}

/**
 * Brings tags made with taxonomy version `fromVersion` to the package's version by applying, in
 * version order, every change after `fromVersion`. A renamed or merged value is replaced by its
 * successor in the same position (once, if the successor is already there); a retired value is
 * removed. Tags no change mentions are kept as they are. Tags from a version newer than the
 * package are returned unchanged.
 */
export function migrateTags(tags: readonly string[], fromVersion: number, pkg: TaxonomyPackage): MigratedTags {
  const target = pkg.machinetag.version;
  let current = [...new Set(tags)];
  if (fromVersion >= target) return { tags: current, version: fromVersion, changes: [] };
  const changes: AppliedTagChange[] = [];
  const steps = pkg.changes.filter((c) => c.version > fromVersion && c.version <= target).sort((a, b) => a.version - b.version);
  for (const step of steps) {
    const at = current.indexOf(step.from);
    if (at < 0) continue;
    const successors = step.to.filter((t) => !current.includes(t));
    current = [...current.slice(0, at), ...successors, ...current.slice(at + 1)];
    changes.push({ version: step.version, kind: step.kind, from: step.from, to: [...step.to] });
  }
  return { tags: current, version: target, changes };
}

/**
 * Tags of `previous` that have no place in `next`: they are gone from it and no change of `next`
 * renames, merges or retires them. A newer taxonomy must account for every value it drops, or
 * tags already in the vault would silently become unknown.
 */
export function tagsWithoutSuccessor(previous: TaxonomyPackage, next: TaxonomyPackage): string[] {
  const from = previous.machinetag.version;
  return taxonomyPredicates(previous)
    .flatMap((p) => p.values.map((v) => v.tag))
    .filter((tag) => migrateTags([tag], from, next).tags.some((t) => !isKnownTag(next, t)));
}
