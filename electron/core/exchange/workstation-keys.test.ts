import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyFingerprint } from '../../../shared/exchange/fingerprint';
import { stock } from '../../test-support/stock-tools';
import { allFileBytes, passphrase, tempDir, testVaultOptions } from '../../test-support/temp-dirs';
import { formatPublicKeyFile, parsePublicKey, sign } from '../crypto/minisign';
import { createVault, unlockWithPassphrase } from '../vault/vault';
import { createWorkstationKeys, workstationAgeIdentity, workstationKeys, workstationSigningKey } from './workstation-keys';

async function newVault() {
  const dir = join(tempDir(), 'vault');
  const { vault } = await createVault(dir, passphrase, testVaultOptions);
  return { dir, vault };
}

describe('workstation keys', () => {
  it('are created once, inside the vault, and only their public parts are shown', async () => {
    const { dir, vault } = await newVault();
    expect(workstationKeys(vault)).toBeNull();
    const keys = await createWorkstationKeys(vault);
    expect(Object.keys(keys).sort()).toEqual(['fingerprint', 'recipient', 'signer']);
    expect(keys.recipient).toMatch(/^age1[0-9a-z]{58}$/);
    expect(parsePublicKey(keys.signer).publicKey).toHaveLength(32);
    expect(keys.fingerprint).toBe(keyFingerprint(keys.signer, keys.recipient));
    await expect(createWorkstationKeys(vault)).rejects.toMatchObject({ code: 'keys_exist' });
    expect(vault.recentAudit(10).map((e) => e.event)).toContain('keys.created');
    const identity = workstationAgeIdentity(vault);
    vault.close();

    // The secret never lies in a file in the clear.
    for (const f of allFileBytes(dir)) expect(f.bytes.includes(Buffer.from(identity)), f.path).toBe(false);
    const reopened = await unlockWithPassphrase(dir, passphrase);
    expect(workstationKeys(reopened)).toEqual(keys);
    reopened.close();
  });

  it('sign what stock minisign verifies and open what stock age encrypts to them', async () => {
    const { vault } = await newVault();
    const keys = await createWorkstationKeys(vault);
    const dir = tempDir();
    const file = join(dir, 'message.txt');
    writeFileSync(file, 'bundle bytes');
    writeFileSync(`${file}.minisig`, sign(readFileSync(file), workstationSigningKey(vault), { trustedComment: 'file:message.txt' }));
    writeFileSync(join(dir, 'ws.pub'), formatPublicKeyFile(parsePublicKey(keys.signer)));
    expect(stock('minisign', ['-Vm', file, '-p', join(dir, 'ws.pub')]).status).toBe(0);

    const encrypted = join(dir, 'message.age');
    expect(stock('age', ['-r', keys.recipient, '-o', encrypted, file]).status).toBe(0);
    writeFileSync(join(dir, 'ws.key'), `${workstationAgeIdentity(vault)}\n`);
    expect(stock('age', ['-d', '-i', join(dir, 'ws.key'), encrypted]).out).toBe('bundle bytes');
    vault.close();
  });

  it('say so when there are none yet', async () => {
    const { vault } = await newVault();
    expect(() => workstationSigningKey(vault)).toThrow(expect.objectContaining({ code: 'keys_missing' }));
    expect(() => workstationAgeIdentity(vault)).toThrow(expect.objectContaining({ code: 'keys_missing' }));
    vault.close();
  });
});
