import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, startApp, tabTo, type RunningApp } from './app-harness';

type HasPage = { page: Page };

/** Steps several end-to-end tests share, all by keyboard. */
export const passphrase = 'correct horse battery staple 42';

/** First run: passphrase twice, then the recovery key is shown and two groups typed back. */
export async function firstRun(a: HasPage): Promise<string> {
  const { page } = a;
  await page.getByRole('heading', { level: 1, name: 'Kluis instellen' }).waitFor();
  await page.keyboard.type(passphrase);
  await page.keyboard.press('Tab');
  await page.keyboard.type(passphrase);
  await page.keyboard.press('Enter');
  const recoveryKey = await confirmShownRecoveryKey(a);
  // A new workstation shows its keys and enrolment sheet next; then on to the overview.
  await page.getByRole('heading', { level: 1, name: 'Werkplek' }).waitFor();
  await expect.poll(() => page.getByTestId('fingerprint').textContent()).toMatch(/\S/);
  await expectAccessible(page, 'workstation');
  await tabTo(page, 'Overzicht');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Overzicht' }).waitFor();
  return recoveryKey;
}

/** The recovery-key page: reads the key shown and types back the two groups it asks for. */
export async function confirmShownRecoveryKey(a: HasPage): Promise<string> {
  const { page } = a;
  await page.getByRole('heading', { level: 1, name: 'Uw herstelsleutel' }).waitFor({ timeout: 15_000 });
  const groups = (await page.getByTestId('recovery-key').locator('code').allTextContents()).map((g) => g.trim());
  expect(groups).toHaveLength(8);
  await expectAccessible(page, 'recovery key');
  const prompt = (await page.getByText(/^Typ groep \d en groep \d/).textContent()) ?? '';
  const [a1, b1] = [...prompt.matchAll(/groep (\d)/g)].map((m) => Number(m[1]));
  await page.keyboard.type(groups[a1! - 1]!);
  await page.keyboard.press('Tab');
  await page.keyboard.type(groups[b1! - 1]!);
  await page.keyboard.press('Enter');
  return groups.join('-');
}

export async function lockWithKeyboard(a: HasPage): Promise<void> {
  await tabTo(a.page, 'Vergrendelen');
  await a.page.keyboard.press('Enter');
  await a.page.getByRole('heading', { level: 1, name: 'Kluis ontgrendelen' }).waitFor();
}

export async function unlockWith(a: HasPage, secret: string): Promise<void> {
  const field = a.page.getByLabel('Wachtzin', { exact: true });
  await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true);
  await a.page.keyboard.type(secret);
  await a.page.keyboard.press('Enter');
}

/** Opens the security events, on their own page, by keyboard; waits until `event` is listed. */
export async function expectSecurityEvent(a: HasPage, event: string): Promise<void> {
  await tabTo(a.page, 'Beveiligingsmeldingen');
  await a.page.keyboard.press('Enter');
  await a.page.getByRole('heading', { level: 1, name: 'Recente beveiligingsgebeurtenissen' }).waitFor();
  await expect.poll(() => a.page.locator('[data-content="audit"]').textContent()).toContain(event);
}

/** To a page by its entry in the navigation, by keyboard; waits for the page's heading. */
export async function goTo(page: Page, nav: string, heading: string | RegExp = nav): Promise<void> {
  await tabTo(page, nav);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

/** Back to the overview by keyboard. */
export const goHome = (a: HasPage): Promise<void> => goTo(a.page, 'Overzicht');

/** A new workstation through the UI: vault, recovery key, keys; returns its public keys. */
export async function newWorkstation(): Promise<{ vaultDir: string; signer: string; recipient: string }> {
  const app = await startApp();
  await firstRun(app);
  await goTo(app.page, 'Werkplek');
  // The keys arrive after the page: read them once both are shown.
  const keys = async () => (await app.page.locator('.facts code').allTextContents()).map((s) => s.trim());
  await expect.poll(async () => (await keys()).join(' ')).toMatch(/RW\S+ age1\S+/);
  const [, signer, recipient] = await keys();
  await app.close();
  return { vaultDir: app.vaultDir, signer: signer!, recipient: recipient! };
}

/** The app on an existing vault under this policy, unlocked with the tests' passphrase, on its overview. */
export async function unlocked(vaultDir: string, policy: Record<string, unknown>): Promise<RunningApp> {
  const app = await startApp({ vaultDir, policy });
  await app.page.getByRole('heading', { level: 1, name: 'Kluis ontgrendelen' }).waitFor();
  await unlockWith(app, passphrase);
  await app.page.getByRole('heading', { level: 1, name: 'Overzicht' }).waitFor({ timeout: 15_000 });
  return app;
}

/** A meeting in Zwolle with the Iranian community, quickly (the keyboard path of the form is tested in capture-flow), with these notes saved. */
export async function meetingWithNotes(a: HasPage, notes: string): Promise<void> {
  const { page } = a;
  await tabTo(page, 'Nieuw gesprek');
  await page.keyboard.press('Enter');
  await page.getByLabel('Aantal deelnemers', { exact: true }).fill('3');
  await page.getByRole('combobox', { name: /^Gemeente/ }).fill('Zwolle');
  await page
    .getByRole('option', { name: /^Zwolle/ })
    .first()
    .click();
  await page.getByRole('combobox', { name: /^Gemeenschap/ }).fill('Iran');
  await page.getByRole('option').first().click();
  await page.getByRole('button', { name: 'Gesprek aanmaken' }).click();
  await page.getByRole('heading', { level: 1, name: /Gesprek van/ }).waitFor();
  await page.getByLabel('Notities van het gesprek').fill(notes);
  await page.getByText(/^Opgeslagen/).waitFor();
}
