import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { landsdeelOf, municipalities, provinces, type Province } from '../../geo';
import machinetag from '../../taxonomy/nl-obi/machinetag.json';
import { aggregate } from './aggregate';
import { isTargetGroup, targetGroups } from './target-groups';
import { periodLevels, regionLevels, targetLevels, type AggregateOptions, type ApprovedSignal, type ReleasedCell } from './types';

/*
 * Properties of the aggregation for random signal sets and k. The checks below restate the
 * hierarchies on their own (not through the module's helpers), so a wrong label cannot pass by
 * agreeing with itself.
 */

const taxonomyTargets = machinetag.values.find((v) => v.predicate === 'target')!.entry.map((e) => e.value);
const someMunicipalities = ['Amsterdam', 'Zaanstad', 'Utrecht', 'Zeist', 'Groningen', 'Enschede', 'Maastricht', 'Middelburg'].map((name) =>
  municipalities.find((m) => m.name === name)!,
);

const place = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...someMunicipalities).map((m) => ({ municipality: m.name, province: m.province })) },
  { weight: 2, arbitrary: fc.constantFrom(...provinces).map((p) => ({ municipality: null, province: p })) },
  { weight: 1, arbitrary: fc.constant({ municipality: null, province: null }) },
);
const dayMs = 86_400_000;
const dateWithin = (days: number) => fc.integer({ min: 0, max: days }).map((d) => new Date(Date.UTC(2026, 11, 20) + d * dayMs).toISOString().slice(0, 10));
const date = dateWithin(420);
// Few values per analysis dimension, so groups of k and more occur; several values and none too.
// Each set spreads its dates over a few days up to more than a year (across a year end), so cells
// at every level occur.
// Conversations come from a pool of varying size: from one meeting with every signal up to one per signal.
const signalSet = fc.tuple(fc.constantFrom(3, 12, 40, 120, 420), fc.constantFrom(1, 4, 30, 1000)).chain(([days, meetings]) =>
  fc
    .array(
      fc.record({
        conversation: fc.integer({ min: 1, max: meetings }).map((n) => `meeting-${n}`),
        objectives: fc.constantFrom<string[]>([], [], ['silence-critics'], ['gather-intelligence', 'silence-critics']),
        stateActors: fc.constantFrom<string[]>(['IR'], ['IR'], ['CN'], ['CN', 'RU'], [], ['unknown', 'ER']),
        modi: fc.constantFrom<string[]>(
          ['intimidation-threats'],
          ['intimidation-threats'],
          ['physical-surveillance'],
          ['intimidation-threats', 'coercion-by-proxy-family'],
        ),
        targets: fc.oneof(fc.constantFrom<string[]>(['activists-dissidents'], ['journalists-media']), fc.subarray(taxonomyTargets, { maxLength: 2 })),
        channels: fc.constantFrom<string[]>(['in-person'], ['in-person'], ['social-media'], []),
        place,
        date: dateWithin(days),
      }),
      { maxLength: 160, size: 'max' },
    )
    .map((list) => list.map(({ place: p, ...rest }, i): ApprovedSignal => ({ id: `s${String(i).padStart(3, '0')}`, ...rest, ...p }))),
);
const kArb = fc.integer({ min: 2, max: 7 });
const oneSignal: ApprovedSignal = {
  id: 'one',
  conversation: 'meeting-0',
  stateActors: ['IR'],
  objectives: [],
  modi: ['intimidation-threats'],
  targets: [],
  channels: ['in-person'],
  municipality: 'Utrecht',
  province: 'Utrecht',
  date: '2026-03-10',
};
const finest = fc.record(
  { region: fc.constantFrom(...regionLevels), period: fc.constantFrom(...periodLevels), target: fc.constantFrom(...targetLevels) },
  { requiredKeys: [] },
) as fc.Arbitrary<NonNullable<AggregateOptions['finest']>>;

const collapse = (values: readonly string[]) => {
  const distinct = [...new Set(values)].filter((v) => v !== 'unknown');
  return distinct.length === 0 ? 'unknown' : distinct.length === 1 ? distinct[0]! : 'multiple';
};
const groupOf = (t: string) => Object.entries(targetGroups).find(([, g]) => (g.members as readonly string[]).includes(t))![0];
const analysisOf = (s: ApprovedSignal) => [collapse(s.stateActors), collapse(s.objectives), collapse(s.modi), collapse(s.channels)].join(' ');
const conversationsOf = (signals: readonly ApprovedSignal[], ids: readonly string[]) => {
  const byId = new Map(signals.map((s) => [s.id, s.conversation]));
  return new Set(ids.map((id) => byId.get(id)!)).size;
};

