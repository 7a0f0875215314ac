import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { passphrase, tempDir, testVaultOptions } from '../../test-support/temp-dirs';
import { AppError } from '../app-error';
import { createVault, type OpenVault } from '../vault/vault';
import { captureDeps } from '../wiring';
import { keepApart, likelyDuplicates, mergeMeetings } from './meeting-duplicates';
import { Meetings } from './meetings';
import { importMeetings } from './notes-import';
import { search } from './search';
import { Signals } from './signals';

const vaults: OpenVault[] = [];
afterEach(() => vaults.splice(0).forEach((v) => v.close()));

async function open() {
  const { vault } = await createVault(join(tempDir(), 'v'), passphrase, testVaultOptions);
  vaults.push(vault);
  const deps = captureDeps(vault);
  return { vault, deps, meetings: new Meetings(vault, deps), signals: new Signals(vault, deps) };
}

const fields = (extra: Record<string, unknown> = {}) => ({
  date: '2026-10-12',
  time: null,
  kind: 'community-dialogue' as const,
  community: 'iranian',
  municipality: 'Deventer',
  setting: '',
  participants: 8,
  ...extra,
});

const notes =
  'In het wijkcentrum vertelden drie deelnemers dat hun familie in Iran werd ondervraagd over hun deelname aan de demonstratie in Den Haag. ' +
  'Een van hen ontving daarna dreigende berichten van een onbekend nummer en durft niet meer naar bijeenkomsten te komen.';
const typedAgain = notes.replace('drie deelnemers', 'enkele deelnemers').replace('onbekend nummer', 'anoniem nummer');
const other = 'Overleg over de subsidie voor het jongerenwerk en de nieuwe openingstijden van het wijkcentrum; geen signalen van druk.';

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof AppError ? e.code : 'other';
  }
  return 'none';
};

describe('likely duplicates', () => {
  it('lists a typed and an imported copy of one conversation, and not a different one on the same day', async () => {
    const { vault, deps, meetings } = await open();
    const typed = meetings.create(fields(), typedAgain);
    meetings.create(fields(), other);
    meetings.create(fields({ date: '2026-10-13' }), notes);
    importMeetings(vault, deps, JSON.stringify({ ...fields(), notes }));
    const pairs = likelyDuplicates(vault);
    expect(pairs).toHaveLength(1);
    expect(pairs[0]).toMatchObject({ first: { id: typed.id, municipality: 'Deventer', signals: 0 }, second: { id: 4 } });
    expect(pairs[0]!.similarity).toBeGreaterThanOrEqual(0.7);
    expect(pairs[0]!.similarity).toBeLessThan(1);
  });

  it('remembers "keep apart" and audits it without content', async () => {
    const { vault, deps, meetings } = await open();
    const a = meetings.create(fields(), notes);
    const b = meetings.create(fields(), notes);
    expect(code(() => keepApart(vault, deps, a.id, a.id))).toBe('invalid_request');
    expect(code(() => keepApart(vault, deps, a.id, 99))).toBe('not_found');
    keepApart(vault, deps, b.id, a.id);
    keepApart(vault, deps, a.id, b.id);
    expect(likelyDuplicates(vault)).toEqual([]);
    const entry = vault.recentAudit(5).find((e) => e.event === 'meeting.kept_apart');
    expect(entry?.data).toEqual({ first: a.id, second: b.id });
  });
});

describe('merging two meetings into one conversation', () => {
  it('moves the signals with their quotes, deletes the other meeting and audits ids and counts only', async () => {
    const { vault, deps, meetings, signals } = await open();
    const keep = meetings.create(fields(), notes);
    const gone = meetings.create(fields(), typedAgain);
    const quote = 'dreigende berichten';
    const at = typedAgain.indexOf(quote);
    const s1 = signals.create({ meetingId: keep.id, spans: [{ start: 0, end: 14 }], summary: 'Familie ondervraagd', tags: [], consent: true });
    const s2 = signals.create({ meetingId: gone.id, spans: [{ start: at, end: at + quote.length }], summary: 'Dreigberichten', tags: [], consent: true });
    expect(mergeMeetings(vault, deps, keep.id, gone.id)).toEqual({ kept: keep.id, removed: gone.id, signals: 1 });
    expect(code(() => meetings.get(gone.id))).toBe('not_found');
    expect(signals.list({ meetingId: keep.id }).map((s) => s.id)).toEqual([s1.id, s2.id]);
    // The quote is in the notes that stay: they stay as they were, and the span points there.
    expect(meetings.notes(keep.id).body).toBe(notes);
    const span = signals.get(s2.id).spans[0]!;
    expect(notes.slice(span.start, span.end)).toBe(quote);
    expect(likelyDuplicates(vault)).toEqual([]);
    // The notes that went are no longer found.
    expect(search(vault, 'anoniem', {}).filter((h) => h.kind === 'meeting')).toEqual([]);
    const entry = vault.recentAudit(5).find((e) => e.event === 'meeting.merged');
    expect(entry?.data).toEqual({ kept: keep.id, removed: gone.id, signals: 1 });
  });

  it('adds the notes that go below the notes that stay when a quote is only there', async () => {
    const { vault, deps, meetings, signals } = await open();
    const keep = meetings.create(fields(), notes);
    const gone = meetings.create(fields(), typedAgain);
    const quote = 'anoniem nummer';
    const at = typedAgain.indexOf(quote);
    const s = signals.create({ meetingId: gone.id, spans: [{ start: at, end: at + quote.length }], summary: 'Dreigberichten', tags: [], consent: true });
    mergeMeetings(vault, deps, keep.id, gone.id);
    const merged = meetings.notes(keep.id);
    expect(merged).toMatchObject({ body: `${notes}\n\n${typedAgain}`, revision: 2 });
    const span = signals.get(s.id).spans[0]!;
    expect(merged.body.slice(span.start, span.end)).toBe(quote);
  });

  it('keeps recognising the import of the meeting that went', async () => {
    const { vault, deps, meetings } = await open();
    const keep = meetings.create(fields(), typedAgain);
    const line = JSON.stringify({ ...fields(), id: 'crm-7', notes });
    importMeetings(vault, deps, line);
    mergeMeetings(vault, deps, keep.id, 2);
    expect(importMeetings(vault, deps, line)).toEqual({ new: 0, alreadyPresent: 1, signals: 0 });
    expect(meetings.count()).toBe(1);
  });

  it('refuses to merge a meeting into itself, a missing one, or while a signal that would move is in a bundle ready to leave', async () => {
    const { vault, meetings, signals } = await open();
    const keep = meetings.create(fields(), notes);
    const gone = meetings.create(fields(), notes);
    const s = signals.create({ meetingId: gone.id, spans: [{ start: 0, end: 5 }], summary: 'x', tags: [], consent: true });
    const deps = { ...captureDeps(vault), sending: { isBound: (id: number) => id === s.id } };
    expect(code(() => mergeMeetings(vault, deps, keep.id, keep.id))).toBe('invalid_request');
    expect(code(() => mergeMeetings(vault, deps, keep.id, 42))).toBe('not_found');
    expect(code(() => mergeMeetings(vault, deps, keep.id, gone.id))).toBe('conflict');
    expect(meetings.count()).toBe(2);
    expect(signals.get(s.id).meetingId).toBe(gone.id);
  });
});
