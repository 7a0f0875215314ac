import { describe, expect, it } from 'vitest';
import { jaccard, nearCopyThreshold, nearDuplicates, pairKey, shingles, type NotedMeeting } from './near-duplicates';

const account =
  'Op de bijeenkomst in het buurthuis vertelden drie studenten dat zij na de demonstratie werden gefotografeerd door mannen die zeiden van het consulaat te zijn. ' +
  'Een van hen kreeg daarna een bericht van familie: zijn vader was op het bureau ontboden en ondervraagd over zijn vrienden in Nederland.';
const other =
  'Tijdens het gesprek op het gemeentehuis ging het vooral over de nieuwe moskee en de subsidie voor het jongerenwerk; ' +
  'niemand meldde druk of intimidatie, wel zorgen over desinformatie in groepsapps.';

const meeting = (id: number, body: string, extra: Partial<NotedMeeting> = {}): NotedMeeting => ({
  id,
  date: '2026-10-12',
  municipality: 'Utrecht',
  community: 'chinese',
  body,
  ...extra,
});

describe('near-duplicate notes', () => {
  it('shingles folded words, so case, diacritics and punctuation do not matter', () => {
    expect([...shingles('De Kat, de HOND!')]).toEqual(['de kat de', 'kat de hond']);
    expect(shingles('Yıldız kwam')).toEqual(shingles('yildiz KWAM'));
    expect([...shingles('kort')]).toEqual(['kort']);
    expect(shingles('  ...  ').size).toBe(0);
  });

  it('measures Jaccard similarity: 1 for a copy, high for a lightly edited copy, low for another account', () => {
    const a = shingles(account);
    expect(jaccard(a, shingles(account))).toBe(1);
    const edited = jaccard(a, shingles(account.replace('drie studenten', 'twee studenten').replace('vrienden', 'kennissen')));
    expect(edited).toBeGreaterThanOrEqual(nearCopyThreshold);
    expect(edited).toBeLessThan(1);
    expect(jaccard(a, shingles(other))).toBeLessThan(0.1);
    expect(jaccard(a, new Set())).toBe(0);
  });

  it('pairs near-copies of the same date, place and community only, and leaves out pairs kept apart', () => {
    const meetings = [
      meeting(1, account),
      meeting(2, other),
      meeting(3, `${account} Afgesproken: volgende maand weer.`),
      meeting(4, account, { date: '2026-10-13' }),
      meeting(5, account, { municipality: 'Amersfoort' }),
      meeting(6, account, { community: 'uyghur' }),
      meeting(7, other, { date: '2026-10-13' }),
    ];
    const pairs = nearDuplicates(meetings, new Set());
    expect(pairs.map((p) => [p.first, p.second])).toEqual([[1, 3]]);
    expect(pairs[0]!.similarity).toBeGreaterThanOrEqual(nearCopyThreshold);
    expect(nearDuplicates(meetings, new Set([pairKey(3, 1)]))).toEqual([]);
    // Every pair of a group of copies, each once, in order.
    const copies = [meeting(9, account), meeting(8, account), meeting(10, account)];
    expect(nearDuplicates(copies, new Set()).map((p) => [p.first, p.second, p.similarity])).toEqual([
      [8, 9, 1],
      [8, 10, 1],
      [9, 10, 1],
    ]);
  });
});
