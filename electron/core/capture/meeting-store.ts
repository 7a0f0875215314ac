import type { MeetingFields } from '../../../shared/capture/meeting-schema';
import { foldForSearch } from '../../../shared/text/fold';
import { storeStatements, type OpenVault } from '../vault/vault';

export interface MeetingRow {
  id: number;
  date: string;
  time: string | null;
  kind: MeetingFields['kind'];
  community: string;
  municipality: string;
  province: string;
  setting: string;
  participants: number;
  createdAt: string;
  updatedAt: string;
  notesRemovedAt: string | null;
}

export interface MeetingListRow extends MeetingRow {
  signals: number;
}

/** A meeting as it is written: its fields with the official place and the taxonomy version. */
export interface MeetingValues extends Omit<MeetingFields, 'municipality'> {
  municipality: string;
  province: string;
  taxonomyVersion: number;
}

export interface NotesRow {
  body: string;
  revision: number;
  savedAt: string;
}

const columns =
  'm.id, m.date, m.time, m.kind, m.community, m.municipality, m.province, m.setting, m.participants, m.created_at AS createdAt, m.updated_at AS updatedAt, m.notes_removed_at AS notesRemovedAt';

/**
 * Capture's meetings and their raw notes (tables `meetings`, `notes`, `notes_fts`): typed reads
 * and writes, nothing else. Rules (which fields are valid, who may save) live in meetings.ts.
 * The notes index holds the folded words only, so a note exists in one place retention removes.
 */
export class MeetingStore {
  private readonly sql: ReturnType<typeof storeStatements>;

  constructor(vault: OpenVault) {
    this.sql = storeStatements(vault);
  }

