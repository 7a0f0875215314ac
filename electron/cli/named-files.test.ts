import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evolve } from '../../shared/test-support/taxonomy-evolve';
import { centralKey, writeTaxonomyFile } from '../test-support/signed-taxonomy';
import { passphrase, tempDir } from '../test-support/temp-dirs';

/**
 * Files named on the command line that are not regular files: the built command must refuse them
 * at once. Run as a separate process, since a blocking read would stall this one for good; the
 * time limit only stops a hanging command, it is not a measure of speed.
 */

const root = join(import.meta.dirname, '..', '..');
const cli = join(root, 'dist', 'cli', 'obi.cjs');

function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [cli, ...args], { env: { PATH: process.env.PATH, ...env }, encoding: 'utf8', timeout: 20_000 });
  return { status: r.status, signal: r.signal, out: r.stdout, err: r.stderr };
}

/** A FIFO nobody writes to, and a link to /dev/zero: a pipe that never opens and a device that never ends. */
function hostileFiles() {
  const dir = tempDir();
  const fifo = join(dir, 'notes.jsonl');
  execFileSync('mkfifo', [fifo]);
  const zero = join(dir, 'zero.json');
  symlinkSync('/dev/zero', zero);
  return { dir, fifo, zero };
}

describe('files named on the command line (the built obi)', () => {
  it('is built', () => {
    expect(existsSync(cli), 'run `npm run build` first').toBe(true);
  });

  it('obi notes import refuses a FIFO and a device at once, naming what the path is', () => {
    const { fifo, zero } = hostileFiles();
    const pipe = run(['notes', 'import', fifo]);
    expect(pipe).toMatchObject({ status: 2, signal: null, out: '', err: 'obi: The import file notes.jsonl is a pipe.\n' });
    const device = run(['notes', 'import', zero]);
    expect(device).toMatchObject({ status: 2, signal: null, err: 'obi: The import file zero.json is a device.\n' });
    expect(run(['notes', 'import', '/dev/zero'])).toMatchObject({ status: 2, err: 'obi: The import file zero is a device.\n' });
  });

  it('obi policy check refuses a FIFO and a device as the file or as a saved registry export', () => {
    const { fifo, zero } = hostileFiles();
    for (const args of [[fifo], ['--reg', fifo]]) {
      expect(run(['policy', 'check', ...args])).toMatchObject({ status: 2, signal: null, out: '(file): is a pipe\n' });
    }
    for (const args of [[zero], ['--reg', zero]]) {
      expect(run(['policy', 'check', ...args])).toMatchObject({ status: 2, signal: null, out: '(file): is a device\n' });
    }
  });

  it('obi policy show names a FIFO or a device given as OBI_POLICY as a problem of that source', () => {
    const { fifo, zero } = hostileFiles();
    const pipe = run(['policy', 'show'], { OBI_POLICY: fifo });
    expect(pipe).toMatchObject({ status: 2, signal: null });
    expect(pipe.out).toMatch(/^problem: \(file\): is a pipe \(dev-file\)$/m);
    const device = run(['policy', 'show'], { OBI_POLICY: zero });
    expect(device).toMatchObject({ status: 2, signal: null });
    expect(device.out).toMatch(/^problem: \(file\): is a device \(dev-file\)$/m);
  });
});

describe('signed files, keys and backups named on the command line (the built obi)', () => {
  it('obi taxonomy verify refuses a taxonomy file or a signature that is a pipe', () => {
    const { dir, fifo } = hostileFiles();
    const { key, taxonomyKey } = centralKey();
    const policy = join(dir, 'policy.json');
    writeFileSync(policy, JSON.stringify({ organisation: 'SZW', role: 'officer', taxonomyKey }));
    expect(run(['taxonomy', 'verify', fifo], { OBI_POLICY: policy })).toMatchObject({
      status: 2,
      signal: null,
      err: 'obi: The taxonomy file notes.jsonl is a pipe.\n',
    });
    const file = writeTaxonomyFile(dir, evolve([{ rename: ['channel', 'email', 'e-mail'] }]), key, 'v2.json');
    rmSync(`${file}.minisig`);
    execFileSync('mkfifo', [`${file}.minisig`]);
    expect(run(['taxonomy', 'verify', file], { OBI_POLICY: policy })).toMatchObject({
      status: 2,
      signal: null,
      err: 'obi: The signature of the taxonomy file v2.json.minisig is a pipe.\n',
    });
  });

  it('obi taxonomy sign and obi bundle open refuse a key file that is a pipe or a device', () => {
    const { dir, fifo, zero } = hostileFiles();
    const file = writeTaxonomyFile(dir, evolve([{ rename: ['channel', 'email', 'e-mail'] }]), null, 'v2.json');
    expect(run(['taxonomy', 'sign', file, '--key', fifo])).toMatchObject({ status: 2, signal: null, err: 'obi: The secret key file notes.jsonl is a pipe.\n' });
    writeFileSync(join(dir, 'id.txt'), 'AGE-SECRET-KEY-1QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ\n');
    const signer = 'RWSioElkdZ2TEl9ZFCZPxOBPPYKlf0xt4lGDiV4icm0P/graN+TwIku6';
    expect(run(['bundle', 'open', join(dir, 'b.age'), '--identity', zero, '--signer', signer])).toMatchObject({
      status: 2,
      signal: null,
      err: 'obi: The identity file zero.json is a device.\n',
    });
    expect(run(['bundle', 'open', join(dir, 'b.age'), '--identity', join(dir, 'id.txt'), '--signer', fifo])).toMatchObject({
      status: 2,
      signal: null,
      err: 'obi: The signer key notes.jsonl is a pipe.\n',
    });
  });

  it('obi vault restore refuses a backup that is a pipe, leaving no vault behind', () => {
    const { dir, fifo } = hostileFiles();
    expect(run(['vault', 'restore', fifo, '--vault', join(dir, 'v')], { OBI_PASSPHRASE: passphrase })).toMatchObject({
      status: 2,
      signal: null,
      err: 'obi: The backup notes.jsonl is a pipe.\n',
    });
    expect(existsSync(join(dir, 'v'))).toBe(false);
  });
});
