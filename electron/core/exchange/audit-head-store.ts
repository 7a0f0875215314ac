import type { AuditHead } from '../../../shared/exchange/payload';
import { storeStatements, type OpenVault } from '../vault/vault';

/** One audit-log head as the team lead received it in an officer bundle. */
export interface ReceivedAuditHead {
  bundleId: string;
  officer: string;
  format: number;
  hash: string;
  receivedAt: string;
}

/**
 * Exchange's record of the audit-log heads officers' bundles carried (table
 * `received_audit_heads`): a hash per bundle, never content. Typed reads and writes.
 */
export class AuditHeadStore {
  private readonly sql: ReturnType<typeof storeStatements>;

  constructor(vault: OpenVault) {
    this.sql = storeStatements(vault);
  }

  insert(bundleId: string, officer: string, signer: string, head: AuditHead, receivedAt: string): void {
    this.sql('INSERT INTO received_audit_heads (bundle_id, officer, signer, format, hash, received_at) VALUES (?, ?, ?, ?, ?, ?)').run(
      bundleId,
      officer,
      signer,
      head.format,
      head.hash,
      receivedAt,
    );
  }

  /** The most recent head received from the officer of that name, if any. */
  latest(officer: string): ReceivedAuditHead | undefined {
    return this.sql(
      `SELECT bundle_id AS bundleId, officer, format, hash, received_at AS receivedAt FROM received_audit_heads
       WHERE officer = ? ORDER BY received_at DESC, rowid DESC LIMIT 1`,
    ).get(officer) as ReceivedAuditHead | undefined;
  }
}
