import { describe, expect, it } from 'vitest';
import { aggregate } from './aggregate';
import { AggregationInputError } from './prepare-signals';
import type { ApprovedSignal } from './types';

const places = {
  Utrecht: { municipality: 'Utrecht', province: 'Utrecht' },
  Amersfoort: { municipality: 'Amersfoort', province: 'Utrecht' },
  Amsterdam: { municipality: 'Amsterdam', province: 'Noord-Holland' },
  Rotterdam: { municipality: 'Rotterdam', province: 'Zuid-Holland' },
  Groningen: { municipality: 'Groningen', province: 'Groningen' },
  Maastricht: { municipality: 'Maastricht', province: 'Limburg' },
} as const;

function signal(id: string, over: Partial<ApprovedSignal> & { place?: keyof typeof places } = {}): ApprovedSignal {
  const { place = 'Utrecht', ...rest } = over;
  return {
    id,
    // Each signal its own conversation unless a test says otherwise.
    conversation: `conversation-${id}`,
    stateActors: ['IR'],
    objectives: [],
    modi: ['intimidation-threats'],
    targets: ['activists-dissidents'],
    channels: ['in-person'],
    ...places[place],
    date: '2026-03-10',
    ...rest,
  };
}

const many = (prefix: string, n: number, over: Parameters<typeof signal>[1] = {}) => Array.from({ length: n }, (_, i) => signal(`${prefix}${i + 1}`, over));
const only = (a: ReturnType<typeof aggregate>) => {
  expect(a.cells).toHaveLength(1);
  return a.cells[0]!;
};

