import { builtinPackageSource } from '../taxonomy/builtin-taxonomy';
import { formatPackageProblems, parseTaxonomyPackage } from '../taxonomy/parse-taxonomy-package';
import { formatTag } from '../taxonomy/tags';
import { taxonomyNamespace, type ChangeKind, type LabelSidecar, type MachineTag, type TaxonomyPackage } from '../taxonomy/taxonomy-package';

/** A taxonomy package as plain, editable JSON, for tests that need other versions. */
export interface RawPackage {
  format: string;
  machinetag: MachineTag;
  labels: LabelSidecar;
  reused: unknown[];
  changes: Array<{ version: number; kind: ChangeKind; from: string; to: string[] }>;
}

export const copyPackage = (pkg: RawPackage): RawPackage => JSON.parse(JSON.stringify(pkg)) as RawPackage;

export const rawBuiltin = (): RawPackage => JSON.parse(JSON.stringify(builtinPackageSource)) as RawPackage;

const tag = (predicate: string, value: string) => formatTag(taxonomyNamespace, predicate, value);

function entries(pkg: RawPackage, predicate: string) {
  const block = pkg.machinetag.values?.find((v) => v.predicate === predicate);
  if (!block?.entry) throw new Error(`no values for ${predicate}`);
  return block.entry;
}

/** One step of a newer version, as the central point would make it. */
export type Edit =
  | { rename: [predicate: string, from: string, to: string] }
  | { merge: [predicate: string, from: string, into: string] }
  | { retire: [predicate: string, value: string] };

/** The next version of `base` (default: the built-in taxonomy) with the given edits and their change entries. */
export function evolve(edits: Edit[], base: RawPackage = rawBuiltin(), version = base.machinetag.version + 1): RawPackage {
  const pkg = copyPackage(base);
  pkg.machinetag.version = version;
  for (const edit of edits) {
    if ('rename' in edit) {
      const [p, from, to] = edit.rename;
      const entry = entries(pkg, p).find((e) => e.value === from)!;
      entry.value = to;
      delete entry.uuid;
      const labels = pkg.labels.values[p]!;
      labels[to] = labels[from]!;
      delete labels[from];
      pkg.changes.push({ version, kind: 'renamed', from: tag(p, from), to: [tag(p, to)] });
    } else {
      const [p, value, into] = 'merge' in edit ? edit.merge : [...edit.retire, undefined];
      const list = entries(pkg, p);
      list.splice(
        list.findIndex((e) => e.value === value),
        1,
      );
      delete pkg.labels.values[p]![value];
      pkg.changes.push(
        into === undefined ? { version, kind: 'retired', from: tag(p, value), to: [] } : { version, kind: 'merged', from: tag(p, value), to: [tag(p, into)] },
      );
    }
  }
  return pkg;
}

/** Tags of the built-in taxonomy that `version2` renames, merges and retires, and two it keeps. */
export const sampleTags = {
  email: 'nl-obi:channel="email"',
  eMail: 'nl-obi:channel="e-mail"',
  travel: 'nl-obi:effect="travel-avoidance"',
  withdrawal: 'nl-obi:effect="withdrawal-from-activity"',
  other: 'nl-obi:reporting="not-reported-other"',
  iran: 'nl-obi:state-actor="IR"',
};

/** Version 2 of the built-in taxonomy: one value renamed, one merged into another, one retired. */
export const version2 = (): RawPackage =>
  evolve([
    { rename: ['channel', 'email', 'e-mail'] },
    { merge: ['effect', 'travel-avoidance', 'withdrawal-from-activity'] },
    { retire: ['reporting', 'not-reported-other'] },
  ]);

export function parsed(raw: RawPackage): TaxonomyPackage {
  const result = parseTaxonomyPackage(raw);
  if (!result.ok) throw new Error(formatPackageProblems(result.problems));
  return result.taxonomy;
}
