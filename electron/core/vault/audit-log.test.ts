import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { passphrase, tempDir, testVaultOptions } from '../../test-support/temp-dirs';
import { vaultSql } from '../../test-support/vault-sql';
import { createVault, type OpenVault } from './vault';

/** A vault with five entries; the tests then play an insider who has the key and edits the file. */
async function vaultWithEntries() {
  const { vault } = await createVault(join(tempDir(), 'v'), passphrase, testVaultOptions);
  for (let i = 0; i < 4; i++) vault.audit('vault.unlocked', { n: i });
  return vault;
}

/** Bypasses the append-only triggers, as someone with the key and a SQL shell could. */
function tamper(vault: OpenVault, sql: string, ...params: unknown[]) {
  const run = vaultSql(vault);
  run('DROP TRIGGER audit_log_no_update').run();
  run('DROP TRIGGER audit_log_no_delete').run();
  run(sql).run(...params);
}

describe('the audit log', () => {
  it('chains every entry and verifies an untouched log', async () => {
    const vault = await vaultWithEntries();
    expect(vault.verifyAudit()).toEqual({ ok: true, entries: 5 });
    vault.close();
  });

  it('refuses UPDATE and DELETE through its triggers', async () => {
    const vault = await vaultWithEntries();
    expect(() => vaultSql(vault)("UPDATE audit_log SET event = 'x' WHERE seq = 2").run()).toThrow(/append-only/);
    expect(() => vaultSql(vault)('DELETE FROM audit_log WHERE seq = 2').run()).toThrow(/append-only/);
    vault.close();
  });

  it('detects an edited entry', async () => {
    const vault = await vaultWithEntries();
    tamper(vault, 'UPDATE audit_log SET data = \'{"n":99}\' WHERE seq = 3');
    expect(vault.verifyAudit()).toMatchObject({ ok: false, seq: 3, reason: 'entry 3 was changed after it was written' });
    vault.close();
  });

  it('detects a deleted entry in the middle', async () => {
    const vault = await vaultWithEntries();
    tamper(vault, 'DELETE FROM audit_log WHERE seq = 2');
    expect(vault.verifyAudit()).toMatchObject({ ok: false, seq: 2, reason: 'entry 2 is missing' });
    vault.close();
  });

  it('detects entries cut off at the end', async () => {
    const vault = await vaultWithEntries();
    tamper(vault, 'DELETE FROM audit_log WHERE seq >= 4');
    expect(vault.verifyAudit()).toMatchObject({ ok: false, reason: 'entries at the end of the log were removed or added' });
    vault.close();
  });

  it('detects an inserted entry, even one with a correct hash of its own', async () => {
    const vault = await vaultWithEntries();
    const last = vaultSql(vault)('SELECT hash FROM audit_log WHERE seq = 5').get() as { hash: string };
    tamper(vault, "INSERT INTO audit_log VALUES (6, '2026-01-01T00:00:00.000Z', 'forged', '{}', ?, 'f00')", last.hash);
    expect(vault.verifyAudit()).toMatchObject({ ok: false, seq: 6 });
    vault.close();
  });

  it('records events, never content: entries are names and codes', async () => {
    const vault = await vaultWithEntries();
    const events = vault.recentAudit(10).map((e) => e.event);
    expect(events).toContain('vault.created');
    vault.close();
  });
});
