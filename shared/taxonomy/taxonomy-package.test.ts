import { describe, expect, it } from 'vitest';
import { copyPackage, evolve, rawBuiltin, version2 } from '../test-support/taxonomy-evolve';
import { builtinTaxonomy } from './builtin-taxonomy';
import { parseTaxonomyPackage } from './parse-taxonomy-package';
import { taxonomyPredicates } from './tags';
import { languages } from './taxonomy-package';

const problemsOf = (raw: unknown) => {
  const r = parseTaxonomyPackage(raw);
  return r.ok ? [] : r.problems;
};

describe('the built-in taxonomy', () => {
  const pkg = builtinTaxonomy();

  it('has the agreed predicates, each with values', () => {
    expect(pkg.machinetag.namespace).toBe('nl-obi');
    expect(pkg.machinetag.predicates.map((p) => p.value)).toEqual([
      'state-actor',
      'objective',
      'actor-type',
      'modus-operandi',
      'target',
      'community',
      'channel',
      'effect',
      'severity',
      'reporting',
    ]);
    for (const p of pkg.machinetag.predicates) expect(pkg.machinetag.values?.find((v) => v.predicate === p.value)?.entry?.length, p.value).toBeGreaterThan(0);
  });

  it('makes only severity exclusive: a signal may carry several values of every other dimension', () => {
    const exclusive = pkg.machinetag.predicates.filter((p) => p.exclusive).map((p) => p.value);
    expect(exclusive).toEqual(['severity']);
    expect(pkg.machinetag.exclusive).toBe(false);
  });

  it('defines severity as four numbered levels', () => {
    const levels = pkg.machinetag.values?.find((v) => v.predicate === 'severity')?.entry;
    expect(levels?.map((e) => [e.value, e.numerical_value])).toEqual([
      ['1', 1],
      ['2', 2],
      ['3', 3],
      ['4', 4],
    ]);
  });

  it('names state actors by ISO code, starting with unknown', () => {
    const states = pkg.machinetag.values?.find((v) => v.predicate === 'state-actor')?.entry?.map((e) => e.value) ?? [];
    expect(states[0]).toBe('unknown');
    expect(states).toEqual(expect.arrayContaining(['IR', 'CN', 'RU', 'ER', 'SY', 'SA', 'TR', 'NL']));
    for (const s of states.slice(1)) expect(s).toMatch(/^[A-Z]{2}$/);
  });

  it('reuses admiralty-scale for grading, TLP for marking and workflow for review states', () => {
    expect(pkg.reused.map((r) => [r.namespace, r.usage])).toEqual([
      ['admiralty-scale', 'grading'],
      ['tlp', 'marking'],
      ['workflow', 'workflow'],
    ]);
  });

  it('labels and defines every predicate and value in Dutch and English, in one sentence each', () => {
    let count = 0;
    for (const p of taxonomyPredicates(pkg)) {
      for (const labels of [p.labels, ...p.values.map((v) => v.labels)]) {
        for (const lang of languages) {
          const { label, definition } = labels[lang];
          expect(label.trim(), `${p.predicate} ${lang}`).not.toBe('');
          // One sentence: ends with a full stop and has no sentence boundary inside ("St. " is no boundary).
          expect(definition, `${p.predicate} ${lang}: ${definition}`).toMatch(/^[A-Z(].*\.$/);
          expect(definition, `${p.predicate} ${lang}: ${definition}`).not.toMatch(/(?:[a-z]{2}|\))\. [A-Z]/);
          count++;
        }
      }
    }
    expect(count).toBeGreaterThan(2 * 330);
  });

  it('gives distinct labels within a predicate, so a picker never shows two equal choices', () => {
    for (const p of taxonomyPredicates(pkg)) {
      for (const lang of languages) {
        const labels = p.values.map((v) => v.labels[lang].label);
        expect(new Set(labels).size, `${p.predicate} ${lang}`).toBe(labels.length);
      }
    }
  });
});

