import { tagPattern, taxonomyNamespace, type Labels, type ReusedUsage, type TaxonomyPackage } from './taxonomy-package';

/** What a tag is used for: the project's own classification, or one of the reused MISP taxonomies. */
export type TagUsage = 'classification' | ReusedUsage;

export interface ParsedTag {
  namespace: string;
  predicate: string;
  /** Absent for MISP taxonomies whose predicates are the values (TLP). */
  value?: string;
}

export function parseTag(tag: string): ParsedTag | null {
  const m = tagPattern.exec(tag);
  if (!m) return null;
  return m[3] === undefined ? { namespace: m[1]!, predicate: m[2]! } : { namespace: m[1]!, predicate: m[2]!, value: m[3] };
}

export function formatTag(namespace: string, predicate: string, value?: string): string {
  return value === undefined ? `${namespace}:${predicate}` : `${namespace}:${predicate}="${value}"`;
}

export interface ValueInfo {
  tag: string;
  value: string | null;
  numericalValue: number | null;
  labels: Labels;
}

export interface PredicateInfo {
  namespace: string;
  predicate: string;
  usage: TagUsage;
  /** A signal carries at most one value of this predicate. */
  exclusive: boolean;
  /** A signal carries at most one predicate of this namespace (TLP). */
  namespaceExclusive: boolean;
  labels: Labels;
  values: ValueInfo[];
}

interface TaxonomyIndex {
  predicates: PredicateInfo[];
  byPredicate: Map<string, PredicateInfo>;
  byTag: Map<string, { predicate: PredicateInfo; value: ValueInfo }>;
  namespaces: Set<string>;
}

const indexes = new WeakMap<TaxonomyPackage, TaxonomyIndex>();

function buildIndex(pkg: TaxonomyPackage): TaxonomyIndex {
  const { machinetag, labels } = pkg;
  const predicates: PredicateInfo[] = machinetag.predicates.map((p) => {
    const entries = machinetag.values?.find((v) => v.predicate === p.value)?.entry ?? [];
    return {
      namespace: machinetag.namespace,
      predicate: p.value,
      usage: 'classification',
      exclusive: p.exclusive ?? false,
      namespaceExclusive: machinetag.exclusive ?? false,
      labels: labels.predicates[p.value]!,
      values: entries.map((e) => ({
        tag: formatTag(machinetag.namespace, p.value, e.value),
        value: e.value,
        numericalValue: e.numerical_value ?? null,
        labels: labels.values[p.value]![e.value]!,
      })),
    };
  });
  for (const r of pkg.reused) {
    for (const p of r.predicates) {
      predicates.push({
        namespace: r.namespace,
        predicate: p.value,
        usage: r.usage,
        exclusive: p.exclusive ?? false,
        namespaceExclusive: r.exclusive ?? false,
        labels: p.labels,
        // A predicate without entries is itself the value (tlp:amber+strict).
        values: p.entries
          ? p.entries.map((e) => ({ tag: formatTag(r.namespace, p.value, e.value), value: e.value, numericalValue: null, labels: e.labels }))
          : [{ tag: formatTag(r.namespace, p.value), value: null, numericalValue: null, labels: p.labels }],
      });
    }
  }
  const byPredicate = new Map(predicates.map((p) => [`${p.namespace}:${p.predicate}`, p]));
  const byTag = new Map(predicates.flatMap((p) => p.values.map((v) => [v.tag, { predicate: p, value: v }] as const)));
  return { predicates, byPredicate, byTag, namespaces: new Set(predicates.map((p) => p.namespace)) };
}

/** Every predicate of the package (own first, then the reused ones) with its values and labels. */
export function taxonomyPredicates(pkg: TaxonomyPackage): readonly PredicateInfo[] {
  let index = indexes.get(pkg);
  if (!index) {
    index = buildIndex(pkg);
    indexes.set(pkg, index);
  }
  return index.predicates;
}

function indexOf(pkg: TaxonomyPackage): TaxonomyIndex {
  taxonomyPredicates(pkg);
  return indexes.get(pkg)!;
}

export const isKnownTag = (pkg: TaxonomyPackage, tag: string): boolean => indexOf(pkg).byTag.has(tag);

