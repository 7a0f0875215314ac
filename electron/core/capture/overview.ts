import { signalStates, type SignalState } from '../../../shared/capture/signal-states';
import type { OpenVault } from '../vault/vault';
import { SignalStore } from './signal-store';

export interface Overview {
  month: string;
  byState: Record<SignalState, number>;
  /** Signals of meetings in the month, by tag value of a predicate. */
  byActor: Array<{ tag: string; count: number }>;
  byModusOperandi: Array<{ tag: string; count: number }>;
}

/** The officer's counts: every signal by state, and this month's by state actor and modus operandi. */
export function overview(vault: OpenVault, month: string): Overview {
  const store = new SignalStore(vault);
  const byState = Object.fromEntries(signalStates.map((s) => [s, 0])) as Record<SignalState, number>;
  for (const row of store.countByState()) byState[row.state] = row.n;
  const byPredicate = (predicate: string) => store.tagCounts(predicate, `${month}-01`, `${month}-32`);
  return { month, byState, byActor: byPredicate('nl-obi:state-actor'), byModusOperandi: byPredicate('nl-obi:modus-operandi') };
}