function regionHolds(cell: ReleasedCell, s: ApprovedSignal): boolean {
  const v = cell.region.value;
  switch (cell.region.level) {
    case 'municipality':
      return s.municipality === v;
    case 'province':
      return s.province === v;
    case 'landsdeel':
      return s.province !== null && landsdeelOf(s.province as Province) === v;
    case 'country':
      return v === 'NL';
  }
}

const utc = (d: string) => Date.parse(`${d}T00:00:00Z`);
const lastDayOfMonth = (d: string) => new Date(Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)), 0)).toISOString().slice(0, 10);

/** The period holds the date and is made of whole units of its level. */
function periodHolds(cell: ReleasedCell, s: ApprovedSignal): boolean {
  const { level, from, to } = cell.period;
  if (!(from <= s.date && s.date <= to)) return false;
  switch (level) {
    case 'day':
      return from === to;
    case 'week':
      return new Date(utc(from)).getUTCDay() === 1 && utc(to) - utc(from) === 6 * dayMs;
    case 'month':
      return from.endsWith('-01') && to === lastDayOfMonth(from);
    case 'quarter':
      return (
        from.endsWith('-01') &&
        ['01', '04', '07', '10'].includes(from.slice(5, 7)) &&
        ['03', '06', '09', '12'].includes(to.slice(5, 7)) &&
        to === lastDayOfMonth(to)
      );
  }
}

function targetHolds(cell: ReleasedCell, s: ApprovedSignal): boolean {
  const values = s.targets.filter((t) => t !== 'unknown');
  const group = values.length === 0 ? 'unknown' : collapse(values.map(groupOf));
  return cell.target === 'any' || cell.target === collapse(s.targets) || cell.target === group;
}

const describeCell = (c: ReleasedCell) => JSON.stringify({ ...c, count: 0 });

