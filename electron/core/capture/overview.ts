import { signalStates, type SignalState } from '../../../shared/capture/signal-states';
import type { SqlDatabase } from '../vault/sqlcipher';

export interface Overview {
  month: string;
  byState: Record<SignalState, number>;
  /** Signals of meetings in the month, by tag value of a predicate. */
  byActor: Array<{ tag: string; count: number }>;
  byModusOperandi: Array<{ tag: string; count: number }>;
}

/** The officer's counts: every signal by state, and this month's by state actor and modus operandi. */
export function overview(db: SqlDatabase, month: string): Overview {
  const byState = Object.fromEntries(signalStates.map((s) => [s, 0])) as Record<SignalState, number>;
  for (const row of db.prepare('SELECT state, count(*) AS n FROM signals GROUP BY state').all() as Array<{ state: SignalState; n: number }>) {
    byState[row.state] = row.n;
  }
  const byPredicate = (predicate: string) =>
    db
      .prepare(
        `SELECT t.tag, count(*) AS count FROM signal_tags t
         JOIN signals s ON s.id = t.signal_id JOIN meetings m ON m.id = s.meeting_id
         WHERE t.predicate = ? AND m.date >= ? AND m.date < ?
         GROUP BY t.tag ORDER BY count DESC, t.tag`,
      )
      .all(predicate, `${month}-01`, `${month}-32`) as Array<{ tag: string; count: number }>;
  return { month, byState, byActor: byPredicate('nl-obi:state-actor'), byModusOperandi: byPredicate('nl-obi:modus-operandi') };
}
