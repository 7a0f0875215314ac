import { z } from 'zod';

/**
 * The work queues: one list per role of what needs doing, in the order it should be done. The
 * officer's queue goes group by group (what the team lead returned first, ready signals waiting for
 * the bundle last); the team lead's by urgency. Within that: severity first (the taxonomy's
 * `nl-obi:severity`, none last), then oldest first. `obi queue --json` prints the items with
 * exactly `kind, ref, reason, severity, since`; the app adds where the work is done.
 */
export const officerQueueKinds = ['returned', 'urgent', 'undecided-redaction', 'incomplete', 'follow-up-due', 'retention-warning', 'ready-waiting'] as const;
export const leadQueueKinds = ['urgent', 'review-overdue', 'review-pending'] as const;
export const queueKinds = [...new Set([...officerQueueKinds, ...leadQueueKinds])] as const;
export type QueueKind = (typeof officerQueueKinds)[number] | (typeof leadQueueKinds)[number];

/** Where the work on an item is done: a page of the app and the record it shows. */
export const queueTarget = z.object({ page: z.enum(['signal', 'meeting', 'review']), id: z.number().int().positive() });
export type QueueTarget = z.infer<typeof queueTarget>;

export const queueItemSchema = z.object({
  kind: z.enum(queueKinds as unknown as [QueueKind, ...QueueKind[]]),
  /** What the item is about, as `signal:12`, `meeting:3`, `follow-up:5` or `review:7`. */
  ref: z.string(),
  /** Why it is here, in English (the CLI's words; the app translates `code`). */
  reason: z.string(),
  /** A code for the UI: the kind, or why a draft cannot become ready. */
  code: z.string(),
  severity: z.number().int().min(1).max(4).nullable(),
  /** Since when it waits (an ISO date or time): oldest first within a group. */
  since: z.string(),
  target: queueTarget,
  /** Extra facts for the UI, such as when the bundle leaves or the day the notes go. */
  detail: z.string().nullable(),
});
export type QueueItem = z.infer<typeof queueItemSchema>;

/** The five fields scripts rely on, in the order `obi queue --json` prints them. */
export const publicItem = ({ kind, ref, reason, severity, since }: QueueItem) => ({ kind, ref, reason, severity, since });

const bySeverityThenAge = (a: QueueItem, b: QueueItem): number =>
  (b.severity ?? 0) - (a.severity ?? 0) || a.since.localeCompare(b.since) || a.ref.localeCompare(b.ref, 'en', { numeric: true });

/** The officer's queue in its order: by group (the order of `officerQueueKinds`), then severity, then age. */
export function orderOfficerQueue(items: readonly QueueItem[]): QueueItem[] {
  const rank = (k: QueueKind) => (officerQueueKinds as readonly string[]).indexOf(k);
  return [...items].sort((a, b) => rank(a.kind) - rank(b.kind) || bySeverityThenAge(a, b));
}

/** The team lead's queue in its order: urgent first, then severity, then age (overdue items are the old ones). */
export function orderLeadQueue(items: readonly QueueItem[]): QueueItem[] {
  const rank = (k: QueueKind) => (k === 'urgent' ? 0 : 1);
  return [...items].sort((a, b) => rank(a.kind) - rank(b.kind) || bySeverityThenAge(a, b));
}
