import { storeStatements, type OpenVault } from '../vault/vault';

/**
 * Capture's urgency marks (table `signal_urgency`): which signals the officer marked urgent and
 * since when. Typed reads and writes; the rules are in urgency.ts.
 */
export class UrgencyStore {
  private readonly sql: ReturnType<typeof storeStatements>;

  constructor(vault: OpenVault) {
    this.sql = storeStatements(vault);
  }

  /** When the signal was marked urgent, or undefined when it is not. */
  markedAt(signalId: number): string | undefined {
    return this.sql('SELECT marked_at FROM signal_urgency WHERE signal_id = ?').pluck().get(signalId) as string | undefined;
  }

  /** Every urgent signal with the moment it was marked. */
  all(): Map<number, string> {
    const rows = this.sql('SELECT signal_id AS signalId, marked_at AS markedAt FROM signal_urgency').all() as Array<{ signalId: number; markedAt: string }>;
    return new Map(rows.map((r) => [r.signalId, r.markedAt]));
  }

  /** True when the mark was new. */
  mark(signalId: number, at: string): boolean {
    return this.sql('INSERT OR IGNORE INTO signal_urgency (signal_id, marked_at) VALUES (?, ?)').run(signalId, at).changes > 0;
  }

  /** True when there was a mark to remove. */
  unmark(signalId: number): boolean {
    return this.sql('DELETE FROM signal_urgency WHERE signal_id = ?').run(signalId).changes > 0;
  }
}
