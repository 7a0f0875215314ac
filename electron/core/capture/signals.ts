import { canTransition, isEditable, type SignalState } from '../../../shared/capture/signal-states';
import { reviewSummary } from '../../../shared/redaction/review';
import { foldForSearch } from '../../../shared/text/fold';
import { AppError } from '../app-error';
import { appendAudit } from '../vault/audit-log';
import type { SqlDatabase } from '../vault/sqlcipher';
import { requiredPredicatesForReady, type CaptureDeps } from './capture-ports';
import { listDecisions } from './redaction-decisions';

export interface SignalSpan {
  start: number;
  end: number;
  quote: string;
}

export interface SignalRow {
  id: number;
  meetingId: number;
  state: SignalState;
  summary: string;
  consent: boolean;
  taxonomyVersion: number;
  returnReason: string | null;
  createdAt: string;
  updatedAt: string;
  stateChangedAt: string;
  tags: string[];
  spans: SignalSpan[];
}

export interface NewSignal {
  meetingId: number;
  spans: Array<{ start: number; end: number }>;
  summary: string;
  tags: string[];
  consent: boolean;
}

export interface SignalChanges {
  summary?: string;
  tags?: string[];
  consent?: boolean;
  addSpans?: Array<{ start: number; end: number }>;
}

/** Why a signal cannot be ready: a code for the UI to translate and an English sentence. */
export interface ReadyProblem {
  code: string;
  message: string;
}

const notFound = () => new AppError('not_found', 'That signal does not exist.');

export class Signals {
  constructor(
    private readonly db: SqlDatabase,
    private readonly deps: CaptureDeps,
  ) {}

  private now(): string {
    return (this.deps.now?.() ?? new Date()).toISOString();
  }

  /** Validates tags against the active taxonomy; one value at most for an exclusive predicate. */
  checkTags(tags: string[]): string[] {
    const unique = [...new Set(tags)];
    const seen = new Map<string, number>();
    unique.forEach((tag, i) => {
      const problem = this.deps.taxonomy.checkTag(tag);
      if (problem) throw new AppError('invalid_request', `tags.${i}: ${problem}`, { field: `tags.${i}` });
      const predicate = this.deps.taxonomy.predicateOf(tag);
      seen.set(predicate, (seen.get(predicate) ?? 0) + 1);
    });
    for (const [predicate, n] of seen) {
      if (n > 1 && this.deps.taxonomy.isExclusive(predicate)) {
        throw new AppError('invalid_request', `tags: ${predicate} takes one value only`, { field: 'tags' });
      }
    }
    return unique.sort();
  }

  /** Quotes of the spans from the current notes; a span outside the notes is refused. */
  private quotes(meetingId: number, spans: Array<{ start: number; end: number }>): SignalSpan[] {
    const notes = this.db.prepare('SELECT body FROM notes WHERE meeting_id = ?').get(meetingId) as { body: string } | undefined;
    if (!notes) throw new AppError('not_found', 'That meeting has no notes to take a signal from.');
    return spans.map((s, i) => {
      if (s.start < 0 || s.end <= s.start || s.end > notes.body.length) {
        throw new AppError('invalid_request', `spans.${i}: is outside the notes`, { field: `spans.${i}` });
      }
      return { start: s.start, end: s.end, quote: notes.body.slice(s.start, s.end) };
    });
  }

  create(input: NewSignal): SignalRow {
    const tags = this.checkTags(input.tags);
    return this.db.transaction(() => {
      const meeting = this.db.prepare('SELECT id FROM meetings WHERE id = ?').get(input.meetingId);
      if (!meeting) throw new AppError('not_found', 'That meeting does not exist.');
      const spans = this.quotes(input.meetingId, input.spans);
      const at = this.now();
      const { lastInsertRowid } = this.db
        .prepare(
          `INSERT INTO signals (meeting_id, state, summary, consent, taxonomy_version, created_at, updated_at, state_changed_at)
           VALUES (?, 'draft', ?, ?, ?, ?, ?, ?)`,
        )
        .run(input.meetingId, input.summary, input.consent ? 1 : 0, this.deps.taxonomy.version, at, at, at);
      const id = Number(lastInsertRowid);
      this.writeTags(id, tags);
      this.writeSpans(id, spans);
      this.indexSummary(id, input.summary);
      appendAudit(this.db, 'signal.created', { signal: id, tags: tags.length, consent: input.consent });
      return this.get(id);
    })();
  }

  update(id: number, changes: SignalChanges): SignalRow {
    const tags = changes.tags ? this.checkTags(changes.tags) : undefined;
    return this.db.transaction(() => {
      const current = this.get(id);
      if (!isEditable(current.state)) {
        throw new AppError('not_editable', 'Only draft and returned signals can be changed.');
      }
      const summary = changes.summary ?? current.summary;
      const consent = changes.consent ?? current.consent;
      this.db
        .prepare('UPDATE signals SET summary = ?, consent = ?, taxonomy_version = ?, updated_at = ? WHERE id = ?')
        .run(summary, consent ? 1 : 0, tags ? this.deps.taxonomy.version : current.taxonomyVersion, this.now(), id);
      if (changes.summary !== undefined && changes.summary !== current.summary) this.indexSummary(id, summary);
      if (tags && tags.join('\n') !== current.tags.join('\n')) {
        this.db.prepare('DELETE FROM signal_tags WHERE signal_id = ?').run(id);
        this.writeTags(id, tags);
        const added = tags.filter((t) => !current.tags.includes(t));
        const removed = current.tags.filter((t) => !tags.includes(t));
        appendAudit(this.db, 'signal.tagged', { signal: id, added: added.join(' '), removed: removed.join(' ') });
      }
      if (consent !== current.consent) appendAudit(this.db, 'signal.consent_changed', { signal: id, consent });
      if (changes.addSpans?.length) this.writeSpans(id, this.quotes(current.meetingId, changes.addSpans));
      return this.get(id);
    })();
  }

