import type { z } from 'zod';
import { migrateTags } from './migrate-tags';
import { isKnownTag } from './tags';
import { taxonomyNamespace, taxonomyPackageSchema, type TaxonomyPackage } from './taxonomy-package';

export interface PackageProblem {
  /** Dotted path of the field at fault, e.g. `machinetag.predicates.2.value`. */
  path: string;
  message: string;
}

export type PackageParse = { ok: true; taxonomy: TaxonomyPackage } | { ok: false; problems: PackageProblem[] };

const predicateName = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const valueName = /^[A-Za-z0-9]+(?:[-+.][A-Za-z0-9]+)*$/;

const pathOf = (path: ReadonlyArray<PropertyKey>) => (path.length === 0 ? '(root)' : path.map(String).join('.'));

/**
 * Checks a candidate taxonomy package: the MISP schema's constraints, then what this app relies on:
 * the `nl-obi` namespace, names that fit in a tag, values for every predicate, a label and a
 * definition in both languages for every predicate and value (and none for what does not exist),
 * and changes that end in values of this version.
 */
export function parseTaxonomyPackage(raw: unknown): PackageParse {
  const parsed = taxonomyPackageSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((i: z.core.$ZodIssue) => ({ path: pathOf(i.path), message: i.message })) };
  }
  // The schema has no defaults or transforms, so the checked input is the value; keeping the input
  // keeps the key order of the file, and `obi taxonomy show --json` prints it unchanged.
  const taxonomy = raw as TaxonomyPackage;
  const problems = [...structureProblems(taxonomy), ...labelProblems(taxonomy)];
  if (problems.length === 0) problems.push(...changeProblems(taxonomy));
  return problems.length > 0 ? { ok: false, problems } : { ok: true, taxonomy };
}

function structureProblems({ machinetag: mt, reused }: TaxonomyPackage): PackageProblem[] {
  const problems: PackageProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path: `machinetag.${path}`, message });
  if (mt.namespace !== taxonomyNamespace) add('namespace', `must be "${taxonomyNamespace}"`);
  if (mt.version < 1) add('version', 'must be at least 1');
  const declared = new Set(mt.predicates.map((p) => p.value));
  mt.predicates.forEach((p, i) => {
    if (!predicateName.test(p.value)) add(`predicates.${i}.value`, 'must be lowercase letters and digits joined by hyphens');
    if (!mt.values?.some((v) => v.predicate === p.value && v.entry)) add(`predicates.${i}`, `predicate "${p.value}" has no values`);
  });
  mt.values?.forEach((v, i) => {
    if (!declared.has(v.predicate)) add(`values.${i}.predicate`, `"${v.predicate}" is not one of the predicates`);
    v.entry?.forEach((e, j) => {
      if (!valueName.test(e.value)) add(`values.${i}.entry.${j}.value`, 'must be letters and digits joined by "-", "+" or "."');
    });
  });
  reused.forEach((r, i) => {
    if (r.namespace === taxonomyNamespace)
      problems.push({ path: `reused.${i}.namespace`, message: `"${taxonomyNamespace}" is this taxonomy, not a reused one` });
  });
  return problems;
}

function labelProblems({ machinetag: mt, labels }: TaxonomyPackage): PackageProblem[] {
  const problems: PackageProblem[] = [];
  const predicates = mt.predicates.map((p) => p.value);
  for (const p of predicates) {
    if (!Object.hasOwn(labels.predicates, p)) problems.push({ path: `labels.predicates.${p}`, message: 'is missing' });
    const entries = mt.values?.find((v) => v.predicate === p)?.entry ?? [];
    const labelled = Object.hasOwn(labels.values, p) ? labels.values[p]! : {};
    for (const e of entries) {
      if (!Object.hasOwn(labelled, e.value)) problems.push({ path: `labels.values.${p}.${e.value}`, message: 'is missing' });
    }
    for (const v of Object.keys(labelled)) {
      if (!entries.some((e) => e.value === v)) problems.push({ path: `labels.values.${p}.${v}`, message: 'labels a value that does not exist' });
    }
  }
  for (const p of Object.keys(labels.predicates)) {
    if (!predicates.includes(p)) problems.push({ path: `labels.predicates.${p}`, message: 'labels a predicate that does not exist' });
  }
  for (const p of Object.keys(labels.values)) {
    if (!predicates.includes(p)) problems.push({ path: `labels.values.${p}`, message: 'labels a predicate that does not exist' });
  }
  return problems;
}

function changeProblems(pkg: TaxonomyPackage): PackageProblem[] {
  const problems: PackageProblem[] = [];
  const version = pkg.machinetag.version;
  pkg.changes.forEach((c, i) => {
    const at = (field: string, message: string) => problems.push({ path: `changes.${i}.${field}`, message });
    if (c.version > version) at('version', `is after this taxonomy's version ${version}`);
    const sameVersion = pkg.changes.filter((o) => o.version === c.version);
    if (sameVersion.filter((o) => o.from === c.from).length > 1) at('from', `is changed twice in version ${c.version}`);
    // Within one version a successor may not itself be changed: the order would decide the result.
    if (sameVersion.some((o) => o.to.includes(c.from))) at('from', `is also a successor in version ${c.version}`);
    if (c.version <= version && migrateTags([c.from], c.version - 1, pkg).tags.some((t) => !isKnownTag(pkg, t))) {
      at('to', `leads to a value that taxonomy version ${version} does not have`);
    }
  });
  return problems;
}

/** One line naming the first problems, for the CLI and error messages. */
export function formatPackageProblems(problems: PackageProblem[], max = 3): string {
  const shown = problems.slice(0, max).map((p) => `${p.path}: ${p.message}`);
  const more = problems.length > max ? `; and ${problems.length - max} more` : '';
  return shown.join('; ') + more;
}
