import type { AuditHead } from '../../../shared/exchange/payload';
import { replacementLabels, type RedactionCategory } from '../../../shared/redaction/categories';
import { AppError } from '../app-error';
import type { OpenVault } from '../vault/vault';
import { AuditHeadStore } from './audit-head-store';
import { LedgerStore } from './ledger-store';
import { ReviewStore, type IncomingSignal, type ReviewRow, type ReviewState } from './review-store';

export type { IncomingSignal, ReviewState } from './review-store';

export interface ReviewItem extends Omit<IncomingSignal, 'urgent'> {
  urgent: boolean;
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

const toItem = (row: ReviewRow, ownSigner: string | null): ReviewItem => {
  const { signer, ...rest } = row;
  return { ...rest, ownSignal: ownSigner !== null && signer === ownSigner };
};

/** Stores an accepted officer bundle: its payload and one pending review item per signal. A replay is refused. */
export function storeIncoming(
  vault: OpenVault,
  bundle: { id: string; kind: string; signer: string; signerName: string; payload: string; signals: IncomingSignal[]; auditHead?: AuditHead | undefined },
  now = new Date(),
): number {
  const ledger = new LedgerStore(vault);
  const items = new ReviewStore(vault);
  const heads = new AuditHeadStore(vault);
  return vault.transaction(() => {
    if (ledger.hasIncoming(bundle.id)) {
      throw new AppError('bundle_replayed', 'This bundle was imported before; it is not taken in twice.');
    }
    ledger.insertIncoming(bundle, now.toISOString());
    for (const s of bundle.signals) items.insertPending(bundle.id, bundle.signerName, bundle.signer, s);
    if (bundle.auditHead) heads.insert(bundle.id, bundle.signerName, bundle.signer, bundle.auditHead, now.toISOString());
    vault.audit('bundle.received', { bundle: bundle.id, kind: bundle.kind, signals: bundle.signals.length });
    return bundle.signals.length;
  });
}

export function listReview(vault: OpenVault, ownSigner: string | null, state?: ReviewState): ReviewItem[] {
  return new ReviewStore(vault).list(state).map((r) => toItem(r, ownSigner));
}

function getRow(items: ReviewStore, id: number): ReviewRow {
  const row = items.get(id);
  if (!row) throw new AppError('not_found', 'That review item does not exist.');
  return row;
}

export function getReviewItem(vault: OpenVault, id: number, ownSigner: string | null): ReviewItem {
  return toItem(getRow(new ReviewStore(vault), id), ownSigner);
}

function requirePending(row: ReviewRow): void {
  if (row.state !== 'pending') throw new AppError('invalid_transition', `This signal was already ${row.state}.`);
}

/** Approves a pending signal. Nobody approves what their own workstation sent (four eyes). */
export function approve(vault: OpenVault, id: number, ownSigner: string | null, now = new Date()): ReviewItem {
  const items = new ReviewStore(vault);
  return vault.transaction(() => {
    const row = getRow(items, id);
    requirePending(row);
    if (ownSigner !== null && row.signer === ownSigner) {
      throw new AppError('four_eyes', 'You wrote this signal yourself: another team lead must approve it.');
    }
    items.decide(id, 'approved', null, now.toISOString());
    vault.audit('review.approved', { item: id });
    return toItem(getRow(items, id), ownSigner);
  });
}

/** Returns a pending signal to its officer with a reason (it travels in the next returned bundle). */
export function returnItem(vault: OpenVault, id: number, reason: string, ownSigner: string | null, now = new Date()): ReviewItem {
  const why = reason.trim();
  if (why.length === 0 || why.length > 500) throw new AppError('invalid_request', 'reason: is required (at most 500 characters)', { field: 'reason' });
  const items = new ReviewStore(vault);
  return vault.transaction(() => {
    const row = getRow(items, id);
    requirePending(row);
    items.decide(id, 'returned', why, now.toISOString());
    vault.audit('review.returned', { item: id });
    return toItem(getRow(items, id), ownSigner);
  });
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
export function redactFurther(vault: OpenVault, id: number, start: number, end: number, category: RedactionCategory, ownSigner: string | null): ReviewItem {
  const items = new ReviewStore(vault);
  return vault.transaction(() => {
    const row = getRow(items, id);
    requirePending(row);
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > row.summary.length || start >= end) {
      throw new AppError('invalid_request', 'span: lies outside the summary', { field: 'span' });
    }
    const label = replacementLabels[category];
    items.redactSummary(id, `${row.summary.slice(0, start)}[${label}-${nextNumber(row.summary, label)}]${row.summary.slice(end)}`);
    vault.audit('review.redacted_further', { item: id, category });
    return toItem(getRow(items, id), ownSigner);
  });
}
