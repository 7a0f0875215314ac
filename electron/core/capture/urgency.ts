import { AppError } from '../app-error';
import type { OpenVault } from '../vault/vault';
import { SignalStore } from './signal-store';
import { UrgencyStore } from './urgency-store';

/** States in which the officer may still mark or unmark a signal urgent: it has not left yet. */
const markable = new Set(['draft', 'ready', 'returned']);

/**
 * Marks a signal urgent or takes the mark away. The mark only changes what happens on this laptop
 * (the queue, the offer to send at once) and, once the signal leaves, travels with it so the team
 * lead sees it on top. Audited without content.
 */
export function setUrgent(vault: OpenVault, signalId: number, urgent: boolean, now = new Date()): { urgent: boolean; markedAt: string | null } {
  return vault.transaction(() => {
    const state = new SignalStore(vault).state(signalId);
    if (!state) throw new AppError('not_found', 'That signal does not exist.');
    if (!markable.has(state)) throw new AppError('not_editable', 'Only a signal that has not left yet can be marked urgent.');
    const store = new UrgencyStore(vault);
    const changed = urgent ? store.mark(signalId, now.toISOString()) : store.unmark(signalId);
    if (changed) vault.audit('signal.urgency_changed', { signal: signalId, urgent });
    return { urgent, markedAt: store.markedAt(signalId) ?? null };
  });
}

/** When the signal was marked urgent, or null. */
export const urgentSince = (vault: OpenVault, signalId: number): string | null => new UrgencyStore(vault).markedAt(signalId) ?? null;

/** Every urgent signal with the moment it was marked. */
export const urgentSignals = (vault: OpenVault): Map<number, string> => new UrgencyStore(vault).all();
