import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evolve, rawBuiltin } from '../../shared/test-support/taxonomy-evolve';
import { formatPublicKeyFile, formatSecretKeyFile, generateKeyPair } from '../core/crypto/minisign';
import { obi } from '../test-support/run-cli';
import { centralKey, writeTaxonomyFile } from '../test-support/signed-taxonomy';
import { createVault } from '../core/vault/vault';
import { passphrase, tempDir, testVaultOptions } from '../test-support/temp-dirs';

const builtinFile = join(import.meta.dirname, '..', '..', 'shared', 'taxonomy', 'nl-obi', 'machinetag.json');
const stackTrace = /\n\s+at .+:\d+:\d+/;

function writePolicy(dir: string, extra: Record<string, unknown> = {}): string {
  const path = join(dir, 'policy.json');
  writeFileSync(path, JSON.stringify({ organisation: 'SZW', role: 'officer', ...extra }));
  return path;
}

const v2 = () => evolve([{ rename: ['channel', 'email', 'e-mail'] }]);
/** The built-in version, and the one `v2()` makes. */
const builtin = rawBuiltin().machinetag.version;
const next = builtin + 1;

describe('obi taxonomy show', () => {
  it('prints exactly the built-in machinetag.json without a vault', async () => {
    const r = await obi(['taxonomy', 'show', '--json']);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(`${r.out}\n`).toBe(readFileSync(builtinFile, 'utf8'));
    expect(await obi(['taxonomy', 'show', '--json'], { OBI_VAULT: join(tempDir(), 'not-yet') })).toMatchObject({ code: 0, out: r.out });
  });

  it('prints a readable summary in either language, and the whole package on request', async () => {
    const en = await obi(['taxonomy', 'show']);
    expect(en.code).toBe(0);
    expect(en.out).toMatch(new RegExp(`^nl-obi taxonomy version ${builtin} \\(built-in\\): OBI signals`));
    expect(en.out).toContain('  state-actor: State actor, 251 values');
    expect(en.out).toContain('  severity: Severity (one value per signal)');
    expect(en.out).toContain('reused from MISP: admiralty-scale (grading)');
    const nl = await obi(['taxonomy', 'show', '--lang', 'nl']);
    expect(nl.out).toContain('    coercion-by-proxy-family  Dwang via familie');
    expect((await obi(['taxonomy', 'show', '--lang', 'de'])).code).toBe(2);
    const pkg = JSON.parse((await obi(['taxonomy', 'show', '--package'])).out) as { format: string; changes: unknown[] };
    expect(pkg).toMatchObject({ format: 'obi-taxonomy-package/1', changes: [] });
  });
});

