import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { builtinTaxonomy } from '../../../shared/taxonomy/builtin-taxonomy';
import { allFileBytes, passphrase, snapshotFiles, tempDir, testVaultOptions } from '../../test-support/temp-dirs';
import { decryptedPages } from '../../test-support/vault-sql';
import { AppError } from '../app-error';
import { createVault, unlockWithPassphrase, type OpenVault } from '../vault/vault';
import { captureDeps } from '../wiring';
import { Meetings } from './meetings';
import { importMeetings } from './notes-import';
import { overview } from './overview';
import { decide, listDecisions } from './redaction-decisions';
import { applyRetention, upcomingRemovals } from './retention';
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
  date: '2026-11-02',
  time: '19:30',
  kind: 'community-dialogue' as const,
  community: 'iranian',
  municipality: 'Deventer',
  setting: 'buurthuis',
  participants: 12,
  ...extra,
});

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof AppError ? `${e.code}: ${e.message}` : 'other';
  }
  return 'no-error';
};

const notes = 'Mevrouw Yıldız vertelde dat haar broer in Teheran is ondervraagd over haar werk. Ze durft niet meer naar bijeenkomsten.';

describe('meetings and notes', () => {
  it('stores a meeting with its province and saves notes by revision', async () => {
    const { meetings } = await open();
    const m = meetings.create(fields({ municipality: 'den haag' }));
    expect(m).toMatchObject({ municipality: "'s-Gravenhage", province: 'Zuid-Holland', kind: 'community-dialogue', participants: 12 });
    expect(meetings.notes(m.id)).toMatchObject({ body: '', revision: 1 });
    expect(meetings.saveNotes(m.id, notes, 1).revision).toBe(2);
    expect(meetings.notes(m.id).body).toBe(notes);
    expect(codeOf(() => meetings.saveNotes(m.id, 'stale text', 1))).toMatch(/^conflict/);
    expect(meetings.notes(m.id).body).toBe(notes);
  });

  it('refuses unknown municipalities and communities, naming the field', async () => {
    const { meetings } = await open();
    expect(codeOf(() => meetings.create(fields({ municipality: 'Atlantis' })))).toBe('invalid_request: municipality: is not a Dutch municipality');
    expect(codeOf(() => meetings.create(fields({ community: 'martian' })))).toBe(
      `invalid_request: community: is not a community of taxonomy version ${builtinTaxonomy().machinetag.version}`,
    );
    expect(meetings.count()).toBe(0);
  });

  it('keeps notes and summaries unreadable on disk', async () => {
    const { vault, meetings, signals } = await open();
    const m = meetings.create(fields(), notes);
    signals.create({ meetingId: m.id, spans: [{ start: 0, end: 14 }], summary: 'Familielid van Yıldız ondervraagd in Teheran', tags: [], consent: true });
    for (const { path, bytes } of allFileBytes(vault.dir)) {
      expect(bytes.includes(Buffer.from('Yıldız')), path).toBe(false);
      expect(bytes.includes(Buffer.from('yildiz')), path).toBe(false);
      expect(bytes.includes(Buffer.from('ondervraagd')), path).toBe(false);
    }
  });
});

