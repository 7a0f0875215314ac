import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinTaxonomy } from './builtin-taxonomy';
import { checkTag, checkTags, formatTag, listValues, parseTag, valuesOf } from './tags';
import { taxonomyView, taxonomyViewSchema } from './taxonomy-view';

const pkg = builtinTaxonomy();

describe('tags', () => {
  it('parses and formats machine tags, with and without a value', () => {
    expect(parseTag('nl-obi:state-actor="IR"')).toEqual({ namespace: 'nl-obi', predicate: 'state-actor', value: 'IR' });
    expect(parseTag('tlp:amber+strict')).toEqual({ namespace: 'tlp', predicate: 'amber+strict' });
    for (const bad of ['', 'nl-obi', 'nl-obi:', 'nl-obi:state-actor=IR', 'nl-obi:state-actor=""', ':x="y"', 'nl-obi:a b="c"'])
      expect(parseTag(bad), bad).toBeNull();
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z][a-z-]{0,10}$/),
        fc.stringMatching(/^[a-z][a-z-]{0,10}$/),
        fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 +-]{0,10}$/),
        (ns, p, v) => {
          expect(parseTag(formatTag(ns, p, v))).toEqual({ namespace: ns, predicate: p, value: v });
        },
      ),
    );
  });

  it('knows the own values and the reused MISP ones', () => {
    for (const tag of [
      'nl-obi:state-actor="IR"',
      'nl-obi:modus-operandi="coercion-by-proxy-family"',
      'nl-obi:severity="3"',
      'nl-obi:community="uyghur"',
      'admiralty-scale:source-reliability="b"',
      'admiralty-scale:information-credibility="2"',
      'tlp:amber+strict',
      'workflow:state="complete"',
    ]) {
      expect(checkTag(pkg, tag), tag).toMatchObject({ ok: true });
    }
    expect(checkTag(pkg, 'nl-obi:severity="4"')).toMatchObject({
      ok: true,
      value: { numericalValue: 4 },
      predicate: { exclusive: true, usage: 'classification' },
    });
    expect(checkTag(pkg, 'admiralty-scale:source-reliability="a"')).toMatchObject({ ok: true, predicate: { usage: 'grading', exclusive: true } });
  });

  it('says what is wrong with a tag without repeating the unknown text', () => {
    const cases: Array<[string, string]> = [
      ['Yusuf lives at Kerkstraat 1', 'malformed'],
      ['secret-ns:x="Yusuf"', 'unknown_namespace'],
      ['nl-obi:Yusuf="x"', 'unknown_predicate'],
      ['nl-obi:state-actor="Yusuf"', 'unknown_value'],
      ['nl-obi:state-actor', 'value_required'],
      ['admiralty-scale:source-reliability="g"', 'unknown_value'],
    ];
    for (const [tag, problem] of cases) {
      const check = checkTag(pkg, tag);
      expect(check, tag).toMatchObject({ ok: false, problem });
      if (!check.ok) expect(check.message).not.toMatch(/Yusuf|Kerkstraat/);
    }
    expect(checkTag(pkg, 'nl-obi:state-actor="XX"')).toMatchObject({ message: 'has a value that nl-obi:state-actor does not have in taxonomy version 2' });
  });

  it('checks the tags of one record: duplicates, exclusive predicates, exclusive namespaces', () => {
    expect(checkTags(pkg, ['nl-obi:state-actor="IR"', 'nl-obi:state-actor="RU"', 'nl-obi:modus-operandi="spyware-hacking"'])).toEqual([]);
    expect(checkTags(pkg, ['nl-obi:severity="1"', 'nl-obi:severity="2"'])).toEqual([
      { index: 1, problem: 'exclusive', message: 'nl-obi:severity takes one value only' },
    ]);
    expect(checkTags(pkg, ['admiralty-scale:source-reliability="a"', 'admiralty-scale:source-reliability="b"'])[0]?.problem).toBe('exclusive');
    expect(checkTags(pkg, ['nl-obi:channel="email"', 'nl-obi:channel="email"'])).toEqual([{ index: 1, problem: 'duplicate', message: 'is given twice' }]);
    expect(checkTags(pkg, ['nl-obi:channel="fax"'])[0]).toMatchObject({ index: 0, problem: 'unknown_value' });
  });

  it('lists values with labels in the chosen language, and the view carries both', () => {
    const nl = listValues(pkg, 'nl');
    const en = listValues(pkg, 'en');
    const severityNl = nl.find((p) => p.predicate === 'severity')!;
    expect(severityNl).toMatchObject({ namespace: 'nl-obi', label: 'Ernst', exclusive: true });
    expect(severityNl.values.map((v) => v.label)).toEqual(['1 – Laag', '2 – Matig', '3 – Ernstig', '4 – Zeer ernstig']);
    expect(en.find((p) => p.predicate === 'state-actor')!.values.find((v) => v.value === 'IR')).toMatchObject({
      label: 'Iran',
      tag: 'nl-obi:state-actor="IR"',
    });
    expect(nl.find((p) => p.namespace === 'tlp')!.values).toEqual([expect.objectContaining({ tag: 'tlp:amber+strict', value: null })]);
    expect(valuesOf(pkg, 'community')).toContain('eritrean');

    const view = taxonomyView(pkg);
    expect(taxonomyViewSchema.parse(view)).toEqual(view);
    expect(view.predicates).toHaveLength(nl.length);
    expect(view.predicates[0]!.values[1]!.labels).toEqual({ nl: expect.any(Object) as object, en: expect.any(Object) as object });
  });
});
