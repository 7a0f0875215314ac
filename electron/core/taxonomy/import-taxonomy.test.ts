import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { builtinTaxonomy } from '../../../shared/taxonomy/builtin-taxonomy';
import { evolve, parsed, rawBuiltin, sampleTags, version2 } from '../../../shared/test-support/taxonomy-evolve';
import { centralKey, writeTaxonomyFile } from '../../test-support/signed-taxonomy';
import { passphrase, tempDir, testVaultOptions } from '../../test-support/temp-dirs';
import { formatSecretKeyFile, generateKeyPair, publicKeyBase64, sign } from '../crypto/minisign';
import { createVault, unlockWithPassphrase, type OpenVault } from '../vault/vault';
import { activeTaxonomy, taxonomyMetaKeys } from './active-taxonomy';
import { bringTagsUpToDate, importTaxonomy } from './import-taxonomy';
import type { TaggedStore } from './tagged-records';
import { vaultSql } from '../../test-support/vault-sql';

const { email, eMail, travel, withdrawal, other, iran } = sampleTags;
const v2 = version2;

const open: OpenVault[] = [];
afterEach(() => {
  for (const v of open.splice(0)) v.close();
});

async function newVault(): Promise<OpenVault> {
  const { vault } = await createVault(join(tempDir(), 'vault'), passphrase, testVaultOptions);
  open.push(vault);
  return vault;
}

/**
 * A store of tagged records in a table of the vault itself, so that the import's transaction
 * covers it as it will cover the real signals table. `failOn` makes the nth write fail.
 */
function tableStore(vault: OpenVault, records: Array<[id: string, tags: string[], version: number]>, failOn?: number): TaggedStore & { rows(): unknown[] } {
  vaultSql(vault)('CREATE TABLE IF NOT EXISTS test_tagged (id TEXT PRIMARY KEY, tags TEXT NOT NULL, version INTEGER NOT NULL) STRICT').run();
  const insert = vaultSql(vault)('INSERT INTO test_tagged (id, tags, version) VALUES (?, ?, ?)');
  for (const [id, tags, version] of records) insert.run(id, JSON.stringify(tags), version);
  let writes = 0;
  const rows = () => vaultSql(vault)('SELECT id, tags, version FROM test_tagged ORDER BY id').all() as Array<{ id: string; tags: string; version: number }>;
  return {
    kind: 'signal',
    rows,
    listTagged: () => rows().map((r) => ({ id: r.id, tags: JSON.parse(r.tags) as string[], taxonomyVersion: r.version })),
    replaceTags: (id, tags, version) => {
      if (++writes === failOn) throw new Error('disk full');
      vaultSql(vault)('UPDATE test_tagged SET tags = ?, version = ? WHERE id = ?').run(JSON.stringify(tags), version, id);
    },
  };
}

/** Everything an import may touch: the stored taxonomy, the audit log, the tagged records. */
const stateOf = (vault: OpenVault, store: { rows(): unknown[] }) => ({
  stored: vault.getMeta(taxonomyMetaKeys.package) ?? null,
  signature: vault.getMeta(taxonomyMetaKeys.signature) ?? null,
  audit: vault.recentAudit(1000),
  rows: store.rows(),
  version: activeTaxonomy(vault).taxonomy.machinetag.version,
});

