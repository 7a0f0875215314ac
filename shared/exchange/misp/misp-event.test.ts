import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { figureDimensions, type PublishedFigure } from '../../central/published-figure';
import { builtinTaxonomy } from '../../taxonomy/builtin-taxonomy';
import { publishedFigures, reportPeriod, withObjective } from '../../test-support/period-fixtures';
import { buildMispEvent, type MispEvent, type MispEventInput, type MispObject } from './misp-event';
import template from './objects/obi-fenomeenbeeld-figure/definition.json';

const taxonomy = withObjective(builtinTaxonomy());
const input: MispEventInput = {
  id: '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b',
  period: reportPeriod,
  figures: publishedFigures,
  now: new Date('2027-01-05T14:37:12.000Z'),
};

const valueOf = (object: MispObject, relation: string) => object.Attribute.find((a) => a.object_relation === relation)?.value;

/** The figures an analyst gets back from the event: per object its table, values and counter. */
function figuresIn(event: MispEvent): Array<Pick<PublishedFigure, 'table' | 'values' | 'count'>> {
  const relations: Record<string, string> = { stateActor: 'state-actor', modusOperandi: 'modus-operandi' };
  return event.Event.Object.map((o) => ({
    table: valueOf(o, 'table')!,
    values: Object.fromEntries(figureDimensions.flatMap((d) => (valueOf(o, relations[d] ?? d) === undefined ? [] : [[d, valueOf(o, relations[d] ?? d)!]]))),
    count: Number(valueOf(o, 'conversations')),
  }));
}

const published = (figures: readonly PublishedFigure[]) =>
  figures.filter((f) => f.count !== null).map(({ table, values, count }) => ({ table, values, count }));