describe('parseTaxonomyPackage', () => {
  it('accepts a newer version with renamed, merged and retired values', () => {
    expect(problemsOf(version2())).toEqual([]);
  });

  it('refuses what the MISP schema refuses, naming the field', () => {
    const extra = rawBuiltin();
    (extra.machinetag as unknown as Record<string, unknown>).nl = 'labels belong in the sidecar';
    expect(problemsOf(extra)).toEqual([{ path: 'machinetag', message: expect.stringContaining('nl') as string }]);

    const noVersion = rawBuiltin() as unknown as { machinetag: Record<string, unknown> };
    delete noVersion.machinetag.version;
    expect(problemsOf(noVersion)[0]?.path).toBe('machinetag.version');

    const emptyValue = rawBuiltin();
    emptyValue.machinetag.predicates[1]!.value = '';
    expect(problemsOf(emptyValue)[0]).toEqual({ path: 'machinetag.predicates.1.value', message: 'must not be empty' });

    const duplicate = rawBuiltin();
    duplicate.machinetag.predicates.push({ ...duplicate.machinetag.predicates[0]! });
    expect(problemsOf(duplicate)[0]?.message).toBe('duplicate predicate "state-actor"');

    expect(problemsOf({ format: 'something else' }).map((p) => p.path)).toEqual(expect.arrayContaining(['format', 'machinetag', 'labels']));
    expect(problemsOf(null)[0]?.path).toBe('(root)');
  });

  it('refuses another namespace, a predicate without values and values of an unknown predicate', () => {
    const other = rawBuiltin();
    other.machinetag.namespace = 'other';
    expect(problemsOf(other)).toContainEqual({ path: 'machinetag.namespace', message: 'must be "nl-obi"' });

    const noValues = rawBuiltin();
    noValues.machinetag.values = noValues.machinetag.values!.filter((v) => v.predicate !== 'effect');
    expect(problemsOf(noValues)).toContainEqual({ path: 'machinetag.predicates.7', message: 'predicate "effect" has no values' });

    const stray = rawBuiltin();
    stray.machinetag.values!.push({ predicate: 'mood', entry: [{ value: 'sad' }] });
    expect(problemsOf(stray)).toContainEqual({ path: 'machinetag.values.10.predicate', message: '"mood" is not one of the predicates' });

    const spaced = rawBuiltin();
    spaced.machinetag.values![1]!.entry![0]!.value = 'two words';
    expect(problemsOf(spaced)[0]?.path).toBe('machinetag.values.1.entry.0.value');
  });

  it('refuses a value without labels in both languages, and labels of nothing', () => {
    const missing = rawBuiltin();
    delete missing.labels.values.channel!.email;
    expect(problemsOf(missing)).toEqual([{ path: 'labels.values.channel.email', message: 'is missing' }]);

    const half = rawBuiltin() as unknown as { labels: { values: Record<string, Record<string, Record<string, unknown>>> } };
    delete half.labels.values.channel!.email!.nl;
    expect(problemsOf(half)[0]?.path).toBe('labels.values.channel.email.nl');

    const orphan = rawBuiltin();
    orphan.labels.values.channel!.fax = orphan.labels.values.channel!.email!;
    expect(problemsOf(orphan)).toEqual([{ path: 'labels.values.channel.fax', message: 'labels a value that does not exist' }]);
  });

  it('refuses changes that do not add up', () => {
    const base = evolve([{ rename: ['channel', 'email', 'e-mail'] }]);
    const toNowhere = copyPackage(base);
    toNowhere.changes[0]!.to = ['nl-obi:channel="carrier-pigeon"'];
    expect(problemsOf(toNowhere)).toContainEqual({ path: 'changes.0.to', message: 'leads to a value that taxonomy version 3 does not have' });

    const future = copyPackage(base);
    future.changes[0]!.version = 4;
    expect(problemsOf(future)).toContainEqual({ path: 'changes.0.version', message: "is after this taxonomy's version 3" });

    const retiredWithSuccessor = copyPackage(base);
    retiredWithSuccessor.changes[0]!.kind = 'retired';
    expect(problemsOf(retiredWithSuccessor)).toContainEqual({ path: 'changes.0.to', message: 'a retired value has no successor' });

    const mergedIntoTwo = copyPackage(base);
    mergedIntoTwo.changes[0] = { version: 3, kind: 'merged', from: 'nl-obi:channel="email"', to: ['nl-obi:channel="e-mail"', 'nl-obi:channel="social-media"'] };
    expect(problemsOf(mergedIntoTwo)).toContainEqual({ path: 'changes.0.to', message: 'a merged value has exactly one successor' });

    const chainedInOneVersion = evolve([{ rename: ['channel', 'email', 'e-mail'] }, { rename: ['channel', 'e-mail', 'mail'] }]);
    expect(problemsOf(chainedInOneVersion)).toContainEqual({ path: 'changes.1.from', message: 'is also a successor in version 3' });

    const notATag = copyPackage(base);
    notATag.changes[0]!.from = 'email';
    expect(problemsOf(notATag)[0]).toEqual({ path: 'changes.0.from', message: 'must be a machine tag such as nl-obi:predicate="value"' });

    const versionOne = copyPackage(base);
    versionOne.changes[0]!.version = 1;
    expect(problemsOf(versionOne)[0]).toEqual({ path: 'changes.0.version', message: 'must be at least 2: version 1 has no predecessor' });
  });
});
