import { join } from 'node:path';
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import type { Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { captureDeps } from '../../core/wiring';
import { importMeetings } from '../../core/capture/notes-import';
import { readyAll } from '../../core/capture/ready-all';
import { generateKeyPair, publicKeyBase64 } from '../../core/crypto/minisign';
import { unlockWithPassphrase } from '../../core/vault/vault';
import { meetings } from '../../test-support/exchange-pair';
import { tempDir, testVaultOptions } from '../../test-support/temp-dirs';
import { freePort, makeTestPki } from '../../test-support/apache-dropbox';
import { closeAppsAfterEachTest, expectAccessible, startApp, tabTo } from './app-harness';
import { firstRun, passphrase, unlockWith } from './flows';

closeAppsAfterEachTest();

async function press(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name, exact: true }).focus();
  await page.keyboard.press('Enter');
}

describe('a WebDAV server that cannot be reached, in the real UI (Chromium)', () => {
  it('names the cause in plain words on the Send page and when fetching feedback, and keeps the bundle prepared', async () => {
    const root = tempDir('obi-e2e-transport-');
    const pki = makeTestPki(join(root, 'pki'));
    const identity = await generateX25519Identity();
    const policy = {
      teamLead: { signer: publicKeyBase64(generateKeyPair()), recipient: await identityToRecipient(identity) },
      // Nothing listens on this port: the server is unreachable.
      transport: {
        kind: 'webdav',
        url: `https://127.0.0.1:${await freePort()}`,
        outbox: '/o2l/',
        inbox: '/l2o/',
        caCert: pki.ca,
        clientCert: pki.clientCert,
        clientKey: pki.clientKey,
      },
    };
    const first = await startApp({ policy });
    await firstRun(first);
    await first.close();
    const vault = await unlockWithPassphrase(first.vaultDir, passphrase, testVaultOptions);
    const deps = captureDeps(vault);
    importMeetings(vault, deps, meetings(1));
    readyAll(vault, deps, true);
    vault.close();

    const app = await startApp({ vaultDir: first.vaultDir, policy });
    const { page } = app;
    await page.getByRole('heading', { level: 1, name: 'Kluis ontgrendelen' }).waitFor();
    await unlockWith(app, passphrase);
    await page.getByRole('heading', { level: 1, name: 'Overzicht' }).waitFor({ timeout: 15_000 });
    await tabTo(page, 'Versturen');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Versturen naar de teamleider' }).waitFor();

    await press(page, 'Bundel samenstellen');
    await press(page, 'Nu versturen');
    await page
      .getByText('Verzenden mislukt: De server is niet bereikbaar. Er gaat niets verloren: het wordt later opnieuw geprobeerd. De bundel blijft klaarstaan.')
      .waitFor({ timeout: 20_000 });
    // Still prepared: it can be sent again.
    await page.getByRole('button', { name: 'Nu versturen', exact: true }).waitFor();
    await expectAccessible(page, 'send failed (unreachable server)');

    await press(page, 'Terugmeldingen van de teamleider ophalen');
    await page
      .getByText('De server is niet bereikbaar. Er gaat niets verloren: het wordt later opnieuw geprobeerd.', { exact: true })
      .waitFor({ timeout: 20_000 });
  });
});
