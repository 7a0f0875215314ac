import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../shared/policy/policy-schema';
import { policyTemplateFiles } from '../../shared/policy/policy-templates';
import type { AppError } from '../core/app-error';
import { VaultSession } from '../core/session/vault-session';
import { obi } from '../test-support/run-cli';
import type { CliIo } from './cli-io';
import { passphrase, snapshotFiles, tempDir } from '../test-support/temp-dirs';

const root = join(import.meta.dirname, '..', '..');

const stackTrace = /\n\s+at .+:\d+:\d+/;

/** Answers "type group N of the recovery key" from what the command printed. */
function groupAsked(question: string, printed: string[]): string {
  const n = Number(/group (\d)/.exec(question)?.[1]);
  const key = printed.find((l) => /^\s+(\d{6}-){7}\d{6}$/.test(l))!.trim();
  return key.split('-')[n - 1]!;
}

describe('obi (in process)', () => {
  it('creates a vault and prints the recovery key once', async () => {
    const vault = join(tempDir(), 'v');
    const r = await obi(['vault', 'init', '--vault', vault], { OBI_PASSPHRASE: passphrase });
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toMatch(/Recovery key[^\n]*\n\s+(\d{6}-){7}\d{6}\n/);
    const again = await obi(['vault', 'init'], { OBI_VAULT: vault, OBI_PASSPHRASE: passphrase });
    expect(again).toMatchObject({ code: 2, err: 'obi: A vault already exists in this folder.' });
  }, 20_000);

  it('checks, changes the passphrase, verifies the audit log, backs up and restores', async () => {
    const dir = tempDir();
    const env = { OBI_VAULT: join(dir, 'v'), OBI_PASSPHRASE: passphrase };
    expect((await obi(['vault', 'init'], env)).code).toBe(0);
    expect(await obi(['vault', 'check'], env)).toMatchObject({ code: 0 });

    const before = snapshotFiles(env.OBI_VAULT);
    const wrong = await obi(['vault', 'check'], { ...env, OBI_PASSPHRASE: 'not the passphrase' });
    expect(wrong).toEqual({ code: 2, out: '', err: 'obi: The passphrase does not open this vault.' });
    expect(snapshotFiles(env.OBI_VAULT)).toEqual(before);

    const next = 'a different passphrase of some length';
    expect(await obi(['vault', 'passwd'], { ...env, OBI_NEW_PASSPHRASE: next })).toMatchObject({ code: 0 });
    expect((await obi(['audit', 'verify'], { ...env, OBI_PASSPHRASE: next })).out).toMatch(/^ok: 2 audit entries, chain intact$/);

    const backup = join(dir, 'b.tar');
    expect(await obi(['vault', 'backup', '--out', backup], { ...env, OBI_PASSPHRASE: next })).toMatchObject({ code: 0 });
    const restored = join(dir, 'restored');
    expect(await obi(['vault', 'restore', backup, '--vault', restored], { ...env, OBI_PASSPHRASE: next })).toMatchObject({ code: 0 });
    expect(await obi(['vault', 'check', '--vault', restored], { ...env, OBI_PASSPHRASE: next })).toMatchObject({ code: 0 });
  }, 30_000);

  it('takes passphrases from a prompt when no variable is set, never from arguments', async () => {
    const vault = join(tempDir(), 'v');
    const answers = [passphrase, passphrase];
    const printed: string[] = [];
    const r = await obi(['vault', 'init', '--vault', vault], {}, (question) => Promise.resolve(answers.shift() ?? groupAsked(question, printed)), {
      out: (l) => printed.push(l),
    });
    expect(r.code).toBe(0);
    expect(printed.at(-1)).toBe('Recovery key confirmed.');
    const differ = ['one long passphrase', 'another long one'];
    const r2 = await obi(['vault', 'init', '--vault', join(tempDir(), 'w')], {}, () => Promise.resolve(differ.shift()!));
    expect(r2).toMatchObject({ code: 2, err: 'obi: The two passphrases differ.' });
    const none = await obi(['vault', 'check', '--vault', vault], {});
    expect(none).toMatchObject({ code: 2, err: 'obi: No passphrase: set OBI_PASSPHRASE or run the command in a terminal.' });
    expect((await obi(['vault', 'check', '--vault', vault, '--passphrase', 'x'], {})).code).toBe(2);
  }, 30_000);

  it('rotates the keys: the old key file with the old passphrase opens nothing afterwards', async () => {
    const dir = tempDir();
    const env = { OBI_VAULT: join(dir, 'v'), OBI_PASSPHRASE: passphrase, OBI_NEW_PASSPHRASE: passphrase };
    const init = await obi(['vault', 'init'], env);
    expect(init.out.split('\n').at(-1)).toBe('Not yet confirmed: at the first unlock the app asks you to type this key.');
    const oldSlots = readFileSync(join(dir, 'v', 'keyslots.json'));
    const rekey = await obi(['vault', 'rekey'], env);
    expect(rekey.code, rekey.err).toBe(0);
    expect(rekey.err.split('\n')).toEqual(['1/3 making new keys', '2/3 re-encrypting the database', '3/3 replacing the key file']);
    expect(rekey.out).toMatch(/New recovery key[^\n]*\n\s+(\d{6}-){7}\d{6}\n/);
    expect(await obi(['vault', 'check'], env)).toMatchObject({ code: 0 });
    writeFileSync(join(dir, 'v', 'keyslots.json'), oldSlots);
    const old = await obi(['vault', 'check'], env);
    expect(old.code).toBe(2);
    expect(old.err).toMatch(/^obi: The vault database is damaged or does not belong to this key file\.$/);
  }, 30_000);

  it('a recovery key printed by `obi vault init` is confirmed in the app by typing it, never replaced silently', async () => {
    const dir = join(tempDir(), 'v');
    const init = await obi(['vault', 'init', '--vault', dir], { OBI_PASSPHRASE: passphrase });
    const printed = /\s+((\d{6}-){7}\d{6})\n/.exec(init.out)![1]!;
    const policy = parsePolicy({ organisation: 'SZW', role: 'officer' });
    if (!policy.ok) throw new Error('bad test policy');
    const app = new VaultSession({ vaultDir: dir, policy: policy.policy });
    try {
      expect((await app.unlock(passphrase)).recoveryKeyPending).toBe(true);
      const wrong = await app.confirmRecoveryKeyTyped('000000-'.repeat(7) + '000000').catch((e: AppError) => e.code);
      expect(wrong).toBe('recovery_key_wrong');
      expect((await app.confirmRecoveryKeyTyped(printed)).recoveryKeyPending).toBe(false);
      await app.lock();
      // The key the CLI printed still opens the vault.
      expect((await app.recover(printed, 'a brand new passphrase for the vault')).state).toBe('unlocked');
    } finally {
      app.dispose();
    }
  }, 30_000);

  it('answers mistakes with one line and exit 2, never a stack trace', async () => {
    const cases = [
      await obi(['vault', 'check'], { OBI_PASSPHRASE: passphrase }),
      await obi(['vault', 'check', '--vault', join(tempDir(), 'none')], { OBI_PASSPHRASE: passphrase }),
      await obi(['nosuch', '--help']),
      await obi(['vault', 'backup'], { OBI_VAULT: '/x' }),
      await obi(['vault', 'init', '--vault', join(tempDir(), 'v')], { OBI_PASSPHRASE: 'too short' }),
      await obi(['vault', 'init', '--vault', join(tempDir(), 'v')], { OBI_PASSPHRASE: 'aaaaaaaaaaaa' }),
    ];
    for (const c of cases) {
      expect(c.code).toBe(2);
      expect(c.err.split('\n')).toHaveLength(1);
      expect(c.err).toMatch(/^obi: /);
      expect(c.err).not.toMatch(stackTrace);
    }
    expect(cases[0]!.err).toBe('obi: No vault: pass --vault DIR or set OBI_VAULT.');
    expect(cases[4]!.err).toBe('obi: The new passphrase must be at least 12 characters.');
    expect(cases[5]!.err).toBe(
      'obi: The new passphrase is too easy to guess (strength 0 of 4, at least 3 needed): a sentence of four or more words is strong.',
    );
  });

  it('detects a damaged vault in `vault check` and a damaged audit log in `audit verify`', async () => {
    const vault = join(tempDir(), 'v');
    const env = { OBI_VAULT: vault, OBI_PASSPHRASE: passphrase };
    await obi(['vault', 'init'], env);
    const { readFileSync } = await import('node:fs');
    const db = join(vault, 'vault.db');
    const bytes = readFileSync(db);
    const mid = Math.floor(bytes.length / 2);
    for (let i = mid; i < mid + 64; i++) bytes[i]! ^= 0xff;
    writeFileSync(db, bytes);
    const r = await obi(['vault', 'check'], env);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^obi: The vault database is damaged/);
  });

  it('prints help for every command', async () => {
    for (const args of [['--help'], ['vault', '--help'], ['vault', 'init', '--help'], ['audit', 'verify', '--help']]) {
      const r = await obi(args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.out).toMatch(/^Usage: obi/);
    }
  });
});

