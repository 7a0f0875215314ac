import { importLine, type ImportLine } from '../../../shared/capture/import-line';
import { AppError } from '../app-error';
import { decodeUtf8 } from '../platform/utf8-text';
import type { OpenVault } from '../vault/vault';
import type { CaptureDeps } from './capture-ports';
import { differingFields, fieldDigests, meetingDigest, type FieldDigests } from './meeting-digest';
import { MeetingImportStore, type ImportRecord } from './meeting-import-store';
import { Meetings, resolveMeetingFields } from './meetings';
import { Signals } from './signals';

const describe = (issue: { path: PropertyKey[]; message: string; code: string } | undefined): string => {
  if (!issue) return 'is not valid';
  const field = issue.path.map(String).join('.');
  const what = issue.code === 'unrecognized_keys' ? issue.message.toLowerCase() : issue.message;
  return field ? `${field}: ${what}` : what;
};

/** The text of an import file; bytes that are not UTF-8 are refused by line and offset, never replaced. */
function importText(input: string | Uint8Array): string {
  if (typeof input === 'string') return input;
  const decoded = decodeUtf8(input);
  if (decoded.ok) return decoded.text;
  const { line, lineOffset, offset } = decoded.fault;
  throw new AppError('invalid_request', `line ${line}: is not valid UTF-8 at byte offset ${lineOffset} of the line (${offset} of the file)`);
}

/** What an import did: meetings written, meetings it found already in the vault (left as they are), signals written. */
export interface ImportOutcome {
  new: number;
  alreadyPresent: number;
  signals: number;
}

interface CheckedLine {
  number: number;
  line: ImportLine;
  digest: string;
  fields: FieldDigests;
}

/** The meeting this line is, if it was imported before: by the source's reference, else by its digest. */
function earlierImport(imports: MeetingImportStore, { line, digest }: CheckedLine): ImportRecord | undefined {
  if (line.id === undefined) return imports.byDigest(digest, false);
  // A line the source exported earlier without its reference is recognised by digest and takes the reference.
  return imports.bySourceRef(line.id) ?? imports.byDigest(digest, true);
}

/**
 * Imports meetings from JSON Lines (the file's bytes, or text), all or nothing: every line is
 * parsed and checked first (a bad line is named by its number and field), then everything is
 * written in one transaction. Importing is idempotent: a meeting imported before (recognised by
 * the line's `id`, or else by the digest of its date, place, community, kind and notes) is left as
 * it is and counted as already present; one that comes back changed is refused, by line and field
 * names, and the file with it, so nothing is merged silently.
 */
export function importMeetings(vault: OpenVault, deps: CaptureDeps, input: string | Uint8Array): ImportOutcome {
  const text = importText(input);
  const lines: CheckedLine[] = [];
  const rows = text.split(/\r?\n/);
  rows.forEach((raw, i) => {
    const number = i + 1;
    if (raw.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      throw new AppError('invalid_request', `line ${number}: not valid JSON`);
    }
    const parsed = importLine.safeParse(json);
    if (!parsed.success) throw new AppError('invalid_request', `line ${number}: ${describe(parsed.error.issues[0])}`);
    let municipality: string;
    try {
      ({ municipality } = resolveMeetingFields(deps, parsed.data));
    } catch (e) {
      throw e instanceof AppError ? new AppError('invalid_request', `line ${number}: ${e.message}`) : e;
    }
    parsed.data.signals.forEach((s, j) => {
      if (!parsed.data.notes.includes(s.quote)) {
        throw new AppError('invalid_request', `line ${number}: signals.${j}.quote: is not part of the notes`);
      }
    });
    const line = parsed.data;
    lines.push({ number, line, digest: meetingDigest({ ...line, municipality }), fields: fieldDigests(line, municipality) });
  });

  const meetings = new Meetings(vault, deps);
  const signals = new Signals(vault, deps);
  const imports = new MeetingImportStore(vault);
  const outcome: ImportOutcome = { new: 0, alreadyPresent: 0, signals: 0 };
  vault.transaction(() => {
    for (const checked of lines) {
      const { number, line } = checked;
      const earlier = earlierImport(imports, checked);
      if (earlier) {
        const changed = differingFields(earlier.fieldDigests, checked.fields);
        if (changed.length > 0) {
          const how = line.id !== undefined && earlier.sourceRef === line.id ? 'with the same id' : 'with the same date, place, community, kind and notes';
          throw new AppError(
            'invalid_request',
            `line ${number}: differs from the meeting imported earlier ${how} in ${changed.join(', ')}; nothing was imported (change that meeting in the app, or give the line its own id)`,
          );
        }
        if (line.id !== undefined && earlier.sourceRef === null) imports.setSourceRef(earlier.id, line.id);
        outcome.alreadyPresent++;
        continue;
      }
      const { notes, signals: drawn, id: sourceRef, ...fields } = line;
      const meeting = meetings.create(fields, notes);
      imports.insert({ meetingId: meeting.id, sourceRef: sourceRef ?? null, digest: checked.digest, fieldDigests: checked.fields }, meeting.createdAt);
      drawn.forEach((s, j) => {
        const start = notes.indexOf(s.quote);
        try {
          signals.create({ meetingId: meeting.id, spans: [{ start, end: start + s.quote.length }], summary: s.summary, tags: s.tags, consent: s.consent });
        } catch (e) {
          throw e instanceof AppError ? new AppError('invalid_request', `line ${number}: signals.${j}.${e.message}`) : e;
        }
        outcome.signals++;
      });
      outcome.new++;
    }
    vault.audit('notes.imported', { meetings: outcome.new, alreadyPresent: outcome.alreadyPresent, signals: outcome.signals });
  });
  return outcome;
}