describe('aggregate: the generalisation steps', () => {
  it('releases k signals of one municipality, day and target as they are', () => {
    const a = aggregate(many('s', 3), 3);
    expect(only(a)).toEqual({
      stateActor: 'IR',
      objective: 'unknown',
      modusOperandi: 'intimidation-threats',
      target: 'activists-dissidents',
      channel: 'in-person',
      region: { level: 'municipality', value: 'Utrecht' },
      period: { level: 'day', from: '2026-03-10', to: '2026-03-10' },
      count: 3,
    });
    expect(a.released).toEqual([{ cell: 0, signalIds: ['s1', 's2', 's3'] }]);
    expect(a.carriedOver).toEqual([]);
  });

  it('rolls a city with too few signals up to its province when that reaches k', () => {
    const a = aggregate([...many('u', 2), signal('a1', { place: 'Amersfoort' })], 3);
    expect(only(a)).toMatchObject({ region: { level: 'province', value: 'Utrecht' }, period: { level: 'day' }, count: 3 });
    expect(a.generalisation.region).toBe('province: 1 cell (3 conversations)');
  });

  it('takes the month and the landsdeel when both dates and provinces differ', () => {
    const a = aggregate(
      [signal('u', { date: '2026-03-02' }), signal('m', { place: 'Amsterdam', date: '2026-03-18' }), signal('r', { place: 'Rotterdam', date: '2026-03-31' })],
      3,
    );
    expect(only(a)).toMatchObject({
      region: { level: 'landsdeel', value: 'West' },
      period: { level: 'month', from: '2026-03-01', to: '2026-03-31' },
      count: 3,
    });
  });

  it('rolls up to NL when the landsdelen differ, keeping the day and target since that is the fewest steps', () => {
    const a = aggregate([signal('u'), signal('g', { place: 'Groningen' }), signal('m', { place: 'Maastricht' })], 3);
    expect(only(a)).toMatchObject({ region: { level: 'country', value: 'NL' }, period: { level: 'day' }, target: 'activists-dissidents' });
  });

  it('generalises the target to its group when that alone reaches k, keeping the city and the day', () => {
    const a = aggregate(
      [
        signal('1', { targets: ['activists-dissidents'] }),
        signal('2', { targets: ['journalists-media'] }),
        signal('3', { targets: ['human-rights-defenders'] }),
      ],
      3,
    );
    expect(only(a)).toMatchObject({ target: 'critics-opponents', region: { level: 'municipality', value: 'Utrecht' }, period: { level: 'day' } });
    expect(a.generalisation.target).toBe('group: 1 cell (3 conversations)');
  });

  it('goes from group to any target when the groups differ', () => {
    const a = aggregate(
      [signal('1', { targets: ['activists-dissidents'] }), signal('2', { targets: ['lgbtqi'] }), signal('3', { targets: ['students-academics'] })],
      3,
    );
    expect(only(a).target).toBe('any');
  });

  it('keeps a full cell fine and moves its surplus to the stragglers, at the finest node they share', () => {
    const a = aggregate([...many('u', 8), signal('g', { place: 'Groningen' }), signal('m', { place: 'Maastricht', date: '2026-05-20' })], 5);
    expect(a.cells).toEqual([
      expect.objectContaining({
        target: 'activists-dissidents',
        region: { level: 'municipality', value: 'Utrecht' },
        period: { level: 'day', from: '2026-03-10', to: '2026-03-10' },
        count: 5,
      }),
      expect.objectContaining({
        target: 'activists-dissidents',
        region: { level: 'country', value: 'NL' },
        period: { level: 'quarter', from: '2026-01-01', to: '2026-06-30' },
        count: 5,
      }),
    ]);
    expect(a.released[1]!.signalIds).toEqual(['g', 'm', 'u6', 'u7', 'u8']);
    expect(a.generalisation.notes).toEqual([
      'IR × unknown × intimidation-threats × in-person: the last 2 conversation(s) reached k with 3 moved from cells that had more than k',
    ]);
  });

  it('merges a whole cell with the stragglers when no cell has signals to spare', () => {
    const a = aggregate([...many('u', 5), signal('g', { place: 'Groningen' }), signal('m', { place: 'Maastricht', targets: ['lgbtqi'] })], 5);
    expect(only(a)).toMatchObject({ region: { level: 'country', value: 'NL' }, period: { level: 'day' }, target: 'any', count: 7 });
    expect(a.generalisation.notes).toEqual([
      'IR × unknown × intimidation-threats × in-person: the last 2 conversation(s) reached k by merging a cell of 5 with them',
    ]);
  });

  it('never generalises state actor, modus operandi or channel: a small combination waits, whole', () => {
    const a = aggregate([...many('ir', 3), ...many('cn', 2, { stateActors: ['CN'] }), signal('ch', { channels: ['social-media'] })], 3);
    expect(only(a)).toMatchObject({ stateActor: 'IR', channel: 'in-person', count: 3 });
    expect(a.carriedOver).toEqual(['ch', 'cn1', 'cn2']);
    expect(a.generalisation.notes[0]).toBe(
      '3 signal(s) in 2 combination(s) of state actor, objective, modus operandi and channel wait for the next period: each combination has fewer than 3 conversations',
    );
  });

  it('counts several values of a dimension as multiple and none as unknown, one signal in one cell', () => {
    const a = aggregate(
      [
        ...many('m', 2, { stateActors: ['CN', 'RU'], modi: [], channels: ['email', 'social-media'] }),
        signal('m3', { stateActors: ['RU', 'CN', 'unknown'], modi: ['unknown'], channels: ['social-media', 'email'] }),
      ],
      3,
    );
    expect(only(a)).toMatchObject({ stateActor: 'multiple', modusOperandi: 'unknown', channel: 'multiple', count: 3 });
  });

  it('places a signal without a municipality at its province, and one without a place at NL', () => {
    const a = aggregate([...many('p', 3, { municipality: null }), ...many('n', 3, { municipality: null, province: null, stateActors: ['CN'] })], 3);
    expect(a.cells.map((c) => c.region)).toEqual([
      { level: 'country', value: 'NL' },
      { level: 'province', value: 'Utrecht' },
    ]);
  });

  it('joins cells that come out with the same description', () => {
    // Signals without a municipality show "province Utrecht" from the first node on; the three
    // cities with one signal each reach the same description one step later.
    const a = aggregate(
      [...many('p', 3, { municipality: null }), signal('u'), signal('a', { place: 'Amersfoort' }), signal('z', { municipality: 'Zeist' })],
      3,
    );
    expect(only(a)).toMatchObject({ region: { level: 'province', value: 'Utrecht' }, period: { level: 'day' }, count: 6 });
    expect(a.released[0]!.signalIds).toEqual(['a', 'p1', 'p2', 'p3', 'u', 'z']);
    expect(a.generalisation.notes).toEqual(['IR × unknown × intimidation-threats × in-person: two cells with the same description joined']);
  });

  it('takes municipalities by their common name and fills in the province', () => {
    const a = aggregate(many('h', 3, { municipality: 'Den Haag', province: null }), 3);
    expect(only(a).region).toEqual({ level: 'municipality', value: "'s-Gravenhage" });
    expect(
      aggregate(many('h', 3, { municipality: 'Den Haag', province: null, targets: ['lgbtqi'] }), 3, { finest: { region: 'province' } }).cells[0]!.region,
    ).toEqual({
      level: 'province',
      value: 'Zuid-Holland',
    });
  });

  it('never releases finer than the floor the options set', () => {
    const a = aggregate(many('s', 3), 3, { finest: { period: 'month', target: 'group' } });
    expect(only(a)).toMatchObject({ target: 'critics-opponents', period: { level: 'month', from: '2026-03-01', to: '2026-03-31' } });
    expect(() => aggregate([], 3, { finest: { period: 'year' as 'day' } })).toThrow('options.finest names an unknown level');
  });

  it('releases nothing and says so for an empty period', () => {
    expect(aggregate([], 5)).toEqual({
      cells: [],
      released: [],
      carriedOver: [],
      generalisation: { region: 'nothing released', period: 'nothing released', target: 'nothing released', notes: [] },
    });
  });
});

