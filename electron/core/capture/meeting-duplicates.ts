import { AppError } from '../app-error';
import type { OpenVault } from '../vault/vault';
import type { CaptureDeps } from './capture-ports';
import { KeptApartStore } from './kept-apart-store';
import { MeetingImportStore } from './meeting-import-store';
import { MeetingStore, type MeetingListRow } from './meeting-store';
import { nearDuplicates, pairKey } from './near-duplicates';
import { SignalStore, type SignalSpan } from './signal-store';

export interface DuplicatePair {
  first: MeetingListRow;
  second: MeetingListRow;
  similarity: number;
}

const now = (deps: CaptureDeps) => (deps.now?.() ?? new Date()).toISOString();

const bothMeetings = (store: MeetingStore, a: number, b: number) => {
  if (a === b) throw new AppError('invalid_request', 'A meeting cannot be a duplicate of itself.');
  const first = store.get(a);
  const second = store.get(b);
  if (!first || !second) throw new AppError('not_found', 'That meeting does not exist.');
  return [first, second] as const;
};

/** Pairs of meetings that are likely one conversation recorded twice, except those kept apart, oldest first. */
export function likelyDuplicates(vault: OpenVault): DuplicatePair[] {
  const meetings = new MeetingStore(vault);
  const keptApart = new Set(new KeptApartStore(vault).pairs().map(([a, b]) => pairKey(a, b)));
  return nearDuplicates(meetings.sharingDayAndPlace(), keptApart).flatMap(({ first, second, similarity }) => {
    const [a, b] = meetings.listItems([first, second]);
    return a && b ? [{ first: a, second: b, similarity }] : [];
  });
}

/** Remembers that two meetings are two conversations, so they are not offered as duplicates again. */
export function keepApart(vault: OpenVault, deps: CaptureDeps, a: number, b: number): void {
  vault.transaction(() => {
    bothMeetings(new MeetingStore(vault), a, b);
    new KeptApartStore(vault).add(a, b, now(deps));
    vault.audit('meeting.kept_apart', { first: Math.min(a, b), second: Math.max(a, b) });
  });
}

/**
 * Where the spans of the signals that move can point in the notes of the meeting that stays: at
 * the same place or elsewhere in those notes when the quote is there (a near-copy mostly has it),
 * else the notes that go are added below the notes that stay and the spans point there.
 */
function movedSpans(kept: string, removed: string, spans: ReadonlyArray<{ id: number; spans: SignalSpan[] }>) {
  const found = spans.map(({ id, spans: own }) => ({
    id,
    spans: own.map((s) => {
      const start = kept.slice(s.start, s.end) === s.quote ? s.start : kept.indexOf(s.quote);
      return start < 0 ? null : { start, end: start + s.quote.length, quote: s.quote };
    }),
  }));
  if (found.every((f) => f.spans.every((s) => s !== null))) return { body: kept, spans: found as Array<{ id: number; spans: SignalSpan[] }> };
  const shift = kept.length + 2;
  return {
    body: `${kept}\n\n${removed}`,
    spans: spans.map(({ id, spans: own }) => ({ id, spans: own.map((s) => ({ start: s.start + shift, end: s.end + shift, quote: s.quote })) })),
  };
}

/**
 * Merges meeting `remove` into meeting `keep`: one conversation with the signals of both. The
 * signals move (their spans follow into the notes that stay), the import memory of the meeting
 * that goes leads to the one that stays (so its file is still recognised), and the meeting that
 * goes is deleted. Audited by ids and counts only. A signal in a bundle that is ready to leave
 * holds the merge back until that bundle is sent or discarded.
 */
export function mergeMeetings(vault: OpenVault, deps: CaptureDeps, keep: number, remove: number): { kept: number; removed: number; signals: number } {
  return vault.transaction(() => {
    const meetings = new MeetingStore(vault);
    const signals = new SignalStore(vault);
    const [kept] = bothMeetings(meetings, keep, remove);
    const moving = signals.list({ meetingId: remove }).map((s) => s.id);
    if (moving.some((id) => deps.sending.isBound(id))) {
      throw new AppError('conflict', 'A signal of the meeting that would go is in a bundle that is ready to leave; send or discard that bundle first.');
    }
    const at = now(deps);
    const keptNotes = kept.notesRemovedAt ? undefined : meetings.notes(keep);
    const removedNotes = meetings.notes(remove);
    const withSpans = moving.map((id) => ({ id, spans: signals.get(id)?.spans ?? [] }));
    if (!keptNotes) {
      // The notes that stay were removed under retention: quotes of the notes that go go with them.
      signals.removeQuotesOf(remove);
    } else if (removedNotes && withSpans.some((s) => s.spans.length > 0)) {
      const merged = movedSpans(keptNotes.body, removedNotes.body, withSpans);
      if (merged.body !== keptNotes.body) meetings.writeNotes(keep, { body: merged.body, revision: keptNotes.revision + 1, savedAt: at });
      for (const s of merged.spans) signals.replaceSpans(s.id, s.spans);
    }
    const moved = signals.moveToMeeting(remove, keep, at);
    new MeetingImportStore(vault).moveTo(remove, keep);
    meetings.remove(remove);
    vault.audit('meeting.merged', { kept: keep, removed: remove, signals: moved });
    return { kept: keep, removed: remove, signals: moved };
  });
}