describe('signals', () => {
  it('keeps the spans it came from, its tags (validated) and the taxonomy version', async () => {
    const { meetings, signals } = await open();
    const m = meetings.create(fields(), notes);
    const s = signals.create({
      meetingId: m.id,
      spans: [{ start: 0, end: 79 }],
      summary: 'Familie in herkomstland ondervraagd over werk van bron.',
      tags: ['nl-obi:state-actor="IR"', 'nl-obi:modus-operandi="coercion-by-proxy-family"', 'nl-obi:state-actor="IR"'],
      consent: true,
    });
    expect(s).toMatchObject({ state: 'draft', taxonomyVersion: builtinTaxonomy().machinetag.version, consent: true });
    expect(s.tags).toEqual(['nl-obi:modus-operandi="coercion-by-proxy-family"', 'nl-obi:state-actor="IR"']);
    expect(s.spans).toEqual([{ start: 0, end: 79, quote: notes.slice(0, 79) }]);
    expect(codeOf(() => signals.create({ meetingId: m.id, spans: [{ start: 0, end: 9999 }], summary: 'x', tags: [], consent: true }))).toMatch(
      /spans\.0: is outside the notes/,
    );
    expect(codeOf(() => signals.update(s.id, { tags: ['nl-obi:state-actor="XX"'] }))).toMatch(/tags\.0: has a value that nl-obi:state-actor does not have/);
    expect(codeOf(() => signals.update(s.id, { tags: ['nl-obi:severity="1"', 'nl-obi:severity="2"'] }))).toMatch(/takes one value only/);
  });

  it('never becomes ready without consent, a summary, a state actor and a modus operandi', async () => {
    const { meetings, signals } = await open();
    const m = meetings.create(fields(), notes);
    const s = signals.create({ meetingId: m.id, spans: [{ start: 0, end: 10 }], summary: 'Samenvatting', tags: ['nl-obi:state-actor="IR"'], consent: false });
    expect(codeOf(() => signals.transition(s.id, 'ready'))).toBe(
      'not_ready: The signal cannot be ready: the source has not agreed to sharing in bundled form.',
    );
    signals.update(s.id, { consent: true });
    expect(codeOf(() => signals.transition(s.id, 'ready'))).toMatch(/modus-operandi tag is missing/);
    signals.update(s.id, { tags: ['nl-obi:state-actor="IR"', 'nl-obi:modus-operandi="intimidation-threats"'] });
    expect(signals.transition(s.id, 'ready').state).toBe('ready');
  });

  it('lets only draft and returned signals change, and follows the state machine', async () => {
    const { vault, meetings, signals } = await open();
    const m = meetings.create(fields(), notes);
    const s = signals.create({
      meetingId: m.id,
      spans: [{ start: 0, end: 10 }],
      summary: 'Samenvatting',
      tags: ['nl-obi:state-actor="IR"', 'nl-obi:modus-operandi="intimidation-threats"'],
      consent: true,
    });
    signals.transition(s.id, 'ready');
    expect(codeOf(() => signals.update(s.id, { summary: 'changed' }))).toBe('not_editable: Only draft and returned signals can be changed.');
    expect(codeOf(() => signals.transition(s.id, 'approved'))).toBe('invalid_transition: A ready signal cannot become approved.');
    signals.transition(s.id, 'sent');
    expect(codeOf(() => signals.transition(s.id, 'returned'))).toMatch(/reason: is required/);
    const returned = signals.transition(s.id, 'returned', 'Noem geen straatnaam');
    expect(returned).toMatchObject({ state: 'returned', returnReason: 'Noem geen straatnaam' });
    expect(signals.update(s.id, { summary: 'Verbeterd' }).summary).toBe('Verbeterd');
    const events = vault
      .recentAudit(100)
      .reverse()
      .map((e) => e.event)
      .filter((e) => e.startsWith('signal.'));
    expect(events).toEqual(['signal.created', 'signal.state_changed', 'signal.state_changed', 'signal.state_changed']);
    signals.update(s.id, { tags: ['nl-obi:state-actor="CN"', 'nl-obi:modus-operandi="intimidation-threats"'] });
    const tagged = vault.recentAudit(100).find((e) => e.event === 'signal.tagged');
    expect(tagged?.data).toEqual({ signal: s.id, added: 'nl-obi:state-actor="CN"', removed: 'nl-obi:state-actor="IR"' });
  });
});

