import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildTeamPayload } from '../../shared/exchange/stix/team-bundle';
import { builtinTaxonomy } from '../../shared/taxonomy/builtin-taxonomy';
import { cells, header } from '../../shared/test-support/exchange-fixtures';
import { formatPublicKeyFile, generateKeyPair, publicKeyBase64 } from '../core/crypto/minisign';
import { sealPayload, writeBundleFiles } from '../core/exchange/envelope';
import { createVault } from '../core/vault/vault';
import { obi } from '../test-support/run-cli';
import { stock, stockAgeKey } from '../test-support/stock-tools';
import { passphrase, tempDir, testVaultOptions } from '../test-support/temp-dirs';

async function vaultEnv() {
  const dir = join(tempDir(), 'vault');
  (await createVault(dir, passphrase, testVaultOptions)).vault.close();
  return { OBI_VAULT: dir, OBI_PASSPHRASE: passphrase };
}

const payload = buildTeamPayload(header(), builtinTaxonomy(), { cells, k: 5, suppressed: 0, carriedOver: 0 });

describe('obi keys', () => {
  it('init prints exactly one JSON line {signer, recipient}; show prints it again', async () => {
    const env = await vaultEnv();
    const init = await obi(['keys', 'init'], env);
    expect(init.code, init.err).toBe(0);
    expect(init.out.split('\n')).toHaveLength(1);
    const keys = JSON.parse(init.out) as Record<string, string>;
    expect(Object.keys(keys)).toEqual(['signer', 'recipient']);
    expect(keys.recipient).toMatch(/^age1/);
    expect(keys.signer).toMatch(/^RW[A-Za-z0-9+/]{54}$/);

    expect((await obi(['keys', 'show'], env)).out).toBe(init.out);
    const withFingerprint = (await obi(['keys', 'show', '--fingerprint'], env)).out.split('\n');
    expect(withFingerprint[0]).toMatch(/^fingerprint: \d{4}( \d{4}){9}$/);
    expect(withFingerprint.at(-1)).toBe(init.out);

    const again = await obi(['keys', 'init'], env);
    expect(again).toMatchObject({ code: 2, out: '' });
    expect(again.err).toMatch(/^obi: This workstation already has its keys/);
  });

  it('show without keys says how to make them', async () => {
    const shown = await obi(['keys', 'show'], await vaultEnv());
    expect(shown.code).toBe(2);
    expect(shown.err).toMatch(/obi keys init/);
  });
});

describe('obi bundle open', () => {
  async function bundle() {
    const dir = tempDir();
    const central = stockAgeKey(dir);
    const lead = generateKeyPair();
    const pub = join(dir, 'lead.pub');
    writeFileSync(pub, formatPublicKeyFile(lead));
    const { agePath } = writeBundleFiles(dir, payload.manifest.id, await sealPayload(JSON.stringify(payload), [central.recipient], lead));
    return { dir, central, lead, pub, agePath };
  }

  it('verifies, decrypts and prints the payload, as stock age does', async () => {
    const { central, lead, pub, agePath } = await bundle();
    const byFile = await obi(['bundle', 'open', agePath, '--identity', central.keyFile, '--signer', pub]);
    expect(byFile.code, byFile.err).toBe(0);
    expect(JSON.parse(byFile.out)).toEqual(payload);
    // Stock age gives the same JSON, followed by the padding (spaces) that hides the bundle's size.
    expect(byFile.out).toBe(stock('age', ['-d', '-i', central.keyFile, agePath]).out.trimEnd());
    const byKey = await obi([
      'bundle',
      'open',
      agePath,
      '--identity',
      central.keyFile,
      '--signer',
      publicKeyBase64(generateKeyPair()),
      '--signer',
      publicKeyBase64(lead),
    ]);
    expect(byKey.code, byKey.err).toBe(0);
  });

  it('requires a signer and refuses a stranger, a tampered file and a foreign identity with one line', async () => {
    const { dir, central, pub, agePath } = await bundle();
    const noSigner = await obi(['bundle', 'open', agePath, '--identity', central.keyFile]);
    expect(noSigner.code).toBe(2);
    expect(noSigner.err).toMatch(/--signer/);

    const stranger = await obi(['bundle', 'open', agePath, '--identity', central.keyFile, '--signer', publicKeyBase64(generateKeyPair())]);
    expect(stranger).toMatchObject({ code: 2, out: '' });
    expect(stranger.err).toMatch(/^obi: The bundle .* is signed by key [0-9A-F]{16}, which is not in the --signer keys\.$/);

    const tampered = join(dir, 'tampered.age');
    writeFileSync(tampered, Buffer.concat([readFileSync(agePath), Buffer.from('x')]));
    writeFileSync(`${tampered}.minisig`, readFileSync(`${agePath}.minisig`));
    const changed = await obi(['bundle', 'open', tampered, '--identity', central.keyFile, '--signer', pub]);
    expect(changed).toMatchObject({ code: 2, out: '' });
    expect(changed.err).toMatch(/^obi: The signature of the bundle tampered.age is not valid/);

    const other = stockAgeKey(dir, 'other.key');
    const foreign = await obi(['bundle', 'open', agePath, '--identity', other.keyFile, '--signer', pub]);
    expect(foreign.err).toMatch(/^obi: The bundle is not encrypted to this key/);

    const notAKey = join(dir, 'not-a-key.txt');
    writeFileSync(notAKey, 'AGE-SECRET-KEY-1SECRETSTUFF\nnonsense that must not be echoed\n');
    const badFile = await obi(['bundle', 'open', agePath, '--identity', notAKey, '--signer', pub]);
    expect(badFile.err).toBe('obi: Line 2 of the identity file is not an age identity.');
  });
});
