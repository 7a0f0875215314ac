import { replacementLabels, type RedactionCategory } from '../../../shared/redaction/categories';
import { AppError } from '../app-error';
import { appendAudit } from '../vault/audit-log';
import type { SqlDatabase } from '../vault/sqlcipher';

/** One signal as it arrives from an officer: redacted material only. */
export interface IncomingSignal {
  signalRef: string;
  summary: string;
  tags: string[];
  date: string;
  municipality: string | null;
  province: string | null;
}

export type ReviewState = 'pending' | 'approved' | 'returned' | 'delivered';

export interface ReviewItem extends IncomingSignal {
  id: number;
  bundleId: string;
  officer: string;
  state: ReviewState;
  reason: string | null;
  decidedAt: string | null;
  carriedSince: string | null;
  /** The team lead's own workstation signed it: another lead must approve (four eyes). */
  ownSignal: boolean;
}

interface ItemRow {
  id: number;
  bundleId: string;
  signalRef: string;
  officer: string;
  signer: string;
  summary: string;
  tags: string;
  date: string;
  municipality: string | null;
  province: string | null;
  state: ReviewState;
  reason: string | null;
  decidedAt: string | null;
  carriedSince: string | null;
}

const columns = `id, bundle_id AS bundleId, signal_ref AS signalRef, officer, signer, summary, tags, date, municipality, province, state, reason,
  decided_at AS decidedAt, carried_since AS carriedSince`;

const toItem = (row: ItemRow, ownSigner: string | null): ReviewItem => {
  const { signer, tags, ...rest } = row;
  return { ...rest, tags: JSON.parse(tags) as string[], ownSignal: ownSigner !== null && signer === ownSigner };
};

/** Stores an accepted officer bundle: its payload and one pending review item per signal. A replay is refused. */
export function storeIncoming(
  db: SqlDatabase,
  bundle: { id: string; kind: string; signer: string; signerName: string; payload: string; signals: IncomingSignal[] },
  now = new Date(),
): number {
  return db.transaction(() => {
    if (db.prepare('SELECT 1 FROM incoming_bundles WHERE id = ?').get(bundle.id)) {
      throw new AppError('bundle_replayed', 'This bundle was imported before; it is not taken in twice.');
    }
    db.prepare('INSERT INTO incoming_bundles (id, kind, signer, signer_name, received_at, payload) VALUES (?, ?, ?, ?, ?, ?)').run(
      bundle.id,
      bundle.kind,
      bundle.signer,
      bundle.signerName,
      now.toISOString(),
      bundle.payload,
    );
    const insert = db.prepare(
      `INSERT INTO review_items (bundle_id, signal_ref, officer, signer, summary, tags, date, municipality, province, state)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending')`,
    );
    for (const s of bundle.signals) {
      insert.run(bundle.id, s.signalRef, bundle.signerName, bundle.signer, s.summary, JSON.stringify(s.tags), s.date, s.municipality, s.province);
    }
    appendAudit(db, 'bundle.received', { bundle: bundle.id, kind: bundle.kind, signals: bundle.signals.length });
    return bundle.signals.length;
  })();
}

export function listReview(db: SqlDatabase, ownSigner: string | null, state?: ReviewState): ReviewItem[] {
  const rows = db
    .prepare(`SELECT ${columns} FROM review_items WHERE (@state IS NULL OR state = @state) ORDER BY id`)
    .all({ state: state ?? null }) as ItemRow[];
  return rows.map((r) => toItem(r, ownSigner));
}

function getRow(db: SqlDatabase, id: number): ItemRow {
  const row = db.prepare(`SELECT ${columns} FROM review_items WHERE id = ?`).get(id) as ItemRow | undefined;
  if (!row) throw new AppError('not_found', 'That review item does not exist.');
  return row;
}

export function getReviewItem(db: SqlDatabase, id: number, ownSigner: string | null): ReviewItem {
  return toItem(getRow(db, id), ownSigner);
}

function requirePending(row: ItemRow): void {
  if (row.state !== 'pending') throw new AppError('invalid_transition', `This signal was already ${row.state}.`);
}

/** Approves a pending signal. Nobody approves what their own workstation sent (four eyes). */
export function approve(db: SqlDatabase, id: number, ownSigner: string | null, now = new Date()): ReviewItem {
  return db.transaction(() => {
    const row = getRow(db, id);
    requirePending(row);
    if (ownSigner !== null && row.signer === ownSigner) {
      throw new AppError('four_eyes', 'You wrote this signal yourself: another team lead must approve it.');
    }
    db.prepare("UPDATE review_items SET state = 'approved', decided_at = ? WHERE id = ?").run(now.toISOString(), id);
    appendAudit(db, 'review.approved', { item: id });
    return toItem(getRow(db, id), ownSigner);
  })();
}

/** Returns a pending signal to its officer with a reason (it travels in the next returned bundle). */
export function returnItem(db: SqlDatabase, id: number, reason: string, ownSigner: string | null, now = new Date()): ReviewItem {
  const why = reason.trim();
  if (why.length === 0 || why.length > 500) throw new AppError('invalid_request', 'reason: is required (at most 500 characters)', { field: 'reason' });
  return db.transaction(() => {
    const row = getRow(db, id);
    requirePending(row);
    db.prepare("UPDATE review_items SET state = 'returned', reason = ?, decided_at = ? WHERE id = ?").run(why, now.toISOString(), id);
    appendAudit(db, 'review.returned', { item: id });
    return toItem(getRow(db, id), ownSigner);
  })();
}

/** The next free number of a replacement label in a text, so a further redaction never reuses one. */
function nextNumber(text: string, label: string): number {
  const used = [...text.matchAll(new RegExp(`\\[${label.replace(/[-]/g, '\\-')}-(\\d+)\\]`, 'g'))].map((m) => Number(m[1]));
  return used.length === 0 ? 1 : Math.max(...used) + 1;
}

/**
 * Replaces a further part of a pending summary, as the officer's redaction does. There is no way
 * back: the text before is not kept in the item (the bundle as received stays in the ledger).
 */
export function redactFurther(db: SqlDatabase, id: number, start: number, end: number, category: RedactionCategory, ownSigner: string | null): ReviewItem {
  return db.transaction(() => {
    const row = getRow(db, id);
    requirePending(row);
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > row.summary.length || start >= end) {
      throw new AppError('invalid_request', 'span: lies outside the summary', { field: 'span' });
    }
    const label = replacementLabels[category];
    const summary = `${row.summary.slice(0, start)}[${label}-${nextNumber(row.summary, label)}]${row.summary.slice(end)}`;
    db.prepare('UPDATE review_items SET summary = ? WHERE id = ?').run(summary, id);
    appendAudit(db, 'review.redacted_further', { item: id, category });
    return toItem(getRow(db, id), ownSigner);
  })();
}
