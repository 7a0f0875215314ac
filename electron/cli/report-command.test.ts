import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateKeyPair, publicKeyBase64 } from '../core/crypto/minisign';
import { createVault } from '../core/vault/vault';
import { obi } from '../test-support/run-cli';
import { passphrase, tempDir, testVaultOptions } from '../test-support/temp-dirs';

/** `obi report --format pdf` on a central workstation: the HTML report printed by headless Chromium. */

async function centralEnv() {
  const dir = tempDir();
  const vault = join(dir, 'vault');
  (await createVault(vault, passphrase, testVaultOptions)).vault.close();
  const policy = join(dir, 'policy.json');
  const teams = [{ name: 'szw-1', organisation: 'SZW', signer: publicKeyBase64(generateKeyPair()) }];
  writeFileSync(policy, JSON.stringify({ organisation: 'NCTV', role: 'central', teams }));
  return { dir, env: { OBI_VAULT: vault, OBI_PASSPHRASE: passphrase, OBI_POLICY: policy } };
}
const noMachinePolicy = () => ({ policySources: { platform: 'linux' as const, machineFile: join(tempDir(), 'absent.json') } });
const report = (args: string[], env: Record<string, string>) => obi(['report', '--period', '2026-Q4', ...args], env, undefined, noMachinePolicy());

describe('obi report --format pdf', () => {
  it('prints the report into the file --out names', async () => {
    const { dir, env } = await centralEnv();
    const out = join(dir, 'fenomeenbeeld.pdf');
    const r = await report(['--format', 'pdf', '--out', out], env);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toBe(out);
    expect(readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }, 120_000);

  it('asks for --out, since a PDF does not go to standard output', async () => {
    const { env } = await centralEnv();
    const r = await report(['--format', 'pdf'], env);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--out/);
  });

  it('without Chromium says so, names the way out, and writes nothing', async () => {
    const { dir, env } = await centralEnv();
    const out = join(dir, 'fenomeenbeeld.pdf');
    const r = await report(['--format', 'pdf', '--out', out], { ...env, OBI_CHROMIUM: join(dir, 'no-chromium') });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/No Chromium found .*html/);
    expect(existsSync(out)).toBe(false);
  });
});
