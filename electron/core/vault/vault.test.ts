import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allFileBytes, passphrase, snapshotFiles, tempDir, testArgon2, testVaultOptions } from '../../test-support/temp-dirs';
import { vaultSql } from '../../test-support/vault-sql';
import { AppError } from '../app-error';
import { latestSchemaVersion } from './migrate';
import { createVault, recoverWithRecoveryKey, unlockWithOs, unlockWithPassphrase } from './vault';
import { dbPath, readKeySlots, slotsPath } from './vault-files';
import type { OsKeyWrap } from './key-slots';

const canary = 'Canary Yıldız 06-12345678';

async function newVault() {
  const dir = join(tempDir(), 'vault');
  const { vault, recoveryKey } = await createVault(dir, passphrase, testVaultOptions);
  return { dir, vault, recoveryKey };
}

const codeOf = async (p: Promise<unknown> | (() => unknown)) => {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    return e instanceof AppError ? e.code : 'not-an-app-error';
  }
  return 'no-error';
};

/** A fake OS keyring: reversible, and able to "lose" its key like a moved profile. */
function fakeOs(): OsKeyWrap & { broken: boolean } {
  const os = {
    broken: false,
    isAvailable: () => true,
    encrypt: (s: string) => Buffer.from(`os:${s}`).reverse(),
    decrypt: (b: Buffer) => {
      if (os.broken) throw new Error('keyring changed');
      return Buffer.from(b).reverse().toString().slice(3);
    },
  };
  return os;
}

