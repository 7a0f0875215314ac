import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { evolve, sampleTags, version2 } from '../../../shared/test-support/taxonomy-evolve';
import { centralKey, writeTaxonomyFile } from '../../test-support/signed-taxonomy';
import { passphrase, tempDir, testVaultOptions } from '../../test-support/temp-dirs';
import { importTaxonomy } from '../taxonomy/import-taxonomy';
import { createVault, type OpenVault } from '../vault/vault';
import { captureDeps, taggedStores } from '../wiring';
import { Meetings } from './meetings';
import { Signals } from './signals';

const open: OpenVault[] = [];
afterEach(() => open.splice(0).forEach((v) => v.close()));

describe('a newer taxonomy and the records of capture', () => {
  it('migrates signal tags and meeting communities, records the new version, audits each change', async () => {
    const { vault } = await createVault(join(tempDir(), 'v'), passphrase, testVaultOptions);
    open.push(vault);
    const deps = captureDeps(vault);
    const meeting = new Meetings(vault, deps).create(
      { date: '2026-11-02', time: null, kind: 'event', community: 'tibetan', municipality: 'Utrecht', setting: '', participants: 30 },
      'Notities over een bijeenkomst.',
    );
    const signals = new Signals(vault, deps);
    const s = signals.create({
      meetingId: meeting.id,
      spans: [{ start: 0, end: 8 }],
      summary: 'Samenvatting',
      tags: [sampleTags.iran, sampleTags.email, sampleTags.travel, sampleTags.withdrawal, sampleTags.other],
      consent: true,
    });
    expect(s.taxonomyVersion).toBe(2);

    const next = evolve([{ retire: ['community', 'tibetan'] }], version2());
    const { key, taxonomyKey } = centralKey();
    const file = writeTaxonomyFile(tempDir(), next, key);
    const result = importTaxonomy(vault, taggedStores(vault), file, taxonomyKey);
    expect(result).toMatchObject({ version: 4, previousVersion: 2 });

    const after = new Signals(vault, captureDeps(vault)).get(s.id);
    expect(after.taxonomyVersion).toBe(4);
    expect(after.tags).toEqual([sampleTags.eMail, sampleTags.withdrawal, sampleTags.iran].sort());
    expect(new Meetings(vault, captureDeps(vault)).get(meeting.id).community).toBe('unknown');
    const migrated = vault.recentAudit(50).filter((e) => e.event === 'taxonomy.tag_migrated');
    expect(migrated.length).toBeGreaterThanOrEqual(4);
    expect(JSON.stringify(migrated)).not.toContain('Samenvatting');
  });
});
