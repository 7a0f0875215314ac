import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { evolve, rawBuiltin, sampleTags, version2 } from '../../../shared/test-support/taxonomy-evolve';
import { passphrase, tempDir, testArgon2 } from '../../test-support/temp-dirs';
import { formatPublicKeyFile, generateKeyPair, keyIdHex, publicKeyBase64, type MinisignSecretKey } from '../crypto/minisign';
import type { ErrorCode } from '../../../shared/contract/errors';
import { AppError } from '../app-error';
import { fileLimits } from '../platform/file-limits';
import { createVault, type OpenVault } from '../vault/vault';
import { activeTaxonomy } from './active-taxonomy';
import { importTaxonomy } from './import-taxonomy';
import { publishTaxonomyUpdate } from './sign-taxonomy';

const open: OpenVault[] = [];
afterEach(() => {
  for (const v of open.splice(0)) v.close();
});

/** A vault trusting `key` for taxonomy updates, as a policy's taxonomyKey makes it. */
async function vaultTrusting(key: MinisignSecretKey): Promise<OpenVault> {
  const { vault } = await createVault(join(tempDir(), 'vault'), passphrase, { argon2: testArgon2, taxonomyKey: publicKeyBase64(key) });
  open.push(vault);
  return vault;
}

const text = (pkg: unknown) => `${JSON.stringify(pkg, null, 2)}\n`;
const signedEvents = (v: OpenVault) => v.recentAudit(100).filter((e) => e.event === 'taxonomy.signed');

describe('publishTaxonomyUpdate', () => {
  it('writes the exact package and a signature that the team side and stock minisign accept', async () => {
    const key = generateKeyPair();
    const central = await vaultTrusting(key);
    const out = join(tempDir(), 'Documents');
    const next = text(version2());
    const now = new Date('2027-01-05T09:00:00Z');
    const published = publishTaxonomyUpdate(central, next, key, out, now);

    const version = rawBuiltin().machinetag.version + 1;
    expect(published).toEqual({
      file: join(out, `nl-obi-v${version}.json`),
      signature: join(out, `nl-obi-v${version}.json.minisig`),
      version,
      keyId: keyIdHex(key.keyId),
    });
    expect(readdirSync(out).sort()).toEqual([`nl-obi-v${version}.json`, `nl-obi-v${version}.json.minisig`]);
    expect(readFileSync(published.file, 'utf8')).toBe(next);
    expect(readFileSync(published.signature, 'utf8')).toContain(
      `trusted comment: timestamp:${now.getTime() / 1000}\tfile:nl-obi-v${version}.json\ttaxonomy:nl-obi\tversion:${version}`,
    );
    expect(signedEvents(central).map((e) => e.data)).toEqual([{ version, keyId: keyIdHex(key.keyId) }]);

    const pub = join(tempDir(), 'central.pub');
    writeFileSync(pub, formatPublicKeyFile(key));
    const stock = spawnSync('minisign', ['-V', '-m', published.file, '-p', pub], { encoding: 'utf8' });
    expect(stock.status, stock.stderr).toBe(0);
    expect(spawnSync('minisign', ['-Vm', published.file, '-P', publicKeyBase64(key)], { encoding: 'utf8' }).status).toBe(0);

    const team = await vaultTrusting(key);
    const imported = importTaxonomy(team, [], published.file, publicKeyBase64(key));
    expect(imported).toMatchObject({ version, keyId: keyIdHex(key.keyId) });
    expect(activeTaxonomy(team).taxonomy.machinetag.version).toBe(version);
  });

  it('refuses a package teams would refuse, naming the problem, with nothing written or recorded', async () => {
    const key = generateKeyPair();
    const central = await vaultTrusting(key);
    const out = tempDir();
    const builtin = rawBuiltin();
    const badVersion = { ...version2(), machinetag: { ...version2().machinetag, version: 'two' } };
    const dropsValue = evolve([]);
    dropsValue.machinetag.values!.find((v) => v.predicate === 'channel')!.entry = dropsValue.machinetag
      .values!.find((v) => v.predicate === 'channel')!
      .entry!.filter((e) => e.value !== 'email');
    delete dropsValue.labels.values.channel!.email;
    const cases: Array<[string, string, { code: ErrorCode; field?: string; message: RegExp }]> = [
      ['not JSON', '{"format":', { code: 'taxonomy_invalid', message: /not valid UTF-8 JSON/ }],
      ['invalid', text(badVersion), { code: 'taxonomy_invalid', field: 'machinetag.version', message: /machinetag\.version: / }],
      [
        'the version in force',
        text(builtin),
        { code: 'taxonomy_not_newer', message: new RegExp(`has version ${builtin.machinetag.version} and version ${builtin.machinetag.version} is in use`) },
      ],
      ['an older one', text(evolve([], builtin, builtin.machinetag.version - 1)), { code: 'taxonomy_not_newer', message: /only a newer version/ }],
      ['dropping a value', text(dropsValue), { code: 'taxonomy_invalid', field: 'changes', message: new RegExp(sampleTags.email.replace(/[."]/g, '\\$&')) }],
      ['too large', ' '.repeat(fileLimits.taxonomyFile.maxBytes + 1), { code: 'file_too_large', field: 'text', message: /larger than 4 MB/ }],
    ];
    for (const [what, given, expected] of cases) {
      let error: unknown;
      try {
        publishTaxonomyUpdate(central, given, key, out);
      } catch (e) {
        error = e;
      }
      const { message, code, field } = expected;
      expect(error, what).toBeInstanceOf(AppError);
      const refused = error as AppError;
      expect({ code: refused.code, details: refused.details }, what).toEqual({ code, details: field ? { field } : {} });
      expect(refused.message, what).toMatch(message);
    }
    expect(readdirSync(out)).toEqual([]);
    expect(signedEvents(central)).toEqual([]);
  });

  it('keeps neither file nor audit entry when the folder cannot be written', async () => {
    const key = generateKeyPair();
    const central = await vaultTrusting(key);
    const notAFolder = join(tempDir(), 'file');
    writeFileSync(notAFolder, '');
    expect(() => publishTaxonomyUpdate(central, text(version2()), key, join(notAFolder, 'Documents'))).toThrow(expect.objectContaining({ code: 'io_error' }));
    expect(signedEvents(central)).toEqual([]);
  });
});
