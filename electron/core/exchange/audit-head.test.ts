import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPayload } from '../../../shared/exchange/payload';
import { exchangePair } from '../../test-support/exchange-pair';
import { obi } from '../../test-support/run-cli';
import { passphrase, tempDir } from '../../test-support/temp-dirs';
import { vaultSql } from '../../test-support/vault-sql';
import type { OpenVault } from '../vault/vault';
import { checkAgainstHead, exportAuditHead, readAuditHeadRecord } from './audit-head';
import { readInbox, sendNow } from './exchange-service';
import { outgoingPayload } from './outgoing-ledger';

/**
 * What someone holding the officer's data key could do: drop an entry and compute the whole
 * chain anew, head included, so that the log verifies on its own again.
 */
function rewriteWithout(vault: OpenVault, dropSeq: number): void {
  const sql = vaultSql(vault);
  sql('DROP TRIGGER audit_log_no_update').run();
  sql('DROP TRIGGER audit_log_no_delete').run();
  const rows = sql('SELECT at, event, data FROM audit_log ORDER BY seq').all() as Array<{ at: string; event: string; data: string }>;
  sql('DELETE FROM audit_log').run();
  let prev = '0'.repeat(64);
  let seq = 0;
  for (const [i, row] of rows.entries()) {
    if (i + 1 === dropSeq) continue;
    seq++;
    const hash = createHash('sha256')
      .update(JSON.stringify([seq, row.at, row.event, row.data, prev]))
      .digest('hex');
    sql('INSERT INTO audit_log (seq, at, event, data, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?)').run(seq, row.at, row.event, row.data, prev, hash);
    prev = hash;
  }
  sql('UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1').run(seq, prev);
}

describe('the audit head in officer bundles', () => {
  it("travels in the manifest, is kept by the team lead per officer, and no longer matches once the officer's log is rewritten", async () => {
    const root = tempDir();
    const [o2l, central] = [join(root, 'o2l'), join(root, 'central')];
    mkdirSync(o2l);
    const pair = await exchangePair({
      officer: { kind: 'folder', outbox: o2l, inbox: join(root, 'l2o') },
      lead: { kind: 'folder', outbox: central, inbox: o2l },
    });
    const { officer, lead } = pair;
    const sent = await sendNow(officer.vault, pair.officerPolicy, officer.deps);
    const read = readPayload(JSON.parse(outgoingPayload(officer.vault, sent.prepared!)));
    if (!read.ok) throw new Error('the officer bundle does not read back');
    const { manifest } = read.value;
    expect(manifest.auditHead?.format).toBe(1);
    expect(manifest.auditHead?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect((await readInbox(lead.vault, pair.leadPolicy, lead.deps)).map((r) => r.outcome)).toEqual(['imported']);

    const record = exportAuditHead(lead.vault, 'officer-1');
    expect(record).toMatchObject({
      format: 'obi-audit-head',
      version: 1,
      officer: 'officer-1',
      bundle: sent.prepared,
      hash: manifest.auditHead?.hash,
    });
    expect(() => exportAuditHead(lead.vault, 'officer-2')).toThrow(/No bundle from this officer/);
    expect(readAuditHeadRecord(JSON.stringify(record))).toEqual(record);
    expect(() => readAuditHeadRecord(JSON.stringify({ ...record, hash: 'abc' }))).toThrow(/hash: must be a SHA-256 hash in hex/);

    // The officer's log goes on growing after the bundle; it still holds the head the lead received.
    officer.vault.audit('vault.locked');
    expect(checkAgainstHead(officer.vault, record)).toMatchObject({ ok: true });

    rewriteWithout(officer.vault, 2);
    expect(officer.vault.verifyAudit()).toMatchObject({ ok: true });
    expect(checkAgainstHead(officer.vault, record)).toEqual({
      ok: false,
      reason: `the audit log no longer holds the head the team lead received with bundle ${sent.prepared}`,
    });
  }, 30_000);

  it('obi audit head exports the record and obi audit verify --against checks a log against it', async () => {
    const root = tempDir();
    const [o2l, central] = [join(root, 'o2l'), join(root, 'central')];
    mkdirSync(o2l);
    const pair = await exchangePair({
      officer: { kind: 'folder', outbox: o2l, inbox: join(root, 'l2o') },
      lead: { kind: 'folder', outbox: central, inbox: o2l },
    });
    await sendNow(pair.officer.vault, pair.officerPolicy, pair.officer.deps);
    await readInbox(pair.lead.vault, pair.leadPolicy, pair.lead.deps);
    const file = join(root, 'head.json');
    const exported = await obi(['audit', 'head', '--officer', 'officer-1', '--out', file], { OBI_VAULT: pair.lead.vault.dir, OBI_PASSPHRASE: passphrase });
    expect(exported).toMatchObject({ code: 0, err: '' });
    expect(readAuditHeadRecord(readFileSync(file, 'utf8')).officer).toBe('officer-1');

    const env = { OBI_VAULT: pair.officer.vault.dir, OBI_PASSPHRASE: passphrase };
    expect((await obi(['audit', 'verify', '--against', file], env)).out).toMatch(
      /^ok: \d+ audit entries, chain intact, entry \d+ is the head the team lead received/,
    );
    rewriteWithout(pair.officer.vault, 1);
    expect((await obi(['audit', 'verify'], env)).code).toBe(0);
    const mismatch = await obi(['audit', 'verify', '--against', file], env);
    expect(mismatch.code).toBe(2);
    expect(mismatch.err).toMatch(/^obi: The audit log does not match: the audit log no longer holds the head the team lead received with bundle /);
  }, 30_000);
});
