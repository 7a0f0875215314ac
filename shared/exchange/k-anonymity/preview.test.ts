import { describe, expect, it } from 'vitest';
import { aggregate } from './aggregate';
import { floorEffect, previewAggregation } from './preview';
import type { ApprovedSignal } from './types';

const base: Omit<ApprovedSignal, 'id' | 'conversation'> = {
  stateActors: ['IR'],
  objectives: [],
  modi: ['intimidation-threats'],
  targets: ['activists-dissidents'],
  channels: ['in-person'],
  municipality: 'Utrecht',
  province: 'Utrecht',
  date: '2026-03-10',
};
const signal = (id: string, over: Partial<ApprovedSignal> = {}): ApprovedSignal => ({ id, conversation: `conversation-${id}`, ...base, ...over });

describe('previewAggregation', () => {
  it('tells the team lead what was generalised and what waits, in numbers', () => {
    const signals = [
      ...Array.from({ length: 8 }, (_, i) => signal(`u${i}`)),
      signal('g', { municipality: 'Groningen', province: 'Groningen', date: '2026-01-20' }),
      signal('m', { municipality: 'Maastricht', province: 'Limburg', date: '2026-05-20' }),
      signal('c1', { stateActors: ['CN'], date: '2026-02-11' }),
      signal('c2', { stateActors: ['CN'], channels: ['email'], date: '2026-04-02' }),
      signal('c3', { stateActors: ['CN'], date: '2026-04-30' }),
    ];
    const aggregation = aggregate(signals, 5);
    expect(previewAggregation(signals, aggregation, 5)).toEqual({
      k: 5,
      released: { signals: 10, conversations: 10, cells: 2 },
      region: { municipality: 5, province: 0, landsdeel: 0, country: 5 },
      period: { day: 5, week: 0, month: 0, quarter: 5 },
      target: { specific: 10, group: 0, any: 0 },
      generalised: { region: 5, period: 5, target: 0 },
      spanningQuarters: 5,
      waiting: {
        signals: 3,
        combinations: [
          {
            stateActor: 'CN',
            objective: 'unknown',
            modusOperandi: 'intimidation-threats',
            channel: 'email',
            signals: 1,
            conversations: 1,
            missing: 4,
            waitingSince: '2026-04',
          },
          {
            stateActor: 'CN',
            objective: 'unknown',
            modusOperandi: 'intimidation-threats',
            channel: 'in-person',
            signals: 2,
            conversations: 2,
            missing: 3,
            waitingSince: '2026-02',
          },
        ],
      },
      floor: null,
      notes: aggregation.generalisation.notes,
    });
  });

  it('says how many conversations wait, not how many signals', () => {
    const signals = [signal('a1', { conversation: 'a' }), signal('a2', { conversation: 'a' }), signal('b1', { conversation: 'b' })];
    const preview = previewAggregation(signals, aggregate(signals, 3), 3);
    expect(preview.waiting.combinations).toEqual([expect.objectContaining({ signals: 3, conversations: 2, missing: 1 })]);
  });

  it('says how many cells the release floor made coarser, and why weeks are allowed', () => {
    // Five cells of a day each without a floor; one month with it.
    const days = ['2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23', '2026-03-30'];
    const signals = days.flatMap((date, d) => Array.from({ length: 3 }, (_, i) => signal(`d${d}-${i}`, { date })));
    const effect = floorEffect(signals, 3, { period: 'month' }, null);
    expect(effect).toEqual({ floor: { period: 'month' }, reason: null, coarsened: 5, cellsWithoutFloor: 5 });
    const floored = aggregate(signals, 3, { finest: { period: 'month' } });
    expect(floored.cells.map((c) => c.period.level)).toEqual(['month']);
    expect(previewAggregation(signals, floored, 3, effect).floor).toBe(effect);
    expect(floorEffect(signals, 3, { period: 'week' }, 'weekly situational picture').coarsened).toBe(5);
    expect(floorEffect(signals, 3, { period: 'day' }, null).coarsened).toBe(0);
  });

  it('counts a signal recorded without a municipality as not generalised at its province', () => {
    const signals = Array.from({ length: 3 }, (_, i) => signal(`p${i}`, { municipality: null, targets: i === 0 ? ['lgbtqi'] : ['ethnic-minority'] }));
    const preview = previewAggregation(signals, aggregate(signals, 3), 3);
    expect(preview.region.province).toBe(3);
    expect(preview.generalised).toEqual({ region: 0, period: 0, target: 3 });
    expect(preview.target.group).toBe(3);
  });

  it('refuses an aggregation of other signals', () => {
    const signals = Array.from({ length: 3 }, (_, i) => signal(`s${i}`));
    const aggregation = aggregate(signals, 3);
    expect(() => previewAggregation(signals.slice(1), aggregation, 3)).toThrow('the aggregation names a signal that is not among the signals given');
  });
});
