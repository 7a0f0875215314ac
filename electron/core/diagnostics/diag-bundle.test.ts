import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { fileLog } from '../logging/event-log';
import { resolvePolicy } from '../policy/load-policy';
import { createVault } from '../vault/vault';
import { passphrase, tempDir, testVaultOptions } from '../../test-support/temp-dirs';
import { buildDiagBundle, policyForDiagnostics } from './diag-bundle';
import { vaultSql } from '../../test-support/vault-sql';

const canary = 'KANARIE Yasmin El-Amrani, Slotermeerlaan 12';
const feed = 'https://updates.szw.example/obi/';

async function vaultWithCanary(): Promise<string> {
  const dir = join(tempDir(), 'vault');
  const { vault } = await createVault(dir, passphrase, testVaultOptions);
  vaultSql(vault)('CREATE TABLE canary_notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)').run();
  vaultSql(vault)('INSERT INTO canary_notes (text) VALUES (?), (?)').run(canary, `${canary} (tweede)`);
  vault.setMeta('lastNote', canary);
  vault.close();
  return dir;
}

async function logWithEvents(): Promise<string> {
  const dir = join(tempDir(), 'logs');
  const log = fileLog(dir);
  log.event('app.started', { version: '0.1.0', platform: 'linux', packaged: true, devBuild: false });
  log.event('vault.unlock_failed', { method: 'passphrase', code: 'wrong_passphrase', failedAttempts: 1 });
  await log.close();
  return dir;
}

const policy = resolvePolicy([
  {
    kind: 'dev-file',
    location: `/home/${canary}/policy.json`,
    present: true,
    values: { organisation: 'SZW', role: 'officer', updates: 'notify', updateFeedUrl: feed },
    problems: [],
  },
]);

function unzip(zip: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(zip)).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

describe('the diagnostics bundle', () => {
  it('describes versions, policy, log and vault health, and holds no content of the vault', async () => {
    const vaultDir = await vaultWithCanary();
    const zip = await buildDiagBundle({
      versions: { app: '0.1.0', node: '22.0.0' },
      policy,
      logDir: await logWithEvents(),
      vaultDir,
      passphrase,
      vault: testVaultOptions,
      now: new Date('2026-11-28T10:00:00Z'),
    });
    const files = unzip(zip);
    expect(Object.keys(files).sort()).toEqual(['README.txt', 'log-tail.txt', 'policy.json', 'vault.json', 'versions.json']);
    for (const [name, text] of Object.entries(files)) {
      expect(text, name).not.toMatch(/KANARIE|Yasmin|Slotermeer/);
      expect(text, name).not.toContain(passphrase);
    }
    const vault = JSON.parse(files['vault.json']!) as Record<string, unknown>;
    expect(vault).toMatchObject({ present: true, opened: true, integrity: 'ok', audit: { ok: true, entries: 1 }, keySlots: ['passphrase', 'recovery'] });
    expect(vault.rowCounts).toMatchObject({ canary_notes: 2, audit_log: 1, meta: 3 });
    expect((vault.files as Record<string, number>)['vault.db']).toBeGreaterThan(0);
    expect(files['log-tail.txt']!.trim().split('\n')).toHaveLength(2);
    expect(JSON.parse(files['versions.json']!)).toMatchObject({ app: '0.1.0', createdAt: '2026-11-28T10:00:00.000Z' });
  });

  it('without the passphrase only describes the files', async () => {
    const files = unzip(await buildDiagBundle({ versions: {}, policy, logDir: join(tempDir(), 'none'), vaultDir: await vaultWithCanary(), now: new Date() }));
    expect(JSON.parse(files['vault.json']!)).toMatchObject({ present: true, checks: expect.stringContaining('OBI_PASSPHRASE') as unknown });
    expect(files['log-tail.txt']).toBe('(no log yet)\n');
    const wrong = unzip(
      await buildDiagBundle({ versions: {}, policy, logDir: tempDir(), vaultDir: await vaultWithCanary(), passphrase: 'not it', now: new Date() }),
    );
    expect(JSON.parse(wrong['vault.json']!)).toMatchObject({ opened: false, code: 'wrong_passphrase' });
    const none = unzip(await buildDiagBundle({ versions: {}, policy, logDir: tempDir(), vaultDir: join(tempDir(), 'absent'), now: new Date() }));
    expect(JSON.parse(none['vault.json']!)).toEqual({ present: false });
  });

  it('redacts texts and JSON values of the policy unless a key is marked safe, and hides a development path', () => {
    const view = policyForDiagnostics(policy);
    expect(view.entries).toContainEqual({ key: 'updateFeedUrl', origin: 'dev-file', value: feed });
    expect(view.entries).toContainEqual({ key: 'organisation', origin: 'dev-file', value: 'SZW' });
    expect(view.sources).toEqual([{ kind: 'dev-file', present: true, location: '(development file)' }]);
    expect(JSON.stringify(view)).not.toContain('Yasmin');
  });

  it("leaves out officers' names, every key and the transport paths", () => {
    const signer = 'RWSioElkdZ2TEl9ZFCZPxOBPPYKlf0xt4lGDiV4icm0P/graN+TwIku6';
    const recipient = 'age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p';
    const lead = resolvePolicy([
      {
        kind: 'machine-file',
        location: '/etc/obi-werkplek/policy.json',
        present: true,
        values: {
          organisation: 'SZW',
          role: 'teamlead',
          team: [{ name: 'Yasmin El-Amrani', signer, recipient }],
          central: { recipient },
          teamLead: { signer, recipient },
          taxonomyKey: signer,
          transport: { kind: 'folder', outbox: '\\\\fs01\\obi\\team-Slotermeer\\uit', inbox: '\\\\fs01\\obi\\team-Slotermeer\\in' },
        },
        problems: [],
      },
    ]);
    expect(lead.ok).toBe(true);
    const text = JSON.stringify(policyForDiagnostics(lead));
    for (const secret of ['Yasmin', signer, recipient, 'Slotermeer', 'fs01']) expect(text).not.toContain(secret);
    const view = policyForDiagnostics(lead);
    expect(view.entries).toContainEqual({ key: 'team', origin: 'machine-file', value: { omitted: true, entries: 1 } });
    expect(view.entries).toContainEqual({ key: 'transport', origin: 'machine-file', value: { omitted: true } });
  });
});
