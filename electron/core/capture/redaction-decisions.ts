import { isEditable } from '../../../shared/capture/signal-states';
import type { RedactionCategory } from '../../../shared/redaction/categories';
import { decisionProblem, type RedactionDecision } from '../../../shared/redaction/review';
import { AppError } from '../app-error';
import { appendAudit } from '../vault/audit-log';
import type { SqlDatabase } from '../vault/sqlcipher';

/** The stored decisions on a signal's proposed redactions (see shared/redaction/review.ts). */
export function listDecisions(db: SqlDatabase, signalId: number): RedactionDecision[] {
  return db
    .prepare('SELECT surface, category, decision, reason, origin FROM redaction_decisions WHERE signal_id = ? ORDER BY decided_at, surface')
    .all(signalId) as RedactionDecision[];
}

function requireEditable(db: SqlDatabase, signalId: number): void {
  const row = db.prepare('SELECT state FROM signals WHERE id = ?').get(signalId) as { state: Parameters<typeof isEditable>[0] } | undefined;
  if (!row) throw new AppError('not_found', 'That signal does not exist.');
  if (!isEditable(row.state)) throw new AppError('not_editable', 'Only draft and returned signals can be changed.');
}

/** Records a decision (replacing an earlier one on the same form); audited without the text itself. */
export function decide(db: SqlDatabase, signalId: number, d: RedactionDecision, now = new Date()): RedactionDecision[] {
  const problem = decisionProblem(d);
  if (problem) throw new AppError('invalid_request', problem, { field: problem.split(':')[0]! });
  return db.transaction(() => {
    requireEditable(db, signalId);
    db.prepare(
      `INSERT INTO redaction_decisions (signal_id, surface, category, decision, reason, origin, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (signal_id, surface, category) DO UPDATE SET decision = excluded.decision, reason = excluded.reason, origin = excluded.origin, decided_at = excluded.decided_at`,
    ).run(signalId, d.surface, d.category, d.decision, d.decision === 'keep' ? d.reason : null, d.origin, now.toISOString());
    appendAudit(db, 'redaction.decided', { signal: signalId, category: d.category, decision: d.decision, origin: d.origin });
    return listDecisions(db, signalId);
  })();
}

export function undecide(db: SqlDatabase, signalId: number, surface: string, category: RedactionCategory): RedactionDecision[] {
  return db.transaction(() => {
    requireEditable(db, signalId);
    const { changes } = db.prepare('DELETE FROM redaction_decisions WHERE signal_id = ? AND surface = ? AND category = ?').run(signalId, surface, category);
    if (changes > 0) appendAudit(db, 'redaction.undecided', { signal: signalId, category });
    return listDecisions(db, signalId);
  })();
}
