import { addDays, addMonths, formatISO, parseISO } from 'date-fns';
import type { OpenVault } from '../vault/vault';
import { MeetingStore } from './meeting-store';
import { SignalStore } from './signal-store';

/**
 * Raw notes are kept for `retentionMonths` after the meeting, then removed; the officer is warned
 * `warningDays` before. Removal deletes the notes, their index entries and the quotes signals
 * took from them (secure_delete overwrites the freed pages); meetings, signals, tags and the audit
 * log stay, so what was reported and sent remains on record.
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
const cutoff = (policy: RetentionPolicy, today: Date) => day(addMonths(today, -policy.retentionMonths));

/** Notes that will be removed within the warning period, with the day each goes. */
export function upcomingRemovals(vault: OpenVault, policy: RetentionPolicy, today: Date): RetentionItem[] {
  const horizon = day(addMonths(addDays(today, policy.warningDays), -policy.retentionMonths));
  return new MeetingStore(vault).withNotesUntil(horizon).map((r) => {
    const due = day(addMonths(parseISO(r.date), policy.retentionMonths));
    return { ...r, removeOn: due < day(today) ? day(today) : due };
  });
}

/** Removes the notes that are due; returns how many meetings lost their notes. */
export function applyRetention(vault: OpenVault, policy: RetentionPolicy, today: Date): number {
  const meetings = new MeetingStore(vault);
  const signals = new SignalStore(vault);
  return vault.transaction(() => {
    const due = meetings.withNotesUntil(cutoff(policy, today));
    if (due.length === 0) return 0;
    const removedAt = today.toISOString();
    for (const { meetingId } of due) {
      meetings.removeNotes(meetingId, removedAt);
      signals.removeQuotesOf(meetingId);
    }
    vault.audit('retention.notes_removed', { meetings: due.length, retentionMonths: policy.retentionMonths });
    return due.length;
  });
}
