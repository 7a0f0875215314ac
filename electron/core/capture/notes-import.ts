import { importLine, type ImportLine } from '../../../shared/capture/import-line';
import { AppError } from '../app-error';
import { decodeUtf8 } from '../platform/utf8-text';
import type { OpenVault } from '../vault/vault';
import type { CaptureDeps } from './capture-ports';
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

/**
 * Imports meetings from JSON Lines (the file's bytes, or text), all or nothing: every line is
 * parsed and checked first (a bad line is named by its number and field), then everything is
 * written in one transaction.
 */
export function importMeetings(vault: OpenVault, deps: CaptureDeps, input: string | Uint8Array): { meetings: number; signals: number } {
  const text = importText(input);
  const lines: Array<{ number: number; line: ImportLine }> = [];
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
    try {
      resolveMeetingFields(deps, parsed.data);
    } catch (e) {
      throw e instanceof AppError ? new AppError('invalid_request', `line ${number}: ${e.message}`) : e;
    }
    parsed.data.signals.forEach((s, j) => {
      if (!parsed.data.notes.includes(s.quote)) {
        throw new AppError('invalid_request', `line ${number}: signals.${j}.quote: is not part of the notes`);
      }
    });
    lines.push({ number, line: parsed.data });
  });

  const meetings = new Meetings(vault, deps);
  const signals = new Signals(vault, deps);
  let signalCount = 0;
  vault.transaction(() => {
    for (const { number, line } of lines) {
      const { notes, signals: drawn, ...fields } = line;
      const meeting = meetings.create(fields, notes);
      drawn.forEach((s, j) => {
        const start = notes.indexOf(s.quote);
        try {
          signals.create({ meetingId: meeting.id, spans: [{ start, end: start + s.quote.length }], summary: s.summary, tags: s.tags, consent: s.consent });
        } catch (e) {
          throw e instanceof AppError ? new AppError('invalid_request', `line ${number}: signals.${j}.${e.message}`) : e;
        }
        signalCount++;
      });
    }
    vault.audit('notes.imported', { meetings: lines.length, signals: signalCount });
  });
  return { meetings: lines.length, signals: signalCount };
}
