import { storeStatements, type OpenVault } from '../vault/vault';
import type { FieldDigests } from './meeting-digest';

export interface ImportRecord {
  id: number;
  meetingId: number;
  sourceRef: string | null;
  fieldDigests: FieldDigests;
}

type StoredRecord = Omit<ImportRecord, 'fieldDigests'> & { fieldDigests: string };

const columns = 'id, meeting_id AS meetingId, source_ref AS sourceRef, field_digests AS fieldDigests';
const parsed = (row: StoredRecord | undefined): ImportRecord | undefined =>
  row ? { ...row, fieldDigests: JSON.parse(row.fieldDigests) as FieldDigests } : undefined;

/**
 * Capture's memory of imported lines (table `meeting_imports`): the source's reference, the
 * meeting's digest and a digest per field, so an import recognises a meeting that comes back. The
 * source's reference stays here; nothing that builds a bundle reads this table.
 */
export class MeetingImportStore {
  private readonly sql: ReturnType<typeof storeStatements>;

  constructor(vault: OpenVault) {
    this.sql = storeStatements(vault);
  }

  bySourceRef(sourceRef: string): ImportRecord | undefined {
    return parsed(this.sql(`SELECT ${columns} FROM meeting_imports WHERE source_ref = ?`).get(sourceRef) as StoredRecord | undefined);
  }

  /** The first import with this digest; `withoutRef` only among lines that gave no reference. */
  byDigest(digest: string, withoutRef: boolean): ImportRecord | undefined {
    return parsed(
      this.sql(`SELECT ${columns} FROM meeting_imports WHERE digest = ? AND (? = 0 OR source_ref IS NULL) ORDER BY id LIMIT 1`).get(
        digest,
        withoutRef ? 1 : 0,
      ) as StoredRecord | undefined,
    );
  }

  insert(values: { meetingId: number; sourceRef: string | null; digest: string; fieldDigests: FieldDigests }, at: string): void {
    this.sql('INSERT INTO meeting_imports (meeting_id, source_ref, digest, field_digests, imported_at) VALUES (?, ?, ?, ?, ?)').run(
      values.meetingId,
      values.sourceRef,
      values.digest,
      JSON.stringify(values.fieldDigests),
      at,
    );
  }

  /** Gives a line imported without a reference the reference its source now gives it. */
  setSourceRef(id: number, sourceRef: string): void {
    this.sql('UPDATE meeting_imports SET source_ref = ? WHERE id = ?').run(sourceRef, id);
  }

  /** A merged meeting's imports now lead to the meeting that stays, so they are still recognised. */
  moveTo(fromMeeting: number, toMeeting: number): void {
    this.sql('UPDATE meeting_imports SET meeting_id = ? WHERE meeting_id = ?').run(toMeeting, fromMeeting);
  }
}