describe('aggregate: properties', () => {
  it('releases only cells of at least k conversations, counts conversations, and every signal exactly once: released or carried over', () => {
    fc.assert(
      fc.property(signalSet, kArb, (signals, k) => {
        const a = aggregate(signals, k);
        expect(a.released).toHaveLength(a.cells.length);
        for (const { cell, signalIds } of a.released) {
          expect(a.cells[cell]!.count).toBe(conversationsOf(signals, signalIds));
          expect(a.cells[cell]!.count).toBeGreaterThanOrEqual(k);
        }
        const out = [...a.released.flatMap((r) => r.signalIds), ...a.carriedOver].sort();
        expect(out).toEqual(signals.map((s) => s.id).sort());
      }),
      { numRuns: 300 },
    );
  });

  it("puts every released signal's own date, place, target and tags inside its cell", () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(signalSet, kArb, (signals, k) => {
        const a = aggregate(signals, k);
        const byId = new Map(signals.map((s) => [s.id, s]));
        for (const { cell: index, signalIds } of a.released) {
          const cell = a.cells[index]!;
          seen
            .add(cell.region.level)
            .add(cell.period.level)
            .add(cell.target === 'any' ? 'any' : isTargetGroup(cell.target) ? 'group' : 'specific');
          for (const id of signalIds) {
            const s = byId.get(id)!;
            expect(cell.stateActor).toBe(collapse(s.stateActors));
            expect(cell.objective).toBe(collapse(s.objectives));
            expect(cell.modusOperandi).toBe(collapse(s.modi));
            expect(cell.channel).toBe(collapse(s.channels));
            expect(regionHolds(cell, s), `${id} in ${JSON.stringify(cell.region)}`).toBe(true);
            expect(periodHolds(cell, s), `${id} on ${s.date} in ${JSON.stringify(cell.period)}`).toBe(true);
            expect(targetHolds(cell, s), `${id} with ${s.targets.join(',')} in ${cell.target}`).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
    // The runs must have exercised every level, or the checks above proved less than they say.
    expect([...seen].sort()).toEqual([...regionLevels, ...periodLevels, ...targetLevels].sort());
  });

  it('carries over exactly the combinations of state actor, objective, modus operandi and channel that have fewer than k conversations', () => {
    fc.assert(
      fc.property(signalSet, kArb, (signals, k) => {
        const a = aggregate(signals, k);
        const meetings = new Map<string, Set<string>>();
        for (const s of signals) meetings.set(analysisOf(s), (meetings.get(analysisOf(s)) ?? new Set()).add(s.conversation));
        const carried = new Set(a.carriedOver);
        for (const s of signals) expect(carried.has(s.id)).toBe(meetings.get(analysisOf(s))!.size < k);
      }),
      { numRuns: 200 },
    );
  });

  it('never releases a cell from one meeting, whatever number of identical signals it holds, nor from k - 1 meetings', () => {
    const fewMeetings = fc.tuple(kArb, fc.integer({ min: 1, max: 300 })).chain(([k, copies]) =>
      fc.tuple(
        fc.constant(k),
        fc.integer({ min: 1, max: k - 1 }).chain((meetings) =>
          signalSet.map((signals) =>
            // The random signals, and as many identical ones again, all from at most k - 1 meetings.
            [...signals, ...Array.from({ length: copies }, (_, i) => ({ ...(signals[0] ?? oneSignal), id: `copy-${i}` }))].map((s, i) => ({
              ...s,
              conversation: `meeting-${i % meetings}`,
            })),
          ),
        ),
      ),
    );
    fc.assert(
      fc.property(fewMeetings, ([k, signals]) => {
        const a = aggregate(signals, k);
        expect(a.cells).toEqual([]);
        expect(a.carriedOver).toHaveLength(signals.length);
        expect(aggregate(signals, k, { finest: { period: 'month' } }).cells).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('gives the same output for the same signals in any order, and no two cells alike', () => {
    const shuffled = signalSet.chain((signals) => fc.tuple(fc.constant(signals), fc.shuffledSubarray(signals, { minLength: signals.length })));
    fc.assert(
      fc.property(shuffled, kArb, ([signals, reordered], k) => {
        const a = aggregate(signals, k);
        expect(aggregate(reordered, k)).toEqual(a);
        expect(new Set(a.cells.map(describeCell)).size).toBe(a.cells.length);
      }),
      { numRuns: 150 },
    );
  });

  it('never releases finer than the floor of the options, never below k conversations there, and keeps every property there', () => {
    fc.assert(
      fc.property(signalSet, kArb, finest, (signals, k, floor) => {
        const a = aggregate(signals, k, { finest: floor });
        const byId = new Map(signals.map((s) => [s.id, s]));
        for (const { cell: index, signalIds } of a.released) {
          const cell = a.cells[index]!;
          expect(cell.count).toBe(conversationsOf(signals, signalIds));
          expect(cell.count).toBeGreaterThanOrEqual(k);
          expect(regionLevels.indexOf(cell.region.level)).toBeGreaterThanOrEqual(regionLevels.indexOf(floor.region ?? 'municipality'));
          expect(periodLevels.indexOf(cell.period.level)).toBeGreaterThanOrEqual(periodLevels.indexOf(floor.period ?? 'day'));
          for (const id of signalIds) {
            const s = byId.get(id)!;
            expect(regionHolds(cell, s) && periodHolds(cell, s) && targetHolds(cell, s)).toBe(true);
            if (floor.target === 'any') expect(cell.target).toBe('any');
          }
        }
        const out = [...a.released.flatMap((r) => r.signalIds), ...a.carriedOver].sort();
        expect(out).toEqual(signals.map((s) => s.id).sort());
        // The floor only coarsens: what waits without it waits with it, so it never lets less than k out.
        expect(a.carriedOver).toEqual(aggregate(signals, k).carriedOver);
      }),
      { numRuns: 200 },
    );
  });

  it('holds for one large combination spread over the whole country and more than a year', () => {
    const oneGroup = fc
      .array(fc.record({ targets: fc.subarray(taxonomyTargets, { maxLength: 1 }), place, date }), { minLength: 1, maxLength: 400, size: 'max' })
      .map((list) =>
        list.map(({ place: p, ...rest }, i): ApprovedSignal => ({
          id: `g${i}`,
          conversation: `meeting-${Math.floor(i / 3)}`,
          stateActors: ['CN'],
          objectives: ['gather-intelligence'],
          modi: ['spyware-hacking'],
          channels: ['email'],
          ...rest,
          ...p,
        })),
      );
    fc.assert(
      fc.property(oneGroup, fc.integer({ min: 2, max: 12 }), (signals, k) => {
        const a = aggregate(signals, k);
        const byId = new Map(signals.map((s) => [s.id, s]));
        if (Math.ceil(signals.length / 3) < k) expect(a.carriedOver).toHaveLength(signals.length);
        else expect(a.carriedOver).toEqual([]);
        for (const { cell: index, signalIds } of a.released) {
          expect(conversationsOf(signals, signalIds)).toBeGreaterThanOrEqual(k);
          for (const id of signalIds) expect(periodHolds(a.cells[index]!, byId.get(id)!) && regionHolds(a.cells[index]!, byId.get(id)!)).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });
});
