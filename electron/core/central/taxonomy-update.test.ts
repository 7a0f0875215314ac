import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rawBuiltin, sampleTags, version2 } from '../../../shared/test-support/taxonomy-evolve';
import { centralWorkstation } from '../../test-support/central-chain';
import { testPolicy } from '../../test-support/exchange-pair';
import { passphrase, tempDir, testArgon2 } from '../../test-support/temp-dirs';
import { workstationKeys } from '../exchange/workstation-keys';
import { activeTaxonomy } from '../taxonomy/active-taxonomy';
import { importTaxonomy } from '../taxonomy/import-taxonomy';
import { createVault } from '../vault/vault';
import { checkUpdate, signUpdate } from './taxonomy-update';

const next = `${JSON.stringify(version2(), null, 2)}\n`;
const version = rawBuiltin().machinetag.version + 1;

describe('taxonomy updates from the central point', () => {
  it('checks the next version, signs it with the workstation key, and a team trusting that signer imports it', async () => {
    const central = await centralWorkstation();
    const policy = testPolicy({ organisation: 'NCTV', role: 'central' });
    expect(checkUpdate(central.vault, policy, next)).toEqual({
      namespace: 'nl-obi',
      version,
      currentVersion: version - 1,
      changes: {
        count: 3,
        list: [
          { kind: 'renamed', tag: sampleTags.email, to: [sampleTags.eMail] },
          { kind: 'merged', tag: sampleTags.travel, to: [sampleTags.withdrawal] },
          { kind: 'retired', tag: sampleTags.other, to: [] },
        ],
      },
    });

    const documents = join(tempDir(), 'Documents');
    const saved = signUpdate(central.vault, policy, next, documents);
    expect(readdirSync(documents).sort()).toEqual([basename(saved.file), basename(saved.signature)]);

    const signer = workstationKeys(central.vault)!.signer;
    const { vault: team } = await createVault(join(tempDir(), 'team'), passphrase, { argon2: testArgon2, taxonomyKey: signer });
    try {
      expect(importTaxonomy(team, [], saved.file, signer)).toMatchObject({ version, previousVersion: version - 1 });
      expect(activeTaxonomy(team)).toMatchObject({ source: 'imported', taxonomy: { machinetag: { version } } });
    } finally {
      team.close();
    }
  });

  it('is for the central point only', async () => {
    const central = await centralWorkstation();
    const lead = testPolicy({ organisation: 'SZW', role: 'teamlead' });
    const documents = tempDir();
    expect(() => checkUpdate(central.vault, lead, next)).toThrow(expect.objectContaining({ code: 'invalid_request' }));
    expect(() => signUpdate(central.vault, lead, next, documents)).toThrow(expect.objectContaining({ code: 'invalid_request' }));
    expect(readdirSync(documents)).toEqual([]);
  });
});
