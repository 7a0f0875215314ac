import type { RedactionCategory } from '../../../shared/redaction/categories';
import type { RedactionDecision } from '../../../shared/redaction/redaction-review';
import { storeStatements, type OpenVault } from '../vault/vault';

/**
 * Capture's decisions on proposed redactions (table `redaction_decisions`), per signal and per
 * surface form in a category: typed reads and writes. The rules are in redaction-decisions.ts.
 */
export class RedactionDecisionStore {
  private readonly sql: ReturnType<typeof storeStatements>;

  constructor(vault: OpenVault) {
    this.sql = storeStatements(vault);
  }

  list(signalId: number): RedactionDecision[] {
    return this.sql('SELECT surface, category, decision, reason, origin FROM redaction_decisions WHERE signal_id = ? ORDER BY decided_at, surface').all(
      signalId,
    ) as RedactionDecision[];
  }

  /** Records a decision, replacing an earlier one on the same surface and category. */
  put(signalId: number, d: RedactionDecision, at: string): void {
    this.sql(
      `INSERT INTO redaction_decisions (signal_id, surface, category, decision, reason, origin, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (signal_id, surface, category) DO UPDATE SET decision = excluded.decision, reason = excluded.reason, origin = excluded.origin, decided_at = excluded.decided_at`,
    ).run(signalId, d.surface, d.category, d.decision, d.decision === 'keep' ? d.reason : null, d.origin, at);
  }

  /** Deletes the decisions (and so the surface forms they kept) of every signal of a meeting. */
  removeOfMeeting(meetingId: number): void {
    this.sql('DELETE FROM redaction_decisions WHERE signal_id IN (SELECT id FROM signals WHERE meeting_id = ?)').run(meetingId);
  }

  /** True when there was a decision to remove. */
  remove(signalId: number, surface: string, category: RedactionCategory): boolean {
    return this.sql('DELETE FROM redaction_decisions WHERE signal_id = ? AND surface = ? AND category = ?').run(signalId, surface, category).changes > 0;
  }
}
