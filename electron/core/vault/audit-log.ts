import { createHash } from 'node:crypto';
import type { AuditEvent } from '../../../shared/vault/audit-events';
import type { SqlDatabase } from './sql-database';

/**
 * Append-only, hash-chained log of security-relevant events inside the vault. Each entry's hash
 * covers its content and the previous hash; a head row, written in the same transaction, pins the
 * last entry so that cutting entries off the end is detected too. Triggers refuse UPDATE and
 * DELETE. Entries hold event names and codes only, never content or personal data.
 */

export type AuditData = Record<string, string | number | boolean | null>;

export interface AuditEntry {
  seq: number;
  at: string;
  event: string;
  data: AuditData;
}

const genesis = '0'.repeat(64);

const hashOf = (seq: number, at: string, event: string, data: string, prev: string) =>
  createHash('sha256')
    .update(JSON.stringify([seq, at, event, data, prev]))
    .digest('hex');

export function appendAudit(db: SqlDatabase, event: AuditEvent, data: AuditData = {}, now = new Date()): AuditEntry {
  return db.transaction(() => {
    const head = db.prepare('SELECT seq, hash FROM audit_head WHERE id = 1').get() as { seq: number; hash: string } | undefined;
    const seq = (head?.seq ?? 0) + 1;
    const prev = head?.hash ?? genesis;
    const at = now.toISOString();
    const json = JSON.stringify(data);
    const hash = hashOf(seq, at, event, json, prev);
    db.prepare('INSERT INTO audit_log (seq, at, event, data, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?)').run(seq, at, event, json, prev, hash);
    db.prepare('INSERT INTO audit_head (id, seq, hash) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash').run(
      seq,
      hash,
    );
    return { seq, at, event, data };
  })();
}

export type AuditVerdict = { ok: true; entries: number } | { ok: false; entries: number; seq: number; reason: string };

export function verifyAudit(db: SqlDatabase): AuditVerdict {
  const rows = db.prepare('SELECT seq, at, event, data, prev_hash, hash FROM audit_log ORDER BY seq').iterate() as Iterable<{
    seq: number;
    at: string;
    event: string;
    data: string;
    prev_hash: string;
    hash: string;
  }>;
  let expectedSeq = 1;
  let prev = genesis;
  let count = 0;
  for (const row of rows) {
    count++;
    if (row.seq !== expectedSeq) {
      return { ok: false, entries: count, seq: expectedSeq, reason: `entry ${expectedSeq} is missing` };
    }
    if (row.prev_hash !== prev) {
      return { ok: false, entries: count, seq: row.seq, reason: `entry ${row.seq} does not link to the entry before it` };
    }
    if (hashOf(row.seq, row.at, row.event, row.data, row.prev_hash) !== row.hash) {
      return { ok: false, entries: count, seq: row.seq, reason: `entry ${row.seq} was changed after it was written` };
    }
    prev = row.hash;
    expectedSeq++;
  }
  const head = db.prepare('SELECT seq, hash FROM audit_head WHERE id = 1').get() as { seq: number; hash: string } | undefined;
  const lastSeq = expectedSeq - 1;
  if ((head?.seq ?? 0) !== lastSeq || (head?.hash ?? genesis) !== prev) {
    return { ok: false, entries: count, seq: head?.seq ?? 0, reason: 'entries at the end of the log were removed or added' };
  }
  return { ok: true, entries: count };
}

/** The hash of the last entry (the head): it pins the whole log without telling anything of it. */
export function auditHeadHash(db: SqlDatabase): string {
  return (db.prepare('SELECT hash FROM audit_head WHERE id = 1').pluck().get() as string | undefined) ?? genesis;
}

/** The number of the entry whose hash is `hash`, or null when no entry of this log has it. */
export function auditEntryWithHash(db: SqlDatabase, hash: string): number | null {
  return (db.prepare('SELECT seq FROM audit_log WHERE hash = ?').pluck().get(hash) as number | undefined) ?? null;
}

export function recentAudit(db: SqlDatabase, limit: number): AuditEntry[] {
  const rows = db.prepare('SELECT seq, at, event, data FROM audit_log ORDER BY seq DESC LIMIT ?').all(limit) as Array<{
    seq: number;
    at: string;
    event: string;
    data: string;
  }>;
  return rows.map((r) => ({ seq: r.seq, at: r.at, event: r.event, data: JSON.parse(r.data) as AuditData }));
}
