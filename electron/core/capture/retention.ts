import { addDays, addMonths, formatISO, parseISO } from 'date-fns';
import type { OpenVault } from '../vault/vault';
import { MeetingStore } from './meeting-store';
import { RedactionDecisionStore } from './redaction-decision-store';
import { SearchStore } from './search-store';
import { SignalStore } from './signal-store';

/**
 * Raw notes are kept for `retentionMonths` after the meeting, then removed; the officer is warned
 * `warningDays` before. Removal takes everything that came from the notes: the notes, the setting
 * text, the quotes signals took from them, the redaction decisions on those signals (their surface
 * is unredacted text), and the notes' words in the full-text index, merged away rather than only
 * marked deleted. secure_delete zeroes the freed space and the write-ahead log is emptied after, so
 * no decrypted page keeps a copy. Meetings, signals, tags and the audit log stay, so what was
 * reported and sent remains on record.
 */
export interface RetentionPolicy {
  retentionMonths: number;
  warningDays: number;
}

export const defaultWarningDays = 30;

export interface RetentionItem {
  meetingId: number;
  date: string;
  removeOn: string;
}

const day = (d: Date) => formatISO(d, { representation: 'date' });

/** Meeting dates on or before this day are due for removal today. */
export const retentionCutoff = (policy: Pick<RetentionPolicy, 'retentionMonths'>, today: Date) => day(addMonths(today, -policy.retentionMonths));

/** Notes that will be removed within the warning period, with the day each goes. */
export function upcomingRemovals(vault: OpenVault, policy: RetentionPolicy, today: Date): RetentionItem[] {
  const horizon = day(addMonths(addDays(today, policy.warningDays), -policy.retentionMonths));
  return new MeetingStore(vault).withNotesUntil(horizon).map((r) => {
    const due = day(addMonths(parseISO(r.date), policy.retentionMonths));
    return { ...r, removeOn: due < day(today) ? day(today) : due };
  });
}

/** Removes the notes that are due and all that came from them; returns how many meetings lost their notes. */
export function applyRetention(vault: OpenVault, policy: RetentionPolicy, today: Date): number {
  const meetings = new MeetingStore(vault);
  const signals = new SignalStore(vault);
  const decisions = new RedactionDecisionStore(vault);
  const removed = vault.transaction(() => {
    const due = meetings.withNotesUntil(retentionCutoff(policy, today));
    if (due.length === 0) return 0;
    const removedAt = today.toISOString();
    for (const { meetingId } of due) {
      meetings.removeNotes(meetingId, removedAt);
      signals.removeQuotesOf(meetingId);
      decisions.removeOfMeeting(meetingId);
    }
    new SearchStore(vault).mergeAll('notes_fts');
    vault.audit('retention.notes_removed', { meetings: due.length, retentionMonths: policy.retentionMonths });
    return due.length;
  });
  if (removed > 0) vault.flushRemovals();
  return removed;
}