  /** Why the signal cannot become ready yet, or null when it can. */
  readyProblem(signal: SignalRow): ReadyProblem | null {
    if (!signal.consent) return { code: 'no_consent', message: 'the source has not agreed to sharing in bundled form' };
    if (signal.summary.trim().length === 0) return { code: 'empty_summary', message: 'the summary is empty' };
    for (const predicate of requiredPredicatesForReady) {
      const name = predicate.split(':')[1]!;
      if (!signal.tags.some((t) => t.startsWith(`${predicate}=`))) return { code: `missing_${name}`, message: `a ${name} tag is missing` };
    }
    const undecided = reviewSummary(signal.summary, listDecisions(this.db, signal.id)).undecided;
    if (undecided > 0) return { code: 'redaction_undecided', message: `${undecided} proposed redaction(s) still need a decision` };
    return null;
  }

  transition(id: number, to: SignalState, reason?: string): SignalRow {
    return this.db.transaction(() => {
      const current = this.get(id);
      if (!canTransition(current.state, to)) {
        throw new AppError('invalid_transition', `A ${current.state} signal cannot become ${to}.`);
      }
      if (to === 'ready') {
        const problem = this.readyProblem(current);
        if (problem) throw new AppError('not_ready', `The signal cannot be ready: ${problem.message}.`, { reason: problem.code });
      }
      if (to === 'draft' && current.state === 'ready' && this.inPreparedBundle(id)) {
        throw new AppError('invalid_transition', 'This signal is in a bundle that is ready to leave; discard that bundle first.');
      }
      if (to === 'returned' && !reason?.trim()) {
        throw new AppError('invalid_request', 'reason: is required to return a signal', { field: 'reason' });
      }
      this.db
        .prepare('UPDATE signals SET state = ?, return_reason = ?, state_changed_at = ?, updated_at = ? WHERE id = ?')
        .run(to, to === 'returned' ? reason!.trim() : current.returnReason, this.now(), this.now(), id);
      appendAudit(this.db, 'signal.state_changed', { signal: id, from: current.state, to });
      return this.get(id);
    })();
  }

  private inPreparedBundle(id: number): boolean {
    return Boolean(
      this.db.prepare("SELECT 1 FROM outgoing_signals o JOIN outgoing_bundles b ON b.id = o.bundle_id WHERE o.signal_id = ? AND b.state = 'prepared'").get(id),
    );
  }

  get(id: number): SignalRow {
    const row = this.db
      .prepare(
        `SELECT id, meeting_id AS meetingId, state, summary, consent, taxonomy_version AS taxonomyVersion, return_reason AS returnReason,
                created_at AS createdAt, updated_at AS updatedAt, state_changed_at AS stateChangedAt
         FROM signals WHERE id = ?`,
      )
      .get(id) as (Omit<SignalRow, 'consent' | 'tags' | 'spans'> & { consent: number }) | undefined;
    if (!row) throw notFound();
    return {
      ...row,
      consent: row.consent === 1,
      tags: (this.db.prepare('SELECT tag FROM signal_tags WHERE signal_id = ? ORDER BY tag').all(id) as Array<{ tag: string }>).map((r) => r.tag),
      spans: this.db.prepare('SELECT start, end, quote FROM signal_spans WHERE signal_id = ? ORDER BY start').all(id) as SignalSpan[],
    };
  }

  /** Signals without their spans, in one query (lists can be long). */
  list(filter: { state?: SignalState; meetingId?: number } = {}): Array<Omit<SignalRow, 'spans'>> {
    const rows = this.db
      .prepare(
        `SELECT s.id, s.meeting_id AS meetingId, s.state, s.summary, s.consent, s.taxonomy_version AS taxonomyVersion,
                s.return_reason AS returnReason, s.created_at AS createdAt, s.updated_at AS updatedAt,
                s.state_changed_at AS stateChangedAt,
                (SELECT json_group_array(tag) FROM (SELECT tag FROM signal_tags t WHERE t.signal_id = s.id ORDER BY tag)) AS tags
         FROM signals s
         WHERE (@state IS NULL OR s.state = @state) AND (@meeting IS NULL OR s.meeting_id = @meeting)
         ORDER BY s.id`,
      )
      .all({ state: filter.state ?? null, meeting: filter.meetingId ?? null }) as Array<
      Omit<SignalRow, 'consent' | 'tags' | 'spans'> & { consent: number; tags: string }
    >;
    return rows.map((r) => ({ ...r, consent: r.consent === 1, tags: JSON.parse(r.tags) as string[] }));
  }

  private writeTags(id: number, tags: string[]): void {
    const insert = this.db.prepare('INSERT INTO signal_tags (signal_id, predicate, tag) VALUES (?, ?, ?)');
    for (const tag of tags) insert.run(id, this.deps.taxonomy.predicateOf(tag), tag);
  }

  private writeSpans(id: number, spans: SignalSpan[]): void {
    const insert = this.db.prepare('INSERT OR IGNORE INTO signal_spans (signal_id, start, end, quote) VALUES (?, ?, ?, ?)');
    for (const s of spans) insert.run(id, s.start, s.end, s.quote);
  }

  private indexSummary(id: number, summary: string): void {
    this.db.prepare('DELETE FROM summaries_fts WHERE rowid = ?').run(id);
    if (summary.length > 0) this.db.prepare('INSERT INTO summaries_fts (rowid, body) VALUES (?, ?)').run(id, foldForSearch(summary));
  }
}