describe('the MISP event of a report', () => {
  it('gives back every published figure from its counters, and no suppressed one', () => {
    const event = buildMispEvent(input, taxonomy);
    expect(figuresIn(event)).toEqual(published(publishedFigures));
    // Added up per table, the counters are the published figures added up.
    const sums = (rows: Array<{ table: string; count: number | null }>) =>
      rows.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.table]: (acc[r.table] ?? 0) + (r.count ?? 0) }), {});
    const counters = event.Event.Object.map((o) => ({ table: valueOf(o, 'table')!, count: Number(valueOf(o, 'conversations')) }));
    expect(sums(counters)).toEqual(sums(publishedFigures));
    expect(sums(counters)).toEqual({
      byStateActor: 23,
      byObjective: 12,
      byModusOperandi: 12,
      byRegion: 12,
      byOrganisation: 18,
      'stateActor×modusOperandi': 12,
      byChannel: 0,
    });
    const text = JSON.stringify(event);
    for (const hidden of ['"China"', 'nl-obi:state-actor=\\"CN\\"', '"BZ"', '"NCTV"']) expect(text, hidden).not.toContain(hidden);
  });

  it('tags the event tlp:amber+strict and with the nl-obi tag of every value it counts', () => {
    const event = buildMispEvent(input, taxonomy);
    expect(event.Event.Tag.map((t) => t.name)).toEqual([
      'tlp:amber+strict',
      'nl-obi:channel="via-family-in-origin-country"',
      'nl-obi:modus-operandi="coercion-by-proxy-family"',
      'nl-obi:objective="silence-critics"',
      'nl-obi:state-actor="IR"',
    ]);
    const cross = event.Event.Object.find((o) => valueOf(o, 'table') === 'stateActor×modusOperandi')!;
    const tags = ['nl-obi:state-actor="IR"', 'nl-obi:modus-operandi="coercion-by-proxy-family"'].map((name) => ({ name }));
    expect(cross.Attribute.find((a) => a.object_relation === 'conversations')).toMatchObject({ type: 'counter', value: '12', Tag: tags });
    expect(cross.Attribute.find((a) => a.object_relation === 'state-actor')).toMatchObject({ value: 'IR', comment: 'Iran', Tag: [tags[0]] });
    // Values outside the taxonomy, and places and organisations, are attributes without a tag.
    const several = event.Event.Object.find((o) => valueOf(o, 'state-actor') === 'multiple')!;
    expect(several.Attribute.every((a) => a.Tag === undefined)).toBe(true);
    expect(event.Event).toMatchObject({ distribution: '0', published: false, date: '2026-12-31', timestamp: '1799159832', uuid: input.id });
  });

  it('carries the period and the place as attributes, each figure an object of our template', () => {
    const event = buildMispEvent(input, taxonomy);
    for (const o of event.Event.Object) {
      expect(o).toMatchObject({ name: template.name, template_uuid: template.uuid, template_version: String(template.version) });
      expect(valueOf(o, 'period')).toBe('2026-Q4');
      expect(valueOf(o, 'period-start')).toBe('2026-10-01T00:00:00Z');
      expect(valueOf(o, 'period-end')).toBe('2026-12-31T23:59:59Z');
      for (const a of o.Attribute) expect(a.type).toBe(template.attributes[a.object_relation as keyof typeof template.attributes]['misp-attribute']);
    }
    expect(
      valueOf(
        event.Event.Object.find((o) => valueOf(o, 'table') === 'byRegion')!,
        'region',
      ),
    ).toBe('Oost');
    expect(new Set(event.Event.Object.flatMap((o) => [o.uuid, ...o.Attribute.map((a) => a.uuid)])).size).toBe(
      event.Event.Object.reduce((n, o) => n + 1 + o.Attribute.length, 0),
    );
    expect(buildMispEvent(input, taxonomy)).toEqual(event);
  });

  it('adds up to the published figures for any report (property)', () => {
    const dimension = fc.constantFrom('stateActor', 'modusOperandi', 'channel', 'region', 'target');
    const value = fc.constantFrom('IR', 'CN', 'multiple', 'unknown', 'Utrecht', 'coercion-by-proxy-family', 'any');
    const figure = fc.record({
      table: fc.constantFrom('byStateActor', 'byRegion', 'stateActor×modusOperandi'),
      values: fc.dictionary(dimension, value, { minKeys: 1, maxKeys: 3 }),
      count: fc.option(fc.nat({ max: 10_000 }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(figure, { selector: (f) => JSON.stringify([f.table, Object.entries(f.values).sort()]), maxLength: 30 }), (drawn) => {
        const figures: PublishedFigure[] = drawn.map((f) => ({ ...f, label: 'figure', ...(f.count === null ? { suppressed: true as const } : {}) }));
        const event = buildMispEvent({ ...input, figures }, taxonomy);
        const total = (rows: Array<{ count: number | null }>) => rows.reduce((n, r) => n + (r.count ?? 0), 0);
        expect(event.Event.Object).toHaveLength(published(figures).length);
        expect(total(figuresIn(event))).toBe(total(figures));
        expect(figuresIn(event)).toEqual(published(figures));
      }),
      { numRuns: 100 },
    );
  });

  it('refuses input that breaks the contract, naming the field', () => {
    const first = publishedFigures[0]!;
    const refused = (figures: unknown[]) => () => buildMispEvent({ ...input, figures: figures as PublishedFigure[] }, taxonomy);
    expect(refused([{ ...first, count: null }])).toThrow(/^buildMispEvent: figures\.0\.count: must be null exactly when the figure is suppressed$/);
    expect(refused([{ ...first, suppressed: true }])).toThrow(/figures\.0\.count/);
    expect(refused([{ ...first, count: 2.5 }])).toThrow(/figures\.0\.count/);
    expect(refused([{ ...first, values: { country: 'IR' } }])).toThrow(/figures\.0\.values/);
    expect(refused([{ ...first, table: 'by\nStateActor' }])).toThrow(/figures\.0\.table/);
    expect(refused([first, { ...first, label: 'again' }])).toThrow(/figures\.1: appears twice/);
    expect(() => buildMispEvent({ ...input, id: 'fenomeenbeeld' }, taxonomy)).toThrow(/^buildMispEvent: id:/);
    expect(() => buildMispEvent({ ...input, period: { ...reportPeriod, label: '2026-Q5' } }, taxonomy)).toThrow(/period\.label/);
  });
});
