import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tar from 'tar';
import { describe, expect, it } from 'vitest';
import { passphrase, tempDir, testVaultOptions } from '../../test-support/temp-dirs';
import { vaultSql } from '../../test-support/vault-sql';
import { AppError } from '../app-error';
import { backupVault, restoreVault } from './backup';
import { createVault, unlockWithPassphrase } from './vault';

async function vaultWithData() {
  const root = tempDir();
  const { vault, recoveryKey } = await createVault(join(root, 'v'), passphrase, testVaultOptions);
  vaultSql(vault)('CREATE TABLE scratch (body TEXT)').run();
  vaultSql(vault)('INSERT INTO scratch VALUES (?)').run('kept across backup Ürün');
  return { root, vault, recoveryKey };
}

const codeOf = async (p: Promise<unknown>) =>
  p.then(
    () => 'no-error',
    (e: unknown) => (e instanceof AppError ? e.code : 'other'),
  );

describe('encrypted backup', () => {
  it('writes a tar with the key file, an encrypted copy of the database and a manifest', async () => {
    const { root, vault } = await vaultWithData();
    const out = join(root, 'backups', 'b.tar');
    await backupVault(vault, out);
    vault.close();
    const names: string[] = [];
    await tar.list({ file: out, onReadEntry: (e) => names.push(e.path) });
    expect(names.sort()).toEqual(['keyslots.json', 'manifest.json', 'vault.db']);
    const bytes = readFileSync(out);
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
    expect(bytes.includes(Buffer.from('kept across backup'))).toBe(false);
    expect(readdirSync(join(root, 'backups'))).toEqual(['b.tar']);
    // Stock tar lists it too.
    expect(execFileSync('tar', ['-tf', out], { encoding: 'utf8' }).split('\n').filter(Boolean).sort()).toEqual(names.sort());
  });

  it('restores into a new folder and opens with the same passphrase and recovery key', async () => {
    const { root, vault, recoveryKey } = await vaultWithData();
    const out = join(root, 'b.tar');
    await backupVault(vault, out);
    vault.close();
    const target = join(root, 'restored');
    await restoreVault(out, target, passphrase, testVaultOptions);
    const restored = await unlockWithPassphrase(target, passphrase, testVaultOptions);
    expect(vaultSql(restored)('SELECT body FROM scratch').get()).toEqual({ body: 'kept across backup Ürün' });
    expect(restored.recentAudit(5).map((e) => e.event)).toContain('vault.restored');
    expect(restored.verifyAudit().ok).toBe(true);
    restored.close();
    const { recoverWithRecoveryKey } = await import('./vault');
    (await recoverWithRecoveryKey(target, recoveryKey, 'another long passphrase', testVaultOptions)).close();
  });

  it('refuses a wrong passphrase, a non-empty target and a damaged backup, leaving no folder behind', async () => {
    const { root, vault } = await vaultWithData();
    const out = join(root, 'b.tar');
    await backupVault(vault, out);
    vault.close();

    expect(await codeOf(restoreVault(out, join(root, 'r1'), 'wrong passphrase', testVaultOptions))).toBe('wrong_passphrase');
    expect(existsSync(join(root, 'r1'))).toBe(false);

    expect(await codeOf(restoreVault(out, join(root, 'v'), passphrase, testVaultOptions))).toBe('target_not_empty');

    const damaged = readFileSync(out);
    const at = damaged.indexOf(Buffer.from('vault.db')) + 4096;
    for (let i = 0; i < 32; i++) damaged[at + i]! ^= 0xff;
    writeFileSync(join(root, 'damaged.tar'), damaged);
    expect(await codeOf(restoreVault(join(root, 'damaged.tar'), join(root, 'r2'), passphrase, testVaultOptions))).toBe('backup_invalid');

    writeFileSync(join(root, 'junk.tar'), 'not a tar file at all');
    expect(await codeOf(restoreVault(join(root, 'junk.tar'), join(root, 'r3'), passphrase, testVaultOptions))).toBe('backup_invalid');
    await expect(restoreVault(join(root, 'absent.tar'), join(root, 'r4'), passphrase, testVaultOptions)).rejects.toThrow(
      'The backup absent.tar does not exist.',
    );

    const leftovers = readdirSync(root).filter((n) => n.startsWith('.') || /^r\d$/.test(n));
    expect(leftovers).toEqual([]);
  });

  it('ignores any other member a crafted archive carries, such as a path that climbs out', async () => {
    const { root, vault } = await vaultWithData();
    const out = join(root, 'b.tar');
    await backupVault(vault, out);
    vault.close();
    const work = join(root, 'craft');
    mkdirSync(work);
    await tar.extract({ file: out, cwd: work });
    writeFileSync(join(work, 'evil.txt'), 'x');
    await tar.create({ file: join(root, 'crafted.tar'), cwd: work }, ['manifest.json', 'keyslots.json', 'vault.db', 'evil.txt']);
    await restoreVault(join(root, 'crafted.tar'), join(root, 'r'), passphrase, testVaultOptions);
    expect(readdirSync(join(root, 'r')).sort()).toEqual(['keyslots.json', 'vault.db']);
  });
});

describe('a backup that is not what it says', () => {
  it('is refused at once when the named file is a pipe or a device, leaving no folder behind', async () => {
    const root = tempDir();
    execFileSync('mkfifo', [join(root, 'b.tar')]);
    symlinkSync('/dev/zero', join(root, 'zero.tar'));
    await expect(restoreVault(join(root, 'b.tar'), join(root, 'r1'), passphrase, testVaultOptions)).rejects.toThrow('The backup b.tar is a pipe.');
    await expect(restoreVault(join(root, 'zero.tar'), join(root, 'r2'), passphrase, testVaultOptions)).rejects.toThrow('The backup zero.tar is a device.');
    expect(readdirSync(root).sort()).toEqual(['b.tar', 'zero.tar']);
  });

  it('takes no member that is a link instead of a file, nor an oversized key file', async () => {
    const { root, vault } = await vaultWithData();
    const out = join(root, 'b.tar');
    await backupVault(vault, out);
    vault.close();
    const work = join(root, 'craft');
    mkdirSync(work);
    await tar.extract({ file: out, cwd: work });
    rmSync(join(work, 'vault.db'));
    symlinkSync(join(root, 'v', 'vault.db'), join(work, 'vault.db'));
    await tar.create({ file: join(root, 'linked.tar'), cwd: work }, ['manifest.json', 'keyslots.json', 'vault.db']);
    await expect(restoreVault(join(root, 'linked.tar'), join(root, 'r1'), passphrase, testVaultOptions)).rejects.toMatchObject({
      code: 'backup_invalid',
      message: 'This is not a usable OBI Werkplek backup: vault.db is not a plain file.',
    });

    const again = join(root, 'craft2');
    mkdirSync(again);
    await tar.extract({ file: out, cwd: again });
    writeFileSync(join(again, 'keyslots.json'), ' '.repeat(65 * 1024));
    await tar.create({ file: join(root, 'big.tar'), cwd: again }, ['manifest.json', 'keyslots.json', 'vault.db']);
    await expect(restoreVault(join(root, 'big.tar'), join(root, 'r2'), passphrase, testVaultOptions)).rejects.toMatchObject({
      code: 'backup_invalid',
      message: 'This is not a usable OBI Werkplek backup: keyslots.json is too large.',
    });
    expect(readdirSync(root).filter((n) => n.startsWith('.') || /^r\d$/.test(n))).toEqual([]);
  });
});
