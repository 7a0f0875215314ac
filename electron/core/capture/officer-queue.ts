import { formatISO } from 'date-fns';
import { severityOf } from '../../../shared/taxonomy/severity';
import { orderOfficerQueue, type QueueItem } from '../../../shared/triage/work-queue';
import type { OpenVault } from '../vault/vault';
import type { CaptureDeps } from './capture-ports';
import { dueFollowUps } from './follow-ups';
import { defaultWarningDays, upcomingRemovals } from './retention';
import { Signals } from './signals';
import { urgentSignals } from './urgency';

export interface OfficerQueueOptions {
  retentionMonths: number;
  /** When the next scheduled bundle leaves (exchange knows; capture stands below it), or null. */
  nextSending: string | null;
  today: Date;
}

/**
 * The officer's work queue: every signal, follow-up and meeting that needs the officer, each once,
 * in the group where it needs them first (a returned urgent signal is `returned`), in the order of
 * shared/triage/work-queue.ts. A draft that can already become ready is not work waiting.
 */
export function officerQueue(vault: OpenVault, deps: CaptureDeps, options: OfficerQueueOptions): QueueItem[] {
  const signals = new Signals(vault, deps);
  const urgent = urgentSignals(vault);
  const items: QueueItem[] = [];
  for (const s of signals.list()) {
    const base = { ref: `signal:${s.id}`, severity: severityOf(s.tags), target: { page: 'signal' as const, id: s.id } };
    const markedAt = urgent.get(s.id);
    if (s.state === 'returned') {
      items.push({ ...base, kind: 'returned', code: 'returned', reason: s.returnReason ?? 'returned by the team lead', since: s.stateChangedAt, detail: null });
    } else if (markedAt && (s.state === 'draft' || s.state === 'ready')) {
      const problem = s.state === 'draft' ? signals.readyProblem(s) : null;
      items.push({
        ...base,
        kind: 'urgent',
        code: s.state === 'ready' ? 'urgent_ready' : (problem?.code ?? 'urgent_draft'),
        reason: s.state === 'ready' ? 'urgent and ready: it can go to the team lead now' : `urgent, not ready yet${problem ? `: ${problem.message}` : ''}`,
        since: markedAt,
        detail: null,
      });
    } else if (s.state === 'draft') {
      const problem = signals.readyProblem(s);
      if (!problem) continue;
      const undecided = problem.code === 'redaction_undecided';
      items.push({
        ...base,
        kind: undecided ? 'undecided-redaction' : 'incomplete',
        code: problem.code,
        reason: problem.message,
        since: s.createdAt,
        detail: null,
      });
    } else if (s.state === 'ready') {
      items.push({
        ...base,
        kind: 'ready-waiting',
        code: 'ready-waiting',
        reason: options.nextSending ? `leaves with the next bundle at ${options.nextSending}` : 'leaves with the next bundle',
        since: s.stateChangedAt,
        detail: options.nextSending,
      });
    }
  }
  for (const f of dueFollowUps(vault, formatISO(options.today, { representation: 'date' }))) {
    items.push({
      kind: 'follow-up-due',
      ref: `follow-up:${f.id}`,
      code: 'follow-up-due',
      reason: f.note,
      severity: null,
      since: f.dueOn,
      target: { page: 'meeting', id: f.meetingId },
      detail: f.dueOn,
    });
  }
  for (const r of upcomingRemovals(vault, { retentionMonths: options.retentionMonths, warningDays: defaultWarningDays }, options.today)) {
    items.push({
      kind: 'retention-warning',
      ref: `meeting:${r.meetingId}`,
      code: 'retention-warning',
      reason: `the raw notes of this meeting are removed on ${r.removeOn}`,
      severity: null,
      since: r.date,
      target: { page: 'meeting', id: r.meetingId },
      detail: r.removeOn,
    });
  }
  return orderOfficerQueue(items);
}
