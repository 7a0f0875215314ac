import { describe, expect, it } from 'vitest';
import { importLine } from '../../../shared/capture/import-line';
import { differingFields, fieldDigests, meetingDigest, normaliseNotes } from './meeting-digest';

const identity = { date: '2026-10-12', municipality: 'Utrecht', community: 'chinese', kind: 'event', notes: 'Studenten werden gefotografeerd.' };

describe('the digest that recognises a meeting', () => {
  it('normalises white space, line endings and Unicode form, nothing else', () => {
    expect(normaliseNotes('  Eerste regel\r\nTweede\u00a0regel\t\n\n')).toBe('Eerste regel Tweede regel');
    // "é" as one code point and as e + combining acute are the same text.
    expect(normaliseNotes('Caf\u00e9')).toBe(normaliseNotes('Cafe\u0301'));
    expect(normaliseNotes('Yıldız')).not.toBe(normaliseNotes('Yildiz'));
    expect(normaliseNotes('Een Woord')).not.toBe(normaliseNotes('een woord'));
  });

  it('is the same for a re-wrapped export and differs when any identifying field or word differs', () => {
    const digest = meetingDigest(identity);
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    expect(meetingDigest({ ...identity, notes: 'Studenten  werden\r\ngefotografeerd. ' })).toBe(digest);
    for (const change of [
      { date: '2026-10-13' },
      { municipality: 'Amersfoort' },
      { community: 'uyghur' },
      { kind: 'remote' },
      { notes: 'Studenten werden gevolgd.' },
    ]) {
      expect(meetingDigest({ ...identity, ...change }), JSON.stringify(change)).not.toBe(digest);
    }
    // Fields cannot run into each other: moving text between them changes the digest.
    expect(meetingDigest({ ...identity, community: 'a', kind: 'b' })).not.toBe(meetingDigest({ ...identity, community: 'ab', kind: '' }));
  });

  it('names the fields of a line that differ, by name only', () => {
    const line = importLine.parse({
      ...identity,
      kind: 'event',
      participants: 3,
      signals: [{ quote: 'Studenten', summary: 's', tags: ['b', 'a'], consent: true }],
    });
    const base = fieldDigests(line, 'Utrecht');
    expect(differingFields(base, fieldDigests({ ...line, signals: [{ ...line.signals[0]!, tags: ['a', 'b'] }] }, 'Utrecht'))).toEqual([]);
    expect(differingFields(base, fieldDigests({ ...line, participants: 4, setting: 'zaal' }, 'Utrecht'))).toEqual(['setting', 'participants']);
    expect(differingFields(base, fieldDigests({ ...line, notes: `${line.notes} Meer.` }, 'Utrecht'))).toEqual(['notes']);
    expect(differingFields(base, fieldDigests({ ...line, signals: [] }, 'Utrecht'))).toEqual(['signals']);
    expect(differingFields(base, fieldDigests(line, 'Amersfoort'))).toEqual(['municipality']);
  });
});