describe('the encrypted vault', () => {
  it('creates the database in SQLCipher 4 format with the vault settings and latest schema', async () => {
    const { vault } = await newVault();
    const pragma = (name: string) => vaultSql(vault)(`PRAGMA ${name}`).pluck().get();
    expect(pragma('journal_mode')).toBe('wal');
    expect(pragma('synchronous')).toBe(2);
    expect(pragma('secure_delete')).toBe(1);
    expect(pragma('trusted_schema')).toBe(0);
    expect(pragma('temp_store')).toBe(2);
    expect(vault.schemaVersion).toBe(latestSchemaVersion);
    vaultSql(vault)("CREATE VIRTUAL TABLE probe USING fts5(body, tokenize = 'unicode61 remove_diacritics 2')").run();
    vault.close();
  });

  it('keeps nothing readable on disk: no SQLite header, no stored text, no passphrase, also in the WAL', async () => {
    const { dir, vault } = await newVault();
    vaultSql(vault)('CREATE TABLE scratch (body TEXT)').run();
    vaultSql(vault)('INSERT INTO scratch VALUES (?)').run(canary);
    const files = allFileBytes(dir);
    expect(files.some((f) => f.path.endsWith('-wal'))).toBe(true);
    vault.close();
    for (const { path, bytes } of [...files, ...allFileBytes(dir)]) {
      expect(bytes.subarray(0, 16).toString('latin1'), path).not.toContain('SQLite format 3');
      expect(bytes.includes(Buffer.from('Canary')), path).toBe(false);
      expect(bytes.includes(Buffer.from('Yıldız')), path).toBe(false);
      expect(bytes.includes(Buffer.from('correct horse')), path).toBe(false);
    }
  });

  it('refuses a wrong passphrase without touching the files, byte for byte', async () => {
    const { dir, vault } = await newVault();
    vault.close();
    const before = snapshotFiles(dir);
    expect(await codeOf(unlockWithPassphrase(dir, 'wrong passphrase', testVaultOptions))).toBe('wrong_passphrase');
    expect(snapshotFiles(dir)).toEqual(before);
  });

  it('opens again with the right passphrase and drops the key on close', async () => {
    const { dir, vault } = await newVault();
    vault.close();
    const again = await unlockWithPassphrase(dir, passphrase, testVaultOptions);
    const key = (again as unknown as { dataKey: Buffer }).dataKey;
    expect(key.some((b) => b !== 0)).toBe(true);
    const sql = vaultSql(again);
    again.close();
    expect(() => sql('SELECT 1').get()).toThrow(/not open/);
    expect(() => vaultSql(again)).toThrow('The vault is locked.');
    expect(key.every((b) => b === 0)).toBe(true);
  });

  it('rewraps the data key on a passphrase change without re-encrypting the database', async () => {
    const { dir, vault } = await newVault();
    const keyCheck = readKeySlots(dir).keyCheck;
    vault.close();
    const oldDb = join(tempDir(), 'old.db');
    copyFileSync(dbPath(dir), oldDb);
    const v = await unlockWithPassphrase(dir, passphrase, testVaultOptions);
    await v.changePassphrase(passphrase, 'a new and longer passphrase');
    v.close();
    expect(readKeySlots(dir).keyCheck).toBe(keyCheck);
    expect(await codeOf(unlockWithPassphrase(dir, passphrase, testVaultOptions))).toBe('wrong_passphrase');
    // The copy taken before the change opens with the new passphrase: the same data key.
    copyFileSync(oldDb, dbPath(dir));
    const reopened = await unlockWithPassphrase(dir, 'a new and longer passphrase', testVaultOptions);
    reopened.close();
  });

  it('refuses a passphrase change when the current passphrase is wrong', async () => {
    const { vault } = await newVault();
    expect(await codeOf(vault.changePassphrase('not it', 'another long passphrase'))).toBe('wrong_passphrase');
    vault.close();
  });

  it('recovers with the recovery key, setting a new passphrase', async () => {
    const { dir, vault, recoveryKey } = await newVault();
    vault.close();
    const recovered = await recoverWithRecoveryKey(dir, recoveryKey.replaceAll('-', ' '), 'my brand new passphrase', testVaultOptions);
    expect(recovered.recentAudit(1)[0]?.event).toBe('vault.recovered');
    recovered.close();
    expect(await codeOf(unlockWithPassphrase(dir, passphrase, testVaultOptions))).toBe('wrong_passphrase');
    (await unlockWithPassphrase(dir, 'my brand new passphrase', testVaultOptions)).close();
  });

  it('tells a mistyped recovery key (which group) from a wrong one', async () => {
    const { dir, vault, recoveryKey } = await newVault();
    vault.close();
    const groups = recoveryKey.split('-');
    const typo = [...groups];
    typo[2] = typo[2]!.replace(/^(\d)/, (d) => String((Number(d) + 1) % 10));
    try {
      await recoverWithRecoveryKey(dir, typo.join('-'), 'my brand new passphrase', testVaultOptions);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe('recovery_key_malformed');
      expect((e as AppError).details.groups).toEqual([3]);
    }
    const other = (await newVault()).recoveryKey;
    expect(await codeOf(recoverWithRecoveryKey(dir, other, 'my brand new passphrase', testVaultOptions))).toBe('recovery_key_wrong');
  });

  it('replaces the recovery key: the old one stops working, the new one works', async () => {
    const { dir, vault, recoveryKey } = await newVault();
    const fresh = await vault.newRecoveryKey(passphrase);
    expect(vault.recoveryKeyPending).toBe(true);
    vault.confirmRecoveryKey();
    expect(vault.recoveryKeyPending).toBe(false);
    vault.close();
    expect(await codeOf(recoverWithRecoveryKey(dir, recoveryKey, 'my brand new passphrase', testVaultOptions))).toBe('recovery_key_wrong');
    (await recoverWithRecoveryKey(dir, fresh, 'my brand new passphrase', testVaultOptions)).close();
  });

  it('unlocks with the OS slot, and falls back to the passphrase when the OS cannot unwrap it', async () => {
    const { dir, vault } = await newVault();
    const os = fakeOs();
    vault.enableOsUnlock(os);
    vault.close();
    expect(readFileSync(slotsPath(dir), 'utf8')).not.toMatch(/[0-9a-f]{64}/);
    (await unlockWithOs(dir, os, testVaultOptions)).close();
    os.broken = true;
    expect(await codeOf(() => unlockWithOs(dir, os, testVaultOptions))).toBe('os_unlock_unavailable');
    const byPassphrase = await unlockWithPassphrase(dir, passphrase, testVaultOptions);
    byPassphrase.disableOsUnlock();
    byPassphrase.close();
    expect(
      readKeySlots(dir)
        .slots.map((s) => s.kind)
        .sort(),
    ).toEqual(['passphrase', 'recovery']);
  });

  it('reports a damaged database as damaged and overwrites nothing', async () => {
    const { dir, vault } = await newVault();
    vault.close();
    const bytes = readFileSync(dbPath(dir));
    for (let i = 0; i < 64; i++) bytes[4096 + 100 + i]! ^= 0xff;
    writeFileSync(dbPath(dir), bytes);
    const before = snapshotFiles(dir);
    let problems: string[];
    try {
      const v = await unlockWithPassphrase(dir, passphrase, testVaultOptions);
      problems = v.checkIntegrity();
      v.close();
    } catch (e) {
      problems = [(e as AppError).code];
    }
    expect(problems.length).toBeGreaterThan(0);
    expect(snapshotFiles(dir)).toEqual(before);
  });

  it('names a damaged key file, a missing database and a foreign folder', async () => {
    const { dir, vault } = await newVault();
    vault.close();
    writeFileSync(slotsPath(dir), '{"format": "something else"}');
    expect(await codeOf(unlockWithPassphrase(dir, passphrase))).toBe('vault_corrupt');
    writeFileSync(slotsPath(dir), 'not json');
    expect(await codeOf(unlockWithPassphrase(dir, passphrase))).toBe('vault_corrupt');

    const foreign = tempDir();
    writeFileSync(join(foreign, 'notes.txt'), 'hello');
    expect(await codeOf(unlockWithPassphrase(foreign, passphrase))).toBe('vault_foreign');
    expect(await codeOf(createVault(foreign, passphrase, testVaultOptions))).toBe('vault_foreign');
    expect(readFileSync(join(foreign, 'notes.txt'), 'utf8')).toBe('hello');

    const missing = tempDir();
    expect(await codeOf(unlockWithPassphrase(join(missing, 'none'), passphrase))).toBe('vault_missing');
  });

  it('refuses to create a vault over an existing one, and a database whose key file belongs elsewhere', async () => {
    const a = await newVault();
    a.vault.close();
    expect(await codeOf(createVault(a.dir, passphrase, testVaultOptions))).toBe('vault_exists');
    const b = await newVault();
    b.vault.close();
    copyFileSync(slotsPath(a.dir), slotsPath(b.dir));
    // A's key file opens A's data key, which does not open B's database.
    expect(await codeOf(unlockWithPassphrase(b.dir, passphrase, testVaultOptions))).toBe('vault_corrupt');
  });

  it('creates into an empty existing folder and leaves no staging folder behind', async () => {
    const parent = tempDir();
    const dir = join(parent, 'v');
    mkdirSync(dir);
    const { vault } = await createVault(dir, passphrase, testVaultOptions);
    vault.close();
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(parent)).toEqual(['v']);
    expect(readdirSync(dir).sort()).toEqual(['keyslots.json', 'vault.db']);
  });

  it('refuses a guessable new passphrase wherever one is set, and changes no file', async () => {
    const { dir, vault, recoveryKey } = await newVault();
    expect(await codeOf(createVault(join(tempDir(), 'weak'), 'aaaaaaaaaaaa', testVaultOptions))).toBe('passphrase_weak');
    const slotsBefore = readFileSync(slotsPath(dir));
    expect(await codeOf(vault.changePassphrase(passphrase, 'aaaaaaaaaaaa'))).toBe('passphrase_weak');
    expect(await codeOf(vault.setPassphrase('wachtwoord123'))).toBe('passphrase_weak');
    vault.close();
    expect(readFileSync(slotsPath(dir))).toEqual(slotsBefore);
    const before = snapshotFiles(dir);
    expect(await codeOf(recoverWithRecoveryKey(dir, recoveryKey, 'qwertyuiopas', testVaultOptions))).toBe('passphrase_weak');
    expect(snapshotFiles(dir)).toEqual(before);
  });

  it('stores only wrapped keys and the Argon2id parameters in the key file', async () => {
    const { dir, vault } = await newVault();
    vault.close();
    const slots = readKeySlots(dir);
    const pass = slots.slots.find((s) => s.kind === 'passphrase');
    expect(pass?.kind === 'passphrase' && pass.kdf).toMatchObject({ alg: 'argon2id', version: 0x13, memoryKiB: 64, iterations: 1 });
    expect(slots.cipher).toEqual({ name: 'sqlcipher', legacy: 4 });
  });
});