const fixture = (name: string) => join(root, 'electron', 'core', 'policy', 'fixtures', name);
/** No machine policy on this test machine: an absent /etc file stands in for the real one. */
const noMachinePolicy = (): Partial<CliIo> => ({ policySources: { platform: 'linux', machineFile: join(tempDir(), 'absent.json') } });

describe('obi policy', () => {
  it('check names every wrong key, exits 2, and only warns about unknown keys', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ organisation: 'XYZ', role: 'officer', lockAfterMinutes: -5, updates: 'sometimes', futureKey: 1 }));
    const bad = await obi(['policy', 'check', join(dir, 'bad.json')]);
    expect(bad.code).toBe(2);
    expect(bad.out.split('\n')).toEqual([
      'warning: futureKey: unknown key, ignored',
      'organisation: must be one of "SZW", "BZ", "NCTV"',
      'lockAfterMinutes: must be at least 1',
      'updates: must be one of "off", "notify", "auto"',
    ]);
    expect(bad.err).toBe('obi: The policy is not valid (3 problems).');
    writeFileSync(join(dir, 'ok.json'), JSON.stringify({ organisation: 'BZ', role: 'officer', updates: 'off', someFutureKey: 1 }));
    expect(await obi(['policy', 'check', join(dir, 'ok.json')])).toMatchObject({
      code: 0,
      out: 'warning: someFutureKey: unknown key, ignored\nok: the policy is valid',
    });
    expect(await obi(['policy', 'check', join(dir, 'absent.json')])).toMatchObject({ code: 2, out: '(file): does not exist' });
  });

  it('check --reg reads a saved `reg query` output, also as PowerShell saves it (UTF-16)', async () => {
    expect(await obi(['policy', 'check', '--reg', fixture('reg-query-valid.txt')])).toMatchObject({ code: 0 });
    expect(await obi(['policy', 'check', '--reg', fixture('reg-query-powershell-utf16.txt')])).toMatchObject({ code: 0 });
    const invalid = await obi(['policy', 'check', '--reg', fixture('reg-query-invalid.txt')]);
    expect(invalid.code).toBe(2);
    for (const key of ['lockAfterMinutes', 'updateFeedUrl', 'organisation', 'role', 'allowOsKeyWrap', 'language', 'updates'])
      expect(invalid.out).toMatch(new RegExp(`^${key}: `, 'm'));
    expect(invalid.out).toContain('warning: FutureKey: unknown key, ignored');
  });

  it('show prints each value with its source and which policy it used: the machine one, else OBI_POLICY', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'dev.json'), JSON.stringify({ organisation: 'SZW', role: 'officer', language: 'en' }));
    const readRegistry = () => ({ status: 0, stdout: readFileSync(fixture('reg-query-partial.txt')) });
    const shown = await obi(['policy', 'show'], { OBI_POLICY: join(dir, 'dev.json') }, undefined, { policySources: { platform: 'win32', readRegistry } });
    expect(shown.out.split('\n')[0]).toBe('policy: machine (OBI_POLICY is ignored: this machine has a machine policy)');
    expect(shown.out).toContain('source: registry HKEY_LOCAL_MACHINE\\Software\\Policies\\OBI\\Werkplek');
    expect(shown.out).toMatch(/^organisation +"NCTV" +\(registry\)$/m);
    // The development file fills nothing the machine left open: the partial registry policy lacks a role.
    expect(shown.out).not.toContain('dev-file');
    expect(shown.out).toMatch(/^language +"nl" +\(default\)$/m);
    expect(shown.out).toMatch(/^problem: role: is required$/m);
    expect(shown.code).toBe(2);

    const json = await obi(['policy', 'show', '--json'], { OBI_POLICY: join(dir, 'dev.json') }, undefined, noMachinePolicy());
    expect(JSON.parse(json.out)).toMatchObject({
      valid: true,
      used: 'development',
      entries: expect.arrayContaining([{ key: 'organisation', value: 'SZW', origin: 'dev-file' }]) as unknown,
    });
    const dev = await obi(['policy', 'show'], { OBI_POLICY: join(dir, 'dev.json') }, undefined, noMachinePolicy());
    expect(dev.out.split('\n')[0]).toBe(`policy: development file ${join(dir, 'dev.json')} (no machine policy is installed)`);
    const none = await obi(['policy', 'show'], {}, undefined, noMachinePolicy());
    expect(none.code).toBe(2);
    expect(none.out.split('\n')[0]).toBe('policy: none');
    expect(none.out).toMatch(/^problem: \(policy\): no policy found/m);
    expect(none.err).toMatch(/^obi: The policy is not valid \(\d+ problems\); the app starts read-only\.$/);
  });

  it('show warns about an ignored __proto__ key like check does, from a file and from the registry', async () => {
    const dir = tempDir();
    const file = join(dir, 'dev.json');
    writeFileSync(file, '{"organisation": "SZW", "role": "officer", "__proto__": {"role": "teamlead", "kAnonymity": 2}}');
    const warning = 'warning: __proto__: unknown key, ignored';
    expect((await obi(['policy', 'check', file])).out).toContain(warning);
    const shown = await obi(['policy', 'show'], { OBI_POLICY: file }, undefined, noMachinePolicy());
    expect(shown.code).toBe(0);
    expect(shown.out).toContain(`${warning} (dev-file)`);
    expect(shown.out).toMatch(/^role +"officer" +\(dev-file\)$/m);
    expect(shown.out).toMatch(/^kAnonymity +5 +\(default\)$/m);
    const json = JSON.parse((await obi(['policy', 'show', '--json'], { OBI_POLICY: file }, undefined, noMachinePolicy())).out) as { warnings: unknown[] };
    expect(json.warnings).toEqual([{ key: '__proto__', message: 'unknown key, ignored', source: 'dev-file' }]);

    const regLines = [
      'HKEY_LOCAL_MACHINE\\Software\\Policies\\OBI\\Werkplek',
      '    organisation    REG_SZ    BZ',
      '    role    REG_SZ    officer',
      '    __proto__    REG_SZ    x',
      '',
    ];
    const readRegistry = () => ({ status: 0, stdout: Buffer.from(regLines.join('\r\n'), 'latin1') });
    const fromRegistry = await obi(['policy', 'show'], {}, undefined, { policySources: { platform: 'win32', readRegistry } });
    expect(fromRegistry.out).toContain(`${warning} (registry)`);
  });

  it('every command uses the machine policy where one is installed, whatever OBI_POLICY says', async () => {
    const dir = tempDir();
    const machine = join(dir, 'machine.json');
    writeFileSync(machine, JSON.stringify({ organisation: 'BZ', role: 'teamlead' }));
    chmodSync(machine, 0o644);
    writeFileSync(join(dir, 'dev.json'), JSON.stringify({ organisation: 'SZW', role: 'officer' }));
    const onMachine = { policySources: { platform: 'linux' as const, machineFile: machine, machineFileOwnerUid: process.getuid!() } };
    const shown = await obi(['policy', 'show', '--json'], { OBI_POLICY: join(dir, 'dev.json') }, undefined, onMachine);
    expect(JSON.parse(shown.out)).toMatchObject({
      valid: true,
      used: 'machine',
      ignoredDevFile: join(dir, 'dev.json'),
      entries: expect.arrayContaining([{ key: 'role', value: 'teamlead', origin: 'machine-file' }]) as unknown,
    });
  });

  it('templates writes the ADMX/ADML and the Linux example of this version', async () => {
    const out = join(tempDir(), 'templates');
    expect((await obi(['policy', 'templates', '--out', out])).code).toBe(0);
    for (const [path, text] of Object.entries(policyTemplateFiles())) expect(readFileSync(join(out, path), 'utf8')).toBe(text);
  });
});

