import { implausibleMeetingDate } from '../../../shared/capture/meeting-date';
import type { MeetingFields } from '../../../shared/capture/meeting-schema';
import { AppError } from '../app-error';
import type { OpenVault } from '../vault/vault';
import type { CaptureDeps } from './capture-ports';
import { MeetingStore, type MeetingListRow, type MeetingRow, type MeetingValues, type NotesRow } from './meeting-store';

export type { MeetingListRow, MeetingRow } from './meeting-store';

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

/** Meetings and their notes, as the officer keeps them: checked fields, one save at a time. */
export class Meetings {
  private readonly store: MeetingStore;

  constructor(
    private readonly vault: OpenVault,
    private readonly deps: CaptureDeps,
  ) {
    this.store = new MeetingStore(vault);
  }

  private now(): string {
    return (this.deps.now?.() ?? new Date()).toISOString();
  }

  private values(fields: MeetingFields): MeetingValues {
    return { ...fields, ...resolveMeetingFields(this.deps, fields), taxonomyVersion: this.deps.taxonomy.version };
  }

  create(fields: MeetingFields, notes = ''): MeetingRow {
    const values = this.values(fields);
    return this.vault.transaction(() => {
      const at = this.now();
      const id = this.store.insert(values, at);
      this.store.addNotes(id, notes, at);
      return this.get(id);
    });
  }

  update(id: number, fields: MeetingFields): MeetingRow {
    if (!this.store.update(id, this.values(fields), this.now())) throw notFound();
    return this.get(id);
  }

  get(id: number): MeetingRow {
    const row = this.store.get(id);
    if (!row) throw notFound();
    return row;
  }

  notes(id: number): NotesRow {
    const row = this.store.notes(id);
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
    return this.vault.transaction(() => {
      const meeting = this.get(id);
      if (meeting.notesRemovedAt) throw new AppError('notes_removed', 'The notes of this meeting were removed under the retention policy.');
      if ((this.store.notes(id)?.revision ?? 0) !== baseRevision) {
        throw new AppError('conflict', 'The notes were changed elsewhere; reload them before saving.');
      }
      const saved = { body, revision: baseRevision + 1, savedAt: this.now() };
      this.store.writeNotes(id, saved);
      return { revision: saved.revision, savedAt: saved.savedAt };
    });
  }

  count(): number {
    return this.store.count();
  }

  /** One page of meetings, newest first, continuing after `after`, and how many there are. */
  list(limit: number, after?: { date: string; id: number }): { items: MeetingListRow[]; total: number } {
    return { items: this.store.page(limit, after), total: this.store.count() };
  }
}