describe('importTaxonomy', () => {
  it('stores a signed newer version, migrates every tagged record and audits each change', async () => {
    const vault = await newVault();
    const { key, taxonomyKey } = centralKey();
    const store = tableStore(vault, [
      ['s-1', [iran, email, travel], 2],
      ['s-2', [iran, withdrawal, travel, other], 2],
      ['s-3', [iran], 2],
    ]);
    const file = writeTaxonomyFile(tempDir(), v2(), key);

    const result = importTaxonomy(vault, [store], file, taxonomyKey);
    expect(result).toMatchObject({ version: 3, previousVersion: 2, records: 3, tagChanges: 4 });
    expect(activeTaxonomy(vault)).toMatchObject({ source: 'imported', taxonomy: { machinetag: { version: 3 } } });
    expect(vault.getMeta(taxonomyMetaKeys.package)).toBe(readFileSync(file, 'utf8'));
    expect(store.listTagged()).toEqual([
      { id: 's-1', tags: [iran, eMail, withdrawal], taxonomyVersion: 3 },
      { id: 's-2', tags: [iran, withdrawal], taxonomyVersion: 3 },
      { id: 's-3', tags: [iran], taxonomyVersion: 3 },
    ]);

    const audit = vault.recentAudit(10).reverse();
    const imported = audit.find((e) => e.event === 'taxonomy.imported')!;
    expect(imported.data).toEqual({ version: 3, previousVersion: 2, signer: result.keyId, records: 3, tagChanges: 4 });
    const migrated = audit.filter((e) => e.event === 'taxonomy.tag_migrated').map((e) => e.data);
    expect(migrated).toEqual([
      { record: 'signal', id: 's-1', kind: 'renamed', from: email, to: JSON.stringify([eMail]), taggedWith: 2, version: 3 },
      { record: 'signal', id: 's-1', kind: 'merged', from: travel, to: JSON.stringify([withdrawal]), taggedWith: 2, version: 3 },
      { record: 'signal', id: 's-2', kind: 'merged', from: travel, to: JSON.stringify([withdrawal]), taggedWith: 2, version: 3 },
      { record: 'signal', id: 's-2', kind: 'retired', from: other, to: '[]', taggedWith: 2, version: 3 },
    ]);
    expect(vault.verifyAudit()).toMatchObject({ ok: true });
  });

  it('accepts a legacy (not prehashed) signature made by stock minisign with the central key', async () => {
    const vault = await newVault();
    const { key, taxonomyKey } = centralKey();
    const dir = tempDir();
    const file = writeTaxonomyFile(dir, v2(), null);
    writeFileSync(join(dir, 'central.key'), formatSecretKeyFile(key));
    const run = spawnSync('minisign', ['-S', '-l', '-s', join(dir, 'central.key'), '-m', file], { encoding: 'utf8', input: '' });
    expect(run.status, run.stderr).toBe(0);
    expect(importTaxonomy(vault, [], file, taxonomyKey)).toMatchObject({ version: 3, records: 0 });
  });

  describe('refuses, with the reason and the current taxonomy unchanged,', () => {
    async function refused(prepare: (dir: string, key: ReturnType<typeof centralKey>) => { file: string; taxonomyKey?: string | undefined }) {
      const vault = await newVault();
      const store = tableStore(vault, [['s-1', [email, travel], 2]]);
      const central = centralKey();
      const { file, taxonomyKey } = { taxonomyKey: central.taxonomyKey, ...prepare(tempDir(), central) };
      const before = stateOf(vault, store);
      let error: unknown;
      try {
        importTaxonomy(vault, [store], file, taxonomyKey);
      } catch (e) {
        error = e;
      }
      expect(stateOf(vault, store)).toEqual(before);
      expect(before.version).toBe(2);
      return error as { code: string; message: string; details: { field?: string } };
    }

    it('a policy without taxonomyKey', async () => {
      const e = await refused((dir, { key }) => ({ file: writeTaxonomyFile(dir, v2(), key), taxonomyKey: undefined }));
      expect(e).toMatchObject({ code: 'taxonomy_key_missing', message: expect.stringContaining('policy has no taxonomyKey') as string });
    });

    it('an unsigned file', async () => {
      const e = await refused((dir) => ({ file: writeTaxonomyFile(dir, v2(), null) }));
      expect(e).toMatchObject({
        code: 'signature_missing',
        message: 'The taxonomy file is not signed: nl-obi.json.minisig is missing beside it; an unsigned file is refused.',
      });
    });

    it('a file signed by another key', async () => {
      const e = await refused((dir) => ({ file: writeTaxonomyFile(dir, v2(), generateKeyPair()) }));
      expect(e).toMatchObject({ code: 'signature_invalid', message: expect.stringContaining('made with another key') as string });
    });

    it('a file changed after signing', async () => {
      const e = await refused((dir, { key }) => {
        const file = writeTaxonomyFile(dir, v2(), key);
        writeFileSync(file, readFileSync(file, 'utf8').replace('"e-mail"', '"e-post"'));
        return { file };
      });
      expect(e).toMatchObject({ code: 'signature_invalid', message: expect.stringContaining('changed after signing') as string });
    });

    it('a missing file', async () => {
      const e = await refused((dir, { key }) => {
        const file = writeTaxonomyFile(dir, v2(), key);
        rmSync(file);
        return { file };
      });
      expect(e).toMatchObject({ code: 'io_error', message: 'The taxonomy file nl-obi.json does not exist.' });
    });

    it('the same or an older version', async () => {
      const same = await refused((dir, { key }) => ({ file: writeTaxonomyFile(dir, rawBuiltin(), key) }));
      expect(same).toMatchObject({
        code: 'taxonomy_not_newer',
        message: 'The taxonomy file has version 2 and version 2 is in use; only a newer version is imported.',
      });
    });

    it('a signed file that is not a valid taxonomy', async () => {
      const extra = v2();
      (extra.machinetag.predicates[0] as unknown as Record<string, unknown>).colour_nl = 'rood';
      const e = await refused((dir, { key }) => ({ file: writeTaxonomyFile(dir, extra, key) }));
      expect(e).toMatchObject({ code: 'taxonomy_invalid', details: { field: 'machinetag.predicates.0' } });
      const notJson = await refused((dir, { key }) => ({ file: writeTaxonomyFile(dir, '{"format": ', key) }));
      expect(notJson).toMatchObject({ code: 'taxonomy_invalid', message: 'The taxonomy file is not valid UTF-8 JSON.' });
    });

    it('a newer version that drops a value without a change entry', async () => {
      const dropping = v2();
      dropping.changes = dropping.changes.filter((c) => c.kind !== 'retired');
      const e = await refused((dir, { key }) => ({ file: writeTaxonomyFile(dir, dropping, key) }));
      expect(e).toMatchObject({ code: 'taxonomy_invalid', message: expect.stringContaining(other) as string });
    });

    it('an import whose migration fails halfway: nothing of it stays', async () => {
      const vault = await newVault();
      const { key, taxonomyKey } = centralKey();
      const store = tableStore(
        vault,
        [
          ['s-1', [email], 1],
          ['s-2', [travel], 1],
          ['s-3', [other], 1],
        ],
        2,
      );
      const before = stateOf(vault, store);
      expect(() => importTaxonomy(vault, [store], writeTaxonomyFile(tempDir(), v2(), key), taxonomyKey)).toThrow('disk full');
      expect(stateOf(vault, store)).toEqual(before);
    });
  });

  it('refuses the version it already has, and an older one after a newer was imported', async () => {
    const vault = await newVault();
    const { key, taxonomyKey } = centralKey();
    const dir = tempDir();
    importTaxonomy(vault, [], writeTaxonomyFile(dir, v2(), key, 'v2.json'), taxonomyKey);
    expect(() => importTaxonomy(vault, [], writeTaxonomyFile(dir, v2(), key, 'v2-again.json'), taxonomyKey)).toThrow(
      expect.objectContaining({ code: 'taxonomy_not_newer' }),
    );
    expect(() => importTaxonomy(vault, [], writeTaxonomyFile(dir, rawBuiltin(), key, 'v1.json'), taxonomyKey)).toThrow(
      'The taxonomy file has version 2 and version 3 is in use; only a newer version is imported.',
    );
    const v3 = evolve([{ rename: ['channel', 'e-mail', 'electronic-mail'] }], v2());
    expect(importTaxonomy(vault, [], writeTaxonomyFile(dir, v3, key, 'v3.json'), taxonomyKey)).toMatchObject({ version: 4, previousVersion: 3 });
  });
});

