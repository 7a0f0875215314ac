import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { passphrase, tempDir, testVaultOptions } from '../../test-support/temp-dirs';
import { AppError } from '../app-error';
import { createVault, type OpenVault } from '../vault/vault';
import { captureDeps } from '../wiring';
import { addFollowUp, completeFollowUp, followUpsOf } from './follow-ups';
import { Meetings } from './meetings';
import { officerQueue } from './officer-queue';
import { Signals } from './signals';
import { setUrgent } from './urgency';

const vaults: OpenVault[] = [];
afterEach(() => vaults.splice(0).forEach((v) => v.close()));

const notes = 'Studenten werden gefotografeerd bij de bijeenkomst. Mevrouw Yıldız werd gebeld.';
const complete = ['nl-obi:state-actor="CN"', 'nl-obi:modus-operandi="physical-surveillance"'];
const today = new Date('2028-10-20T10:00:00Z');
const options = { retentionMonths: 24, nextSending: '2028-10-23T07:00:00.000Z', today };

async function open() {
  const { vault } = await createVault(join(tempDir(), 'v'), passphrase, testVaultOptions);
  vaults.push(vault);
  const deps = captureDeps(vault);
  const meetings = new Meetings(vault, deps);
  const signals = new Signals(vault, deps);
  const meeting = meetings.create({
    date: '2026-11-02',
    time: null,
    kind: 'community-dialogue',
    community: 'chinese',
    municipality: 'Utrecht',
    setting: '',
    participants: 5,
  });
  meetings.saveNotes(meeting.id, notes, 1);
  const signal = (summary: string, tags: string[] = complete) =>
    signals.create({ meetingId: meeting.id, spans: [{ start: 0, end: 10 }], summary, tags, consent: true });
  return { vault, deps, signals, meeting, signal };
}

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof AppError ? `${e.code}: ${e.message}` : 'other';
  }
  return 'no-error';
};

describe("the officer's work queue", () => {
  it('lists each kind of work once, in the order of the issue, severity first within a group', async () => {
    const { vault, deps, signals, meeting, signal } = await open();
    const ready = signal('Studenten gefotografeerd bij een bijeenkomst.');
    signals.transition(ready.id, 'ready');
    const returned = signal('Studenten gefotografeerd, tweede keer.');
    signals.transition(returned.id, 'ready');
    signals.transition(returned.id, 'sent');
    signals.transition(returned.id, 'returned', 'Graag de plaats weglaten');
    const undecided = signal('Mevrouw Yıldız werd gebeld door de ambassade.');
    const incomplete = signal('Iets gezien.', []);
    const incompleteSevere = signal('Ernstig voorval.', ['nl-obi:severity="4"']);
    const urgent = signal('Dreiging tegen een student.', [...complete, 'nl-obi:severity="4"']);
    setUrgent(vault, urgent.id, true, new Date('2026-12-01T00:00:00Z'));
    const followUp = addFollowUp(vault, { meetingId: meeting.id, dueOn: '2026-12-10', note: 'Terugbellen over de uitnodiging' });
    addFollowUp(vault, { meetingId: meeting.id, dueOn: '2029-01-10', note: 'Later nog eens vragen' });

    const queue = officerQueue(vault, deps, options);
    expect(queue.map((i) => [i.kind, i.ref])).toEqual([
      ['returned', `signal:${returned.id}`],
      ['urgent', `signal:${urgent.id}`],
      ['undecided-redaction', `signal:${undecided.id}`],
      ['incomplete', `signal:${incompleteSevere.id}`],
      ['incomplete', `signal:${incomplete.id}`],
      ['follow-up-due', `follow-up:${followUp.id}`],
      ['retention-warning', `meeting:${meeting.id}`],
      ['ready-waiting', `signal:${ready.id}`],
    ]);
    expect(queue[0]).toMatchObject({ reason: 'Graag de plaats weglaten', target: { page: 'signal', id: returned.id } });
    expect(queue[1]).toMatchObject({ severity: 4, code: 'urgent_draft' });
    expect(queue[3]).toMatchObject({ severity: 4, reason: 'a state-actor tag is missing' });
    expect(queue[5]).toMatchObject({ reason: 'Terugbellen over de uitnodiging', since: '2026-12-10', target: { page: 'meeting', id: meeting.id } });
    expect(queue[6]).toMatchObject({ detail: '2028-11-02' });
    expect(queue[7]).toMatchObject({ detail: options.nextSending, reason: `leaves with the next bundle at ${options.nextSending}` });

    completeFollowUp(vault, followUp.id);
    setUrgent(vault, urgent.id, false);
    const after = officerQueue(vault, deps, options).map((i) => i.kind);
    expect(after).not.toContain('follow-up-due');
    expect(after).not.toContain('urgent');
  });

  it('leaves out a draft that can already become ready, and signals that left', async () => {
    const { vault, deps, signals, signal } = await open();
    signal('Studenten gefotografeerd bij een bijeenkomst.');
    const sent = signal('Studenten gefotografeerd, elders.');
    signals.transition(sent.id, 'ready');
    signals.transition(sent.id, 'sent');
    expect(officerQueue(vault, deps, { ...options, today: new Date('2026-12-07T10:00:00Z') })).toEqual([]);
  });
});

describe('urgency', () => {
  it('can only be marked on a signal that has not left', async () => {
    const { vault, signals, signal } = await open();
    const s = signal('Studenten gefotografeerd bij een bijeenkomst.');
    signals.transition(s.id, 'ready');
    signals.transition(s.id, 'sent');
    expect(codeOf(() => setUrgent(vault, s.id, true))).toMatch(/^not_editable/);
    expect(codeOf(() => setUrgent(vault, 999, true))).toMatch(/^not_found/);
  });
});

describe('follow-ups', () => {
  it('refuse a note in which the redaction detectors find a name, and stay out of every signal', async () => {
    const { vault, meeting } = await open();
    expect(codeOf(() => addFollowUp(vault, { meetingId: meeting.id, dueOn: '2026-12-10', note: 'Mevrouw Yıldız terugbellen op 0612345678' }))).toMatch(
      /^invalid_request: note: looks like it holds personal data \(.*phone/,
    );
    expect(codeOf(() => addFollowUp(vault, { meetingId: meeting.id, dueOn: '10-12-2026', note: 'Terugbellen' }))).toMatch(/^invalid_request: dueOn:/);
    expect(codeOf(() => addFollowUp(vault, { meetingId: 999, dueOn: '2026-12-10', note: 'Terugbellen' }))).toMatch(/^not_found/);
    expect(followUpsOf(vault, meeting.id)).toEqual([]);
  });

  it('are ticked off once, with an audit entry that holds no note', async () => {
    const { vault, meeting } = await open();
    const f = addFollowUp(vault, { meetingId: meeting.id, dueOn: '2026-12-10', note: 'Terugbellen over de uitnodiging' });
    expect(completeFollowUp(vault, f.id).doneAt).not.toBeNull();
    const doneAt = completeFollowUp(vault, f.id).doneAt;
    expect(completeFollowUp(vault, f.id).doneAt).toBe(doneAt);
    const events = vault.recentAudit(10).filter((e) => e.event.startsWith('follow_up.'));
    expect(events.map((e) => e.event).sort()).toEqual(['follow_up.added', 'follow_up.done']);
    expect(JSON.stringify(events)).not.toContain('Terugbellen');
  });
});