describe('obi diag', () => {
  it('writes a zip with the vault health and no content', async () => {
    const dir = tempDir();
    const env = { OBI_VAULT: join(dir, 'v'), OBI_PASSPHRASE: passphrase, OBI_LOG_DIR: join(dir, 'logs') };
    expect((await obi(['vault', 'init'], env)).code).toBe(0);
    const zipPath = join(dir, 'diag.zip');
    const r = await obi(['diag', '--out', zipPath], env, undefined, noMachinePolicy());
    expect(r.code).toBe(0);
    const files = Object.fromEntries(Object.entries(unzipSync(readFileSync(zipPath))).map(([n, b]) => [n, strFromU8(b)]));
    expect(JSON.parse(files['vault.json']!)).toMatchObject({ opened: true, integrity: 'ok' });
    expect(JSON.parse(files['policy.json']!)).toMatchObject({ valid: false });
    expect(Object.values(files).join('\n')).not.toContain(passphrase);
  }, 20_000);
});

describe('obi (the installed command)', () => {
  it('runs through the launcher from node_modules/.bin on the Node it needs', () => {
    const bin = join(root, 'node_modules', '.bin', 'obi');
    expect(existsSync(join(root, 'dist', 'cli', 'obi.cjs')), 'run `npm run build` first').toBe(true);
    const dir = tempDir();
    const vault = join(dir, 'v');
    const logs = join(dir, 'logs');
    const run = spawnSync(bin, ['vault', 'init', '--vault', vault], {
      env: { PATH: process.env.PATH, OBI_PASSPHRASE: passphrase, OBI_LOG_DIR: logs },
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    // The command notes the event in the app's log folder, and waits for the line to be written.
    expect(readFileSync(join(logs, 'obi-werkplek.log'), 'utf8')).toMatch(/^\{"at":"[^"]+","event":"vault.created"\}\n$/);
    const help = spawnSync('/usr/bin/env', ['node', bin, '--help'], { env: { PATH: `/usr/bin:/usr/local/bin:${process.env.PATH}` }, encoding: 'utf8' });
    expect(help.status).toBe(0);
  }, 30_000);
});