describe('search', () => {
  async function seeded() {
    const ctx = await open();
    const a = ctx.meetings.create(fields({ date: '2026-10-01' }), notes);
    const b = ctx.meetings.create(
      fields({ date: '2026-11-01', municipality: 'Tilburg', community: 'chinese' }),
      'Een student werd gefotografeerd bij een demonstratie door iemand van de ambassade.',
    );
    ctx.signals.create({
      meetingId: a.id,
      spans: [{ start: 0, end: 20 }],
      summary: 'Familie in Iran ondervraagd',
      tags: ['nl-obi:state-actor="IR"', 'nl-obi:modus-operandi="coercion-by-proxy-family"'],
      consent: true,
    });
    ctx.signals.create({
      meetingId: b.id,
      spans: [{ start: 0, end: 20 }],
      summary: 'Fotograferen van demonstranten',
      tags: ['nl-obi:state-actor="CN"', 'nl-obi:modus-operandi="physical-surveillance"'],
      consent: true,
    });
    return ctx;
  }

  it('finds words in notes and summaries, folding diacritics: "yildiz" finds "Yıldız"', async () => {
    const { vault } = await seeded();
    const hits = search(vault, 'yildiz', {});
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ kind: 'meeting', province: 'Overijssel' });
    const [a, b] = hits[0]!.highlights[0]!;
    expect(hits[0]!.excerpt.slice(a, b)).toBe('Yıldız');
    expect(search(vault, 'YILDIZ', {})).toHaveLength(1);
    expect(
      search(vault, 'ondervra', {})
        .map((h) => h.kind)
        .sort(),
    ).toEqual(['meeting', 'signal']);
  });

  it('combines the query with filters on period, community, province, state and tags', async () => {
    const { vault } = await seeded();
    expect(search(vault, '', { province: 'Noord-Brabant' }).every((h) => h.province === 'Noord-Brabant')).toBe(true);
    expect(search(vault, '', { community: 'iranian' }).map((h) => h.community)).toEqual(['iranian', 'iranian']);
    expect(search(vault, '', { from: '2026-10-15' }).every((h) => h.date >= '2026-10-15')).toBe(true);
    expect(
      search(vault, '', { tags: ['nl-obi:state-actor="CN"'] })
        .map((h) => h.kind)
        .sort(),
    ).toEqual(['meeting', 'signal']);
    expect(search(vault, '', { tags: ['nl-obi:state-actor="CN"', 'nl-obi:state-actor="IR"'] })).toHaveLength(4);
    expect(search(vault, '', { tags: ['nl-obi:state-actor="CN"', 'nl-obi:modus-operandi="coercion-by-proxy-family"'] })).toHaveLength(0);
    expect(
      search(vault, 'demonstr', { state: 'draft' })
        .map((h) => h.kind)
        .sort(),
    ).toEqual(['meeting', 'signal']);
    expect(search(vault, 'demonstr', { state: 'ready' })).toHaveLength(0);
  });

  it('pages through hits without skipping or repeating one, also when meeting dates do not follow entry', async () => {
    const { vault, meetings, signals } = await open();
    const ids = Array.from(
      { length: 30 },
      (_, i) => meetings.create(fields({ date: `2026-${String(1 + ((i * 7) % 12)).padStart(2, '0')}-01` }), `overleg ${i} over intimidatie`).id,
    );
    // Signals recorded later about older meetings: entry order and meeting order differ.
    for (const id of ids.slice(0, 12))
      signals.create({ meetingId: id, spans: [{ start: 0, end: 6 }], summary: `intimidatie gemeld bij overleg ${id}`, tags: [], consent: true });
    const key = (h: { meetingId: number; signalId: number | null }) => `${h.meetingId}/${h.signalId}`;
    for (const query of ['intimidatie', '']) {
      const all = search(vault, query, {}, 500).map(key);
      expect(new Set(all).size).toBe(42);
      const paged = Array.from({ length: 9 }, (_, page) => search(vault, query, {}, 5, page * 5).map(key)).flat();
      expect(paged).toEqual(all);
    }
  });

  it('treats query syntax as plain words', async () => {
    const { vault } = await seeded();
    for (const q of ['"', 'NEAR(', 'a OR b', '*', 'col:x', "'; DROP TABLE meetings; --"]) expect(() => search(vault, q, {})).not.toThrow();
  });
});

