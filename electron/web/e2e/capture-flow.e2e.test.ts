import { describe, expect, it } from 'vitest';
import { Meetings } from '../../core/capture/meetings';
import { captureDeps } from '../../core/wiring';
import { unlockWithPassphrase } from '../../core/vault/vault';
import { closeAppsAfterEachTest, expectAccessible, startApp, startAppProcess, tabTo, type RunningApp } from './app-harness';
import { firstRun, passphrase, unlockWith } from './flows';

closeAppsAfterEachTest();
let app: RunningApp;

const notes =
  'Bijeenkomst met twaalf ouders. Mevrouw Yıldız vertelt dat haar broer in Teheran is ondervraagd over haar werk hier. ' +
  'Een vader meldt dat medewerkers van het consulaat foto’s maakten bij de demonstratie op het Plein.';

/** Selects `text` inside the notes with the keyboard: Home of the text area, then Shift+Right. */
async function selectInNotes(app: RunningApp, text: string) {
  const { page } = app;
  const area = page.getByLabel('Notities van het gesprek');
  const start = notes.indexOf(text);
  await area.focus();
  await page.keyboard.press('Control+Home');
  for (let i = 0; i < start; i++) await page.keyboard.press('ArrowRight');
  for (let i = 0; i < text.length; i++) await page.keyboard.press('Shift+ArrowRight');
}

/** Picks a taxonomy value by typing in the dimension's combobox and pressing Enter. */
async function pickTag(app: RunningApp, dimension: RegExp | string, typed: string) {
  const { page } = app;
  await tabTo(page, dimension);
  await page.keyboard.type(typed);
  await page.getByRole('option').first().waitFor();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  if (await page.getByRole('listbox').count()) await page.keyboard.press('Escape');
  await page.getByRole('listbox').waitFor({ state: 'detached' });
}