describe('activeTaxonomy and bringTagsUpToDate', () => {
  it('use a newer built-in taxonomy (an app update) over an older imported one, and migrate records to it', async () => {
    const vault = await newVault();
    const { key, taxonomyKey } = centralKey();
    const store = tableStore(vault, [['s-1', [email, travel], 2]]);
    expect(activeTaxonomy(null).taxonomy).toBe(builtinTaxonomy());
    importTaxonomy(vault, [], writeTaxonomyFile(tempDir(), v2(), key), taxonomyKey);
    expect(store.listTagged()[0]!.taxonomyVersion).toBe(2);

    const shippedV3 = parsed(evolve([{ rename: ['channel', 'e-mail', 'electronic-mail'] }], v2()));
    expect(activeTaxonomy(vault, shippedV3)).toEqual({ taxonomy: shippedV3, source: 'built-in' });
    expect(bringTagsUpToDate(vault, [store], shippedV3)).toEqual({ records: 1, tagChanges: 3 });
    expect(store.listTagged()).toEqual([{ id: 's-1', tags: ['nl-obi:channel="electronic-mail"', withdrawal], taxonomyVersion: 4 }]);
    // Once records are at the version in force, later calls (every unlock) do not read them again.
    const untouchable: TaggedStore = {
      kind: 'signal',
      listTagged: () => {
        throw new Error('records read again');
      },
      replaceTags: () => undefined,
    };
    expect(bringTagsUpToDate(vault, [untouchable], shippedV3)).toEqual({ records: 0, tagChanges: 0 });
  });

  it('report a stored taxonomy that verifies but no longer parses as a damaged vault', async () => {
    const vault = await newVault();
    const text = '{"format":"obi-taxonomy-package/1"}';
    vault.setMeta(taxonomyMetaKeys.package, text);
    vault.setMeta(taxonomyMetaKeys.signature, sign(Buffer.from(text), centralKey().key, { trustedComment: 'file:nl-obi.json' }));
    expect(() => activeTaxonomy(vault)).toThrow(expect.objectContaining({ code: 'vault_corrupt' }));
  });

  it('verify the imported taxonomy again at every load, under the key policy names now', async () => {
    const { key, taxonomyKey } = centralKey();
    const dir = join(tempDir(), 'vault');
    const { vault } = await createVault(dir, passphrase, testVaultOptions);
    importTaxonomy(vault, [], writeTaxonomyFile(tempDir(), v2(), key), taxonomyKey);
    expect(activeTaxonomy(vault)).toMatchObject({ source: 'imported', taxonomy: { machinetag: { version: 3 } } });

    // Someone who can write to the vault changes the stored package: valid JSON, not what was signed.
    const stored = vault.getMeta(taxonomyMetaKeys.package)!;
    vault.setMeta(taxonomyMetaKeys.package, stored.replace(/"version": 3/, '"version": 4'));
    expect(activeTaxonomy(vault)).toMatchObject({ source: 'built-in', untrusted: true, taxonomy: { machinetag: { version: 2 } } });
    vault.setMeta(taxonomyMetaKeys.package, stored);
    vault.close();

    // IT replaced the key in policy (the old one leaked): what the old key signed is no longer in force.
    const other = await unlockWithPassphrase(dir, passphrase, { ...testVaultOptions, taxonomyKey: publicKeyBase64(generateKeyPair()) });
    expect(activeTaxonomy(other)).toMatchObject({ source: 'built-in', untrusted: true });
    other.close();
    // A policy without a taxonomy key trusts no imported taxonomy.
    const none = await unlockWithPassphrase(dir, passphrase, { ...testVaultOptions, taxonomyKey: undefined });
    expect(activeTaxonomy(none)).toMatchObject({ source: 'built-in', untrusted: true });
    none.close();
    const again = await unlockWithPassphrase(dir, passphrase, testVaultOptions);
    expect(activeTaxonomy(again)).toMatchObject({ source: 'imported' });
    again.close();
  });
});
