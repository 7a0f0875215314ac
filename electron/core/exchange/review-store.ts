import { storeStatements, type OpenVault } from '../vault/vault';

/** One signal as it arrives from an officer: redacted material only. */
export interface IncomingSignal {
  signalRef: string;
  /** The officer's pseudonym of the meeting; null from a bundle of a version that sent none. */
  conversation: string | null;
  summary: string;
  tags: string[];
  date: string;
  municipality: string | null;
  province: string | null;
}

export type ReviewState = 'pending' | 'approved' | 'returned' | 'delivered';

/** A review item as stored: who sent it (`signer`) stays here, the UI learns only whether it was this workstation. */
export interface ReviewRow extends IncomingSignal {
  id: number;
  bundleId: string;
  officer: string;
  signer: string;
  state: ReviewState;
  reason: string | null;
  decidedAt: string | null;
  carriedSince: string | null;
  /** How often the lead redacted the summary further. */
  redactedFurther: number;
}

const columns = `id, bundle_id AS bundleId, signal_ref AS signalRef, conversation, officer, signer, summary, tags, date, municipality, province, state,
  reason, decided_at AS decidedAt, carried_since AS carriedSince, redacted_further AS redactedFurther`;

const fromStored = (row: Omit<ReviewRow, 'tags'> & { tags: string }): ReviewRow => ({ ...row, tags: JSON.parse(row.tags) as string[] });

/**
 * Exchange's items of the team lead's four-eyes review (table `review_items`): each signal an
 * officer sent, redacted, with the lead's decision. Typed reads and writes; the rules are in
 * four-eyes-review.ts.
 */
export class ReviewStore {
  private readonly sql: ReturnType<typeof storeStatements>;

  constructor(vault: OpenVault) {
    this.sql = storeStatements(vault);
  }

  insertPending(bundleId: string, officer: string, signer: string, s: IncomingSignal): void {
    this.sql(
      `INSERT INTO review_items (bundle_id, signal_ref, conversation, officer, signer, summary, tags, date, municipality, province, state)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending')`,
    ).run(bundleId, s.signalRef, s.conversation, officer, signer, s.summary, JSON.stringify(s.tags), s.date, s.municipality, s.province);
  }

  list(state?: ReviewState): ReviewRow[] {
    const rows = this.sql(`SELECT ${columns} FROM review_items WHERE (@state IS NULL OR state = @state) ORDER BY id`).all({ state: state ?? null }) as Array<
      Omit<ReviewRow, 'tags'> & { tags: string }
    >;
    return rows.map(fromStored);
  }

  get(id: number): ReviewRow | undefined {
    const row = this.sql(`SELECT ${columns} FROM review_items WHERE id = ?`).get(id) as (Omit<ReviewRow, 'tags'> & { tags: string }) | undefined;
    return row && fromStored(row);
  }

  count(state: ReviewState): number {
    return this.sql('SELECT count(*) FROM review_items WHERE state = ?').pluck().get(state) as number;
  }

  /** Records the lead's decision on a pending item. */
  decide(id: number, state: 'approved' | 'returned', reason: string | null, at: string): void {
    this.sql("UPDATE review_items SET state = ?, reason = ?, decided_at = ? WHERE id = ? AND state = 'pending'").run(state, reason, at, id);
  }

  /** A further redaction by the lead: the new summary, and one more for the evaluation figures. */
  redactSummary(id: number, summary: string): void {
    this.sql('UPDATE review_items SET summary = ?, redacted_further = redacted_further + 1 WHERE id = ?').run(summary, id);
  }

  /**
   * The lead's decisions made from `from` to `to` (ISO dates, inclusive): approved (whether
   * delivered since or not), returned, and of those how many the lead redacted further.
   */
  decisionsBetween(from: string, to: string): { approved: number; returned: number; redactedFurther: number } {
    return this.sql(
      `SELECT count(*) FILTER (WHERE state IN ('approved', 'delivered')) AS approved,
              count(*) FILTER (WHERE state = 'returned') AS returned,
              count(*) FILTER (WHERE redacted_further > 0) AS redactedFurther
       FROM review_items WHERE decided_at IS NOT NULL AND substr(decided_at, 1, 10) BETWEEN ? AND ?`,
    ).get(from, to) as { approved: number; returned: number; redactedFurther: number };
  }

  /** An approved item that a delivered team bundle released: it reached the central point. */
  markDelivered(id: number): void {
    this.sql("UPDATE review_items SET state = 'delivered', carried_since = NULL WHERE id = ? AND state = 'approved'").run(id);
  }

  /**
   * Retention on the team lead's workstation: a delivered item of a meeting dated on or before
   * `until` loses its summary and municipality (what it said and where); its codes, province, date
   * and state stay for the ledger. Returns how many items were cleared.
   */
  clearDelivered(until: string): number {
    return this.sql("UPDATE review_items SET summary = '', municipality = NULL WHERE state = 'delivered' AND date <= ? AND summary <> ''").run(until).changes;
  }

  /** An approved item that a delivered team bundle could not release yet waits from `since` on (kept when it waited already). */
  markCarried(id: number, since: string): void {
    this.sql("UPDATE review_items SET carried_since = COALESCE(carried_since, ?) WHERE id = ? AND state = 'approved'").run(since, id);
  }
}
