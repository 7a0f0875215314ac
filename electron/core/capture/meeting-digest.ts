import { createHash } from 'node:crypto';
import type { ImportLine } from '../../../shared/capture/import-line';

/**
 * Notes as the digest sees them: Unicode in one form (NFC) and every run of white space, line
 * breaks and non-breaking spaces included, one space, trimmed. An export that rewraps lines or
 * writes CRLF is the same meeting; a changed word or letter case is not.
 */
export function normaliseNotes(notes: string): string {
  return notes.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

const sha256 = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/** What identifies a meeting without a reference of its source: the same conversation exported again gives the same digest. */
export interface MeetingIdentity {
  date: string;
  /** The official name, so that a spelling the map accepts ("Den Bosch") is the same place. */
  municipality: string;
  community: string;
  kind: string;
  notes: string;
}

/** SHA-256 of date, municipality, community, kind and normalised notes (hex). */
export function meetingDigest(m: MeetingIdentity): string {
  return sha256(['obi-meeting-1', m.date, m.municipality, m.community, m.kind, normaliseNotes(m.notes)]);
}

/** The fields of an import line compared when it comes back, in the order a refusal names them. */
export const comparedFields = ['date', 'time', 'kind', 'community', 'municipality', 'setting', 'participants', 'notes', 'signals'] as const;
export type FieldDigests = Record<(typeof comparedFields)[number], string>;

/**
 * A digest per field of an import line (with its official municipality), so that a line that comes
 * back can be compared field by field with what was imported, without a second copy of its text.
 */
export function fieldDigests(line: ImportLine, municipality: string): FieldDigests {
  const signals = line.signals.map((s) => ({ ...s, tags: [...new Set(s.tags)].sort() }));
  const values: Record<(typeof comparedFields)[number], unknown> = {
    date: line.date,
    time: line.time,
    kind: line.kind,
    community: line.community,
    municipality,
    setting: line.setting,
    participants: line.participants,
    notes: normaliseNotes(line.notes),
    signals,
  };
  return Object.fromEntries(comparedFields.map((f) => [f, sha256(values[f])])) as FieldDigests;
}

/** The fields whose digests differ (names only, never values). */
export const differingFields = (a: FieldDigests, b: FieldDigests): string[] => comparedFields.filter((f) => a[f] !== b[f]);
