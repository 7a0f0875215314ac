import { isEditable } from '../../../shared/capture/signal-states';
import type { RedactionCategory } from '../../../shared/redaction/categories';
import { decisionProblem, type RedactionDecision } from '../../../shared/redaction/redaction-review';
import { AppError } from '../app-error';
import type { OpenVault } from '../vault/vault';
import { RedactionDecisionStore } from './redaction-decision-store';
import { SignalStore } from './signal-store';

/** The stored decisions on a signal's proposed redactions (see shared/redaction/redaction-review.ts). */
export function listDecisions(vault: OpenVault, signalId: number): RedactionDecision[] {
  return new RedactionDecisionStore(vault).list(signalId);
}

function requireEditable(vault: OpenVault, signalId: number): void {
  const state = new SignalStore(vault).state(signalId);
  if (!state) throw new AppError('not_found', 'That signal does not exist.');
  if (!isEditable(state)) throw new AppError('not_editable', 'Only draft and returned signals can be changed.');
}

/** Records a decision (replacing an earlier one on the same form); audited without the text itself. */
export function decide(vault: OpenVault, signalId: number, d: RedactionDecision, now = new Date()): RedactionDecision[] {
  const problem = decisionProblem(d);
  if (problem) throw new AppError('invalid_request', problem, { field: problem.split(':')[0]! });
  return vault.transaction(() => {
    requireEditable(vault, signalId);
    const store = new RedactionDecisionStore(vault);
    store.put(signalId, d, now.toISOString());
    vault.audit('redaction.decided', { signal: signalId, category: d.category, decision: d.decision, origin: d.origin });
    return store.list(signalId);
  });
}

export function undecide(vault: OpenVault, signalId: number, surface: string, category: RedactionCategory): RedactionDecision[] {
  return vault.transaction(() => {
    requireEditable(vault, signalId);
    const store = new RedactionDecisionStore(vault);
    if (store.remove(signalId, surface, category)) vault.audit('redaction.undecided', { signal: signalId, category });
    return store.list(signalId);
  });
}
