import type { SignalState, Transition } from '../../../shared/capture/signal-states';
import { foldForSearch } from '../../../shared/text/fold';
import { storeStatements, type OpenVault } from '../vault/vault';

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

/** A ready signal as a bundle takes it: its summary, its reference in bundles, its meeting's date and place. */
export interface ReadySignalRow {
  id: number;
  /** The meeting the signal came from: its conversation. */
  meetingId: number;
  summary: string;
  /** The reference the signal travels under, once it was bound to a bundle. */
  signalRef: string | null;
  date: string;
  municipality: string;
  province: string;
  tags: string[];
}

type StoredSignal = Omit<SignalRow, 'consent' | 'tags' | 'spans'> & { consent: number };

const columns = `s.id, s.meeting_id AS meetingId, s.state, s.summary, s.consent, s.taxonomy_version AS taxonomyVersion,
  s.return_reason AS returnReason, s.created_at AS createdAt, s.updated_at AS updatedAt, s.state_changed_at AS stateChangedAt`;

const tagsOf = (json: string) => JSON.parse(json) as string[];

/**
 * Capture's signals (tables `signals`, `signal_tags`, `signal_spans`, `summaries_fts`): typed reads
 * and writes, nothing else. The rules (which tags, which states) live in signals.ts; a state is
 * only written from a `Transition` that shared/capture/signal-states.ts allowed. Other capabilities
 * reach signals through this store (and signals.ts), never through the tables.
 */
export class SignalStore {
  private readonly sql: ReturnType<typeof storeStatements>;

  constructor(vault: OpenVault) {
    this.sql = storeStatements(vault);
  }

  insert(values: { meetingId: number; summary: string; consent: boolean; taxonomyVersion: number }, at: string): number {
    const { lastInsertRowid } = this.sql(
      `INSERT INTO signals (meeting_id, state, summary, consent, taxonomy_version, created_at, updated_at, state_changed_at)
       VALUES (?, 'draft', ?, ?, ?, ?, ?, ?)`,
    ).run(values.meetingId, values.summary, values.consent ? 1 : 0, values.taxonomyVersion, at, at, at);
    return Number(lastInsertRowid);
  }

  get(id: number): SignalRow | undefined {
    const row = this.sql(`SELECT ${columns} FROM signals s WHERE s.id = ?`).get(id) as StoredSignal | undefined;
    if (!row) return undefined;
    return {
      ...row,
      consent: row.consent === 1,
      tags: this.sql('SELECT tag FROM signal_tags WHERE signal_id = ? ORDER BY tag').pluck().all(id) as string[],
      spans: this.sql('SELECT start, end, quote FROM signal_spans WHERE signal_id = ? ORDER BY start').all(id) as SignalSpan[],
    };
  }

  /** Signals without their spans, in one query (lists can be long). */
  list(filter: { state?: SignalState; meetingId?: number } = {}): Array<Omit<SignalRow, 'spans'>> {
    const rows = this.sql(
      `SELECT ${columns}, (SELECT json_group_array(tag) FROM (SELECT tag FROM signal_tags t WHERE t.signal_id = s.id ORDER BY tag)) AS tags
       FROM signals s
       WHERE (@state IS NULL OR s.state = @state) AND (@meeting IS NULL OR s.meeting_id = @meeting)
       ORDER BY s.id`,
    ).all({ state: filter.state ?? null, meeting: filter.meetingId ?? null }) as Array<StoredSignal & { tags: string }>;
    return rows.map((r) => ({ ...r, consent: r.consent === 1, tags: tagsOf(r.tags) }));
  }

  state(id: number): SignalState | undefined {
    return this.sql('SELECT state FROM signals WHERE id = ?').pluck().get(id) as SignalState | undefined;
  }

  updateContent(id: number, values: { summary: string; consent: boolean; taxonomyVersion: number }, at: string): void {
    this.sql('UPDATE signals SET summary = ?, consent = ?, taxonomy_version = ?, updated_at = ? WHERE id = ?').run(
      values.summary,
      values.consent ? 1 : 0,
      values.taxonomyVersion,
      at,
      id,
    );
  }

  /** Writes the state of an allowed transition, only while the signal is still in its `from` state. */
  writeState(id: number, transition: Transition, returnReason: string | null, at: string): boolean {
    const { changes } = this.sql('UPDATE signals SET state = ?, return_reason = ?, state_changed_at = ?, updated_at = ? WHERE id = ? AND state = ?').run(
      transition.to,
      returnReason,
      at,
      at,
      id,
      transition.from,
    );
    return changes > 0;
  }

  /** Replaces the signal's tags, each with its `namespace:predicate`. */
  setTags(id: number, tags: ReadonlyArray<{ predicate: string; tag: string }>): void {
    this.sql('DELETE FROM signal_tags WHERE signal_id = ?').run(id);
    const insert = this.sql('INSERT OR IGNORE INTO signal_tags (signal_id, predicate, tag) VALUES (?, ?, ?)');
    for (const t of tags) insert.run(id, t.predicate, t.tag);
  }