describe('import', () => {
  const line = (extra: Record<string, unknown> = {}) =>
    JSON.stringify({
      date: '2026-11-02',
      kind: 'community-dialogue',
      community: 'iranian',
      municipality: 'Deventer',
      participants: 12,
      notes: notes,
      signals: [{ quote: 'haar broer in Teheran is ondervraagd', summary: 'Familie ondervraagd', tags: ['nl-obi:state-actor="IR"'], consent: true }],
      ...extra,
    });

  it('imports everything or nothing, naming the line and field at fault', async () => {
    const { vault, deps, meetings, signals } = await open();
    const bad = [line(), line(), JSON.stringify({ date: 'not a date', notes: 7 }), line()].join('\n');
    expect(codeOf(() => importMeetings(vault, deps, bad))).toBe('invalid_request: line 3: date: must be a date as YYYY-MM-DD');
    expect(codeOf(() => importMeetings(vault, deps, [line(), '{oops'].join('\n')))).toBe('invalid_request: line 2: not valid JSON');
    expect(codeOf(() => importMeetings(vault, deps, line({ municipality: 'Atlantis' })))).toBe(
      'invalid_request: line 1: municipality: is not a Dutch municipality',
    );
    expect(codeOf(() => importMeetings(vault, deps, line({ signals: [{ quote: 'not in the notes', summary: 's', tags: [], consent: true }] })))).toBe(
      'invalid_request: line 1: signals.0.quote: is not part of the notes',
    );
    expect(
      codeOf(() =>
        importMeetings(
          vault,
          deps,
          [
            line(),
            line({ notes: `${notes} Tweede gesprek.`, signals: [{ quote: 'Teheran', summary: 's', tags: ['nl-obi:state-actor="ZZ"'], consent: true }] }),
          ].join('\n'),
        ),
      ),
    ).toMatch(/^invalid_request: line 2: signals\.0\.tags\.0: has a value that nl-obi:state-actor does not have/);
    expect(meetings.count()).toBe(0);
    expect(signals.list()).toEqual([]);
    expect(importMeetings(vault, deps, [line(), '', line({ name: undefined, notes: `${notes} Tweede gesprek.` })].join('\n'))).toEqual({
      new: 2,
      alreadyPresent: 0,
      signals: 2,
    });
    expect(signals.list()[0]).not.toHaveProperty('spans');
    expect(signals.get(1).spans[0]?.quote).toBe('haar broer in Teheran is ondervraagd');
  });

  it('refuses meeting dates before 1990 or after tomorrow, in the import and wherever a meeting is made', async () => {
    const { vault, meetings } = await open();
    const now = new Date(2026, 11, 7, 23, 30);
    const deps = { ...captureDeps(vault), now: () => now };
    const before = snapshotFiles(vault.dir);
    expect(codeOf(() => importMeetings(vault, deps, [line(), line({ date: '0000-01-01' })].join('\n')))).toBe(
      'invalid_request: line 2: date: must not be before 1990-01-01',
    );
    expect(codeOf(() => importMeetings(vault, deps, line({ date: '1989-12-31' })))).toBe('invalid_request: line 1: date: must not be before 1990-01-01');
    expect(codeOf(() => importMeetings(vault, deps, line({ date: '9999-12-31' })))).toBe(
      'invalid_request: line 1: date: must not be after tomorrow (2026-12-08)',
    );
    expect(codeOf(() => importMeetings(vault, deps, line({ date: '2026-12-09' })))).toBe(
      'invalid_request: line 1: date: must not be after tomorrow (2026-12-08)',
    );
    expect(snapshotFiles(vault.dir)).toEqual(before);
    const made = new Meetings(vault, deps);
    expect(codeOf(() => made.create(fields({ date: '2027-01-01' })))).toBe('invalid_request: date: must not be after tomorrow (2026-12-08)');
    expect(meetings.count()).toBe(0);
    expect(importMeetings(vault, deps, [line({ date: '1990-01-01' }), line({ date: '2026-12-08' })].join('\n'))).toEqual({
      new: 2,
      alreadyPresent: 0,
      signals: 2,
    });
    expect(codeOf(() => made.update(1, fields({ date: '1900-01-01' })))).toBe('invalid_request: date: must not be before 1990-01-01');
  });

  it('refuses invalid UTF-8 naming the line and byte, never storing replacement characters', async () => {
    const { vault, deps, meetings } = await open();
    const before = snapshotFiles(vault.dir);
    const good = Buffer.from(`${line()}\n`);
    const broken = Buffer.from(line({ setting: 'café X' }));
    // The "X" becomes a lone continuation byte: not UTF-8.
    broken[broken.indexOf('X')] = 0x80;
    const offset = broken.indexOf(0x80);
    const input = Buffer.concat([good, good, broken]);
    expect(codeOf(() => importMeetings(vault, deps, input))).toBe(
      `invalid_request: line 3: is not valid UTF-8 at byte offset ${offset} of the line (${2 * good.length + offset} of the file)`,
    );
    const truncated = Buffer.concat([good, Buffer.from(line({ setting: 'é' })).subarray(0, 10), Buffer.from([0xc3])]);
    expect(codeOf(() => importMeetings(vault, deps, truncated))).toBe(
      `invalid_request: line 2: is not valid UTF-8 at byte offset 10 of the line (${good.length + 10} of the file)`,
    );
    expect(snapshotFiles(vault.dir)).toEqual(before);
    // A real U+FFFD written as UTF-8 is text like any other.
    expect(importMeetings(vault, deps, Buffer.from(line({ setting: 'teken \uFFFD hier' })))).toEqual({ new: 1, alreadyPresent: 0, signals: 1 });
    expect(meetings.get(1).setting).toBe('teken \uFFFD hier');
  });

  it('refuses unpaired surrogates in any text field, naming the field', async () => {
    const { vault, deps } = await open();
    const before = snapshotFiles(vault.dir);
    const lone = (field: string, value: string) => line({ [field]: value });
    const cases: Array<[string, string]> = [
      [lone('setting', 'buurt\ud800huis'), 'setting'],
      [lone('community', '\udc00'), 'community'],
      [lone('municipality', 'Deventer\ud83d'), 'municipality'],
      [lone('notes', `${notes}\udfff`), 'notes'],
      [lone('signals', [{ quote: 'Teheran', summary: 'x\ud800', tags: [], consent: true }] as unknown as string), 'signals.0.summary'],
      [lone('signals', [{ quote: 'Teheran', summary: 'x', tags: ['\ud800'], consent: true }] as unknown as string), 'signals.0.tags.0'],
    ];
    for (const [text, field] of cases) {
      expect(
        codeOf(() => importMeetings(vault, deps, text)),
        field,
      ).toBe(`invalid_request: line 1: ${field}: contains an unpaired surrogate (a broken character)`);
    }
    // A pair (an emoji) is one whole character.
    expect(importMeetings(vault, deps, lone('setting', 'buurthuis \ud83d\ude00'))).toEqual({ new: 1, alreadyPresent: 0, signals: 1 });
    expect(snapshotFiles(vault.dir)).not.toEqual(before);
  });

  it('refuses unknown fields, so a misspelt field is not silently dropped', async () => {
    const { vault, deps } = await open();
    expect(codeOf(() => importMeetings(vault, deps, line({ municipalty: 'Deventer' })))).toMatch(/^invalid_request: line 1: .*municipalty/);
  });
});