describe('default key-derivation cost', () => {
  it('is a memory-hard Argon2id of at least 256 MiB and two passes', async () => {
    const { defaultArgon2 } = await import('./key-slots');
    expect(defaultArgon2.memoryKiB).toBeGreaterThanOrEqual(256 * 1024);
    expect(defaultArgon2.iterations).toBeGreaterThanOrEqual(2);
  });

  it('derives exactly what the pure-JavaScript Argon2id of earlier versions derived, so their slots still open', async () => {
    const { argon2idAsync } = await import('@noble/hashes/argon2.js');
    const { deriveArgon2id } = await import('./key-slots');
    const salt = Buffer.alloc(16, 7);
    for (const params of [testArgon2, { memoryKiB: 8192, iterations: 2, parallelism: 1 }, { memoryKiB: 4096, iterations: 3, parallelism: 4 }]) {
      const native = await deriveArgon2id('Pässwörd ümlaut 42'.normalize('NFC'), salt, params);
      const pure = await argon2idAsync('Pässwörd ümlaut 42'.normalize('NFC'), salt, {
        m: params.memoryKiB,
        t: params.iterations,
        p: params.parallelism,
        dkLen: 32,
        version: 0x13,
      });
      expect(Buffer.from(native).toString('hex'), JSON.stringify(params)).toBe(Buffer.from(pure).toString('hex'));
    }
  });

  it('is used for a vault made without options', async () => {
    const { defaultArgon2 } = await import('./key-slots');
    const dir = join(tempDir(), 'v');
    const { vault } = await createVault(dir, passphrase);
    vault.close();
    const slot = readKeySlots(dir).slots.find((s) => s.kind === 'passphrase');
    expect(slot?.kind === 'passphrase' && slot.kdf).toMatchObject(defaultArgon2);
  });

  it('rewraps a slot made with the old parameters (64 MiB, two passes) at the next unlock, and only with the right passphrase', async () => {
    const { defaultArgon2 } = await import('./key-slots');
    const dir = join(tempDir(), 'v');
    const old = { memoryKiB: 65536, iterations: 2, parallelism: 1 };
    (await createVault(dir, passphrase, { argon2: old })).vault.close();
    const before = snapshotFiles(dir);
    expect(await codeOf(unlockWithPassphrase(dir, 'not the passphrase at all'))).toBe('wrong_passphrase');
    expect(snapshotFiles(dir)).toEqual(before);

    const vault = await unlockWithPassphrase(dir, passphrase);
    expect(vault.recentAudit(1)[0]).toMatchObject({
      event: 'vault.kdf_strengthened',
      data: { memoryKiB: defaultArgon2.memoryKiB, iterations: defaultArgon2.iterations },
    });
    vault.close();
    const slot = readKeySlots(dir).slots.find((s) => s.kind === 'passphrase');
    expect(slot?.kind === 'passphrase' && slot.kdf).toMatchObject(defaultArgon2);
    // The rewrapped slot opens, and is not rewrapped again.
    const again = await unlockWithPassphrase(dir, passphrase);
    expect(again.recentAudit(20).filter((e) => e.event === 'vault.kdf_strengthened')).toHaveLength(1);
    again.close();
  });
});
