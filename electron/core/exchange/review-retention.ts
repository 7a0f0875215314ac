import { retentionCutoff } from '../capture/retention';
import type { OpenVault } from '../vault/vault';
import { LedgerStore } from './ledger-store';
import { ReviewStore } from './review-store';

/**
 * Retention on the team lead's workstation, by the same period as the officers' notes: a review
 * item that reached the central point and whose meeting is past the period loses what it said, and
 * a received officer bundle whose items are all cleared loses its payload. What was sent onward
 * stays in the ledger. Returns how many items were cleared.
 */
export function applyReviewRetention(vault: OpenVault, retentionMonths: number, today: Date): number {
  const until = retentionCutoff({ retentionMonths }, today);
  const { items, payloads } = vault.transaction(() => {
    const items = new ReviewStore(vault).clearDelivered(until);
    const payloads = new LedgerStore(vault).clearSpentIncoming(until);
    if (items + payloads > 0) vault.audit('retention.review_cleared', { items, payloads, retentionMonths });
    return { items, payloads };
  });
  if (items + payloads > 0) vault.flushRemovals();
  return items;
}