  insert(values: MeetingValues, at: string): number {
    const { lastInsertRowid } = this.sql(
      `INSERT INTO meetings (date, time, kind, community, municipality, province, setting, participants, taxonomy_version, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      values.date,
      values.time,
      values.kind,
      values.community,
      values.municipality,
      values.province,
      values.setting,
      values.participants,
      values.taxonomyVersion,
      at,
      at,
    );
    return Number(lastInsertRowid);
  }

  /** False when there is no such meeting. */
  update(id: number, values: MeetingValues, at: string): boolean {
    const { changes } = this.sql(
      `UPDATE meetings SET date = ?, time = ?, kind = ?, community = ?, municipality = ?, province = ?, setting = ?, participants = ?,
              taxonomy_version = ?, updated_at = ?
       WHERE id = ?`,
    ).run(
      values.date,
      values.time,
      values.kind,
      values.community,
      values.municipality,
      values.province,
      values.setting,
      values.participants,
      values.taxonomyVersion,
      at,
      id,
    );
    return changes > 0;
  }

  get(id: number): MeetingRow | undefined {
    return this.sql(`SELECT ${columns} FROM meetings m WHERE m.id = ?`).get(id) as MeetingRow | undefined;
  }

  count(): number {
    return this.sql('SELECT count(*) FROM meetings').pluck().get() as number;
  }

  /** One page, newest first, continuing after `after` (keyset paging keeps it fast deep down). */
  page(limit: number, after?: { date: string; id: number }): MeetingListRow[] {
    return this.sql(
      `SELECT ${columns}, (SELECT count(*) FROM signals s WHERE s.meeting_id = m.id) AS signals
       FROM meetings m
       WHERE @date IS NULL OR m.date < @date OR (m.date = @date AND m.id < @id)
       ORDER BY m.date DESC, m.id DESC LIMIT @limit`,
    ).all({ date: after?.date ?? null, id: after?.id ?? 0, limit }) as MeetingListRow[];
  }

  notes(id: number): NotesRow | undefined {
    return this.sql('SELECT body, revision, saved_at AS savedAt FROM notes WHERE meeting_id = ?').get(id) as NotesRow | undefined;
  }

  /** The first notes of a new meeting (revision 1) and their index entry. */
  addNotes(id: number, body: string, savedAt: string): void {
    this.sql('INSERT INTO notes (meeting_id, body, revision, saved_at) VALUES (?, ?, 1, ?)').run(id, body, savedAt);
    if (body.length > 0) this.sql('INSERT INTO notes_fts (rowid, body) VALUES (?, ?)').run(id, foldForSearch(body));
  }

  /** Replaces the whole notes text and its index entry. */
  writeNotes(id: number, notes: NotesRow): void {
    this.sql(
      'INSERT INTO notes (meeting_id, body, revision, saved_at) VALUES (?, ?, ?, ?) ON CONFLICT (meeting_id) DO UPDATE SET body = excluded.body, revision = excluded.revision, saved_at = excluded.saved_at',
    ).run(id, notes.body, notes.revision, notes.savedAt);
    this.sql('DELETE FROM notes_fts WHERE rowid = ?').run(id);
    if (notes.body.length > 0) this.sql('INSERT INTO notes_fts (rowid, body) VALUES (?, ?)').run(id, foldForSearch(notes.body));
  }

  /** Meetings whose notes still exist, dated on or before `date`, oldest first. */
  withNotesUntil(date: string): Array<{ meetingId: number; date: string }> {
    return this.sql(
      `SELECT m.id AS meetingId, m.date FROM meetings m JOIN notes n ON n.meeting_id = m.id
       WHERE m.notes_removed_at IS NULL AND m.date <= ? ORDER BY m.date, m.id`,
    ).all(date) as Array<{ meetingId: number; date: string }>;
  }

  /**
   * Deletes the notes, their index entry and the setting text (free text written with the notes),
   * and records when; the meeting itself stays.
   */
  removeNotes(id: number, removedAt: string): void {
    this.sql('DELETE FROM notes WHERE meeting_id = ?').run(id);
    this.sql('DELETE FROM notes_fts WHERE rowid = ?').run(id);
    this.sql("UPDATE meetings SET setting = '', notes_removed_at = ? WHERE id = ?").run(removedAt, id);
  }

  /** Meetings as a list shows them (with their number of signals), in the order of `ids`. */
  listItems(ids: readonly number[]): MeetingListRow[] {
    const row = this.sql(`SELECT ${columns}, (SELECT count(*) FROM signals s WHERE s.meeting_id = m.id) AS signals FROM meetings m WHERE m.id = ?`);
    return ids.flatMap((id) => {
      const found = row.get(id) as MeetingListRow | undefined;
      return found ? [found] : [];
    });
  }

  /**
   * Meetings with notes that share their date, municipality and community with another meeting:
   * the only ones that can be likely duplicates. Grouped in SQL, so notes are read only for those.
   */
  sharingDayAndPlace(): Array<{ id: number; date: string; municipality: string; community: string; body: string }> {
    return this.sql(
      `SELECT m.id, m.date, m.municipality, m.community, n.body FROM meetings m JOIN notes n ON n.meeting_id = m.id
       WHERE n.body <> '' AND (m.date, m.municipality, m.community) IN
         (SELECT date, municipality, community FROM meetings GROUP BY date, municipality, community HAVING count(*) > 1)
       ORDER BY m.id`,
    ).all() as Array<{ id: number; date: string; municipality: string; community: string; body: string }>;
  }

  /** Deletes a meeting that has no signals left, with its notes and their index entry. */
  remove(id: number): void {
    this.sql('DELETE FROM notes_fts WHERE rowid = ?').run(id);
    this.sql('DELETE FROM notes WHERE meeting_id = ?').run(id);
    this.sql('DELETE FROM meetings WHERE id = ?').run(id);
  }

  /** Every meeting's community and the taxonomy version it was set with. */
  communities(): Array<{ id: number; community: string; taxonomyVersion: number }> {
    return this.sql('SELECT id, community, taxonomy_version AS taxonomyVersion FROM meetings ORDER BY id').all() as Array<{
      id: number;
      community: string;
      taxonomyVersion: number;
    }>;
  }

  setCommunity(id: number, community: string, taxonomyVersion: number): void {
    this.sql('UPDATE meetings SET community = ?, taxonomy_version = ? WHERE id = ?').run(community, taxonomyVersion, id);
  }
}
