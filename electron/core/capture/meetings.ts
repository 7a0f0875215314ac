import { implausibleMeetingDate } from '../../../shared/capture/meeting-date';
import type { MeetingFields } from '../../../shared/capture/meeting-schema';
import { foldForSearch } from '../../../shared/text/fold';
import { AppError } from '../app-error';
import type { SqlDatabase } from '../vault/sqlcipher';
import type { CaptureDeps } from './capture-ports';

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

export const meetingColumns =
  'm.id, m.date, m.time, m.kind, m.community, m.municipality, m.province, m.setting, m.participants, m.created_at AS createdAt, m.updated_at AS updatedAt, m.notes_removed_at AS notesRemovedAt';

const notFound = () => new AppError('not_found', 'That meeting does not exist.');

/** Checks the date, community and municipality (against the taxonomy and the map); returns the official place. */
export function resolveMeetingFields(deps: CaptureDeps, fields: MeetingFields): { municipality: string; province: string } {
  const date = implausibleMeetingDate(fields.date, deps.now?.() ?? new Date());
  if (date) throw new AppError('invalid_request', `date: ${date}`, { field: 'date' });
  const community = deps.taxonomy.checkCommunity(fields.community);
  if (community) throw new AppError('invalid_request', `community: ${community}`, { field: 'community' });
  const place = deps.places.findMunicipality(fields.municipality);
  if (!place) {
    throw new AppError('invalid_request', 'municipality: is not a Dutch municipality', { field: 'municipality' });
  }
  return { municipality: place.name, province: place.province };
}

export class Meetings {
  constructor(
    private readonly db: SqlDatabase,
    private readonly deps: CaptureDeps,
  ) {}

  private now(): string {
    return (this.deps.now?.() ?? new Date()).toISOString();
  }

  create(fields: MeetingFields, notes = ''): MeetingRow {
    const place = resolveMeetingFields(this.deps, fields);
    return this.db.transaction(() => {
      const at = this.now();
      const { lastInsertRowid } = this.db
        .prepare(
          `INSERT INTO meetings (date, time, kind, community, municipality, province, setting, participants, taxonomy_version, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          fields.date,
          fields.time,
          fields.kind,
          fields.community,
          place.municipality,
          place.province,
          fields.setting,
          fields.participants,
          this.deps.taxonomy.version,
          at,
          at,
        );
      const id = Number(lastInsertRowid);
      this.db.prepare('INSERT INTO notes (meeting_id, body, revision, saved_at) VALUES (?, ?, 1, ?)').run(id, notes, at);
      if (notes.length > 0) this.db.prepare('INSERT INTO notes_fts (rowid, body) VALUES (?, ?)').run(id, foldForSearch(notes));
      return this.get(id);
    })();
  }

  update(id: number, fields: MeetingFields): MeetingRow {
    const place = resolveMeetingFields(this.deps, fields);
    const changed = this.db
      .prepare(
        `UPDATE meetings SET date = ?, time = ?, kind = ?, community = ?, municipality = ?, province = ?, setting = ?, participants = ?,
                taxonomy_version = ?, updated_at = ?
         WHERE id = ?`,
      )
      .run(
        fields.date,
        fields.time,
        fields.kind,
        fields.community,
        place.municipality,
        place.province,
        fields.setting,
        fields.participants,
        this.deps.taxonomy.version,
        this.now(),
        id,
      );
    if (changed.changes === 0) throw notFound();
    return this.get(id);
  }

  get(id: number): MeetingRow {
    const row = this.db.prepare(`SELECT ${meetingColumns} FROM meetings m WHERE m.id = ?`).get(id) as MeetingRow | undefined;
    if (!row) throw notFound();
    return row;
  }

  notes(id: number): { body: string; revision: number; savedAt: string } {
    const row = this.db.prepare('SELECT body, revision, saved_at AS savedAt FROM notes WHERE meeting_id = ?').get(id) as
      { body: string; revision: number; savedAt: string } | undefined;
    if (row) return row;
    const meeting = this.get(id);
    return { body: '', revision: 0, savedAt: meeting.notesRemovedAt ?? meeting.updatedAt };
  }

  /**
   * Saves the whole notes text in one transaction (the index with it). `baseRevision` is the
   * revision the editor started from: a save based on an older one is refused instead of
   * silently overwriting newer text.
   */
  saveNotes(id: number, body: string, baseRevision: number): { revision: number; savedAt: string } {
    return this.db.transaction(() => {
      const meeting = this.get(id);
      if (meeting.notesRemovedAt) throw new AppError('notes_removed', 'The notes of this meeting were removed under the retention policy.');
      const current = this.db.prepare('SELECT revision FROM notes WHERE meeting_id = ?').get(id) as { revision: number } | undefined;
      if ((current?.revision ?? 0) !== baseRevision) {
        throw new AppError('conflict', 'The notes were changed elsewhere; reload them before saving.');
      }
      const revision = baseRevision + 1;
      const savedAt = this.now();
      this.db
        .prepare(
          'INSERT INTO notes (meeting_id, body, revision, saved_at) VALUES (?, ?, ?, ?) ON CONFLICT (meeting_id) DO UPDATE SET body = excluded.body, revision = excluded.revision, saved_at = excluded.saved_at',
        )
        .run(id, body, revision, savedAt);
      this.db.prepare('DELETE FROM notes_fts WHERE rowid = ?').run(id);
      if (body.length > 0) this.db.prepare('INSERT INTO notes_fts (rowid, body) VALUES (?, ?)').run(id, foldForSearch(body));
      return { revision, savedAt };
    })();
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM meetings').get() as { n: number }).n;
  }
}

export interface MeetingListRow extends MeetingRow {
  signals: number;
}

/** One page of meetings, newest first, continuing after `after` (keyset paging keeps it fast deep down). */
export function listMeetings(db: SqlDatabase, limit: number, after?: { date: string; id: number }): { items: MeetingListRow[]; total: number } {
  const items = db
    .prepare(
      `SELECT ${meetingColumns}, (SELECT count(*) FROM signals s WHERE s.meeting_id = m.id) AS signals
       FROM meetings m
       WHERE @date IS NULL OR m.date < @date OR (m.date = @date AND m.id < @id)
       ORDER BY m.date DESC, m.id DESC LIMIT @limit`,
    )
    .all({ date: after?.date ?? null, id: after?.id ?? 0, limit }) as MeetingListRow[];
  const total = (db.prepare('SELECT count(*) AS n FROM meetings').get() as { n: number }).n;
  return { items, total };
}
