import { storeStatements, type OpenVault } from '../vault/vault';

/** A follow-up of a meeting: a day and a short note, kept on this laptop only. */
export interface FollowUpRow {
  id: number;
  meetingId: number;
  dueOn: string;
  note: string;
  createdAt: string;
  doneAt: string | null;
}

const columns = 'id, meeting_id AS meetingId, due_on AS dueOn, note, created_at AS createdAt, done_at AS doneAt';

/**
 * Capture's follow-ups (table `follow_ups`): typed reads and writes; the rules are in follow-ups.ts.
 * No other capability reads them, so they never reach a bundle.
 */
export class FollowUpStore {
  private readonly sql: ReturnType<typeof storeStatements>;

  constructor(vault: OpenVault) {
    this.sql = storeStatements(vault);
  }

  insert(meetingId: number, dueOn: string, note: string, at: string): number {
    const { lastInsertRowid } = this.sql('INSERT INTO follow_ups (meeting_id, due_on, note, created_at) VALUES (?, ?, ?, ?)').run(meetingId, dueOn, note, at);
    return Number(lastInsertRowid);
  }

  get(id: number): FollowUpRow | undefined {
    return this.sql(`SELECT ${columns} FROM follow_ups WHERE id = ?`).get(id) as FollowUpRow | undefined;
  }

  ofMeeting(meetingId: number): FollowUpRow[] {
    return this.sql(`SELECT ${columns} FROM follow_ups WHERE meeting_id = ? ORDER BY done_at IS NOT NULL, due_on, id`).all(meetingId) as FollowUpRow[];
  }

  /** Open follow-ups due on or before `day`. */
  dueBy(day: string): FollowUpRow[] {
    return this.sql(`SELECT ${columns} FROM follow_ups WHERE done_at IS NULL AND due_on <= ? ORDER BY due_on, id`).all(day) as FollowUpRow[];
  }

  /** True when the follow-up was open. */
  markDone(id: number, at: string): boolean {
    return this.sql('UPDATE follow_ups SET done_at = ? WHERE id = ? AND done_at IS NULL').run(at, id).changes > 0;
  }
}