export type TagProblem = 'malformed' | 'unknown_namespace' | 'unknown_predicate' | 'unknown_value' | 'value_required' | 'duplicate' | 'exclusive';

export type TagCheck = { ok: true; predicate: PredicateInfo; value: ValueInfo } | { ok: false; problem: TagProblem; message: string };

/**
 * Checks one tag against the package. Messages name the namespace and predicate when they are
 * known, never the unknown text itself: a tag comes from user input and might hold anything.
 */
export function checkTag(pkg: TaxonomyPackage, tag: string): TagCheck {
  const index = indexOf(pkg);
  const hit = index.byTag.get(tag);
  if (hit) return { ok: true, ...hit };
  const parsed = parseTag(tag);
  const version = pkg.machinetag.version;
  if (!parsed) return { ok: false, problem: 'malformed', message: 'is not a machine tag of the form namespace:predicate="value"' };
  if (!index.namespaces.has(parsed.namespace)) {
    return { ok: false, problem: 'unknown_namespace', message: `uses a namespace that taxonomy version ${version} does not know` };
  }
  const predicate = index.byPredicate.get(`${parsed.namespace}:${parsed.predicate}`);
  if (!predicate) {
    return { ok: false, problem: 'unknown_predicate', message: `uses a predicate that ${parsed.namespace} (taxonomy version ${version}) does not have` };
  }
  const name = `${predicate.namespace}:${predicate.predicate}`;
  if (parsed.value === undefined) return { ok: false, problem: 'value_required', message: `needs a value: ${name}="…"` };
  return { ok: false, problem: 'unknown_value', message: `has a value that ${name} does not have in taxonomy version ${version}` };
}

export interface TagSetProblem {
  /** Position of the offending tag in the list. */
  index: number;
  problem: TagProblem;
  message: string;
}

/** Checks the tags of one record: each must be known, none repeated, exclusive predicates once. */
export function checkTags(pkg: TaxonomyPackage, tags: readonly string[]): TagSetProblem[] {
  const problems: TagSetProblem[] = [];
  const seen = new Set<string>();
  const perPredicate = new Map<string, number>();
  const perNamespace = new Map<string, number>();
  tags.forEach((tag, index) => {
    if (seen.has(tag)) {
      problems.push({ index, problem: 'duplicate', message: 'is given twice' });
      return;
    }
    seen.add(tag);
    const check = checkTag(pkg, tag);
    if (!check.ok) {
      problems.push({ index, problem: check.problem, message: check.message });
      return;
    }
    const { namespace, predicate, exclusive, namespaceExclusive } = check.predicate;
    const key = `${namespace}:${predicate}`;
    if (exclusive && perPredicate.has(key)) problems.push({ index, problem: 'exclusive', message: `${key} takes one value only` });
    if (namespaceExclusive && perNamespace.has(namespace)) problems.push({ index, problem: 'exclusive', message: `${namespace} takes one tag only` });
    perPredicate.set(key, index);
    perNamespace.set(namespace, index);
  });
  return problems;
}

export interface ValueChoice {
  tag: string;
  value: string | null;
  numericalValue: number | null;
  label: string;
  definition: string;
}

export interface PredicateChoice {
  namespace: string;
  predicate: string;
  usage: TagUsage;
  exclusive: boolean;
  label: string;
  definition: string;
  values: ValueChoice[];
}

/** The values of every predicate with their label and definition in one language, for pickers. */
export function listValues(pkg: TaxonomyPackage, language: 'nl' | 'en'): PredicateChoice[] {
  return taxonomyPredicates(pkg).map((p) => ({
    namespace: p.namespace,
    predicate: p.predicate,
    usage: p.usage,
    exclusive: p.exclusive,
    label: p.labels[language].label,
    definition: p.labels[language].definition,
    values: p.values.map((v) => ({
      tag: v.tag,
      value: v.value,
      numericalValue: v.numericalValue,
      label: v.labels[language].label,
      definition: v.labels[language].definition,
    })),
  }));
}

/** The values of one predicate of the project's own namespace, e.g. the communities of a meeting. */
export function valuesOf(pkg: TaxonomyPackage, predicate: string): string[] {
  return (
    indexOf(pkg)
      .byPredicate.get(`${taxonomyNamespace}:${predicate}`)
      ?.values.map((v) => v.value!) ?? []
  );
}
