import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPayload, type Payload } from '../../../shared/exchange/payload';
import { obiExtensionId } from '../../../shared/exchange/stix/obi-extension';
import { readOfficerBundle, urgentLabel } from '../../../shared/exchange/stix/officer-bundle';
import { exchangePair } from '../../test-support/exchange-pair';
import { tempDir } from '../../test-support/temp-dirs';
import { AppError } from '../app-error';
import { Signals } from '../capture/signals';
import { setUrgent } from '../capture/urgency';
import { readInbox, sendNow, sendUrgentNow } from './exchange-service';
import { listReview } from './four-eyes-review';
import { leadQueue } from './lead-queue';
import { outgoingHistory, outgoingPayload } from './outgoing-ledger';

async function pair() {
  const root = tempDir();
  const [o2l, central] = [join(root, 'o2l'), join(root, 'central')];
  mkdirSync(o2l);
  return exchangePair({
    officer: { kind: 'folder', outbox: o2l, inbox: join(root, 'l2o') },
    lead: { kind: 'folder', outbox: central, inbox: o2l },
  });
}

const codeOf = async (p: Promise<unknown>) =>
  p.then(
    () => 'no-error',
    (e: unknown) => (e instanceof AppError ? e.code : 'other'),
  );

const notes = (payload: Payload) => payload.bundle.objects.filter((o) => o.type === 'note');

describe('Nu naar de teamleider', () => {
  it('sends one urgent signal at once, exactly once, and the team lead finds it on top, marked urgent', async () => {
    const p = await pair();
    const signals = new Signals(p.officer.vault, p.officer.deps);
    // Signal 3 waits while 1 and 2 go with the scheduled bundle; then it turns urgent.
    signals.transition(3, 'draft');
    const ordinary = await sendNow(p.officer.vault, p.officerPolicy, p.officer.deps);
    signals.transition(3, 'ready');
    setUrgent(p.officer.vault, 3, true);

    const urgent = await sendUrgentNow(p.officer.vault, p.officerPolicy, p.officer.deps, 3);
    expect(urgent.prepared).not.toBeNull();
    expect(urgent.failures).toEqual([]);
    expect(signals.get(3).state).toBe('sent');
    const payload = readPayload(JSON.parse(outgoingPayload(p.officer.vault, urgent.prepared!)));
    if (!payload.ok) throw new Error(payload.problem.message);
    expect(payload.value.manifest.counts.signals).toBe(1);
    // The mark is a label; the extension holds exactly what an older reader expects.
    const [note] = notes(payload.value);
    expect(note!.labels).toContain(urgentLabel);
    expect(Object.keys((note!.extensions as Record<string, object>)[obiExtensionId]!).sort()).toEqual(
      ['consent', 'conversation', 'extension_type', 'meeting_date', 'signal_id', 'tags'].sort(),
    );
    expect(readOfficerBundle(payload.value)).toMatchObject({ ok: true, value: [{ urgent: true }] });

    // A second press changes nothing: the signal left, and it left once.
    expect(await codeOf(sendUrgentNow(p.officer.vault, p.officerPolicy, p.officer.deps, 3))).toBe('invalid_transition');
    expect(
      outgoingHistory(p.officer.vault)
        .map((b) => b.id)
        .sort(),
    ).toEqual([ordinary.prepared, urgent.prepared].sort());

    await readInbox(p.lead.vault, p.leadPolicy, p.lead.deps);
    const items = listReview(p.lead.vault, null, 'pending');
    expect(items.map((i) => i.urgent)).toEqual([true, false, false]);
    const queue = leadQueue(p.lead.vault, p.leadPolicy);
    expect(queue.items.map((i) => i.kind)).toEqual(['urgent', 'review-pending', 'review-pending']);
    expect(queue.items[0]!.ref).toBe(`review:${items[0]!.id}`);
    expect(queue.perOfficer).toEqual([{ officer: 'officer-1', pending: 3, returned: 0 }]);
  });

  it('sends nothing for a signal that is not urgent or not ready', async () => {
    const p = await pair();
    expect(await codeOf(sendUrgentNow(p.officer.vault, p.officerPolicy, p.officer.deps, 1))).toBe('invalid_request');
    new Signals(p.officer.vault, p.officer.deps).transition(2, 'draft');
    setUrgent(p.officer.vault, 2, true);
    expect(await codeOf(sendUrgentNow(p.officer.vault, p.officerPolicy, p.officer.deps, 2))).toBe('invalid_transition');
    expect(outgoingHistory(p.officer.vault)).toEqual([]);
  });

  it('marks review items overdue after reviewWithinDays', async () => {
    const p = await pair();
    await sendNow(p.officer.vault, p.officerPolicy, p.officer.deps);
    await readInbox(p.lead.vault, p.leadPolicy, p.lead.deps);
    const later = new Date(Date.now() + (p.leadPolicy.reviewWithinDays + 1) * 24 * 60 * 60 * 1000);
    expect(leadQueue(p.lead.vault, p.leadPolicy, later).items.map((i) => i.kind)).toEqual(['review-overdue', 'review-overdue', 'review-overdue']);
    expect(leadQueue(p.lead.vault, p.leadPolicy).items.map((i) => i.kind)).toEqual(['review-pending', 'review-pending', 'review-pending']);
  });
});

describe('the urgent label in an officer bundle', () => {
  it('is the only label beside the tags and the marking that a reader accepts', async () => {
    const p = await pair();
    const sent = await sendNow(p.officer.vault, p.officerPolicy, p.officer.deps);
    const payload = JSON.parse(outgoingPayload(p.officer.vault, sent.prepared!)) as Payload;
    const index = payload.bundle.objects.findIndex((o) => o.type === 'note');
    const note = payload.bundle.objects[index]!;
    note.labels = [...(note.labels as string[]), 'something-else'];
    const read = readOfficerBundle(payload);
    expect(read).toMatchObject({ ok: false, problem: { path: `bundle.objects.${index}.labels.${(note.labels as string[]).length - 1}` } });
  });
});
