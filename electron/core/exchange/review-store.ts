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
  /** The officer marked it urgent: it stands on top of the review. */
  urgent?: boolean;
}

export type ReviewState = 'pending' | 'approved' | 'returned' | 'delivered';

/** A review item as stored: who sent it (`signer`) stays here, the UI learns only whether it was this workstation. */
export interface ReviewRow extends Omit<IncomingSignal, 'urgent'> {
  urgent: boolean;
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
  reason, decided_at AS decidedAt, carried_since AS carriedSince, redacted_further AS redactedFurther, urgent`;

type StoredRow = Omit<ReviewRow, 'tags' | 'urgent'> & { tags: string; urgent: number };

const fromStored = (row: StoredRow): ReviewRow => ({ ...row, tags: JSON.parse(row.tags) as string[], urgent: row.urgent === 1 });

/** A pending item as the team lead's queue sees it: no text, with when its bundle arrived. */
export interface PendingForQueue {
  id: number;
  officer: string;
  tags: string[];
  urgent: boolean;
  receivedAt: string;
}

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
      `INSERT INTO review_items (bundle_id, signal_ref, conversation, officer, signer, summary, tags, date, municipality, province, state, urgent)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?)`,
    ).run(bundleId, s.signalRef, s.conversation, officer, signer, s.summary, JSON.stringify(s.tags), s.date, s.municipality, s.province, s.urgent ? 1 : 0);
  }

  /** Urgent items first (the officer marked them so), then in the order they arrived. */
  list(state?: ReviewState): ReviewRow[] {
    const rows = this.sql(`SELECT ${columns} FROM review_items WHERE (@state IS NULL OR state = @state) ORDER BY urgent DESC, id`).all({
      state: state ?? null,
    }) as StoredRow[];
    return rows.map(fromStored);
  }

  /** Pending items with the moment their bundle arrived, for the team lead's queue. */
  pendingForQueue(): PendingForQueue[] {
    const rows = this.sql(
      `SELECT r.id, r.officer, r.tags, r.urgent, b.received_at AS receivedAt
       FROM review_items r JOIN incoming_bundles b ON b.id = r.bundle_id WHERE r.state = 'pending' ORDER BY r.id`,
    ).all() as Array<Omit<PendingForQueue, 'tags' | 'urgent'> & { tags: string; urgent: number }>;
    return rows.map((r) => ({ ...r, tags: JSON.parse(r.tags) as string[], urgent: r.urgent === 1 }));
  }

  /** Per officer (by their name in the team), how many items wait for review and how many were returned. */
  perOfficer(): Array<{ officer: string; pending: number; returned: number }> {
    return this.sql(
      `SELECT officer, sum(state = 'pending') AS pending, sum(state = 'returned') AS returned
       FROM review_items GROUP BY officer HAVING pending > 0 OR returned > 0 ORDER BY officer`,
    ).all() as Array<{ officer: string; pending: number; returned: number }>;
  }

  get(id: number): ReviewRow | undefined {
    const row = this.sql(`SELECT ${columns} FROM review_items WHERE id = ?`).get(id) as StoredRow | undefined;
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