describe('the officer’s daily work (Chromium, keyboard only)', () => {
  it('logs a meeting, writes notes, makes and tags two signals, finds them again after a reload', async () => {
    app = await startApp();
    let { page } = app;
    await firstRun(app);

    await tabTo(page, 'Nieuw gesprek');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Nieuw gesprek' }).waitFor();
    await expectAccessible(page, 'new meeting');
    await tabTo(page, /^Gemeenschap/);
    await page.keyboard.type('Iran');
    await page.getByRole('option').first().waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await tabTo(page, /^Gemeente/);
    await page.keyboard.type('Deventer');
    await page.getByRole('option', { name: /Deventer/ }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByText('Provincie Overijssel').waitFor();
    await tabTo(page, /^Aantal deelnemers/);
    await page.keyboard.type('12');
    await tabTo(page, 'Gesprek aanmaken');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /Gesprek van .* in Deventer/ }).waitFor();

    await page.getByLabel('Notities van het gesprek').focus();
    await page.keyboard.type(notes);
    await page.getByText(/^Opgeslagen/).waitFor();
    await expectAccessible(page, 'meeting with notes');

    for (const [fragment, actor] of [
      ['haar broer in Teheran is ondervraagd over haar werk hier', 'Iran'],
      ['medewerkers van het consulaat foto’s maakten bij de demonstratie', 'Iran'],
    ] as const) {
      await selectInNotes(app, fragment);
      await tabTo(page, 'Nieuw signaal uit selectie');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: /^Signaal \d+$/ }).waitFor();
      await expect.poll(() => page.getByLabel('Samenvatting voor de teamleider').inputValue()).toBe(fragment);
      await pickTag(app, /^Statelijke actor/, actor);
      await pickTag(app, /^Modus operandi/, 'familie');
      await tabTo(page, /bron stemt in/);
      await page.keyboard.press('Space');
      await expectAccessible(page, 'signal');
      await tabTo(page, 'Markeer als gereed');
      await page.keyboard.press('Enter');
      await page.getByText('Gereed', { exact: true }).first().waitFor();
      await tabTo(page, 'Naar het gesprek');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: /Gesprek van/ }).waitFor();
    }
    await expect.poll(() => page.locator('.signal-list li').count()).toBe(2);

    // Restart the app on the same vault: it opens locked, and everything is still there.
    const vaultDir = app.vaultDir;
    await app.close();
    app = await startApp({ vaultDir });
    page = app.page;
    await page.getByRole('heading', { level: 1, name: 'Kluis ontgrendelen' }).waitFor();
    await unlockWith(app, passphrase);
    await page.getByRole('heading', { level: 1, name: 'Overzicht' }).waitFor();
    await tabTo(page, 'Gesprekken');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Gesprekken' }).waitFor();
    await expectAccessible(page, 'meetings');
    await tabTo(page, 'Zoeken in notities en samenvattingen');
    await page.keyboard.type('yildiz');
    await page.locator('mark', { hasText: 'Yıldız' }).first().waitFor();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('consulaat');
    await expect.poll(() => page.locator('.result').count()).toBe(2);

    await page.getByLabel('Zoeken in notities en samenvattingen').fill('');
    await tabTo(page, 'Filters');
    await page.keyboard.press('Enter');
    await pickTag(app, /^Modus operandi/, 'familie');
    await expect.poll(() => page.locator('.result').count()).toBe(3);
    await expectAccessible(page, 'meetings with filters');
  });

  it('moves the remembered place and tags from the page storage into the vault once, and finds them there in a fresh browser', async () => {
    app = await startApp();
    let { page } = app;
    await page.evaluate(() => {
      localStorage.setItem('obi-meeting-defaults', JSON.stringify({ community: 'iranian', municipality: 'Deventer' }));
      localStorage.setItem('obi-recent-tags', JSON.stringify({ 'nl-obi:state-actor': ['nl-obi:state-actor="IR"'] }));
    });
    await firstRun(app);
    const storedOutside = () => page.evaluate(() => Object.keys(localStorage).filter((key) => key !== 'obi-language'));
    const openNewMeeting = async () => {
      await tabTo(page, 'Nieuw gesprek');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: 'Nieuw gesprek' }).waitFor();
      await page.getByText('Provincie Overijssel').waitFor();
    };
    await openNewMeeting();
    await expect.poll(storedOutside).toEqual([]);

    // A new browser profile on the same vault: the page storage is empty, the vault remembers.
    const vaultDir = app.vaultDir;
    await app.close();
    app = await startApp({ vaultDir });
    page = app.page;
    await page.getByRole('heading', { level: 1, name: 'Kluis ontgrendelen' }).waitFor();
    await unlockWith(app, passphrase);
    await page.getByRole('heading', { level: 1, name: 'Overzicht' }).waitFor();
    await openNewMeeting();
    expect(await storedOutside()).toEqual([]);
    await expectAccessible(page, 'new meeting with remembered place');
  });

  it('keeps what was typed when the core is killed mid-typing: at most the last second is lost', async () => {
    const proc = await startAppProcess();
    const { page, vaultDir } = proc;
    try {
      await firstRun(proc);
      await tabTo(page, 'Nieuw gesprek');
      await page.keyboard.press('Enter');
      await page.getByLabel('Aantal deelnemers', { exact: true }).fill('4');
      await page.getByRole('combobox', { name: /^Gemeente/ }).fill('Utrecht');
      await page
        .getByRole('option', { name: /^Utrecht/ })
        .first()
        .click();
      await page.getByRole('combobox', { name: /^Gemeenschap/ }).fill('Eritre');
      await page.getByRole('option').first().click();
      await tabTo(page, 'Gesprek aanmaken');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: /Gesprek van/ }).waitFor();

      await page.getByLabel('Notities van het gesprek').focus();
      const typed: Array<{ text: string; at: number }> = [];
      let text = '';
      for (let i = 0; i < 40; i++) {
        const word = `woord${i} `;
        await page.keyboard.type(word);
        text += word;
        typed.push({ text, at: Date.now() });
        await page.waitForTimeout(60);
      }
      const killedAt = Date.now();
      proc.kill();
      expect(proc.problems.filter((p) => !/Failed to load resource|ERR_CONNECTION/.test(p))).toEqual([]);

      await new Promise((r) => setTimeout(r, 200));
      const vault = await unlockWithPassphrase(vaultDir, passphrase);
      const saved = new Meetings(vault, captureDeps(vault)).notes(1).body;
      vault.close();
      const mustHave = typed.filter((t) => t.at <= killedAt - 1000).at(-1)?.text ?? '';
      expect(mustHave.length).toBeGreaterThan(0);
      expect(saved.startsWith(mustHave)).toBe(true);
      expect(text.startsWith(saved)).toBe(true);
    } finally {
      await proc.close();
    }
  });
});
