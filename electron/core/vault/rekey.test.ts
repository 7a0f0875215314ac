import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { passphrase, tempDir, testVaultOptions } from '../../test-support/temp-dirs';
import { AppError } from '../app-error';
import { createVault, recoverWithRecoveryKey, unlockWithPassphrase } from './vault';
import { dbPath, nextSlotsPath, slotsPath } from './vault-files';
import { vaultSql } from '../../test-support/vault-sql';

const next = 'a fresh passphrase after the rotation';
const canary = 'Rotatie-kanarie Özlem 06-87654321';

const codeOf = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return e instanceof AppError ? e.code : 'not-an-app-error';
  }
  return 'no-error';
};

async function vaultWithContent() {
  const dir = join(tempDir(), 'vault');
  const { vault, recoveryKey } = await createVault(dir, passphrase, testVaultOptions);
  vaultSql(vault)('CREATE TABLE scratch (body TEXT)').run();
  vaultSql(vault)('INSERT INTO scratch VALUES (?)').run(canary);
  return { dir, vault, recoveryKey };
}

describe('key rotation (rekey)', () => {
  it('re-encrypts the database under a new data key: an old key file with the old passphrase or recovery key opens nothing', async () => {
    const { dir, vault, recoveryKey } = await vaultWithContent();
    const oldSlots = readFileSync(slotsPath(dir));
    const steps: string[] = [];
    const newRecoveryKey = await vault.rekey(passphrase, next, (step) => steps.push(step));
    expect(steps).toEqual(['keys', 'database', 'slots']);
    expect(newRecoveryKey).not.toBe(recoveryKey);
    expect(vault.recoveryKeyPending).toBe(true);
    expect(vault.recentAudit(1)[0]?.event).toBe('vault.rekeyed');
    expect((vaultSql(vault)('SELECT body FROM scratch').get() as { body: string }).body).toBe(canary);
    vault.close();
    expect(existsSync(nextSlotsPath(dir))).toBe(false);

    // The new passphrase and the new recovery key open the re-encrypted content.
    const reopened = await unlockWithPassphrase(dir, next, testVaultOptions);
    expect((vaultSql(reopened)('SELECT body FROM scratch').get() as { body: string }).body).toBe(canary);
    reopened.close();
    (await recoverWithRecoveryKey(dir, newRecoveryKey, 'yet another passphrase of mine', testVaultOptions)).close();

    // A copy of the key file from before (a backup, a shadow copy) no longer opens the vault.
    writeFileSync(slotsPath(dir), oldSlots);
    expect(await codeOf(unlockWithPassphrase(dir, passphrase, testVaultOptions))).toBe('vault_corrupt');
    expect(await codeOf(recoverWithRecoveryKey(dir, recoveryKey, 'yet another passphrase of mine', testVaultOptions))).toBe('vault_corrupt');
  });

  it('refuses a wrong current passphrase and a weak new one, and changes nothing', async () => {
    const { dir, vault } = await vaultWithContent();
    vaultSql(vault)('PRAGMA wal_checkpoint(TRUNCATE)').all();
    const before = [readFileSync(slotsPath(dir)), readFileSync(dbPath(dir))];
    expect(await codeOf(vault.rekey('not the passphrase', next))).toBe('wrong_passphrase');
    expect(await codeOf(vault.rekey(passphrase, 'aaaaaaaaaaaa'))).toBe('passphrase_weak');
    expect([readFileSync(slotsPath(dir)), readFileSync(dbPath(dir))]).toEqual(before);
    vault.close();
  });

  it('finishes a rotation that was interrupted after the database was re-encrypted', async () => {
    const { dir, vault } = await vaultWithContent();
    const oldSlots = readFileSync(slotsPath(dir));
    await vault.rekey(passphrase, next);
    vault.close();
    // As if the process died between re-encrypting and replacing the key file: the old key file
    // is still in place and the new one waits beside it.
    copyFileSync(slotsPath(dir), nextSlotsPath(dir));
    writeFileSync(slotsPath(dir), oldSlots);
    const v = await unlockWithPassphrase(dir, next, testVaultOptions);
    expect((vaultSql(v)('SELECT body FROM scratch').get() as { body: string }).body).toBe(canary);
    v.close();
    expect(existsSync(nextSlotsPath(dir))).toBe(false);
    expect(readFileSync(slotsPath(dir))).not.toEqual(oldSlots);
  });

  it('forgets a rotation that was interrupted before the database was re-encrypted', async () => {
    const { dir, vault } = await vaultWithContent();
    vault.close();
    writeFileSync(
      nextSlotsPath(dir),
      readFileSync(slotsPath(dir))
        .toString()
        .replace(/"keyCheck": "[^"]+"/, '"keyCheck": "AAAA"'),
    );
    const v = await unlockWithPassphrase(dir, passphrase, testVaultOptions);
    v.close();
    expect(existsSync(nextSlotsPath(dir))).toBe(false);
  });
});
