import type { WaitingCombination } from '../../../shared/exchange/k-anonymity/preview';
import type { Policy } from '../../../shared/policy/policy-schema';
import { severityOf } from '../../../shared/taxonomy/severity';
import { orderLeadQueue, type QueueItem } from '../../../shared/triage/work-queue';
import type { OpenVault } from '../vault/vault';
import { buildTeamBundle } from './prepare-team-bundles';
import { ReviewStore } from './review-store';

const dayMs = 24 * 60 * 60 * 1000;

export interface LeadQueue {
  /** Pending review items: urgent first, then severity, then age. */
  items: QueueItem[];
  /** Per officer (by the name the team policy gives them), what waits for review and what went back. */
  perOfficer: Array<{ officer: string; pending: number; returned: number }>;
  /** What the next team bundle cannot release yet: each combination with how many more conversations it needs. */
  waitingForK: { k: number; signals: number; combinations: WaitingCombination[] };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The team lead's work queue. A pending item is `urgent` when its officer marked it so, else
 * `review-overdue` once it waited longer than the policy's `reviewWithinDays`, else `review-pending`;
 * the age counts from the arrival of its bundle. The figures of what waits for k come from the
 * same preview the Send page shows, so the two never disagree.
 */
export function leadQueue(vault: OpenVault, policy: Policy, now = new Date()): LeadQueue {
  const store = new ReviewStore(vault);
  const items = store.pendingForQueue().map((r): QueueItem => {
    const days = Math.max(0, Math.floor((now.getTime() - Date.parse(r.receivedAt)) / dayMs));
    const overdue = days > policy.reviewWithinDays;
    const kind = r.urgent ? 'urgent' : overdue ? 'review-overdue' : 'review-pending';
    const age = `waiting for review ${plural(days, 'day')}`;
    return {
      kind,
      ref: `review:${r.id}`,
      code: kind,
      reason: r.urgent ? `urgent, ${age}` : overdue ? `${age}, more than ${plural(policy.reviewWithinDays, 'day')}` : age,
      severity: severityOf(r.tags),
      since: r.receivedAt,
      target: { page: 'review', id: r.id },
      detail: String(days),
    };
  });
  const waiting = buildTeamBundle(vault, policy, now).preview.waiting;
  return { items: orderLeadQueue(items), perOfficer: store.perOfficer(), waitingForK: { k: policy.kAnonymity, ...waiting } };
}
