import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { taxonomyFileMaxBytes } from '../../../shared/taxonomy/taxonomy-package';
import { rawBuiltin, version2 } from '../../../shared/test-support/taxonomy-evolve';
import { centralWorkstation } from '../../test-support/central-chain';
import { passphrase as testPassphrase, tempDir, testArgon2 } from '../../test-support/temp-dirs';
import { workstationKeys } from '../../core/exchange/workstation-keys';
import { activeTaxonomy } from '../../core/taxonomy/active-taxonomy';
import { importTaxonomy } from '../../core/taxonomy/import-taxonomy';
import { createVault } from '../../core/vault/vault';
import { closeAppsAfterEachTest, expectAccessible, startApp, tabTo } from './app-harness';
import { passphrase, unlockWith } from './flows';

/**
 * The central point publishes a taxonomy update in the browser, by keyboard: the Taxonomie page
 * checks the next version, signs it with the workstation's key and saves both files into the
 * documents folder; a team whose policy trusts the signer shown imports it.
 */

closeAppsAfterEachTest();

describe('the Taxonomie page of the central point', () => {
  it('checks, signs and saves the next version by keyboard, and a team imports it', async () => {
    const central = await centralWorkstation();
    const signer = workstationKeys(central.vault)!.signer;
    central.vault.confirmRecoveryKey();
    const vaultDir = central.vault.dir;
    central.vault.close();
    const version = rawBuiltin().machinetag.version + 1;
    const update = join(tempDir(), 'nl-obi-update.json');
    writeFileSync(update, `${JSON.stringify(version2(), null, 2)}\n`);

    const app = await startApp({ vaultDir, policy: { organisation: 'NCTV', role: 'central' } });
    const { page } = app;
    await unlockWith(app, passphrase);
    await page.getByRole('heading', { level: 1, name: 'Fenomeenbeeld' }).waitFor();
    await page.getByRole('navigation').getByRole('button', { name: 'Taxonomie', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Taxonomie' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await expect.poll(() => page.getByTestId('taxonomy-version').textContent()).toBe(String(version - 1));
    expect(await page.getByTestId('taxonomy-signer').textContent()).toBe(signer);
    await expectAccessible(page, 'taxonomy');

    // Refused with the reason and nothing offered for signing: a file over the limit (not even
    // read), a package teams would refuse. Set directly: headless Chromium opened no third chooser by key.
    const huge = join(tempDir(), 'huge.json');
    writeFileSync(huge, ' '.repeat(taxonomyFileMaxBytes + 1));
    await page.setInputFiles('#tx-file', huge);
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toBe('Het bestand is groter dan 4 MB en is niet gelezen.');
    const current = join(tempDir(), 'current.json');
    writeFileSync(current, JSON.stringify(rawBuiltin()));
    await page.setInputFiles('#tx-file', current);
    await expect.poll(() => alert.textContent()).toMatch(/^Deze taxonomie is niet nieuwer dan de taxonomie die in gebruik is/);
    expect(await page.getByRole('button', { name: 'Ondertekenen en opslaan' }).count()).toBe(0);

    await tabTo(page, 'Taxonomiepakket');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Space')]);
    await chooser.setFiles(update);
    const check = page.getByTestId('taxonomy-check');
    await expect.poll(() => check.textContent()).toContain(`nl-obi versie ${version} (nu geldig: ${version - 1})`);
    expect(await page.getByRole('list', { name: 'Wijzigingen' }).getByRole('listitem').allTextContents()).toEqual([
      'Hernoemd: nl-obi:channel="email" → nl-obi:channel="e-mail"',
      'Samengevoegd: nl-obi:effect="travel-avoidance" → nl-obi:effect="withdrawal-from-activity"',
      'Vervallen: nl-obi:reporting="not-reported-other"',
    ]);
    await expectAccessible(page, 'taxonomy checked');

    await tabTo(page, 'Ondertekenen en opslaan');
    await page.keyboard.press('Enter');
    const status = page.getByRole('status').filter({ hasText: 'Ondertekend en opgeslagen' });
    await status.waitFor();
    expect(await status.locator('code').allTextContents()).toEqual([`nl-obi-v${version}.json`, `nl-obi-v${version}.json.minisig`]);
    await expectAccessible(page, 'taxonomy signed');

    const documents = dirname(vaultDir);
    const published = join(documents, `nl-obi-v${version}.json`);
    expect(existsSync(`${published}.minisig`)).toBe(true);
    expect(readFileSync(published, 'utf8')).toBe(readFileSync(update, 'utf8'));

    const { vault: team } = await createVault(join(tempDir(), 'team'), testPassphrase, { argon2: testArgon2, taxonomyKey: signer });
    try {
      expect(importTaxonomy(team, [], published, signer)).toMatchObject({ version });
      expect(activeTaxonomy(team).taxonomy.machinetag.version).toBe(version);
    } finally {
      team.close();
    }
  }, 300_000);
});
