import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../shared/test-support/seeded-random';
import { chooseIllustrations, type IllustrationCandidate } from './team-illustrations';

const candidate = (id: number, conversation: string, summary = `Samenvatting ${id}.`): IllustrationCandidate => ({ id: String(id), conversation, summary });

describe('the summaries that go with a team bundle’s cells', () => {
  const candidates = [
    candidate(1, 'a'),
    candidate(2, 'a'),
    candidate(3, 'b'),
    candidate(4, 'c', '   '),
    candidate(5, 'd'),
    candidate(6, 'e', 'x'.repeat(5001)),
    candidate(7, 'f'),
  ];
  const released = [
    { cell: 0, signalIds: ['1', '2', '3', '4', '5'] },
    { cell: 1, signalIds: ['6', '7'] },
  ];

  it('takes at most the number per cell, each from another conversation, never a blank or an over-long one', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const rnd = mulberry32(seed);
      const chosen = chooseIllustrations(released, candidates, 2, (n) => Math.floor(rnd() * n));
      const cell0 = chosen.filter((s) => s.cell === 0).map((s) => candidates.find((c) => c.summary === s.text)!);
      expect(cell0).toHaveLength(2);
      expect(new Set(cell0.map((c) => c.conversation)).size).toBe(2);
      expect(cell0.every((c) => c.id !== '4')).toBe(true);
      expect(chosen.filter((s) => s.cell === 1).map((s) => s.text)).toEqual(['Samenvatting 7.']);
    }
  });

  it('chooses at random among the conversations of a cell, not by the order of review', () => {
    const firsts = new Set<string>();
    for (let seed = 1; seed <= 50; seed++) {
      const rnd = mulberry32(seed);
      firsts.add(chooseIllustrations(released, candidates, 1, (n) => Math.floor(rnd() * n))[0]!.text);
    }
    expect(firsts).toEqual(new Set(['Samenvatting 1.', 'Samenvatting 2.', 'Samenvatting 3.', 'Samenvatting 5.']));
  });

  it('sends none when the policy says 0, and none for signals that are not in a released cell', () => {
    expect(chooseIllustrations(released, candidates, 0)).toEqual([]);
    expect(chooseIllustrations([{ cell: 0, signalIds: ['99'] }], candidates, 2)).toEqual([]);
  });
});
