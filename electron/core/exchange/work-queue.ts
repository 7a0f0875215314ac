import type { Policy } from '../../../shared/policy/policy-schema';
import type { QueueItem } from '../../../shared/triage/work-queue';
import type { CaptureDeps } from '../capture/capture-ports';
import { officerQueue } from '../capture/officer-queue';
import type { OpenVault } from '../vault/vault';
import { scheduleStatus } from './exchange-service';
import { leadQueue, type LeadQueue } from './lead-queue';

export type WorkQueue = { role: 'officer'; items: QueueItem[] } | ({ role: 'teamlead' } & LeadQueue);

/**
 * This role's work queue, for the start page and `obi queue`: the officer's (with when the next
 * scheduled bundle leaves, which only exchange knows) or the team lead's.
 */
export function workQueue(vault: OpenVault, policy: Policy, deps: CaptureDeps, now = new Date()): WorkQueue {
  if (policy.role === 'teamlead') return { role: 'teamlead', ...leadQueue(vault, policy, now) };
  const nextSending = policy.transport ? scheduleStatus(vault, policy, now).next : null;
  return { role: 'officer', items: officerQueue(vault, deps, { retentionMonths: policy.retentionMonths, nextSending, today: now }) };
}
