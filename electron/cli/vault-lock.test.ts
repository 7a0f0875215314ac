import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWorkstationKeys } from '../core/exchange/workstation-keys';
import { withVaultFolderLock } from '../core/platform/vault-folder-lock';
import { createVault } from '../core/vault/vault';
import { passphrase, tempDir, testVaultOptions } from '../test-support/temp-dirs';

const root = join(import.meta.dirname, '..', '..');

/** `obi export` as its own process (the built command), as a second program on the machine would run it. */
function obiProcess(args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(root, 'dist', 'cli', 'obi.cjs'), ...args], { env: { PATH: process.env.PATH ?? '', ...env } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

async function officerWithPolicy() {
  const dir = tempDir();
  const { vault } = await createVault(join(dir, 'officer'), passphrase, testVaultOptions);
  await createWorkstationKeys(vault);
  vault.close();
  const { vault: lead } = await createVault(join(dir, 'lead'), passphrase, testVaultOptions);
  const leadKeys = await createWorkstationKeys(lead);
  lead.close();
  const outbox = join(dir, 'outbox');
  mkdirSync(outbox);
  const policy = join(dir, 'policy.json');
  writeFileSync(
    policy,
    JSON.stringify({
      organisation: 'SZW',
      role: 'officer',
      teamLead: { signer: leadKeys.signer, recipient: leadKeys.recipient },
      transport: { kind: 'folder', outbox, inbox: join(dir, 'inbox') },
    }),
  );
  // No machine policy on a test machine: OBI_POLICY applies.
  return { vaultDir: join(dir, 'officer'), outbox, env: { OBI_VAULT: join(dir, 'officer'), OBI_POLICY: policy, OBI_PASSPHRASE: passphrase } };
}

describe('one process at a time exchanges bundles with a vault (a lock on the vault folder)', () => {
  it('a second process says the vault is busy while another holds it, and two at once both finish, one after the other', async () => {
    const { vaultDir, outbox, env } = await officerWithPolicy();
    let release!: () => void;
    let held!: () => void;
    const holding = new Promise<void>((r) => (held = r));
    const holder = withVaultFolderLock(vaultDir, () => {
      held();
      return new Promise<void>((r) => (release = r));
    });
    await holding;
    const refused = await obiProcess(['export'], env);
    expect(refused.code).toBe(2);
    expect(refused.err.trim()).toBe(
      'obi: Another program (the app, its schedule or an obi command) is exchanging bundles with this vault right now; try again in a moment.',
    );
    expect(readdirSync(outbox)).toEqual([]);
    release();
    await holder;

    const [a, b] = await Promise.all([obiProcess(['export'], env), obiProcess(['export'], env)]);
    expect([a.code, b.code], `${a.err}\n${b.err}`).toEqual([0, 0]);
    const bundles = readdirSync(outbox).filter((f) => f.endsWith('.age'));
    expect(bundles).toHaveLength(2);
    expect(new Set(bundles).size).toBe(2);
  }, 60_000);
});
