import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { obi } from '../test-support/run-cli';
import { passphrase, snapshotFiles, tempDir } from '../test-support/temp-dirs';

const root = join(import.meta.dirname, '..', '..');


const stackTrace = /\n\s+at .+:\d+:\d+/;

describe('obi (in process)', () => {
  it('creates a vault and prints the recovery key once', async () => {
    const vault = join(tempDir(), 'v');
    const r = await obi(['vault', 'init', '--vault', vault], { OBI_PASSPHRASE: passphrase });
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toMatch(/Recovery key[^\n]*\n\s+(\d{6}-){7}\d{6}$/);
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
    const r = await obi(['vault', 'init', '--vault', vault], {}, () => Promise.resolve(answers.shift()!));
    expect(r.code).toBe(0);
    const differ = ['one long passphrase', 'another long one'];
    const r2 = await obi(['vault', 'init', '--vault', join(tempDir(), 'w')], {}, () => Promise.resolve(differ.shift()!));
    expect(r2).toMatchObject({ code: 2, err: 'obi: The two passphrases differ.' });
    const none = await obi(['vault', 'check', '--vault', vault], {});
    expect(none).toMatchObject({ code: 2, err: 'obi: No passphrase: set OBI_PASSPHRASE or run the command in a terminal.' });
    expect((await obi(['vault', 'check', '--vault', vault, '--passphrase', 'x'], {})).code).toBe(2);
  }, 30_000);

  it('answers mistakes with one line and exit 2, never a stack trace', async () => {
    const cases = [
      await obi(['vault', 'check'], { OBI_PASSPHRASE: passphrase }),
      await obi(['vault', 'check', '--vault', join(tempDir(), 'none')], { OBI_PASSPHRASE: passphrase }),
      await obi(['nosuch', '--help']),
      await obi(['vault', 'backup'], { OBI_VAULT: '/x' }),
      await obi(['vault', 'init', '--vault', join(tempDir(), 'v')], { OBI_PASSPHRASE: 'too short' }),
    ];
    for (const c of cases) {
      expect(c.code).toBe(2);
      expect(c.err.split('\n')).toHaveLength(1);
      expect(c.err).toMatch(/^obi: /);
      expect(c.err).not.toMatch(stackTrace);
    }
    expect(cases[0]!.err).toBe('obi: No vault: pass --vault DIR or set OBI_VAULT.');
    expect(cases[4]!.err).toBe('obi: The new passphrase must be at least 12 characters.');
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

describe('obi (the installed command)', () => {
  it('runs through the launcher from node_modules/.bin on the Node it needs', () => {
    const bin = join(root, 'node_modules', '.bin', 'obi');
    expect(existsSync(join(root, 'dist', 'cli', 'obi.cjs')), 'run `npm run build` first').toBe(true);
    const vault = join(tempDir(), 'v');
    const run = spawnSync(bin, ['vault', 'init', '--vault', vault], {
      env: { PATH: process.env.PATH, OBI_PASSPHRASE: passphrase },
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const help = spawnSync('/usr/bin/env', ['node', bin, '--help'], { env: { PATH: `/usr/bin:/usr/local/bin:${process.env.PATH}` }, encoding: 'utf8' });
    expect(help.status).toBe(0);
  }, 30_000);
});
