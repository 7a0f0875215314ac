import { storeStatements, type OpenVault } from '../vault/vault';

/** One signal as it arrives from an officer: redacted material only. */
export interface IncomingSignal {
  signalRef: string;
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
}

const columns = `id, bundle_id AS bundleId, signal_ref AS signalRef, officer, signer, summary, tags, date, municipality, province, state, reason,
  decided_at AS decidedAt, carried_since AS carriedSince, urgent`;

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
      `INSERT INTO review_items (bundle_id, signal_ref, officer, signer, summary, tags, date, municipality, province, state, urgent)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?)`,
    ).run(bundleId, s.signalRef, officer, signer, s.summary, JSON.stringify(s.tags), s.date, s.municipality, s.province, s.urgent ? 1 : 0);
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

  setSummary(id: number, summary: string): void {
    this.sql('UPDATE review_items SET summary = ? WHERE id = ?').run(summary, id);
  }

  /** An approved item that a delivered team bundle released: it reached the central point. */
  markDelivered(id: number): void {
    this.sql("UPDATE review_items SET state = 'delivered', carried_since = NULL WHERE id = ? AND state = 'approved'").run(id);
  }

  /** An approved item that a delivered team bundle could not release yet waits from `since` on (kept when it waited already). */
  markCarried(id: number, since: string): void {
    this.sql("UPDATE review_items SET carried_since = COALESCE(carried_since, ?) WHERE id = ? AND state = 'approved'").run(since, id);
  }
}