describe('obi taxonomy verify, import and sign', () => {
  it('verifies, imports, then shows the imported machinetag exactly; a second import is refused', async () => {
    const dir = tempDir();
    const { key, taxonomyKey } = centralKey();
    const env = { OBI_VAULT: join(dir, 'vault'), OBI_PASSPHRASE: passphrase, OBI_POLICY: writePolicy(dir, { taxonomyKey }) };
    expect((await obi(['vault', 'init'], env)).code).toBe(0);
    const file = writeTaxonomyFile(dir, v2(), key);

    const verified = await obi(['taxonomy', 'verify', file], env);
    expect(verified).toMatchObject({ code: 0, err: '' });
    expect(verified.out).toMatch(
      new RegExp(`^ok: nl-obi\\.json is taxonomy nl-obi version ${next} \\(1 changes\\), signed by key [0-9A-F]{16}; version ${builtin} is in use$`),
    );

    const imported = await obi(['taxonomy', 'import', file], env);
    expect(imported).toMatchObject({ code: 0, err: '' });
    expect(imported.out).toMatch(
      new RegExp(`^Imported taxonomy version ${next} \\(was ${builtin}\\), signed by key [0-9A-F]{16}: 0 records migrated, 0 tags changed\\.$`),
    );

    const shown = await obi(['taxonomy', 'show', '--json'], env);
    expect(shown.out).toBe(JSON.stringify((JSON.parse(readFileSync(file, 'utf8')) as { machinetag: unknown }).machinetag, null, 2));
    expect((await obi(['audit', 'verify'], env)).out).toMatch(/^ok: 2 audit entries/);

    const again = await obi(['taxonomy', 'import', file], env);
    expect(again).toEqual({
      code: 2,
      out: '',
      err: `obi: The taxonomy file has version ${next} and version ${next} is in use; only a newer version is imported.`,
    });
    expect((await obi(['taxonomy', 'verify', file], env)).code).toBe(2);
  }, 30_000);

  it('refuses with one line and exit 2: no policy, no key in policy, unsigned, wrong key, no vault', async () => {
    const dir = tempDir();
    const { key, taxonomyKey } = centralKey();
    const signed = writeTaxonomyFile(dir, v2(), key, 'signed.json');
    const unsigned = writeTaxonomyFile(dir, v2(), null, 'unsigned.json');
    const foreign = writeTaxonomyFile(dir, v2(), generateKeyPair(), 'foreign.json');
    const policy = writePolicy(dir, { taxonomyKey });
    const cases: Array<[string[], Record<string, string>, string]> = [
      [['taxonomy', 'verify', signed], {}, 'obi: The machine policy is not valid ((policy), organisation, role); the app is read-only and exports nothing.'],
      [
        ['taxonomy', 'verify', signed],
        { OBI_POLICY: writePolicy(tempDir()) },
        "obi: The policy has no taxonomyKey: a new taxonomy is only imported when policy names the central point's signing key.",
      ],
      [
        ['taxonomy', 'verify', unsigned],
        { OBI_POLICY: policy },
        'obi: The taxonomy file is not signed: unsigned.json.minisig is missing beside it; an unsigned file is refused.',
      ],
      [['taxonomy', 'verify', foreign], { OBI_POLICY: policy }, ''],
      [['taxonomy', 'verify', join(dir, 'absent.json')], { OBI_POLICY: policy }, 'obi: The taxonomy file absent.json does not exist.'],
      [['taxonomy', 'import', signed], { OBI_POLICY: policy }, 'obi: No vault: pass --vault DIR or set OBI_VAULT.'],
    ];
    for (const [args, env, message] of cases) {
      const r = await obi(args, env);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err.split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.err).not.toMatch(stackTrace);
      if (message) expect(r.err).toBe(message);
      else expect(r.err).toMatch(/^obi: The signature of the taxonomy file is not valid: it was made with another key/);
    }
  });

  it('signs a package for the central point so that stock minisign and the workstation accept it', async () => {
    const dir = tempDir();
    const key = generateKeyPair();
    writeFileSync(join(dir, 'central.key'), formatSecretKeyFile(key));
    writeFileSync(join(dir, 'central.pub'), formatPublicKeyFile(key));
    const file = writeTaxonomyFile(dir, v2(), null);

    const signed = await obi(['taxonomy', 'sign', file, '--key', join(dir, 'central.key')]);
    expect(signed).toMatchObject({
      code: 0,
      out: `Signed taxonomy version ${next} with key ${/key ([0-9A-F]{16})/.exec(readFileSync(join(dir, 'central.pub'), 'utf8'))![1]}: ${file}.minisig`,
    });
    const stock = spawnSync('minisign', ['-V', '-p', join(dir, 'central.pub'), '-m', file], { encoding: 'utf8' });
    expect(stock.status, stock.stderr).toBe(0);
    expect(stock.stdout).toMatch(new RegExp(`Trusted comment: timestamp:\\d+\\tfile:nl-obi\\.json\\ttaxonomy:nl-obi\\tversion:${next}`));
    const policy = writePolicy(dir, { taxonomyKey: readFileSync(join(dir, 'central.pub'), 'utf8').split('\n')[1] });
    expect(await obi(['taxonomy', 'verify', file], { OBI_POLICY: policy })).toMatchObject({ code: 0 });

    const broken = rawBuiltin() as unknown as { machinetag: { version: string } };
    broken.machinetag.version = 'two';
    const bad = writeTaxonomyFile(dir, broken as never, null, 'broken.json');
    const refused = await obi(['taxonomy', 'sign', bad, '--key', join(dir, 'central.key')]);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/^obi: The taxonomy file is not valid, so it was not signed: machinetag\.version: /);
    expect(existsSync(`${bad}.minisig`)).toBe(false);
  });

  it('signs with the workstation key in the vault when no --key is given, on a central workstation only', async () => {
    const dir = tempDir();
    const vaultDir = join(dir, 'vault');
    (await createVault(vaultDir, passphrase, testVaultOptions)).vault.close();
    const central = writePolicy(dir, { organisation: 'NCTV', role: 'central' });
    const env = { OBI_VAULT: vaultDir, OBI_PASSPHRASE: passphrase, OBI_POLICY: central };
    const { signer } = JSON.parse((await obi(['keys', 'init'], env)).out) as { signer: string };
    const file = writeTaxonomyFile(dir, v2(), null);

    const officer = await obi(['taxonomy', 'sign', file], { ...env, OBI_POLICY: writePolicy(tempDir(), { role: 'officer' }) });
    expect(officer).toMatchObject({ code: 2, err: 'obi: Only the central point publishes taxonomy updates; this workstation is not one (policy role).' });
    const current = writeTaxonomyFile(dir, rawBuiltin(), null, 'current.json');
    expect((await obi(['taxonomy', 'sign', current], env)).err).toMatch(/^obi: The taxonomy file has version \d+ and version \d+ is in use/);
    expect(existsSync(`${file}.minisig`) || existsSync(`${current}.minisig`)).toBe(false);

    const signed = await obi(['taxonomy', 'sign', file], env);
    expect(signed).toMatchObject({
      code: 0,
      out: expect.stringMatching(new RegExp(`^Signed taxonomy version ${next} with key [0-9A-F]{16}: .*nl-obi\\.json\\.minisig$`)) as string,
    });
    const stock = spawnSync('minisign', ['-Vm', file, '-P', signer], { encoding: 'utf8' });
    expect(stock.status, stock.stderr).toBe(0);
    expect(await obi(['taxonomy', 'verify', file], { OBI_POLICY: writePolicy(tempDir(), { taxonomyKey: signer }) })).toMatchObject({ code: 0 });
  });

  it('prints help for each taxonomy command', async () => {
    for (const sub of ['show', 'verify', 'import', 'sign']) {
      const r = await obi(['taxonomy', sub, '--help']);
      expect(r.code, sub).toBe(0);
      expect(r.out).toMatch(/^Usage: obi taxonomy/);
    }
  });
});
