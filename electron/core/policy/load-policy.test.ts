import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test-support/temp-dirs';
import { defaultReferralGuidance } from '../../../shared/policy/policy-schema';
import { loadPolicy, policyLoadOptions, readPolicyFile, resolvePolicy } from './load-policy';
import type { RegQueryRunner } from './registry-policy';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name));
const registry =
  (name: string): RegQueryRunner =>
  () => ({ status: 0, stdout: fixture(name) });
const noRegistryKey: RegQueryRunner = () => ({ status: 1, stdout: Buffer.alloc(0) });
const uid = process.getuid?.() ?? 0;

function file(values: unknown, mode = 0o644): string {
  const path = join(tempDir(), 'policy.json');
  writeFileSync(path, JSON.stringify(values));
  chmodSync(path, mode);
  return path;
}

describe('policy sources', () => {
  it('reads the registry on Windows and says where each value came from', () => {
    const p = loadPolicy({ platform: 'win32', readRegistry: registry('reg-query-valid.txt') });
    expect(p.ok).toBe(true);
    expect(p.used).toBe('machine');
    expect(p.entries.find((e) => e.key === 'organisation')).toEqual({ key: 'organisation', value: 'BZ', origin: 'registry' });
    expect(p.entries.find((e) => e.key === 'retentionMonths')).toEqual({ key: 'retentionMonths', value: 24, origin: 'default' });
  });

  it('never lets a development file fill a key the machine left unset', () => {
    const dev = file({ organisation: 'SZW', role: 'officer', lockAfterMinutes: 99, language: 'en' });
    const p = loadPolicy({ platform: 'win32', readRegistry: registry('reg-query-partial.txt'), devFile: dev });
    expect(p).toMatchObject({ ok: false, used: 'machine', ignoredDevFile: dev });
    expect(p.problems).toEqual([{ key: 'role', message: 'is required', source: null }]);
    expect(p.entries).toEqual([
      { key: 'organisation', value: 'NCTV', origin: 'registry' },
      { key: 'lockAfterMinutes', value: 5, origin: 'registry' },
      { key: 'allowOsKeyWrap', value: false, origin: 'default' },
      { key: 'retentionMonths', value: 24, origin: 'default' },
      { key: 'kAnonymity', value: 5, origin: 'default' },
      { key: 'releaseFloor', value: { period: 'month' }, origin: 'default' },
      { key: 'illustrationsPerCell', value: 2, origin: 'default' },
      { key: 'reviewWithinDays', value: 5, origin: 'default' },
      { key: 'referralGuidance', value: defaultReferralGuidance, origin: 'default' },
      { key: 'language', value: 'nl', origin: 'default' },
      { key: 'updates', value: 'off', origin: 'registry' },
      { key: 'schedule', value: { officerToLead: '0 9 * * 1', leadToCentral: '0 9 1 * *' }, origin: 'default' },
      { key: 'reportPeriod', value: 'quarter', origin: 'default' },
      { key: 'expectedEvery', value: 'month', origin: 'default' },
      { key: 'reportMinimum', value: 10, origin: 'default' },
    ]);
    expect(p.sources.map((s) => s.kind)).toEqual(['registry']);
  });

  it('uses the development file only where no machine policy is installed', () => {
    const dev = file({ organisation: 'SZW', role: 'officer' });
    const p = loadPolicy({ platform: 'win32', readRegistry: noRegistryKey, devFile: dev });
    expect(p).toMatchObject({ ok: true, used: 'development', ignoredDevFile: null, policy: { organisation: 'SZW' } });
  });

  it('never lets the development file override a machine value', () => {
    const dev = file({ organisation: 'SZW', role: 'teamlead', allowOsKeyWrap: true, updates: 'auto', updateFeedUrl: 'https://evil.example/' });
    const p = loadPolicy({ platform: 'win32', readRegistry: registry('reg-query-valid.txt'), devFile: dev });
    expect(p.ok && p.policy).toMatchObject({
      organisation: 'BZ',
      role: 'teamlead',
      updates: 'notify',
      updateFeedUrl: 'https://updates.bz.example/obi-werkplek/',
    });
    // Every value the dev file sets is also set by the registry, which wins; the rest are defaults.
    expect(p.entries.filter((e) => e.origin !== 'default').every((e) => e.origin === 'registry')).toBe(true);
    expect(p.entries.some((e) => e.origin === 'dev-file')).toBe(false);
  });

  it('reads /etc/obi-werkplek/policy.json on Linux, only when root owns it and nobody else may write it', () => {
    const machine = file({ organisation: 'BZ', role: 'officer', updates: 'off' });
    const ok = loadPolicy({ platform: 'linux', machineFile: machine, machineFileOwnerUid: uid });
    expect(ok).toMatchObject({ ok: true, policy: { organisation: 'BZ' } });
    expect(ok.sources).toEqual([{ kind: 'machine-file', location: machine, present: true }]);

    chmodSync(machine, 0o666);
    const writable = loadPolicy({ platform: 'linux', machineFile: machine, machineFileOwnerUid: uid });
    expect(writable.problems).toEqual([{ key: '(file)', message: 'must not be writable by group or others (chmod 644)', source: 'machine-file' }]);

    chmodSync(machine, 0o644);
    const foreign = loadPolicy({ platform: 'linux', machineFile: machine, machineFileOwnerUid: uid + 1 });
    expect(foreign.problems).toContainEqual({ key: '(file)', message: 'must be owned by root', source: 'machine-file' });
  });

  it('fails closed: a broken machine file is not replaced by the development file', () => {
    const dir = tempDir();
    const machine = join(dir, 'policy.json');
    writeFileSync(machine, '{ "organisation": ');
    chmodSync(machine, 0o644);
    const dev = file({ organisation: 'SZW', role: 'officer' });
    const p = loadPolicy({ platform: 'linux', machineFile: machine, machineFileOwnerUid: uid, devFile: dev });
    expect(p.ok).toBe(false);
    expect(p.problems).toContainEqual({ key: '(file)', message: 'is not valid JSON', source: 'machine-file' });
    expect(p.entries.some((e) => e.origin === 'dev-file')).toBe(false);
    const folder = join(dir, 'folder');
    mkdirSync(folder);
    expect(loadPolicy({ platform: 'linux', machineFile: folder, machineFileOwnerUid: uid }).problems).toContainEqual({
      key: '(file)',
      message: 'is a folder',
      source: 'machine-file',
    });
    const fifo = join(dir, 'fifo.json');
    execFileSync('mkfifo', ['-m', '644', fifo]);
    const broken = loadPolicy({ platform: 'linux', machineFile: fifo, machineFileOwnerUid: uid, devFile: dev });
    expect(broken.ok).toBe(false);
    expect(broken.problems).toContainEqual({ key: '(file)', message: 'is a pipe', source: 'machine-file' });
    // The development file fills nothing where a machine policy is installed, broken or not.
    expect([...broken.problems, ...broken.entries].map((p) => ('source' in p ? p.source : p.origin))).not.toContain('dev-file');
  });

  it('names every wrong key with the source that holds it', () => {
    const p = loadPolicy({ platform: 'win32', readRegistry: registry('reg-query-invalid.txt') });
    expect(p.ok).toBe(false);
    expect(p.problems).toEqual(
      expect.arrayContaining([
        { key: 'lockAfterMinutes', message: 'must be a REG_DWORD (found REG_SZ)', source: 'registry' },
        { key: 'organisation', message: 'must be one of "SZW", "BZ", "NCTV"', source: 'registry' },
        { key: 'role', message: 'is required', source: null },
        { key: 'allowOsKeyWrap', message: 'must be a boolean', source: 'registry' },
        { key: 'updates', message: 'must be one of "off", "notify", "auto"', source: 'registry' },
      ]),
    );
    expect(p.warnings).toEqual([{ key: 'FutureKey', message: 'unknown key, ignored', source: 'registry' }]);
  });

  it('says so when no source holds a policy', () => {
    const p = loadPolicy({ platform: 'win32', readRegistry: noRegistryKey });
    expect(p.ok).toBe(false);
    expect(p.problems[0]).toEqual({
      key: '(policy)',
      message: 'no policy found (looked in: HKEY_LOCAL_MACHINE\\Software\\Policies\\OBI\\Werkplek)',
      source: null,
    });
    expect(resolvePolicy([]).problems[0]?.message).toBe('no policy found (looked in: no location for this platform)');
  });

  it('applies the rules between keys: a feed is required when updates are on', () => {
    const p = resolvePolicy([
      { kind: 'dev-file', location: 't', present: true, values: { organisation: 'SZW', role: 'officer', updates: 'auto' }, problems: [] },
    ]);
    expect(p.problems).toEqual([{ key: 'updateFeedUrl', message: 'is required when updates is "notify" or "auto"', source: null }]);
  });
});

