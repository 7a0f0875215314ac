import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePolicy, type Policy } from '../../../shared/policy/policy-schema';
import { stockAgeKey } from '../../test-support/stock-tools';
import { passphrase, tempDir, testVaultOptions } from '../../test-support/temp-dirs';
import { captureDeps } from '../wiring';
import { importMeetings } from '../capture/notes-import';
import { readyAll } from '../capture/ready-all';
import { createVault, unlockWithPassphrase } from '../vault/vault';
import { readInbox } from './exchange-service';
import { approve, listReview } from './four-eyes-review';
import { createWorkstationKeys } from './workstation-keys';
import { vaultSql } from '../../test-support/vault-sql';

/**
 * The export is killed (SIGKILL, as a power cut would end it) at each point of building and
 * delivering a bundle; then it runs again. Afterwards every signal has left exactly once: none
 * lost, none twice. The export runs as the real CLI in its own process.
 */
const root = join(import.meta.dirname, '..', '..', '..');
const cli = join(root, 'dist', 'cli', 'obi.cjs');
const points = ['after-prepare', 'after-signature', 'after-write'] as const;

const tags = ['nl-obi:state-actor="CN"', 'nl-obi:modus-operandi="physical-surveillance"', 'nl-obi:target="students-academics"', 'nl-obi:channel="in-person"'];
const meetings = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    JSON.stringify({
      date: '2026-10-12',
      kind: 'event',
      community: 'chinese',
      municipality: 'Utrecht',
      participants: 20,
      notes: `Bijeenkomst ${i}: studenten werden gefotografeerd.`,
      signals: [{ quote: 'studenten werden gefotografeerd', summary: `Studenten gefotografeerd bij bijeenkomst ${i}.`, tags, consent: true }],
    }),
  ).join('\n');

function writePolicy(dir: string, raw: Record<string, unknown>): string {
  const parsed = parsePolicy({ organisation: 'BZ', ...raw });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const file = join(dir, `${String(raw.role)}-policy.json`);
  writeFileSync(file, JSON.stringify({ organisation: 'BZ', ...raw }));
  return file;
}

function exportWith(vaultDir: string, policyFile: string, crashAt?: string) {
  return spawnSync(process.execPath, [cli, 'export'], {
    env: {
      PATH: process.env.PATH,
      OBI_VAULT: vaultDir,
      OBI_POLICY: policyFile,
      OBI_PASSPHRASE: passphrase,
      OBI_LOG_DIR: join(vaultDir, '..', 'logs'),
      ...(crashAt ? { OBI_TEST_CRASH_AT: crashAt } : {}),
    },
    encoding: 'utf8',
  });
}

const bundlesIn = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.age')) : []);

async function officerAndLead() {
  const dir = tempDir();
  const officerDir = join(dir, 'officer');
  const leadDir = join(dir, 'lead');
  const o = await createVault(officerDir, passphrase, testVaultOptions);
  const l = await createVault(leadDir, passphrase, testVaultOptions);
  const officerKeys = await createWorkstationKeys(o.vault);
  const leadKeys = await createWorkstationKeys(l.vault);
  const deps = captureDeps(o.vault);
  importMeetings(o.vault, deps, meetings(6));
  readyAll(o.vault, deps, true);
  o.vault.close();
  l.vault.close();
  const o2l = join(dir, 'o2l');
  const central = join(dir, 'central');
  mkdirSync(o2l);
  const officerPolicy = writePolicy(dir, {
    role: 'officer',
    teamLead: { signer: leadKeys.signer, recipient: leadKeys.recipient },
    transport: { kind: 'folder', outbox: o2l, inbox: join(dir, 'l2o') },
  });
  const leadPolicyRaw = {
    role: 'teamlead',
    kAnonymity: 2,
    team: [{ name: 'officer-1', signer: officerKeys.signer, recipient: officerKeys.recipient }],
    central: { recipient: stockAgeKey(dir).recipient },
    transport: { kind: 'folder', outbox: central, inbox: o2l },
  };
  const leadPolicyFile = writePolicy(dir, leadPolicyRaw);
  const leadPolicy = (parsePolicy({ organisation: 'BZ', ...leadPolicyRaw }) as { policy: Policy }).policy;
  return { officerDir, leadDir, o2l, central, officerPolicy, leadPolicyFile, leadPolicy };
}

describe('crash safety of the export', () => {
  it('needs the built CLI', () => expect(existsSync(cli), 'run `npm run build` first').toBe(true));

  for (const point of points) {
    it(`officer: killed ${point}, run again: every signal sent exactly once`, async () => {
      const s = await officerAndLead();
      const crashed = exportWith(s.officerDir, s.officerPolicy, point);
      expect(crashed.signal).toBe('SIGKILL');
      const again = exportWith(s.officerDir, s.officerPolicy);
      expect(again.stderr).toBe('');
      expect(again.status).toBe(0);
      expect(bundlesIn(s.o2l)).toHaveLength(1);

      const vault = await unlockWithPassphrase(s.officerDir, passphrase, testVaultOptions);
      const perSignal = vaultSql(vault)(
        'SELECT s.id, s.state, count(o.bundle_id) AS bundles FROM signals s LEFT JOIN outgoing_signals o ON o.signal_id = s.id GROUP BY s.id',
      ).all() as Array<{ state: string; bundles: number }>;
      expect(perSignal).toHaveLength(6);
      expect(perSignal.every((r) => r.state === 'sent' && r.bundles === 1)).toBe(true);
      expect(vaultSql(vault)("SELECT count(*) AS n FROM outgoing_bundles WHERE state = 'prepared'").get()).toEqual({ n: 0 });
      vault.close();

      // A third export sends an empty report, not the same signals again.
      expect(exportWith(s.officerDir, s.officerPolicy).status).toBe(0);
      expect(bundlesIn(s.o2l)).toHaveLength(2);
      const lead = await unlockWithPassphrase(s.leadDir, passphrase, testVaultOptions);
      await readInbox(lead, s.leadPolicy, captureDeps(lead));
      const refs = listReview(lead, null).map((i) => i.signalRef);
      expect(refs).toHaveLength(6);
      expect(new Set(refs).size).toBe(6);
      lead.close();
    });
  }

  it('team lead: killed after writing the team bundle, run again: every approved signal delivered once', async () => {
    const s = await officerAndLead();
    expect(exportWith(s.officerDir, s.officerPolicy).status).toBe(0);
    const lead = await unlockWithPassphrase(s.leadDir, passphrase, testVaultOptions);
    await readInbox(lead, s.leadPolicy, captureDeps(lead));
    for (const item of listReview(lead, null, 'pending')) approve(lead, item.id, null);
    lead.close();

    expect(exportWith(s.leadDir, s.leadPolicyFile, 'after-write').signal).toBe('SIGKILL');
    expect(exportWith(s.leadDir, s.leadPolicyFile).status).toBe(0);
    expect(bundlesIn(s.central)).toHaveLength(1);
    const after = await unlockWithPassphrase(s.leadDir, passphrase, testVaultOptions);
    expect(listReview(after, null).map((i) => i.state)).toEqual(Array(6).fill('delivered'));
    const released = vaultSql(after)("SELECT count(*) AS n FROM outgoing_items WHERE role = 'released'").get();
    expect(released).toEqual({ n: 6 });
    after.close();
  });
});
