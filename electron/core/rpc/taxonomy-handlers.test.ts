import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { taxonomyFileMaxBytes } from '../../../shared/taxonomy/taxonomy-package';
import { rawBuiltin, version2 } from '../../../shared/test-support/taxonomy-evolve';
import { passphrase, tempDir, testVaultOptions } from '../../test-support/temp-dirs';
import { validTestPolicy } from '../../test-support/test-policy';
import { VaultSession } from '../session/vault-session';
import { captureDeps } from '../wiring';
import { dispatch, type Handlers } from './dispatch';
import { createHandlers } from './handlers';

const sessions: VaultSession[] = [];
afterEach(() => sessions.splice(0).forEach((s) => s.dispose()));

async function unlocked(role: 'central' | 'officer'): Promise<{ h: Handlers; documents: string }> {
  const policy = validTestPolicy({ organisation: 'NCTV', role });
  const session = new VaultSession({ vaultDir: join(tempDir(), 'v'), policy: policy.policy, vault: testVaultOptions });
  sessions.push(session);
  const documents = tempDir();
  const h = createHandlers({ session, policy, captureDeps, documentsDir: () => documents });
  await dispatch(h, 'vault.setup', { passphrase });
  return { h, documents };
}

const next = JSON.stringify(version2());
const version = rawBuiltin().machinetag.version + 1;

describe('the taxonomy update channels', () => {
  it('check and sign a package on a central workstation, saving both files into Documents', async () => {
    const { h, documents } = await unlocked('central');
    expect(await dispatch(h, 'taxonomy.checkUpdate', { text: next })).toMatchObject({
      ok: true,
      value: { namespace: 'nl-obi', version, currentVersion: version - 1, changes: { count: 3 } },
    });
    expect(await dispatch(h, 'taxonomy.signUpdate', { text: next })).toEqual({
      ok: true,
      value: { file: join(documents, `nl-obi-v${version}.json`), signature: join(documents, `nl-obi-v${version}.json.minisig`) },
    });
    expect(readdirSync(documents).sort()).toEqual([`nl-obi-v${version}.json`, `nl-obi-v${version}.json.minisig`]);
    expect(await dispatch(h, 'audit.recent', { limit: 1 })).toMatchObject({ ok: true, value: { entries: [{ event: 'taxonomy.signed' }] } });
  });

  it('name the field at fault: a text beyond the taxonomy file limit, an invalid package', async () => {
    const { h, documents } = await unlocked('central');
    for (const channel of ['taxonomy.checkUpdate', 'taxonomy.signUpdate'] as const) {
      expect(await dispatch(h, channel, { text: ' '.repeat(taxonomyFileMaxBytes + 1) })).toEqual({
        ok: false,
        error: { code: 'invalid_request', field: 'text', message: 'text: must be at most 4 MB' },
      });
      expect(await dispatch(h, channel, { text: '' })).toMatchObject({ ok: false, error: { code: 'invalid_request', field: 'text' } });
      const invalid = await dispatch(h, channel, { text: JSON.stringify({ ...version2(), labels: {} }) });
      expect(invalid).toMatchObject({ ok: false, error: { code: 'taxonomy_invalid', field: 'labels.taxonomy' } });
    }
    expect(readdirSync(documents)).toEqual([]);
  });

  it('are refused on a workstation that is not the central point', async () => {
    const { h, documents } = await unlocked('officer');
    expect(await dispatch(h, 'taxonomy.checkUpdate', { text: next })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(await dispatch(h, 'taxonomy.signUpdate', { text: next })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(readdirSync(documents)).toEqual([]);
  });
});
