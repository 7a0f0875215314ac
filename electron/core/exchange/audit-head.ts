import { z } from 'zod';
import { AppError } from '../app-error';
import type { OpenVault } from '../vault/vault';
import { AuditHeadStore } from './audit-head-store';

/**
 * The exported head record: what the team lead hands over (`obi audit head --officer NAME`) and
 * the officer's workstation checks its audit log against (`obi audit verify --against FILE`). A
 * small JSON file holding a hash and where it came from, no content.
 */
export const auditHeadRecordSchema = z.strictObject({
  format: z.literal('obi-audit-head', 'must be "obi-audit-head"'),
  version: z.literal(1, 'must be 1'),
  officer: z.string().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
  bundle: z.string().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
  received: z.iso.datetime('must be an ISO time'),
  hash: z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hash in hex'),
});
export type AuditHeadRecord = z.output<typeof auditHeadRecordSchema>;

/** Team lead: the last head received from the officer of that name, as a record to hand over. */
export function exportAuditHead(vault: OpenVault, officer: string): AuditHeadRecord {
  const head = new AuditHeadStore(vault).latest(officer);
  if (!head) throw new AppError('not_found', 'No bundle from this officer carried an audit head yet.', { field: 'officer' });
  return { format: 'obi-audit-head', version: 1, officer: head.officer, bundle: head.bundleId, received: head.receivedAt, hash: head.hash };
}

/** Reads a head record from a file's text; the first problem names its field. */
export function readAuditHeadRecord(text: string): AuditHeadRecord {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new AppError('invalid_request', 'The head record is not JSON.');
  }
  const parsed = auditHeadRecordSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = issue.path.map(String).join('.') || '(root)';
  throw new AppError('invalid_request', `The head record is not valid: ${field}: ${issue.message}.`, { field });
}

export type HeadCheck = { ok: true; entries: number; entry: number } | { ok: false; reason: string };

/**
 * Officer: whether this vault's audit log is intact and still holds the entry whose hash the team
 * lead received. A log rewritten since (an entry changed, removed or inserted before that point,
 * the chain computed anew) no longer holds that hash.
 */
export function checkAgainstHead(vault: OpenVault, record: AuditHeadRecord): HeadCheck {
  const verdict = vault.verifyAudit();
  if (!verdict.ok) return { ok: false, reason: `the audit log was tampered with: ${verdict.reason}` };
  const entry = vault.auditEntryWithHash(record.hash);
  if (entry === null) return { ok: false, reason: `the audit log no longer holds the head the team lead received with bundle ${record.bundle}` };
  return { ok: true, entries: verdict.entries, entry };
}