describe('retention', () => {
  it('warns ahead, then removes old notes securely, keeping meetings, signals and tags', async () => {
    const { vault, meetings, signals } = await open();
    const old = meetings.create(fields({ date: '2024-11-20' }), notes);
    const recent = meetings.create(fields({ date: '2026-11-01' }), 'Recente notitie');
    const s = signals.create({ meetingId: old.id, spans: [{ start: 0, end: 14 }], summary: 'Samenvatting', tags: ['nl-obi:state-actor="IR"'], consent: true });
    const policy = { retentionMonths: 24, warningDays: 30 };
    expect(upcomingRemovals(vault, policy, new Date('2026-11-01T12:00:00Z'))).toEqual([{ meetingId: old.id, date: '2024-11-20', removeOn: '2026-11-20' }]);
    expect(applyRetention(vault, policy, new Date('2026-11-01T12:00:00Z'))).toBe(0);
    expect(applyRetention(vault, policy, new Date('2026-11-20T12:00:00Z'))).toBe(1);
    expect(meetings.notes(old.id).body).toBe('');
    expect(meetings.get(old.id).notesRemovedAt).not.toBeNull();
    expect(search(vault, 'yildiz', {})).toEqual([]);
    expect(signals.get(s.id)).toMatchObject({ summary: 'Samenvatting', tags: ['nl-obi:state-actor="IR"'], spans: [] });
    expect(meetings.notes(recent.id).body).toBe('Recente notitie');
    expect(codeOf(() => meetings.saveNotes(old.id, 'x', 0))).toMatch(/^notes_removed/);
    const audit = vault.recentAudit(100).find((e) => e.event === 'retention.notes_removed');
    expect(audit?.data).toEqual({ meetings: 1, retentionMonths: 24 });
  });

  it('leaves no trace of the removed notes in any decrypted page: tables, the full-text index, free pages', async () => {
    const dir = join(tempDir(), 'v');
    const { vault } = await createVault(dir, passphrase, testVaultOptions);
    const deps = captureDeps(vault);
    const meetings = new Meetings(vault, deps);
    const signals = new Signals(vault, deps);
    // Canaries: one in the setting, one in an earlier revision of the notes, one that stays in the notes until retention.
    const canary = 'qqxkanarievogel';
    const earlier = 'qqzvroegerwoord';
    const inSetting = 'qqwzaaltekst';
    const m = meetings.create(fields({ date: '2024-11-20', setting: `buurthuis ${inSetting}` }), `Eerste versie met ${earlier} erin.`);
    const body = `Mevrouw ${canary} vertelde dat haar broer in Teheran is ondervraagd.`;
    meetings.saveNotes(m.id, body, 1);
    const s = signals.create({ meetingId: m.id, spans: [{ start: 0, end: 24 }], summary: 'Familielid ondervraagd', tags: [], consent: true });
    // A decision outlives an edit of the summary that took its surface out.
    const surface = 'qqvnaamhaddad';
    decide(vault, s.id, { surface, category: 'person', decision: 'keep', reason: 'publiekfiguur', origin: 'manual' });
    // Enough other notes that the index has several segments and pages to merge.
    for (let i = 0; i < 40; i++) meetings.create(fields({ date: '2026-11-01' }), `Recente notitie ${i} over buurt en werk en school ${i * 7}`);
    const work = tempDir();
    vault.close();
    const before = await decryptedPages(dir, passphrase, work);
    for (const word of [canary, earlier, inSetting, surface]) expect(before.includes(word), word).toBe(true);

    const again = await unlockWithPassphrase(dir, passphrase, testVaultOptions);
    vaults.push(again);
    expect(applyRetention(again, { retentionMonths: 24, warningDays: 30 }, new Date('2026-11-20T12:00:00Z'))).toBe(1);
    expect(listDecisions(again, s.id)).toEqual([]);
    expect(new Meetings(again, captureDeps(again)).get(m.id)).toMatchObject({ setting: '' });
    expect(search(again, 'recente', {})).toHaveLength(40);
    again.close();
    const after = await decryptedPages(dir, passphrase, work);
    for (const word of [canary, earlier, inSetting, surface]) expect(after.includes(word), word).toBe(false);
    for (const { path, bytes } of allFileBytes(dir)) expect(bytes.includes(canary), path).toBe(false);
  }, 20_000);
});

describe('overview', () => {
  it('counts signals by state, and this month by state actor and modus operandi', async () => {
    const { meetings, signals, vault } = await open();
    const m = meetings.create(fields({ date: '2026-11-02' }), notes);
    const older = meetings.create(fields({ date: '2026-10-02' }), notes);
    for (const [meetingId, actor] of [
      [m.id, 'IR'],
      [m.id, 'IR'],
      [m.id, 'CN'],
      [older.id, 'RU'],
    ] as const) {
      signals.create({
        meetingId,
        spans: [{ start: 0, end: 5 }],
        summary: 's',
        tags: [`nl-obi:state-actor="${actor}"`, 'nl-obi:modus-operandi="intimidation-threats"'],
        consent: true,
      });
    }
    const o = overview(vault, '2026-11');
    expect(o.byState.draft).toBe(4);
    expect(o.byActor).toEqual([
      { tag: 'nl-obi:state-actor="IR"', count: 2 },
      { tag: 'nl-obi:state-actor="CN"', count: 1 },
    ]);
    expect(o.byModusOperandi).toEqual([{ tag: 'nl-obi:modus-operandi="intimidation-threats"', count: 3 }]);
  });
});
