import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { closeAppsAfterEachTest, expectAccessible, startApp, tabTo, type RunningApp } from './app-harness';
import { firstRun, lockWithKeyboard, passphrase, unlockWith } from './flows';

closeAppsAfterEachTest();
let app: RunningApp;

/** What has focus: the heading's text when it is an h1, else the element's tag and whether it is in the main region. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    if (el.tagName === 'H1') return `h1: ${el.textContent ?? ''}`;
    return `${el.tagName.toLowerCase()}${el.closest('main') ? ' in main' : ''}`;
  });

/** Presses the navigation's button for `name` with the keyboard and waits for the page's heading. */
async function navigate(page: Page, name: string, heading: string | RegExp) {
  await page.getByRole('navigation').getByRole('button', { name, exact: true }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

describe('focus after a navigation (Chromium, keyboard only)', () => {
  it('moves to the heading of each page the navigation opens; Tab goes on in that page', async () => {
    app = await startApp();
    const { page } = app;
    await firstRun(app);
    await expect.poll(() => focused(page)).toBe('h1: Overzicht');
    await expectAccessible(page, 'home with its heading focused');
    // The next Tab reaches the page's first control, not the top of the document.
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('button in main');

    for (const [nav, heading] of [
      ['Gesprekken', 'Gesprekken'],
      ['Nieuw gesprek', 'Nieuw gesprek'],
      ['Versturen', 'Versturen naar de teamleider'],
      ['Werkplek', 'Werkplek'],
      ['Overzicht', 'Overzicht'],
    ] as const) {
      await navigate(page, nav, heading);
      await expect.poll(() => focused(page)).toBe(`h1: ${heading}`);
    }
  });

  it('moves to the heading when a page opens another view of itself: a new meeting once created', async () => {
    app = await startApp();
    const { page } = app;
    await firstRun(app);
    await navigate(page, 'Nieuw gesprek', 'Nieuw gesprek');
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
    await tabTo(page, /^Aantal deelnemers/);
    await page.keyboard.type('12');
    await tabTo(page, 'Gesprek aanmaken');
    await page.keyboard.press('Enter');
    const title = page.getByRole('heading', { level: 1, name: /Gesprek van .* in Deventer/ });
    await title.waitFor();
    await expect.poll(() => focused(page)).toBe(`h1: ${await title.textContent()}`);
  });

  it('leaves focus where a page puts it itself: the passphrase field when locked, then the heading once open', async () => {
    app = await startApp();
    const { page } = app;
    await firstRun(app);
    await lockWithKeyboard(app);
    await expect.poll(() => focused(page)).toBe('input in main');
    await unlockWith(app, passphrase);
    await page.getByRole('heading', { level: 1, name: 'Overzicht' }).waitFor();
    await expect.poll(() => focused(page)).toBe('h1: Overzicht');
  });
});