  addSpans(id: number, spans: readonly SignalSpan[]): void {
    const insert = this.sql('INSERT OR IGNORE INTO signal_spans (signal_id, start, end, quote) VALUES (?, ?, ?, ?)');
    for (const s of spans) insert.run(id, s.start, s.end, s.quote);
  }

  /** Replaces the signal's spans (their quotes come from the notes of its meeting). */
  replaceSpans(id: number, spans: readonly SignalSpan[]): void {
    this.sql('DELETE FROM signal_spans WHERE signal_id = ?').run(id);
    this.addSpans(id, spans);
  }

  /** Moves every signal of one meeting to another (a merge); returns how many moved. */
  moveToMeeting(fromMeeting: number, toMeeting: number, at: string): number {
    return this.sql('UPDATE signals SET meeting_id = ?, updated_at = ? WHERE meeting_id = ?').run(toMeeting, at, fromMeeting).changes;
  }

  /** Replaces the summary's entry in the full-text index (folded words only). */
  indexSummary(id: number, summary: string): void {
    this.sql('DELETE FROM summaries_fts WHERE rowid = ?').run(id);
    if (summary.length > 0) this.sql('INSERT INTO summaries_fts (rowid, body) VALUES (?, ?)').run(id, foldForSearch(summary));
  }

  /** Every ready signal with what a bundle needs of it and of its meeting, by id. */
  readyForSending(): ReadySignalRow[] {
    const rows = this.sql(
      `SELECT s.id, s.meeting_id AS meetingId, s.summary, s.export_ref AS signalRef, m.date, m.municipality, m.province,
              (SELECT json_group_array(tag) FROM signal_tags t WHERE t.signal_id = s.id) AS tags
       FROM signals s JOIN meetings m ON m.id = s.meeting_id
       WHERE s.state = 'ready' ORDER BY s.id`,
    ).all() as Array<Omit<ReadySignalRow, 'tags'> & { tags: string }>;
    return rows.map((r) => ({ ...r, tags: tagsOf(r.tags) }));
  }

  /** Gives the signal the reference it travels under, unless it has one already (it keeps it for good). */
  bindSignalRef(id: number, signalRef: string): void {
    this.sql('UPDATE signals SET export_ref = ? WHERE id = ? AND export_ref IS NULL').run(signalRef, id);
  }

  bySignalRef(signalRef: string): { id: number; state: SignalState } | undefined {
    return this.sql('SELECT id, state FROM signals WHERE export_ref = ?').get(signalRef) as { id: number; state: SignalState } | undefined;
  }

  countInState(state: SignalState): number {
    return this.sql('SELECT count(*) FROM signals WHERE state = ?').pluck().get(state) as number;
  }

  countByState(): Array<{ state: SignalState; n: number }> {
    return this.sql('SELECT state, count(*) AS n FROM signals GROUP BY state').all() as Array<{ state: SignalState; n: number }>;
  }

  /** Signals of meetings dated from `from` up to (not including) `until`, counted by tag of one predicate. */
  tagCounts(predicate: string, from: string, until: string): Array<{ tag: string; count: number }> {
    return this.sql(
      `SELECT t.tag, count(*) AS count FROM signal_tags t
       JOIN signals s ON s.id = t.signal_id JOIN meetings m ON m.id = s.meeting_id
       WHERE t.predicate = ? AND m.date >= ? AND m.date < ?
       GROUP BY t.tag ORDER BY count DESC, t.tag`,
    ).all(predicate, from, until) as Array<{ tag: string; count: number }>;
  }

  /** Deletes the quotes the meeting's signals took from its notes (they are raw note text). */
  removeQuotesOf(meetingId: number): void {
    this.sql('DELETE FROM signal_spans WHERE signal_id IN (SELECT id FROM signals WHERE meeting_id = ?)').run(meetingId);
  }

  /** Every signal's tags and the taxonomy version they belong to. */
  taggedRecords(): Array<{ id: number; taxonomyVersion: number; tags: string[] }> {
    const rows = this.sql(
      `SELECT s.id, s.taxonomy_version AS taxonomyVersion, (SELECT json_group_array(tag) FROM signal_tags t WHERE t.signal_id = s.id) AS tags
       FROM signals s ORDER BY s.id`,
    ).all() as Array<{ id: number; taxonomyVersion: number; tags: string }>;
    return rows.map((r) => ({ ...r, tags: tagsOf(r.tags) }));
  }

  setTaxonomyVersion(id: number, taxonomyVersion: number): void {
    this.sql('UPDATE signals SET taxonomy_version = ? WHERE id = ?').run(taxonomyVersion, id);
  }
}
