import { redactionReviewOf } from '../../../shared/redaction/redaction-review';
import { AppError } from '../app-error';
import type { OpenVault } from '../vault/vault';
import type { CaptureDeps } from './capture-ports';
import { decide, listDecisions } from './redaction-decisions';
import { Signals } from './signals';

/**
 * Marks every draft and returned signal ready that can be, for scripted tests and demos. With
 * `acceptProposed` every undecided proposed redaction is accepted first (replaced, the fail-closed
 * choice, also for organisation names). Signals that still cannot be ready (no consent, no tags)
 * stay as they are and are reported with the reason.
 */
export function readyAll(vault: OpenVault, deps: CaptureDeps, acceptProposed: boolean): { ready: number; skipped: Array<{ id: number; reason: string }> } {
  const signals = new Signals(vault, deps);
  const candidates = [...signals.list({ state: 'draft' }), ...signals.list({ state: 'returned' })];
  let ready = 0;
  const skipped: Array<{ id: number; reason: string }> = [];
  for (const s of candidates) {
    if (acceptProposed) {
      for (const span of redactionReviewOf(s.summary, listDecisions(vault, s.id)).spans) {
        if (span.status !== 'undecided') continue;
        decide(vault, s.id, { surface: span.surface, category: span.category, decision: 'redact', reason: null, origin: 'detected' });
      }
    }
    try {
      signals.transition(s.id, 'ready');
      ready++;
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== 'not_ready') throw e;
      skipped.push({ id: s.id, reason: String(e.details.reason ?? 'not_ready') });
    }
  }
  return { ready, skipped };
}
