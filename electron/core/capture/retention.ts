import { addDays, addMonths, formatISO, parseISO } from 'date-fns';
import { appendAudit } from '../vault/audit-log';
import type { SqlDatabase } from '../vault/sqlcipher';

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
export function upcomingRemovals(db: SqlDatabase, policy: RetentionPolicy, today: Date): RetentionItem[] {
  const horizon = day(addMonths(addDays(today, policy.warningDays), -policy.retentionMonths));
  const rows = db
    .prepare(
      `SELECT m.id AS meetingId, m.date FROM meetings m JOIN notes n ON n.meeting_id = m.id
       WHERE m.notes_removed_at IS NULL AND m.date <= ? ORDER BY m.date, m.id`,
    )
    .all(horizon) as Array<{ meetingId: number; date: string }>;
  return rows.map((r) => {
    const due = day(addMonths(parseISO(r.date), policy.retentionMonths));
    return { ...r, removeOn: due < day(today) ? day(today) : due };
  });
}

/** Removes the notes that are due; returns how many meetings lost their notes. */
export function applyRetention(db: SqlDatabase, policy: RetentionPolicy, today: Date): number {
  return db.transaction(() => {
    const due = db
      .prepare('SELECT m.id FROM meetings m JOIN notes n ON n.meeting_id = m.id WHERE m.notes_removed_at IS NULL AND m.date <= ?')
      .all(cutoff(policy, today)) as Array<{ id: number }>;
    if (due.length === 0) return 0;
    const removedAt = today.toISOString();
    const deleteNotes = db.prepare('DELETE FROM notes WHERE meeting_id = ?');
    const deleteIndex = db.prepare('DELETE FROM notes_fts WHERE rowid = ?');
    const deleteQuotes = db.prepare('DELETE FROM signal_spans WHERE signal_id IN (SELECT id FROM signals WHERE meeting_id = ?)');
    const mark = db.prepare('UPDATE meetings SET notes_removed_at = ? WHERE id = ?');
    for (const { id } of due) {
      deleteNotes.run(id);
      deleteIndex.run(id);
      deleteQuotes.run(id);
      mark.run(removedAt, id);
    }
    appendAudit(db, 'retention.notes_removed', { meetings: due.length, retentionMonths: policy.retentionMonths });
    return due.length;
  })();
}