describe('aggregate: conversations are the unit of k', () => {
  const meeting = (conversation: string, n: number, over: Parameters<typeof signal>[1] = {}) =>
    Array.from({ length: n }, (_, i) => signal(`${conversation}-${i + 1}`, { conversation, ...over }));

  it('never releases five identical signals of one meeting at k = 5, and counts conversations in a cell', () => {
    expect(aggregate(meeting('one', 5), 5)).toMatchObject({ cells: [], carriedOver: ['one-1', 'one-2', 'one-3', 'one-4', 'one-5'] });
    const a = aggregate([...meeting('a', 4), ...meeting('b', 1), ...meeting('c', 2)], 3);
    expect(only(a).count).toBe(3);
    expect(a.released[0]!.signalIds).toHaveLength(7);
  });

  it('moves whole conversations to the stragglers, never part of one', () => {
    const a = aggregate(
      [
        ...meeting('u1', 2),
        ...meeting('u2', 2),
        ...meeting('u3', 2),
        ...meeting('u4', 2),
        ...meeting('g', 3, { place: 'Groningen' }),
        ...meeting('m', 1, { place: 'Maastricht', date: '2026-05-20' }),
      ],
      3,
    );
    expect(a.cells.map((c) => [c.region.level, c.count])).toEqual([
      ['municipality', 3],
      ['country', 3],
    ]);
    expect(a.released[1]!.signalIds).toEqual(['g-1', 'g-2', 'g-3', 'm-1', 'u4-1', 'u4-2']);
  });
});

describe('aggregate: carry-over across periods', () => {
  it('lets signals carried over from an earlier quarter join new ones in a cell that spans both', () => {
    const march = [signal('m1', { date: '2026-03-30' }), signal('m2', { place: 'Groningen', date: '2026-03-02' })];
    const first = aggregate(march, 3);
    expect(first.cells).toEqual([]);
    expect(first.carriedOver).toEqual(['m1', 'm2']);

    const april = [signal('a1', { place: 'Maastricht', date: '2026-04-14' })];
    const carried = march.filter((s) => first.carriedOver.includes(s.id));
    const second = aggregate([...april, ...carried], 3);
    expect(only(second)).toMatchObject({
      region: { level: 'country', value: 'NL' },
      period: { level: 'quarter', from: '2026-01-01', to: '2026-06-30' },
      count: 3,
    });
    expect(second.released[0]!.signalIds).toEqual(['a1', 'm1', 'm2']);
    expect(second.generalisation.period).toBe('spanning several quarters: 1 cell (3 conversations)');
  });

  it('keeps carried-over signals in a finer cell when they reach k there, even across a year end', () => {
    const a = aggregate([signal('d', { date: '2026-12-30' }), signal('j1', { date: '2027-01-02' }), signal('j2', { date: '2027-01-03' })], 3);
    expect(only(a).period).toEqual({ level: 'week', from: '2026-12-28', to: '2027-01-03' });
  });
});

describe('aggregate: input', () => {
  it('gives the same cells whatever the order of the signals', () => {
    const signals = [...many('u', 8), signal('g', { place: 'Groningen' }), ...many('c', 4, { stateActors: ['CN'] }), signal('m', { place: 'Maastricht' })];
    expect(aggregate([...signals].reverse(), 5)).toEqual(aggregate(signals, 5));
  });

  it('refuses a contract breach by position and field, without echoing the value', () => {
    const cases: Array<[Partial<ApprovedSignal>, string]> = [
      [{ municipality: 'Atlantis' }, 'signal 2: municipality: is not a Dutch municipality'],
      [{ municipality: 'Utrecht', province: 'Limburg' }, 'signal 2: province: does not hold the municipality'],
      [{ province: 'Brabant' }, 'signal 2: province:'],
      [{ date: '2026-02-30' }, 'signal 2: date: must be a date as YYYY-MM-DD'],
      [{ modi: ['Jan de Vries belde'] }, 'signal 2: modi.0: must be a taxonomy value'],
      [{ channels: ['multiple'] }, 'signal 2: channels.0: is a reserved word'],
      [{ targets: ['critics-opponents'] }, 'signal 2: targets.0: is the name of a target group'],
      [{ stateActors: ['Iran'] }, 'signal 2: stateActors.0: must be an ISO 3166-1 alpha-2 code or unknown'],
      [{ id: 's1' }, 'signal 2: id: appears more than once'],
    ];
    for (const [over, message] of cases) {
      const attempt = () => aggregate([signal('s1'), { ...signal('s2'), ...over }], 3);
      expect(attempt, message).toThrow(AggregationInputError);
      expect(attempt, message).toThrow(message);
      expect(() => attempt()).not.toThrow(/Atlantis|Jan de Vries|Iran/);
    }
  });

  it('refuses a k below 2 or not whole', () => {
    for (const k of [1, 0, 2.5, Number.NaN]) expect(() => aggregate([], k)).toThrow(RangeError);
  });
});
