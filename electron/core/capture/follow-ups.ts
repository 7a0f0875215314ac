import { z } from 'zod';
import { isoDate } from '../../../shared/capture/meeting-schema';
import { detect } from '../../../shared/redaction/detect';
import { AppError } from '../app-error';
import type { OpenVault } from '../vault/vault';
import { FollowUpStore, type FollowUpRow } from './follow-up-store';
import { MeetingStore } from './meeting-store';

export type { FollowUpRow } from './follow-up-store';

export const followUpNote = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
export const newFollowUp = z.strictObject({ meetingId: z.number().int().positive(), dueOn: isoDate, note: followUpNote });

/**
 * Follow-ups of a meeting: a day and a short note of what to do then. They never leave the laptop
 * (no bundle reads them) and still hold no personal data: the redaction detectors run on the note,
 * as on summaries, and a note in which they find anything but a date is refused, naming what they found.
 */
export function addFollowUp(vault: OpenVault, input: z.input<typeof newFollowUp>, now = new Date()): FollowUpRow {
  const parsed = newFollowUp.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.map(String).join('.') || 'request';
    throw new AppError('invalid_request', `${field}: ${issue.message}`, { field });
  }
  const { meetingId, dueOn, note } = parsed.data;
  const found = [...new Set(detect(note).map((s) => s.category))].filter((c) => c !== 'date');
  if (found.length > 0) {
    throw new AppError('invalid_request', `note: looks like it holds personal data (${found.join(', ')}); write what to do, without names`, {
      field: 'note',
    });
  }
  return vault.transaction(() => {
    if (!new MeetingStore(vault).get(meetingId)) throw new AppError('not_found', 'That meeting does not exist.');
    const store = new FollowUpStore(vault);
    const id = store.insert(meetingId, dueOn, note, now.toISOString());
    vault.audit('follow_up.added', { meeting: meetingId });
    return store.get(id)!;
  });
}

/** Ticks a follow-up off; ticking one off twice changes nothing. */
export function completeFollowUp(vault: OpenVault, id: number, now = new Date()): FollowUpRow {
  return vault.transaction(() => {
    const store = new FollowUpStore(vault);
    if (!store.get(id)) throw new AppError('not_found', 'That follow-up does not exist.');
    if (store.markDone(id, now.toISOString())) vault.audit('follow_up.done', { followUp: id });
    return store.get(id)!;
  });
}

export const followUpsOf = (vault: OpenVault, meetingId: number): FollowUpRow[] => new FollowUpStore(vault).ofMeeting(meetingId);

/** Open follow-ups due on or before `day` (YYYY-MM-DD). */
export const dueFollowUps = (vault: OpenVault, day: string): FollowUpRow[] => new FollowUpStore(vault).dueBy(day);
