import type { SignalState } from '../../../shared/capture/signal-states';
import type { CaptureDeps } from '../capture/capture-ports';
import { SignalStore } from '../capture/signal-store';
import { Signals } from '../capture/signals';
import type { OpenVault } from '../vault/vault';

export interface StatusUpdate {
  signalRef: string;
  status: 'approved' | 'returned' | 'delivered';
  reason?: string | null;
}

/** The steps from a signal's current state to the state the team lead reports, if it can follow them. */
function path(from: SignalState, to: StatusUpdate['status']): SignalState[] | null {
  if (from === to) return [];
  if (to === 'returned') return from === 'sent' ? ['returned'] : null;
  if (to === 'approved') return from === 'sent' ? ['approved'] : null;
  if (from === 'sent') return ['approved', 'delivered'];
  return from === 'approved' ? ['delivered'] : null;
}

/**
 * Applies what the team lead reported back to the officer's own signals: a returned signal reopens
 * with the reason, approved and delivered ones move on. Reports about unknown signals, or that do
 * not fit the signal's state (already fixed and sent again), change nothing.
 */
export function applyStatuses(vault: OpenVault, deps: CaptureDeps, updates: readonly StatusUpdate[]): { applied: number; ignored: number } {
  const signals = new Signals(vault, deps);
  const store = new SignalStore(vault);
  return vault.transaction(() => {
    let applied = 0;
    let ignored = 0;
    for (const u of updates) {
      const row = store.bySignalRef(u.signalRef);
      const steps = row ? path(row.state, u.status) : null;
      if (!row || steps === null || steps.length === 0) {
        ignored++;
        continue;
      }
      for (const step of steps) signals.transition(row.id, step, step === 'returned' ? (u.reason ?? '') : undefined);
      applied++;
    }
    return { applied, ignored };
  });
}
