import { describe, expect, it } from 'vitest';
import { aggregate } from './aggregate';
import { previewAggregation } from './preview';
import type { ApprovedSignal } from './types';

const base: Omit<ApprovedSignal, 'id'> = {
  stateActors: ['IR'],
  modi: ['intimidation-threats'],
  targets: ['activists-dissidents'],
  channels: ['in-person'],
  municipality: 'Utrecht',
  province: 'Utrecht',
  date: '2026-03-10',
};
const signal = (id: string, over: Partial<ApprovedSignal> = {}): ApprovedSignal => ({ id, ...base, ...over });

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
      released: { signals: 10, cells: 2 },
      region: { municipality: 5, province: 0, landsdeel: 0, country: 5 },
      period: { day: 5, week: 0, month: 0, quarter: 5 },
      target: { specific: 10, group: 0, any: 0 },
      generalised: { region: 5, period: 5, target: 0 },
      spanningQuarters: 5,
      waiting: {
        signals: 3,
        combinations: [
          { stateActor: 'CN', modusOperandi: 'intimidation-threats', channel: 'email', signals: 1, missing: 4, waitingSince: '2026-04' },
          { stateActor: 'CN', modusOperandi: 'intimidation-threats', channel: 'in-person', signals: 2, missing: 3, waitingSince: '2026-02' },
        ],
      },
      notes: aggregation.generalisation.notes,
    });
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
