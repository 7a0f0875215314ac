import { describe, expect, it } from 'vitest';
import { closeAppsAfterEachTest, expectAccessible, startApp, tabTo, type RunningApp } from './app-harness';
import { confirmShownRecoveryKey, expectSecurityEvent, firstRun, goHome, lockWithKeyboard, passphrase, unlockWith } from './flows';

closeAppsAfterEachTest();
let app: RunningApp;

describe('the vault in the real UI (Chromium, keyboard only)', () => {
  it('first run → passphrase → recovery key confirmed → app; lock; wrong passphrase; unlock', async () => {
    app = await startApp();
    const { page } = app;
    await page.getByRole('heading', { level: 1, name: 'Kluis instellen' }).waitFor();
    await expectAccessible(page, 'setup');

    // Too short and not repeated: the form says so and creates nothing.
    await page.keyboard.type('short');
    await page.keyboard.press('Enter');
    await page.getByText('De wachtzin moet minstens 12 tekens hebben.').waitFor();
    await page.getByText('De twee wachtzinnen zijn niet gelijk.').waitFor();
    await expectAccessible(page, 'setup with errors');
    // Long enough but easy to guess: the meter and its hint say so while typing, and the form refuses it.
    await page.getByLabel('Nieuwe wachtzin').fill('aaaaaaaaaaaa');
    await page.getByLabel('Herhaal de wachtzin').fill('aaaaaaaaaaaa');
    const meter = page.getByRole('meter', { name: 'Sterkte van de wachtzin' });
    await expect.poll(() => meter.getAttribute('aria-valuetext')).toBe('Zeer zwak');
    await page.getByText('Herhaalde tekens zoals "aaa" zijn makkelijk te raden.').waitFor();
    await page.keyboard.press('Enter');
    await page.getByText('Deze wachtzin is te makkelijk te raden. Kies een langere zin of meer woorden.').waitFor();
    await expectAccessible(page, 'setup with a weak passphrase');
    await page.getByLabel('Herhaal de wachtzin').fill('');
    await page.getByLabel('Nieuwe wachtzin').fill('');
    await page.getByLabel('Nieuwe wachtzin').focus();

    await firstRun(app);
    await expectSecurityEvent(app, 'Herstelsleutel bevestigd');
    await goHome(app);
    // The effective machine policy, each value with where it came from (here the development file, else the default).
    const policyRow = page.getByTestId('policy-table').getByRole('row', { name: /Automatisch vergrendelen na/ });
    await expect.poll(() => policyRow.textContent()).toMatch(/10.*standaardwaarde/);
    expect(
      await page
        .getByTestId('policy-table')
        .getByRole('row', { name: /Organisatie/ })
        .textContent(),
    ).toContain('ontwikkelbestand');
    await expectAccessible(page, 'home');

    await lockWithKeyboard(app);
    await expectAccessible(page, 'unlock');
    await unlockWith(app, 'this is not the passphrase');
    await page.getByRole('alert').filter({ hasText: 'Deze wachtzin opent de kluis niet.' }).waitFor();
    await expectAccessible(page, 'unlock with error');
    await unlockWith(app, passphrase);
    await page.getByRole('heading', { level: 1, name: 'Overzicht' }).waitFor();
  });

  it('slows down repeated wrong passphrases with a visible countdown, then lets the right one in', async () => {
    app = await startApp();
    const { page } = app;
    await firstRun(app);
    await lockWithKeyboard(app);
    for (let i = 1; i <= 3; i++) {
      await unlockWith(app, `wrong guess number ${i}`);
      await page.getByText(`${i} mislukte poging(en).`).waitFor();
    }
    await page.getByText(/Wacht nog \d+ seconden voor een nieuwe poging\./).waitFor();
    await expectAccessible(page, 'unlock while throttled');
    await page.getByText(/Wacht nog/).waitFor({ state: 'detached', timeout: 10_000 });
    await unlockWith(app, passphrase);
    await page.getByRole('heading', { level: 1, name: 'Overzicht' }).waitFor();
    await expectSecurityEvent(app, 'Kluis ontgrendeld');
  });

  it('rotates the keys under Beveiliging: a new recovery key is confirmed, the new passphrase unlocks', async () => {
    app = await startApp();
    const { page } = app;
    const firstKey = await firstRun(app);
    await tabTo(page, 'Sleutels vernieuwen');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor();
    await expectAccessible(page, 'rekey dialog');
    const next = 'a brand new passphrase for the vault';
    await page.keyboard.type(passphrase);
    await page.keyboard.press('Tab');
    await page.keyboard.type(next);
    await page.keyboard.press('Tab');
    await page.keyboard.type(next);
    await page.keyboard.press('Enter');
    const secondKey = await confirmShownRecoveryKey(app);
    expect(secondKey).not.toBe(firstKey);
    await page.getByRole('heading', { level: 1, name: 'Overzicht' }).waitFor();
    await expectSecurityEvent(app, 'Sleutels vernieuwd');
    await lockWithKeyboard(app);
    await unlockWith(app, passphrase);
    await page.getByRole('alert').filter({ hasText: 'Deze wachtzin opent de kluis niet.' }).waitFor();
    await page.getByLabel('Wachtzin', { exact: true }).fill('');
    await unlockWith(app, next);
    await page.getByRole('heading', { level: 1, name: 'Overzicht' }).waitFor();
  });

  it('changes the passphrase: the old one stops working, the new one unlocks', async () => {
    app = await startApp();
    const { page } = app;
    await firstRun(app);
    await tabTo(page, 'Wachtzin wijzigen');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor();
    await expectAccessible(page, 'change passphrase dialog');
    const next = 'a brand new passphrase for the vault';
    await page.keyboard.type(passphrase);
    await page.keyboard.press('Tab');
    await page.keyboard.type(next);
    await page.keyboard.press('Tab');
    await page.keyboard.type(next);
    await page.keyboard.press('Enter');
    await page.getByText('De wachtzin is gewijzigd. De herstelsleutel blijft geldig.').waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    await tabTo(page, 'Nieuwe herstelsleutel');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor();
    await expectAccessible(page, 'new recovery key dialog');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    await lockWithKeyboard(app);
    await unlockWith(app, passphrase);
    await page.getByText('Deze wachtzin opent de kluis niet.').waitFor();
    await unlockWith(app, next);
    await page.getByRole('heading', { level: 1, name: 'Overzicht' }).waitFor();
  });

  it('recovers with the recovery key when the passphrase is forgotten', async () => {
    app = await startApp();
    const { page } = app;
    const recoveryKey = await firstRun(app);
    await lockWithKeyboard(app);
    await tabTo(page, 'Wachtzin vergeten');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Herstellen met de herstelsleutel' }).waitFor();
    await expectAccessible(page, 'recover');

    // A typing error in group 2 is named before anything is tried.
    const typo = recoveryKey.split('-');
    typo[1] = typo[1]!.replace(/^(\d)/, (d) => String((Number(d) + 1) % 10));
    const next = 'remembered this one instead';
    await page.keyboard.type(typo.join(' '));
    await page.keyboard.press('Tab');
    await page.keyboard.type(next);
    await page.keyboard.press('Tab');
    await page.keyboard.type(next);
    await page.keyboard.press('Enter');
    await page.getByText('De herstelsleutel bevat een typefout in groep 2.').waitFor();

    await page.getByLabel('Herstelsleutel', { exact: true }).fill('');
    await page.getByLabel('Herstelsleutel', { exact: true }).focus();
    await page.keyboard.type(recoveryKey);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Overzicht' }).waitFor();
    await lockWithKeyboard(app);
    await unlockWith(app, next);
    await page.getByRole('heading', { level: 1, name: 'Overzicht' }).waitFor();
  });

  it('locks itself when idle: the lock screen shows and no content stays in the page', async () => {
    app = await startApp({ idleLockMs: 8000 });
    const { page } = app;
    await firstRun(app);
    await expectSecurityEvent(app, 'Herstelsleutel bevestigd');
    await page.getByText('De kluis is vergrendeld omdat u een tijd niet actief was.').waitFor({ timeout: 30_000 });
    await page.getByRole('heading', { level: 1, name: 'Kluis ontgrendelen' }).waitFor();
    const html = await page.content();
    expect(html).not.toContain('data-content');
    expect(html).not.toContain('Herstelsleutel bevestigd');
    expect(app.server.session?.isUnlocked).toBe(false);
  });

  it('keeps a vault across a reload; an unconfirmed recovery key is confirmed by typing it, or replaced only on request', async () => {
    app = await startApp();
    const { page } = app;
    await page.getByRole('heading', { level: 1, name: 'Kluis instellen' }).waitFor();
    await page.getByLabel('Nieuwe wachtzin').fill(passphrase);
    await page.getByLabel('Herhaal de wachtzin').fill(passphrase);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Uw herstelsleutel' }).waitFor();
    const shown = (await page.getByTestId('recovery-key').locator('code').allTextContents()).map((g) => g.trim()).join('-');
    await app.reload();
    await page.getByRole('heading', { level: 1, name: 'Herstelsleutel nog niet bevestigd' }).waitFor();
    await expectAccessible(page, 'recovery key pending');
    // A wrong key is refused; the key shown before (as obi vault init prints it) is confirmed, not replaced.
    await page.keyboard.type('000000-'.repeat(7) + '000000');
    await page.keyboard.press('Enter');
    await page.getByText('Deze herstelsleutel hoort niet bij deze kluis.').waitFor();
    await page.getByLabel('Herstelsleutel', { exact: true }).fill(shown);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Overzicht' }).waitFor();
    await expectSecurityEvent(app, 'Herstelsleutel bevestigd');
  });

  it('switches to English by keyboard and remembers it', async () => {
    app = await startApp();
    const { page } = app;
    await page.getByRole('heading', { level: 1, name: 'Kluis instellen' }).waitFor();
    // A radio group: Tab reaches the selected language, the arrow keys move to the other one.
    await tabTo(page, 'Nederlands');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Space');
    await page.getByRole('heading', { level: 1, name: 'Set up the vault' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expectAccessible(page, 'setup in English');
    await app.reload();
    await page.getByRole('heading', { level: 1, name: 'Set up the vault' }).waitFor();
  });
});