describe('development file', () => {
  it('counts only in development builds', () => {
    const env = { OBI_POLICY: '/home/dev/policy.json' };
    expect(policyLoadOptions({ devBuild: false, platform: 'win32', env, devDefaultFile: '/app/example.json' })).toEqual({ platform: 'win32' });
    expect(policyLoadOptions({ devBuild: true, platform: 'win32', env, devDefaultFile: '/app/example.json' })).toEqual({
      platform: 'win32',
      devFile: '/home/dev/policy.json',
    });
    expect(policyLoadOptions({ devBuild: true, platform: 'linux', env: {}, devDefaultFile: '/app/example.json' }).devFile).toBe('/app/example.json');
    expect(policyLoadOptions({ devBuild: true, platform: 'linux', env: {} }).devFile).toBeUndefined();
  });

  it('names a pipe, a device, a folder or a file above 1 MB as a problem of its source, without waiting or reading it', () => {
    const dir = tempDir();
    execFileSync('mkfifo', [join(dir, 'fifo.json')]);
    symlinkSync('/dev/zero', join(dir, 'zero.json'));
    mkdirSync(join(dir, 'folder.json'));
    writeFileSync(join(dir, 'big.json'), `{"organisation": "SZW", "role": "officer", "x": "${'a'.repeat(1024 * 1024)}"}`);
    const cases = [
      ['fifo.json', 'is a pipe'],
      ['zero.json', 'is a device'],
      ['folder.json', 'is a folder'],
      ['big.json', 'is larger than 1 MB'],
    ] as const;
    for (const [name, message] of cases) {
      expect(readPolicyFile(join(dir, name)), name).toEqual({ ok: false, problems: [{ key: '(file)', message }], warnings: [] });
      expect(loadPolicy({ platform: 'darwin', devFile: join(dir, name) }).problems, name).toContainEqual({ key: '(file)', message, source: 'dev-file' });
    }
  });

  it('is one more problem when missing or not JSON, not a crash', () => {
    const dir = tempDir();
    expect(readPolicyFile(join(dir, 'absent.json'))).toMatchObject({ ok: false, problems: [{ key: '(file)', message: 'does not exist' }] });
    writeFileSync(join(dir, 'bad.json'), '{ organisation: SZW');
    expect(readPolicyFile(join(dir, 'bad.json'))).toMatchObject({ ok: false, problems: [{ key: '(file)', message: 'is not valid JSON' }] });
    writeFileSync(join(dir, 'list.json'), '[]');
    expect(loadPolicy({ platform: 'darwin', devFile: join(dir, 'list.json') }).problems).toContainEqual({
      key: '(file)',
      message: 'must hold a JSON object',
      source: 'dev-file',
    });
  });
});
